package io.ember.sql.optimizer;

import io.ember.sql.expressions.Expression;
import io.ember.sql.plans.LogicalPlan;
import io.ember.sql.rules.Rule;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;

/**
 * Tidies {@code x IN (...)} lists: repeated values are dropped, and a list of one value becomes
 * {@code x = v}. (The {@code in} kernel itself hashes long lists of literals.)
 */
final class OptimizeIn implements Rule<LogicalPlan> {
    private final Predicates p;

    OptimizeIn(Predicates p) {
        this.p = p;
    }

    @Override
    public LogicalPlan apply(LogicalPlan plan) {
        return plan.transformAllExpressions(e -> {
            if (e.children().size() < 2 || !p.is("in", e)) {
                return e;
            }
            Expression value = e.children().get(0);
            List<Expression> list = new ArrayList<>(new LinkedHashSet<>(e.children().subList(1, e.children().size())));
            if (list.size() == 1 && list.get(0).foldable()) {
                return p.build("==", List.of(value, list.get(0))).orElse(e);
            }
            if (list.size() == e.children().size() - 1) {
                return e;
            }
            List<Expression> args = new ArrayList<>();
            args.add(value);
            args.addAll(list);
            return p.build("in", args).orElse(e);
        });
    }
}
