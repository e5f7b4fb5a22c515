package io.ember.ui.pages;

import io.ember.ui.store.AppStatusStore;
import java.util.Map;

/**
 * What one page request renders from: the application's store, its path prefix (ending in '/',
 * already escaped), the query parameters and the kill buttons it may show. Immutable.
 */
record PageContext(AppStatusStore store, String base, Map<String, String> query, KillForms kill) {
    /** A page without kill buttons. */
    PageContext(AppStatusStore store, String base, Map<String, String> query) {
        this(store, base, query, KillForms.OFF);
    }

    /** The application's name, for titles. */
    String appName() {
        return store.application().name();
    }

    /** A whole page with this application's tab bar. */
    String page(String title, String tab, String body) {
        return Html.page(title, base, tab, appName(), body);
    }

    /** A required integer parameter; a missing or malformed one is a bad request. */
    int intParam(String name) {
        String v = query.get(name);
        if (v == null) {
            throw new IllegalArgumentException("missing parameter: " + name);
        }
        try {
            return Integer.parseInt(v.trim());
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException("bad parameter " + name + ": " + v);
        }
    }

    /** An optional integer parameter. */
    int intParam(String name, int fallback) {
        return query.containsKey(name) ? intParam(name) : fallback;
    }
}
