package io.ember.ui.server;

import io.ember.ui.rest.Response;
import java.util.Map;

/** The HTML pages a {@link UiServer} serves outside {@code /api/v1}. Called from any HTTP thread. */
@FunctionalInterface
public interface PageSource {
    /** Answers {@code path} (starting with '/') with decoded query parameters {@code query}. */
    Response page(String path, Map<String, String> query);
}
