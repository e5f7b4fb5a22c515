package io.ember.ui.pages;

import java.nio.charset.StandardCharsets;
import java.util.Map;

/** An executor's log page on its worker: a byte range, where it lies in the file, and links to the neighbouring ranges. */
final class LogPage {
    private LogPage() {}

    static String html(LogRange r, Map<String, String> q) {
        long len = Math.max(1, r.requested());
        String base = "?appId=" + ClusterHtml.param(r.appId()) + "&executorId=" + ClusterHtml.param(r.executorId())
                + "&logType=" + ClusterHtml.param(r.logType()) + "&byteLength=" + len + "&offset=";
        StringBuilder b = new StringBuilder("<p id=\"range\">Showing ").append(r.length()).append(" bytes: ")
                .append(r.start()).append(" - ").append(r.end()).append(" of ").append(r.total()).append("</p>");
        b.append("<p class=\"pager\">");
        b.append(r.start() > 0 ? "<a id=\"prev\" href=\"" + ClusterHtml.href(base + Math.max(0, r.start() - len), q)
                + "\">Previous " + len + " bytes</a>" : "<b>Start of log</b>");
        b.append(r.end() < r.total() ? "<a id=\"next\" href=\"" + ClusterHtml.href(base + r.end(), q)
                + "\">Next " + len + " bytes</a>" : "<b>End of log</b>");
        b.append("<a href=\"").append(ClusterHtml.href("/log/" + base + r.start(), q)).append("\">Raw</a>")
                .append("<a href=\"").append(ClusterHtml.href("/", q)).append("\">Back to the worker</a></p>");
        b.append("<pre id=\"log\">").append(Html.esc(new String(r.bytes(), StandardCharsets.UTF_8))).append("</pre>");
        return Html.plain(r.logType() + " log of executor " + r.executorId() + " of " + r.appId(), b.toString());
    }
}
