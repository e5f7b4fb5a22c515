package io.ember.ui.pages;

import io.ember.deploy.DaemonUi;
import io.ember.ui.rest.Response;
import io.ember.ui.server.PageSource;
import java.io.File;
import java.io.IOException;
import java.util.Map;

/**
 * A standalone worker's web UI: {@code /} (its cores, memory and executors with links to their
 * logs), {@code /logPage/?appId=&executorId=&logType=stdout|stderr&offset=&byteLength=} (a byte
 * range of an executor's log with links to the previous and next ranges, as Spark's),
 * {@code /log/?...} (the same range as plain text) and {@code /json} (Spark's worker state).
 * Unknown pages, executors and logs answer 404, bad parameters 400.
 *
 * <p>Threading: stateless; each request reads one snapshot of the worker.
 */
public final class WorkerPages implements PageSource {
    private final DaemonUi.WorkerSource worker;

    public WorkerPages(DaemonUi.WorkerSource worker) {
        this.worker = worker;
    }

    @Override
    public Response page(String path, Map<String, String> query) {
        try {
            return switch (path) {
                case "/", "" -> MasterPages.html(200, WorkerPage.html(worker.state(), worker.masterWebUiUrl(), query));
                case "/logPage/", "/logPage" -> MasterPages.html(200, LogPage.html(range(query), query));
                case "/log/", "/log" -> new Response(200, "text/plain; charset=utf-8", range(query).bytes());
                case "/json/", "/json" -> Response.json(200, ClusterJson.worker(worker.state(), worker.masterWebUiUrl()));
                default -> throw new PageNotFound("no page at " + path);
            };
        } catch (PageNotFound e) {
            return MasterPages.html(404, Html.plain("Not found", "<p class=\"err\" id=\"error\">"
                    + Html.esc(e.getMessage()) + "</p><p><a href=\"/\">Back</a></p>"));
        } catch (IllegalArgumentException e) {
            return MasterPages.html(400, Html.plain("Bad request", "<p class=\"err\" id=\"error\">"
                    + Html.esc(e.getMessage()) + "</p><p><a href=\"/\">Back</a></p>"));
        }
    }

    private LogRange range(Map<String, String> q) {
        String appId = q.get("appId");
        String executorId = q.get("executorId");
        String logType = q.getOrDefault("logType", "stdout");
        File f = worker.executorLog(appId, executorId, logType).orElseThrow(() -> new PageNotFound(
                "no " + logType + " log for executor " + executorId + " of " + appId));
        try {
            return LogRange.read(f, appId, executorId, logType, longParam(q, "offset"), longParam(q, "byteLength"));
        } catch (IOException e) {
            throw new PageNotFound("cannot read the log: " + e.getMessage());
        }
    }

    /** An optional non-negative number; -1 when absent. */
    private static long longParam(Map<String, String> q, String name) {
        String v = q.get(name);
        if (v == null || v.isEmpty()) {
            return -1;
        }
        try {
            long n = Long.parseLong(v.trim());
            if (n < 0) {
                throw new IllegalArgumentException("bad parameter " + name + ": " + v);
            }
            return n;
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException("bad parameter " + name + ": " + v);
        }
    }
}
