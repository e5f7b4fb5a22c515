package io.ember.sql.analysis;

import io.ember.sql.SqlConf;
import io.ember.sql.expressions.AttributeReference;
import io.ember.sql.expressions.Expression;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * Finds the column a user's name refers to among a plan's input columns, as Spark does: a name
 * of several parts first tries the leading parts as a relation qualifier ({@code t.a}), then the
 * first part as a column; parts left over name nested fields. Names compare case-insensitively
 * unless {@code spark.sql.caseSensitive} is set. Stateless; safe to share.
 */
final class NameResolver {
    private final SqlConf conf;
    private final NestedFields nested;

    NameResolver(SqlConf conf, NestedFields nested) {
        this.conf = conf;
        this.nested = nested;
    }

    /**
     * The expression for {@code nameParts} over {@code input}; empty when nothing matches.
     * Throws {@code AMBIGUOUS_REFERENCE} when several different columns match.
     */
    Optional<Expression> resolve(List<String> nameParts, List<AttributeReference> input) {
        for (int q = Math.min(nameParts.size() - 1, maxQualifier(input)); q >= 1; q--) {
            List<String> qualifier = nameParts.subList(0, q);
            List<AttributeReference> matches = new ArrayList<>();
            for (AttributeReference a : input) {
                if (qualifierMatches(a.qualifier(), qualifier) && conf.sameName(a.name(), nameParts.get(q))) {
                    addDistinct(matches, a);
                }
            }
            if (!matches.isEmpty()) {
                return finish(nameParts, matches, nameParts.subList(q + 1, nameParts.size()));
            }
        }
        List<AttributeReference> matches = new ArrayList<>();
        for (AttributeReference a : input) {
            if (conf.sameName(a.name(), nameParts.get(0))) {
                addDistinct(matches, a);
            }
        }
        if (matches.isEmpty()) {
            return Optional.empty();
        }
        return finish(nameParts, matches, nameParts.subList(1, nameParts.size()));
    }

    private Optional<Expression> finish(List<String> nameParts, List<AttributeReference> matches, List<String> rest) {
        if (matches.size() > 1) {
            List<List<String>> names = new ArrayList<>();
            for (AttributeReference a : matches) {
                names.add(qualifiedName(a));
            }
            throw AnalysisErrors.ambiguousReference(nameParts, names);
        }
        Expression e = matches.get(0);
        for (String field : rest) {
            Optional<Expression> f = nested.extract(e, field, conf);
            if (f.isEmpty()) {
                return Optional.empty();
            }
            e = f.get();
        }
        return Optional.of(e);
    }

    /** The qualifier and name of a column: {@code [t, a]}. */
    static List<String> qualifiedName(AttributeReference a) {
        List<String> parts = new ArrayList<>(a.qualifier());
        parts.add(a.name());
        return parts;
    }

    private boolean qualifierMatches(List<String> attrQualifier, List<String> used) {
        if (used.size() > attrQualifier.size()) {
            return false;
        }
        int offset = attrQualifier.size() - used.size();
        for (int i = 0; i < used.size(); i++) {
            if (!conf.sameName(attrQualifier.get(offset + i), used.get(i))) {
                return false;
            }
        }
        return true;
    }

    private static int maxQualifier(List<AttributeReference> input) {
        int max = 0;
        for (AttributeReference a : input) {
            max = Math.max(max, a.qualifier().size());
        }
        return max;
    }

    private static void addDistinct(List<AttributeReference> matches, AttributeReference a) {
        for (AttributeReference m : matches) {
            if (m.sameColumn(a)) {
                return;
            }
        }
        matches.add(a);
    }
}
