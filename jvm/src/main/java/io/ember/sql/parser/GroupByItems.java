package io.ember.sql.parser;

import io.ember.sql.expressions.Expression;
import java.util.ArrayList;
import java.util.List;

/**
 * The grouping sets of a GROUP BY list that mixes plain keys with {@code ROLLUP(...)},
 * {@code CUBE(...)} and {@code GROUPING SETS(...)} items, as Spark's {@code BaseGroupingSets}
 * combines them: each analytics item gives its own list of sets (a composite column such as
 * {@code (a, b)} counts as one column), the lists are crossed (every combination of one set from
 * each item, concatenated), and the plain keys are put in front of every set, duplicates removed.
 * The grouping columns are every item's columns in the order written, each once; that order
 * numbers {@code grouping_id()}'s bits. Equal sets stay separate groups, as in Spark. A value holder, built by {@link QueryBuilder}.
 */
final class GroupByItems {
    private final List<Expression> plainKeys = new ArrayList<>();
    private final List<Expression> columns = new ArrayList<>();
    private List<List<Expression>> crossed = null;

    void addKey(Expression key) {
        plainKeys.add(key);
        columns.add(key);
    }

    /** A {@code ROLLUP} of the given columns (each a list: one expression, or a composite). */
    void addRollup(List<List<Expression>> columns) {
        List<List<Expression>> sets = new ArrayList<>();
        for (int kept = columns.size(); kept >= 0; kept--) {
            sets.add(flatten(columns.subList(0, kept)));
        }
        add(columns, sets);
    }

    /** A {@code CUBE} of the given columns: every subset, all columns first (Spark's order). */
    void addCube(List<List<Expression>> columns) {
        int n = columns.size();
        if (n > 30) {
            throw new IllegalArgumentException("cube of " + n + " columns: at most 30");
        }
        List<List<Expression>> sets = new ArrayList<>();
        for (int mask = (1 << n) - 1; mask >= 0; mask--) {
            List<List<Expression>> chosen = new ArrayList<>();
            for (int i = 0; i < n; i++) {
                if ((mask & (1 << (n - 1 - i))) != 0) {
                    chosen.add(columns.get(i));
                }
            }
            sets.add(flatten(chosen));
        }
        add(columns, sets);
    }

    /** A {@code GROUPING SETS} item: its sets as written. */
    void addGroupingSets(List<List<Expression>> sets) {
        add(sets, sets);
    }

    boolean hasAnalytics() {
        return crossed != null;
    }

    List<Expression> plainKeys() {
        return plainKeys;
    }

    /** Every set: the plain keys, then one crossed combination, each expression once. */
    List<List<Expression>> sets() {
        List<List<Expression>> out = new ArrayList<>();
        for (List<Expression> set : crossed) {
            List<Expression> full = new ArrayList<>();
            addDistinct(full, plainKeys);
            addDistinct(full, set);
            out.add(full);
        }
        return out;
    }

    /** The grouping columns: every item's columns in the order written, each once. */
    List<Expression> groupBy() {
        List<Expression> all = new ArrayList<>();
        addDistinct(all, columns);
        return all;
    }

    private void add(List<List<Expression>> itemColumns, List<List<Expression>> sets) {
        itemColumns.forEach(columns::addAll);
        if (crossed == null) {
            crossed = sets;
            return;
        }
        List<List<Expression>> next = new ArrayList<>();
        for (List<Expression> a : crossed) {
            for (List<Expression> s : sets) {
                List<Expression> joined = new ArrayList<>(a);
                joined.addAll(s);
                next.add(joined);
            }
        }
        crossed = next;
    }

    private static List<Expression> flatten(List<List<Expression>> columns) {
        List<Expression> out = new ArrayList<>();
        columns.forEach(out::addAll);
        return out;
    }

    private static void addDistinct(List<Expression> into, List<Expression> from) {
        for (Expression e : from) {
            if (!into.contains(e)) {
                into.add(e);
            }
        }
    }
}
