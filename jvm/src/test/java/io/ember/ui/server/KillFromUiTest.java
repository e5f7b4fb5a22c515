package io.ember.ui.server;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.ember.api.JobControl;
import io.ember.scheduler.ListenerEvent;
import io.ember.scheduler.StageInfo;
import io.ember.ui.pages.UiPages;
import io.ember.ui.rest.AppSource;
import io.ember.ui.rest.RestApi;
import io.ember.ui.store.AppStatusStore;
import io.ember.ui.store.StoreLimits;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/** The kill buttons: POST only, with the session's CSRF token, only when enabled, reaching the scheduler. */
class KillFromUiTest {
    /** Records what it was asked to cancel. */
    static final class RecordingControl implements JobControl {
        final List<String> calls = new CopyOnWriteArrayList<>();

        @Override
        public void cancelJob(int jobId, String reason) {
            calls.add("job " + jobId + ": " + reason);
        }

        @Override
        public void cancelStage(int stageId, String reason) {
            calls.add("stage " + stageId + ": " + reason);
        }
    }

    /** A store with job 0 running stage 0 (two tasks, none finished). */
    private static AppStatusStore runningJob() {
        AppStatusStore store = new AppStatusStore(StoreLimits.DEFAULT);
        store.onEvent(new ListenerEvent.ApplicationStart("app-1", "kill test", 1_000, "me", "0.1.0"));
        StageInfo info = new StageInfo(0, 0, "count at x.py:1", 2, 0);
        store.onEvent(new ListenerEvent.JobStart(0, 2_000, List.of(0), null, "long job", List.of(info)));
        store.onEvent(new ListenerEvent.StageSubmitted(info, 2_001));
        return store;
    }

    private static UiServer serve(AppStatusStore store, JobControl killer) throws Exception {
        AppSource source = new AppSource() {
            @Override
            public List<AppStatusStore> all() {
                return List.of(store);
            }

            @Override
            public Optional<AppStatusStore> find(String appId) {
                return Optional.of(store);
            }
        };
        return UiServer.start("127.0.0.1", 0, 0, UiAccess.OPEN, new RestApi(source, "0.1.0", () -> 0),
                new UiPages(source, false, killer));
    }

    private static final HttpClient HTTP = HttpClient.newHttpClient();

    private static HttpResponse<String> get(UiServer s, String path, String cookie) throws Exception {
        HttpRequest.Builder b = HttpRequest.newBuilder(URI.create(s.url() + path)).GET();
        if (cookie != null) {
            b.header("Cookie", cookie);
        }
        return HTTP.send(b.build(), HttpResponse.BodyHandlers.ofString());
    }

    private static HttpResponse<String> post(UiServer s, String path, String cookie, String form) throws Exception {
        HttpRequest.Builder b = HttpRequest.newBuilder(URI.create(s.url() + path))
                .header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString(form));
        if (cookie != null) {
            b.header("Cookie", cookie);
        }
        return HTTP.send(b.build(), HttpResponse.BodyHandlers.ofString());
    }

    private static String tokenIn(String html) {
        Matcher m = Pattern.compile("name=\"csrf\" value=\"([0-9a-f]+)\"").matcher(html);
        assertTrue(m.find(), html);
        return m.group(1);
    }

    @Test
    void aKillNeedsAPostWithTheSessionsToken() throws Exception {
        RecordingControl control = new RecordingControl();
        UiServer s = serve(runningJob(), control);
        try {
            HttpResponse<String> page = get(s, "/jobs/job/?id=0", null);
            String setCookie = page.headers().firstValue("Set-Cookie").orElse(null);
            assertNotNull(setCookie);
            assertTrue(setCookie.contains("HttpOnly") && setCookie.contains("SameSite=Strict"), setCookie);
            String cookie = setCookie.split(";")[0];
            String token = tokenIn(page.body());

            // another session gets another token; neither token works with the other's cookie
            HttpResponse<String> other = get(s, "/stages/stage/?id=0&attempt=0", null);
            String otherCookie = other.headers().firstValue("Set-Cookie").orElseThrow().split(";")[0];
            String otherToken = tokenIn(other.body());
            assertNotEquals(token, otherToken);
            assertEquals(403, post(s, "/jobs/job/kill/", cookie, "id=0&csrf=" + otherToken).statusCode());
            assertEquals(403, post(s, "/jobs/job/kill/", otherCookie, "id=0&csrf=" + token).statusCode());
            assertEquals(403, post(s, "/jobs/job/kill/", cookie, "id=0").statusCode());
            assertEquals(403, post(s, "/jobs/job/kill/", null, "id=0&csrf=" + token).statusCode());
            assertEquals(405, get(s, "/jobs/job/kill/?id=0&csrf=" + token, cookie).statusCode());
            assertEquals(List.of(), control.calls);

            HttpResponse<String> killed = post(s, "/jobs/job/kill/", cookie, "id=0&csrf=" + token);
            assertEquals(200, killed.statusCode(), killed.body());
            assertTrue(killed.body().contains("Kill requested for job 0"), killed.body());
            assertEquals(404, post(s, "/jobs/job/kill/", cookie, "id=9&csrf=" + token).statusCode());
            assertEquals(200, post(s, "/stages/stage/kill/", otherCookie, "id=0&csrf=" + otherToken).statusCode());
            assertEquals(List.of("job 0: killed via the Web UI", "stage 0: killed via the Web UI"), control.calls);
        } finally {
            s.stop();
        }
    }

    @Test
    void killingIsOffUnlessEnabled() throws Exception {
        UiServer s = serve(runningJob(), null);
        try {
            HttpResponse<String> page = get(s, "/jobs/job/?id=0", null);
            assertFalse(page.body().contains("<form"), page.body());
            // past the server's CSRF check, the pages themselves refuse
            AppStatusStore store = runningJob();
            UiPages pages = new UiPages(new AppSource() {
                @Override
                public List<AppStatusStore> all() {
                    return List.of(store);
                }

                @Override
                public Optional<AppStatusStore> find(String appId) {
                    return Optional.of(store);
                }
            }, false, null);
            io.ember.ui.rest.Response r = pages.post("/jobs/job/kill/", java.util.Map.of("id", "0"));
            assertEquals(403, r.status());
            assertTrue(r.text().contains("ember.ui.killEnabled"), r.text());
        } finally {
            s.stop();
        }
    }
}
