package io.ember.ui.pages;

import io.ember.ui.store.AppStatusStore;
import java.util.Map;

/**
 * What one page request renders from: the application's store, its path prefix (ending in '/',
 * already escaped), the query parameters, the kill buttons it may show and how many listener
 * events the live application dropped (its pages then say they may be incomplete). Immutable.
 */
record PageContext(AppStatusStore store, String base, Map<String, String> query, KillForms kill, long droppedEvents) {
    /** A page without kill buttons. */
    PageContext(AppStatusStore store, String base, Map<String, String> query) {
        this(store, base, query, KillForms.OFF, 0);
    }

    PageContext(AppStatusStore store, String base, Map<String, String> query, KillForms kill) {
        this(store, base, query, kill, 0);
    }

    /** The application's name, for titles. */
    String appName() {
        return store.application().name();
    }

    /** A whole page with this application's tab bar. */
    String page(String title, String tab, String body) {
        String warning = droppedEvents == 0 ? "" : "<p class=\"err\" id=\"dropped-events\">" + droppedEvents
                + " listener events were dropped because a queue was full, so these pages may be incomplete"
                + " (raise ember.scheduler.listenerbus.eventqueue.capacity).</p>";
        return Html.page(title, base, tab, appName(), warning + body);
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
