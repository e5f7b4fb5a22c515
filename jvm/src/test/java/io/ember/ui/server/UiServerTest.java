package io.ember.ui.server;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.ember.core.EmberConf;
import io.ember.ui.UiPlugin;
import io.ember.ui.rest.AppSource;
import io.ember.ui.rest.Response;
import io.ember.ui.rest.RestApi;
import io.ember.ui.store.AppStatusStore;
import io.ember.ui.store.StoreEvents;
import io.ember.ui.store.StoreLimits;
import java.io.IOException;
import java.net.HttpURLConnection;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.URL;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.junit.jupiter.api.Test;

class UiServerTest {
    private static final PageSource PAGES = (path, q) ->
            new Response(path.equals("/") ? 200 : 404, "text/html", "x".getBytes());
    private static final AppStatusStore STORE = new StoreEvents().job(0, 0, new long[] {1}, -1)
            .replay(StoreLimits.DEFAULT);
    private static final RestApi API = new RestApi(new AppSource() {
        @Override
        public List<AppStatusStore> all() {
            return List.of(STORE);
        }

        @Override
        public Optional<AppStatusStore> find(String appId) {
            return Optional.of(STORE);
        }
    }, "0.1.0", () -> 0);

    private static int status(String url, String method, String authorization) throws IOException {
        HttpURLConnection c = (HttpURLConnection) new URL(url).openConnection();
        c.setRequestMethod(method);
        if (authorization != null) {
            c.setRequestProperty("Authorization", authorization);
        }
        try {
            return c.getResponseCode();
        } finally {
            c.disconnect();
        }
    }

    @Test
    void closedServerWantsTheTokenOrAConfiguredUser() throws IOException {
        String token = UiAccess.tokenFor("s3cret");
        UiServer s = UiServer.start("127.0.0.1", 0, 0, new UiAccess(false, token, Set.of("bob:pw")), API, PAGES);
        try {
            String jobs = s.url() + "/api/v1/applications/app-1/jobs";
            assertEquals(401, status(jobs, "GET", null));
            assertEquals(401, status(jobs, "GET", "Bearer " + UiAccess.tokenFor("wrong")));
            assertEquals(200, status(jobs, "GET", "Bearer " + token));
            assertEquals(200, status(jobs + "?token=" + token, "GET", null));
            String basic = "Basic " + Base64.getEncoder().encodeToString("bob:pw".getBytes(StandardCharsets.UTF_8));
            assertEquals(200, status(jobs, "GET", basic));
            assertEquals(405, status(jobs, "POST", "Bearer " + token));
            assertEquals(401, status(s.url() + "/", "GET", null));
        } finally {
            s.stop();
        }
    }

    @Test
    void aPageOpenedWithTheTokenLetsItsLinksFollowWithoutIt() throws IOException {
        String token = UiAccess.tokenFor("s3cret");
        UiServer s = UiServer.start("127.0.0.1", 0, 0, new UiAccess(false, token, Set.of()), API, PAGES);
        try {
            HttpURLConnection first = (HttpURLConnection) new URL(s.url() + "/?token=" + token).openConnection();
            assertEquals(200, first.getResponseCode());
            String cookie = first.getHeaderFields().entrySet().stream()
                    .filter(h -> "Set-Cookie".equalsIgnoreCase(h.getKey())).flatMap(h -> h.getValue().stream())
                    .filter(c -> c.startsWith(UiAccess.TOKEN_COOKIE + "=")).findFirst().orElseThrow();
            assertTrue(cookie.contains("HttpOnly") && cookie.contains("SameSite=Strict"), cookie);
            first.disconnect();
            HttpURLConnection link = (HttpURLConnection) new URL(s.url() + "/").openConnection();
            link.setRequestProperty("Cookie", cookie.substring(0, cookie.indexOf(';')));
            assertEquals(200, link.getResponseCode());
            link.disconnect();
            HttpURLConnection forged = (HttpURLConnection) new URL(s.url() + "/").openConnection();
            forged.setRequestProperty("Cookie", UiAccess.TOKEN_COOKIE + "=" + UiAccess.tokenFor("wrong"));
            assertEquals(401, forged.getResponseCode());
            forged.disconnect();
        } finally {
            s.stop();
        }
    }

    @Test
    void aTakenPortMovesToTheNextOne() throws IOException {
        try (ServerSocket taken = new ServerSocket(0, 1, InetAddress.getByName("127.0.0.1"))) {
            UiServer s = UiServer.start("127.0.0.1", taken.getLocalPort(), 16, UiAccess.OPEN, API, PAGES);
            try {
                assertNotEquals(taken.getLocalPort(), s.port());
                assertTrue(s.port() > taken.getLocalPort() && s.port() <= taken.getLocalPort() + 16);
                assertEquals(200, status(s.url() + "/api/v1/applications", "GET", null));
                assertEquals(404, status(s.url() + "/nothing", "GET", null));
            } finally {
                s.stop();
            }
        }
    }

    @Test
    void loopbackIsOpenUnlessAuthenticationIsOn() {
        assertTrue(UiPlugin.accessFor(new EmberConf(false), "127.0.0.1").open());
        EmberConf secure = new EmberConf(false).set("ember.authenticate", "true")
                .set("ember.authenticate.secret", "s3cret");
        UiAccess access = UiPlugin.accessFor(secure, "127.0.0.1");
        assertTrue(!access.open() && access.token().equals(UiAccess.tokenFor("s3cret")));
        assertTrue(!UiPlugin.accessFor(new EmberConf(false), "0.0.0.0").open());
    }

    @Test
    void htmlEscapingCoversUserText() {
        assertEquals("&lt;script&gt;alert(&#39;x&#39;)&lt;/script&gt; &amp; &quot;",
                UiServer.escape("<script>alert('x')</script> & \""));
    }
}
