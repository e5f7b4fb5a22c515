package io.ember.sql.catalog;

import io.ember.sql.plans.LogicalPlan;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentMap;

/**
 * Temporary views by case-insensitive name: one instance holds a session's views, another the
 * application's global ones (database {@code global_temp}). Views live until dropped, replaced,
 * or their owner (session or application) goes away.
 *
 * <p>Threading: thread-safe; each call is atomic.
 */
final class TempViews {
    private final ConcurrentMap<String, TempView> views = new ConcurrentHashMap<>();

    private static String key(String name) {
        return name.toLowerCase(Locale.ROOT);
    }

    /** @throws io.ember.sql.AnalysisException {@code TEMP_TABLE_OR_VIEW_ALREADY_EXISTS} unless {@code replace} */
    void create(String name, LogicalPlan analyzed, boolean replace) {
        TempView view = new TempView(name, analyzed);
        if (replace) {
            views.put(key(name), view);
        } else if (views.putIfAbsent(key(name), view) != null) {
            throw CatalogErrors.tempViewAlreadyExists(name);
        }
    }

    Optional<TempView> get(String name) {
        return Optional.ofNullable(views.get(key(name)));
    }

    /** The view removed, if it existed. */
    Optional<TempView> drop(String name) {
        return Optional.ofNullable(views.remove(key(name)));
    }

    /** The views, sorted by name. */
    List<TempView> list() {
        List<TempView> out = new ArrayList<>(views.values());
        out.sort((a, b) -> a.name().compareToIgnoreCase(b.name()));
        return out;
    }
}
