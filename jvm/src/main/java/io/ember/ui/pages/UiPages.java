package io.ember.ui.pages;

import io.ember.ui.rest.AppSource;
import io.ember.ui.rest.Response;
import io.ember.ui.server.PageSource;
import io.ember.ui.store.AppStatusStore;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.Optional;

/**
 * The web UI's route table. A live driver serves one application at {@code /jobs/},
 * {@code /stages/}, ...; the history server serves each application under
 * {@code /history/<appId>/} and the list of applications at {@code /}. Unknown pages and ids
 * answer a 404 page, bad parameters a 400 page, never a stack trace.
 *
 * <p>Threading: stateless; the stores it reads are thread-safe.
 */
public final class UiPages implements PageSource {
    private final AppSource apps;
    private final boolean history;

    /** @param history whether to serve several applications under {@code /history/<appId>/} */
    public UiPages(AppSource apps, boolean history) {
        this.apps = apps;
        this.history = history;
    }

    @Override
    public Response page(String path, Map<String, String> query) {
        try {
            return html(200, route(path, query));
        } catch (PageNotFound e) {
            return html(404, Html.plain("Not found", "<p class=\"err\" id=\"error\">" + Html.esc(e.getMessage())
                    + "</p><p><a href=\"/\">Back</a></p>"));
        } catch (IllegalArgumentException e) {
            return html(400, Html.plain("Bad request", "<p class=\"err\" id=\"error\">" + Html.esc(e.getMessage())
                    + "</p><p><a href=\"/\">Back</a></p>"));
        }
    }

    private String route(String path, Map<String, String> query) {
        if (!history) {
            AppStatusStore store = apps.all().stream().findFirst()
                    .orElseThrow(() -> new PageNotFound("no application"));
            return appPage(new PageContext(store, "/", query), path.equals("/") ? "/jobs/" : path);
        }
        if (path.equals("/")) {
            return ApplicationsPage.html(apps.all());
        }
        String[] p = path.split("/", 4);
        if (p.length < 3 || !p[1].equals("history")) {
            throw new PageNotFound("no page at " + path);
        }
        Optional<AppStatusStore> store = apps.find(p[2]);
        String base = "/history/" + Html.esc(p[2]) + "/";
        return appPage(new PageContext(store.orElseThrow(() -> new PageNotFound("no such application: " + p[2])),
                base, query), "/" + (p.length > 3 ? p[3] : "jobs/"));
    }

    private static String appPage(PageContext c, String path) {
        return switch (path) {
            case "/jobs/", "/jobs" -> JobsPage.html(c);
            case "/jobs/job/", "/jobs/job" -> JobPage.html(c);
            case "/stages/", "/stages" -> StagesPage.html(c);
            case "/stages/stage/", "/stages/stage" -> StagePage.html(c);
            case "/executors/", "/executors" -> ExecutorsPage.html(c);
            case "/storage/", "/storage" -> StoragePage.html(c);
            case "/storage/rdd/", "/storage/rdd" -> StoragePage.rddHtml(c);
            case "/environment/", "/environment" -> EnvironmentPage.html(c);
            case "/SQL/", "/SQL" -> SqlPage.html(c);
            case "/SQL/execution/", "/SQL/execution" -> SqlExecutionPage.html(c);
            default -> throw new PageNotFound("no page at " + path);
        };
    }

    private static Response html(int status, String body) {
        return new Response(status, "text/html; charset=utf-8", body.getBytes(StandardCharsets.UTF_8));
    }
}
