package io.ember.sql.api;

import io.ember.sql.expressions.Alias;
import io.ember.sql.expressions.Cast;
import io.ember.sql.expressions.Expression;
import io.ember.sql.expressions.Literal;
import io.ember.sql.expressions.NamedExpression;
import io.ember.sql.plans.Aggregate;
import io.ember.sql.plans.LogicalPlan;
import io.ember.sql.plans.Project;
import io.ember.sql.plans.Union;
import io.ember.sql.types.DataTypes;
import java.util.ArrayList;
import java.util.List;

/**
 * {@code rollup} and {@code cube} as the union of one aggregate per grouping set: rollup(a, b)
 * groups by (a, b), (a) and (); cube by every subset. A grouping column left out of a set is
 * null in that set's rows, as in Spark. (Each set reads the input once; no expand operator
 * is needed.)
 */
final class GroupingSets {
    private GroupingSets() {}

    static LogicalPlan union(Dataset<Row> df, List<Expression> grouping, List<Expression> aggs, boolean cube) {
        List<Expression> typed = ((Project) df.sparkSession().analyzer()
                .execute(new Project(grouping, df.logicalPlan()))).projectList();
        List<LogicalPlan> sets = new ArrayList<>();
        int n = grouping.size();
        List<Integer> masks = new ArrayList<>();
        if (cube) {
            for (int m = (1 << n) - 1; m >= 0; m--) {
                masks.add(m);
            }
        } else {
            for (int kept = n; kept >= 0; kept--) {
                masks.add(kept == 0 ? 0 : ((1 << kept) - 1) << (n - kept));
            }
        }
        for (int mask : masks) {
            List<Expression> keys = new ArrayList<>();
            List<Expression> output = new ArrayList<>();
            for (int i = 0; i < n; i++) {
                Expression g = grouping.get(i) instanceof Alias a ? a.child() : grouping.get(i);
                String name = ((NamedExpression) typed.get(i)).name();
                if ((mask & (1 << (n - 1 - i))) != 0) {
                    keys.add(g);
                    output.add(new Alias(g, name));
                } else {
                    output.add(new Alias(new Cast(new Literal(null, DataTypes.NullType), typed.get(i).dataType()), name));
                }
            }
            output.addAll(aggs);
            sets.add(new Aggregate(keys, output, df.logicalPlan()));
        }
        return new Union(sets);
    }
}
