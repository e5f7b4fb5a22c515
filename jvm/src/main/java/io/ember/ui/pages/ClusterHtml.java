package io.ember.ui.pages;

import io.ember.deploy.ClusterView.ExecutorView;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;

/**
 * Pieces the master's and workers' pages share: links that keep the caller's {@code token} (the
 * daemons and drivers of a cluster share its secret, hence the token), cores and memory as
 * "2 (1 Used)", and executor tables with links to their logs on the worker. Stateless.
 */
final class ClusterHtml {
    private ClusterHtml() {}

    /** A URL parameter value, encoded. */
    static String param(String value) {
        return URLEncoder.encode(value == null ? "" : value, StandardCharsets.UTF_8);
    }

    /**
     * {@code href} (an address built from encoded parts) with the request's token added when it
     * came with one, escaped for an attribute.
     */
    static String href(String href, Map<String, String> query) {
        String token = query.get("token");
        if (token != null && !token.isEmpty()) {
            href += (href.contains("?") ? "&" : "?") + "token=" + param(token);
        }
        return Html.esc(href);
    }

    /** A link to another page or daemon; plain text when {@code address} is empty (unknown). */
    static String link(String address, String text, Map<String, String> query) {
        return address.isEmpty() ? Html.esc(text) : "<a href=\"" + href(address, query) + "\">" + Html.esc(text) + "</a>";
    }

    static String cores(int total, int used) {
        return total + " (" + used + " Used)";
    }

    static String memory(long totalMb, long usedMb) {
        return Html.bytes(totalMb << 20) + " (" + Html.bytes(usedMb << 20) + " Used)";
    }

    /**
     * A table of executors with links to their logs; {@code workerUi} maps an executor to its
     * worker's UI address ({@code ""}: this server; null: unknown, no links); {@code showWorker}
     * adds the worker column, else the application's.
     */
    static String executors(String id, List<ExecutorView> executors, java.util.function.Function<ExecutorView,
            String> workerUi, boolean showWorker, Map<String, String> query) {
        StringBuilder b = new StringBuilder("<table id=\"").append(id).append("\">");
        b.append(showWorker ? Html.head("Executor ID", "Worker", "Cores", "Memory", "State", "Logs")
                : Html.head("Executor ID", "Application", "Cores", "Memory", "State", "Logs"));
        for (ExecutorView e : executors) {
            String ui = workerUi.apply(e);
            b.append("<tr>").append(Html.td(e.executorId()));
            if (showWorker) {
                b.append(Html.cell(link(ui == null ? "" : ui, e.workerId(), query)));
            } else {
                b.append(Html.cell(Html.esc(e.appId()) + (e.appName().isEmpty() ? ""
                        : "<br>" + Html.esc(e.appName()) + (e.user().isEmpty() ? "" : " (" + Html.esc(e.user()) + ")"))));
            }
            b.append(Html.num(e.cores())).append(Html.num(Html.bytes((long) e.memoryMb() << 20)))
                    .append(Html.td(e.state()))
                    .append(Html.cell(ui == null ? "" : link(e.logPage(ui, "stdout"), "stdout", query) + " "
                            + link(e.logPage(ui, "stderr"), "stderr", query)))
                    .append("</tr>");
        }
        return b.append("</table>").toString();
    }
}
