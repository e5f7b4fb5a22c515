package io.ember.sql.api.catalog;

import io.ember.sql.analysis.AnalysisErrors;
import io.ember.sql.api.SparkSession;
import io.ember.sql.catalog.MultipartName;
import io.ember.sql.catalog.NamePattern;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * The function side of {@link Catalog}: the session's function registry as Spark's catalog
 * shows it (every built-in is a temporary function of no catalog or namespace). Ember keeps no
 * descriptions or implementing class names, so those fields are null.
 *
 * <p>Threading: thread-safe, as the registry is.
 */
final class CatalogFunctions {
    private final SparkSession session;

    CatalogFunctions(SparkSession session) {
        this.session = session;
    }

    boolean exists(String name) {
        List<String> parts = MultipartName.parse(name);
        return parts.size() == 1 && session.functionRegistry().lookup(parts.get(0)).isPresent();
    }

    Function get(String name) {
        if (!exists(name)) {
            throw AnalysisErrors.unresolvedRoutine(name);
        }
        return function(name.toLowerCase(Locale.ROOT));
    }

    /** Functions whose names match {@code pattern} (Spark's {@code *} and {@code |}; null: all), sorted. */
    List<Function> list(String pattern) {
        NamePattern p = pattern == null ? null : NamePattern.of(pattern);
        List<String> names = new ArrayList<>(session.functionRegistry().names());
        names.sort(null);
        List<Function> out = new ArrayList<>();
        for (String n : names) {
            if (p == null || p.matches(n)) {
                out.add(function(n));
            }
        }
        return out;
    }

    private static Function function(String name) {
        return new Function(name, null, null, null, null, true);
    }
}
