package io.ember.ui.pages;

import io.ember.deploy.ClusterView.AppView;
import io.ember.deploy.ClusterView.MasterState;
import io.ember.deploy.ClusterView.WorkerView;
import io.ember.deploy.DaemonUi;
import io.ember.ui.rest.Response;
import io.ember.ui.server.PageSource;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.function.LongSupplier;

/**
 * The standalone master's web UI: {@code /} (workers with cores and memory used, running and
 * completed applications linking to their drivers' UIs), {@code /app/?appId=} (an application's
 * executors with links to their logs on the workers) and {@code /json} (Spark's master state).
 * Unknown pages and applications answer 404, never a stack trace.
 *
 * <p>Threading: stateless; each request reads one snapshot of the master.
 */
public final class MasterPages implements PageSource {
    private final DaemonUi.MasterSource master;
    private final LongSupplier clock;

    public MasterPages(DaemonUi.MasterSource master, LongSupplier clock) {
        this.master = master;
        this.clock = clock;
    }

    @Override
    public Response page(String path, Map<String, String> query) {
        MasterState m = master.state();
        try {
            return switch (path) {
                case "/", "" -> html(200, MasterPage.html(m, query, clock.getAsLong()));
                case "/app/", "/app" -> html(200, MasterPage.appHtml(m, app(m, query.get("appId")), query,
                        clock.getAsLong()));
                case "/json/", "/json" -> Response.json(200, ClusterJson.master(m, clock.getAsLong()));
                default -> throw new PageNotFound("no page at " + path);
            };
        } catch (PageNotFound e) {
            return html(404, Html.plain("Not found", "<p class=\"err\" id=\"error\">" + Html.esc(e.getMessage())
                    + "</p><p><a href=\"/\">Back</a></p>"));
        }
    }

    private static AppView app(MasterState m, String id) {
        if (id == null) {
            throw new PageNotFound("missing parameter: appId");
        }
        return java.util.stream.Stream.concat(m.activeApps().stream(), m.completedApps().stream())
                .filter(a -> a.id().equals(id)).findFirst()
                .orElseThrow(() -> new PageNotFound("unknown application: " + id));
    }

    /** The web UI of a worker by id; null when unknown or it serves none. */
    static String workerUi(MasterState m, String workerId) {
        return m.workers().stream().filter(w -> w.id().equals(workerId) && !w.webUiUrl().isEmpty())
                .map(WorkerView::webUiUrl).findFirst().orElse(null);
    }

    static Response html(int status, String body) {
        return new Response(status, "text/html; charset=utf-8", body.getBytes(StandardCharsets.UTF_8));
    }
}
