package io.ember.ui.pages;

import io.ember.api.JobControl;
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
    /** Cancels jobs and stages for the kill buttons; null when killing is off. */
    private final JobControl killer;
    /** The live application's dropped listener events (0 in the history server). */
    private final java.util.function.LongSupplier droppedEvents;

    /** @param history whether to serve several applications under {@code /history/<appId>/} */
    public UiPages(AppSource apps, boolean history) {
        this(apps, history, null);
    }

    /**
     * @param killer where the kill buttons send their requests; null hides them and refuses
     *               kill requests (killing is off unless {@code ember.ui.killEnabled})
     */
    public UiPages(AppSource apps, boolean history, JobControl killer) {
        this(apps, history, killer, () -> 0);
    }

    /** @param droppedEvents the listener bus's count of events its queues dropped */
    public UiPages(AppSource apps, boolean history, JobControl killer, java.util.function.LongSupplier droppedEvents) {
        this.apps = apps;
        this.history = history;
        this.killer = history ? null : killer;
        this.droppedEvents = droppedEvents;
    }

    @Override
    public Response page(String path, Map<String, String> query) {
        return page(path, query, null);
    }

    @Override
    public Response page(String path, Map<String, String> query, String csrfToken) {
        if (Kills.isKillPath(path)) {
            return html(405, Html.plain("Method not allowed", "<p class=\"err\" id=\"error\">Killing needs a POST "
                    + "from the kill button of the job or stage page.</p>"));
        }
        KillForms kill = killer == null || csrfToken == null ? KillForms.OFF : new KillForms(true, csrfToken, "/");
        try {
            return html(200, route(path, query, kill));
        } catch (PageNotFound e) {
            return html(404, Html.plain("Not found", "<p class=\"err\" id=\"error\">" + Html.esc(e.getMessage())
                    + "</p><p><a href=\"/\">Back</a></p>"));
        } catch (IllegalArgumentException e) {
            return html(400, Html.plain("Bad request", "<p class=\"err\" id=\"error\">" + Html.esc(e.getMessage())
                    + "</p><p><a href=\"/\">Back</a></p>"));
        }
    }

    @Override
    public Response post(String path, Map<String, String> form) {
        if (killer == null) {
            return html(403, Html.plain("Forbidden", "<p class=\"err\" id=\"error\">Killing from the UI is off "
                    + "(set ember.ui.killEnabled=true to allow it).</p>"));
        }
        AppStatusStore store = apps.all().stream().findFirst().orElse(null);
        if (store == null || !Kills.isKillPath(path)) {
            return html(404, Html.plain("Not found", "<p class=\"err\" id=\"error\">no action at "
                    + Html.esc(path) + "</p>"));
        }
        Kills.Outcome o = Kills.kill(store, killer, path, form);
        return html(o.status(), o.page());
    }

    private String route(String path, Map<String, String> query, KillForms kill) {
        if (!history) {
            AppStatusStore store = apps.all().stream().findFirst()
                    .orElseThrow(() -> new PageNotFound("no application"));
            return appPage(new PageContext(store, "/", query, kill, droppedEvents.getAsLong()), path.equals("/") ? "/jobs/" : path);
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

    static Response html(int status, String body) {
        return new Response(status, "text/html; charset=utf-8", body.getBytes(StandardCharsets.UTF_8));
    }
}
