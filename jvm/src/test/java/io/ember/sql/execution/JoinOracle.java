package io.ember.sql.execution;

import io.ember.sql.plans.JoinType;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.BiPredicate;

/**
 * The expected answer of a join of two-column rows in the join tests, computed plainly: pairs
 * whose first columns are equal and non-null (every pair when {@code useKeys} is false) and that
 * pass {@code cond}, completed by the join type; rows printed as strings, sorted.
 */
final class JoinOracle {
    private JoinOracle() {}

    static List<String> expected(JoinType type, List<List<Object>> l, List<List<Object>> r, boolean useKeys,
                                 BiPredicate<List<Object>, List<Object>> cond) {
        Map<Object, List<Integer>> byKey = new HashMap<>();
        List<Integer> all = new ArrayList<>();
        for (int j = 0; j < r.size(); j++) {
            all.add(j);
            if (r.get(j).get(0) != null) {
                byKey.computeIfAbsent(r.get(j).get(0), k -> new ArrayList<>()).add(j);
            }
        }
        List<String> out = new ArrayList<>();
        boolean[] rightHit = new boolean[r.size()];
        boolean keepsPairs = type != JoinType.LEFT_SEMI && type != JoinType.LEFT_ANTI;
        for (List<Object> x : l) {
            boolean hit = false;
            List<Integer> candidates = !useKeys ? all
                    : x.get(0) == null ? List.of() : byKey.getOrDefault(x.get(0), List.of());
            for (int j : candidates) {
                if (cond.test(x, r.get(j))) {
                    hit = true;
                    rightHit[j] = true;
                    if (keepsPairs) {
                        out.add(x + "" + r.get(j));
                    }
                }
            }
            if ((type == JoinType.LEFT_SEMI && hit) || (type == JoinType.LEFT_ANTI && !hit)) {
                out.add(x.toString());
            }
            if (!hit && (type == JoinType.LEFT_OUTER || type == JoinType.FULL_OUTER)) {
                out.add(x + "" + Arrays.asList(null, null));
            }
        }
        if (type == JoinType.RIGHT_OUTER || type == JoinType.FULL_OUTER) {
            for (int j = 0; j < r.size(); j++) {
                if (!rightHit[j]) {
                    out.add(Arrays.asList(null, null) + "" + r.get(j));
                }
            }
        }
        out.sort(null);
        return out;
    }
}
