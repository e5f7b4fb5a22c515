package io.ember.ui.server;

import io.ember.ui.rest.Response;
import java.nio.charset.StandardCharsets;
import java.util.Map;

/** The HTML pages a {@link UiServer} serves outside {@code /api/v1}. Called from any HTTP thread. */
@FunctionalInterface
public interface PageSource {
    /** Answers {@code path} (starting with '/') with decoded query parameters {@code query}. */
    Response page(String path, Map<String, String> query);

    /**
     * Answers a GET of {@code path} for a browser session whose CSRF token is {@code csrfToken}
     * (for pages holding forms); by default the page without forms.
     */
    default Response page(String path, Map<String, String> query, String csrfToken) {
        return page(path, query);
    }

    /**
     * Answers a POST to {@code path} whose CSRF token the server has already checked, with the
     * decoded form fields {@code form}; by default nothing accepts POSTs.
     */
    default Response post(String path, Map<String, String> form) {
        return new Response(405, "text/plain; charset=utf-8",
                ("POST is not served at " + path).getBytes(StandardCharsets.UTF_8));
    }
}
