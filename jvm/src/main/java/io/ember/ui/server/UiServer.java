package io.ember.ui.server;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import io.ember.ui.rest.Response;
import io.ember.ui.rest.RestApi;
import java.io.IOException;
import java.io.OutputStream;
import java.net.BindException;
import java.net.InetSocketAddress;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;

/**
 * The HTTP server of the web UI and REST API (the JDK's {@code com.sun.net.httpserver}): routes
 * {@code /api/v1/...} to {@link RestApi} and everything else to a {@link PageSource}, after checking
 * {@link UiAccess}. Binds to the configured host, trying the following ports when one is taken.
 * Pages are GET (or HEAD) only, except form POSTs carrying the browser session's CSRF token
 * ({@link CsrfGuard}; a page GET without a session cookie starts one); the API is GET only.
 *
 * <p>Threading: requests are served by a small daemon pool; {@link #stop} from any thread.
 */
public final class UiServer {
    /** The largest form body a POST may send (kill forms are tiny). */
    private static final int MAX_FORM_BYTES = 16 * 1024;
    private final HttpServer server;
    private final ExecutorService pool;
    private final String url;

    private UiServer(HttpServer server, ExecutorService pool, String url) {
        this.server = server;
        this.pool = pool;
        this.url = url;
    }

    /**
     * Binds and starts serving.
     *
     * @param port first port to try (0: any free port); up to {@code maxRetries} following ones are tried
     * @param pages the HTML pages (everything outside {@code /api/v1})
     */
    public static UiServer start(String host, int port, int maxRetries, UiAccess access, RestApi api,
                                 PageSource pages) throws IOException {
        HttpServer server = null;
        IOException last = null;
        for (int i = 0; i <= maxRetries && server == null; i++) {
            int candidate = port == 0 ? 0 : port + i;
            try {
                server = HttpServer.create(new InetSocketAddress(host, candidate), 64);
            } catch (BindException e) {
                last = e;
            }
        }
        if (server == null) {
            throw new IOException("No free port for the UI in " + port + ".." + (port + maxRetries) + " on " + host,
                    last);
        }
        ExecutorService pool = Executors.newFixedThreadPool(2, r -> {
            Thread t = new Thread(r, "ember-ui-http");
            t.setDaemon(true);
            return t;
        });
        server.setExecutor(pool);
        CsrfGuard csrf = new CsrfGuard();
        server.createContext("/", exchange -> serve(exchange, access, api, pages, csrf));
        server.start();
        String shownHost = host.equals("0.0.0.0") ? "localhost" : host;
        return new UiServer(server, pool, "http://" + shownHost + ":" + server.getAddress().getPort());
    }

    public String url() {
        return url;
    }

    public int port() {
        return server.getAddress().getPort();
    }

    public void stop() {
        server.stop(0);
        pool.shutdownNow();
    }

    private static void serve(HttpExchange ex, UiAccess access, RestApi api, PageSource pages, CsrfGuard csrf)
            throws IOException {
        try (ex) {
            Map<String, String> query = query(ex.getRequestURI().getRawQuery());
            String path = ex.getRequestURI().getPath();
            boolean isApi = path.startsWith("/api/v1/") || path.equals("/api/v1");
            String method = ex.getRequestMethod();
            Response r;
            String cookies = ex.getRequestHeaders().getFirst("Cookie");
            if (!access.allows(ex.getRequestHeaders().getFirst("Authorization"), query.get("token"), cookies)) {
                ex.getResponseHeaders().add("WWW-Authenticate", "Basic realm=\"ember\"");
                r = Response.json(401, "{\"status\":401,\"message\":\"authentication required\"}");
            } else if (method.equals("POST") && !isApi) {
                r = post(ex, path, pages, csrf);
            } else if (!method.equals("GET") && !method.equals("HEAD")) {
                r = Response.json(405, "{\"status\":405,\"message\":\"only GET is served\"}");
            } else if (isApi) {
                r = api.handle(path.substring("/api/v1".length()), query);
            } else {
                String session = CsrfGuard.sessionOf(cookies);
                if (session == null) {
                    session = csrf.newSession();
                    ex.getResponseHeaders().add("Set-Cookie", CsrfGuard.cookie(session));
                }
                if (!access.open() && query.get("token") != null) {
                    ex.getResponseHeaders().add("Set-Cookie", access.tokenCookie());   // the pages' links carry no token
                }
                r = pages.page(path, query, csrf.tokenFor(session));
            }
            ex.getResponseHeaders().set("Content-Type", r.contentType());
            ex.getResponseHeaders().set("X-Content-Type-Options", "nosniff");
            boolean head = ex.getRequestMethod().equals("HEAD");
            ex.sendResponseHeaders(r.status(), head ? -1 : r.body().length);
            if (!head) {
                try (OutputStream out = ex.getResponseBody()) {
                    out.write(r.body());
                }
            }
        }
    }

    /** A form POST (kill): refused with 403 unless its CSRF field is its session cookie's token. */
    private static Response post(HttpExchange ex, String path, PageSource pages, CsrfGuard csrf) throws IOException {
        byte[] body = ex.getRequestBody().readNBytes(MAX_FORM_BYTES + 1);
        if (body.length > MAX_FORM_BYTES) {
            return Response.json(413, "{\"status\":413,\"message\":\"form too large\"}");
        }
        Map<String, String> form = query(new String(body, StandardCharsets.UTF_8));
        String session = CsrfGuard.sessionOf(ex.getRequestHeaders().getFirst("Cookie"));
        if (!csrf.valid(session, form.get(CsrfGuard.FIELD))) {
            return new Response(403, "text/plain; charset=utf-8",
                    "Forbidden: missing or wrong CSRF token (reload the page and try again)"
                            .getBytes(StandardCharsets.UTF_8));
        }
        return pages.post(path, form);
    }

    private static Map<String, String> query(String raw) {
        Map<String, String> out = new LinkedHashMap<>();
        if (raw == null || raw.isEmpty()) {
            return out;
        }
        for (String pair : raw.split("&")) {
            int eq = pair.indexOf('=');
            String k = URLDecoder.decode(eq < 0 ? pair : pair.substring(0, eq), StandardCharsets.UTF_8);
            String v = eq < 0 ? "" : URLDecoder.decode(pair.substring(eq + 1), StandardCharsets.UTF_8);
            out.put(k, v);
        }
        return out;
    }

    /** Escapes text for HTML (every user-controlled string shown in a page goes through this). */
    public static String escape(String s) {
        if (s == null) {
            return "";
        }
        StringBuilder b = new StringBuilder(s.length());
        for (char c : s.toCharArray()) {
            switch (c) {
                case '<' -> b.append("&lt;");
                case '>' -> b.append("&gt;");
                case '&' -> b.append("&amp;");
                case '"' -> b.append("&quot;");
                case '\'' -> b.append("&#39;");
                default -> b.append(c);
            }
        }
        return b.toString();
    }
}
