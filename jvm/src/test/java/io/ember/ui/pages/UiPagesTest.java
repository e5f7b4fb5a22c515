package io.ember.ui.pages;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.ember.scheduler.ListenerEvent;
import io.ember.ui.rest.AppSource;
import io.ember.ui.rest.Response;
import io.ember.ui.store.AppStatusStore;
import io.ember.ui.store.StoreEvents;
import io.ember.ui.store.StoreLimits;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class UiPagesTest {
    private static AppSource source(AppStatusStore store) {
        return new AppSource() {
            @Override
            public List<AppStatusStore> all() {
                return List.of(store);
            }

            @Override
            public Optional<AppStatusStore> find(String appId) {
                return appId.equals(store.application().id()) ? Optional.of(store) : Optional.empty();
            }
        };
    }

    private static final AppStatusStore STORE = store();

    private static AppStatusStore store() {
        StoreEvents events = new StoreEvents().job(0, 0, new long[] {40, 10, 30, 20, 50}, 2);
        events.events().add(new ListenerEvent.JobStart(1, 90_000, List.of(), null, "<script>alert(1)</script>",
                List.of()));
        return events.replay(StoreLimits.DEFAULT);
    }

    private static String get(UiPages pages, String path, Map<String, String> query, int status) {
        Response r = pages.page(path, query);
        assertEquals(status, r.status(), r.text());
        assertTrue(r.contentType().startsWith("text/html"));
        return r.text();
    }

    @Test
    void jobsPageEscapesDescriptionsAndLinksJobs() {
        String html = get(new UiPages(source(STORE), false), "/", Map.of(), 200);
        assertTrue(html.contains("&lt;script&gt;alert(1)&lt;/script&gt;"), html);
        assertFalse(html.contains("<script>"), html);
        assertTrue(html.contains("href=\"/jobs/job/?id=0\""), html);
        assertTrue(html.contains("<b>5/5 (1 failed)</b>"), html);
    }

    @Test
    void pagesSayWhenListenerEventsWereDropped() {
        assertFalse(get(new UiPages(source(STORE), false), "/", Map.of(), 200).contains("dropped-events"));
        String html = get(new UiPages(source(STORE), false, null, () -> 17), "/stages/", Map.of(), 200);
        assertTrue(html.contains("<p class=\"err\" id=\"dropped-events\">17 listener events were dropped"), html);
    }

    @Test
    void stagePageShowsQuantilesOfSuccessfulTasks() {
        String html = get(new UiPages(source(STORE), false), "/stages/stage/",
                Map.of("id", "0", "attempt", "0"), 200);
        // durations are run time + 1: 11, 21, 31, 41, 51 ms; the failed attempt is left out
        assertTrue(html.contains("<td>Duration</td><td class=\"n\">11 ms</td><td class=\"n\">21 ms</td>"
                + "<td class=\"n\">31 ms</td><td class=\"n\">41 ms</td><td class=\"n\">51 ms</td>"), html);
        assertTrue(html.contains("<td>Shuffle Write Size</td><td class=\"n\">10.0 B</td>"), html);
        assertTrue(html.contains("Tasks 1 to 6 of 6"), html);
    }

    @Test
    void taskTableSortsAndPages() {
        UiPages pages = new UiPages(source(STORE), false);
        String html = get(pages, "/stages/stage/", Map.of("id", "0", "task.sort", "duration", "task.desc", "true",
                "task.pageSize", "2", "task.page", "2"), 200);
        assertTrue(html.contains("Tasks 3 to 4 of 6"), html);
        int first = html.indexOf(">31 ms<", html.indexOf("id=\"tasks\""));
        int second = html.indexOf(">21 ms<", html.indexOf("id=\"tasks\""));
        assertTrue(first > 0 && second > first, html);
        assertFalse(html.substring(html.indexOf("id=\"tasks\"")).contains(">51 ms<"), html);
        get(pages, "/stages/stage/", Map.of("id", "0", "task.sort", "nope"), 400);
    }

    @Test
    void unknownIdsAndPagesAre404Pages() {
        UiPages pages = new UiPages(source(STORE), false);
        assertTrue(get(pages, "/jobs/job/", Map.of("id", "7"), 404).contains("unknown job: 7"));
        get(pages, "/stages/stage/", Map.of("id", "9"), 404);
        get(pages, "/nowhere", Map.of(), 404);
        get(pages, "/jobs/job/", Map.of("id", "x"), 400);
    }

    @Test
    void executorsPageLinksLogsEscapedWithTheViewersToken() {
        StoreEvents events = new StoreEvents();
        events.events().add(new ListenerEvent.ExecutorAdded("1", "w1", 2, 1_500, Map.of(
                "stderr", "http://w1:8081/logPage/?appId=a&executorId=1&logType=stderr",
                "stdout", "http://w1:8081/logPage/?appId=a&executorId=1&logType=\"><script>")));
        UiPages pages = new UiPages(source(events.replay(StoreLimits.DEFAULT)), false);
        String html = get(pages, "/executors/", Map.of(), 200);
        String row = html.substring(html.indexOf("<tr id=\"executor-1\">"));
        assertTrue(row.contains("<a href=\"http://w1:8081/logPage/?appId=a&amp;executorId=1&amp;logType=&quot;&gt;"
                + "&lt;script&gt;\">stdout</a> <a href=\"http://w1:8081/logPage/?appId=a&amp;executorId=1&amp;"
                + "logType=stderr\">stderr</a>"), row);
        String driverRow = html.substring(html.indexOf("<tr id=\"executor-driver\">"), html.indexOf("<tr id=\"executor-1\">"));
        assertFalse(driverRow.contains("<a "), driverRow); // local executors: no logs served, no links
        String withToken = get(pages, "/executors/", Map.of("token", "t0k"), 200);
        assertTrue(withToken.contains("logType=stderr&amp;token=t0k\">stderr</a>"), withToken);
    }

    @Test
    void environmentRedactsSecretsEvenIfTheEventDidNot() {
        StoreEvents events = new StoreEvents();
        events.events().add(new ListenerEvent.EnvironmentUpdate(Map.of("sparkProperties",
                Map.of("ember.auth.secret", "hunter2", "ember.app.name", "<app>"))));
        String html = get(new UiPages(source(events.replay(StoreLimits.DEFAULT)), false), "/environment/",
                Map.of(), 200);
        assertFalse(html.contains("hunter2"), html);
        assertTrue(html.contains("<td>ember.auth.secret</td><td>*********(redacted)</td>"), html);
        assertTrue(html.contains("<td>&lt;app&gt;</td>"), html);
    }

    @Test
    void historyServesEachApplicationUnderItsId() {
        UiPages pages = new UiPages(source(STORE), true);
        assertTrue(get(pages, "/", Map.of(), 200).contains("href=\"/history/app-1/jobs/\""));
        assertTrue(get(pages, "/history/app-1/jobs/", Map.of(), 200).contains("href=\"/history/app-1/jobs/job/?id=0\""));
        get(pages, "/history/app-2/jobs/", Map.of(), 404);
    }
}
