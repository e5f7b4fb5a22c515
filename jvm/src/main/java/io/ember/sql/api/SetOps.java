package io.ember.sql.api;

import io.ember.sql.AnalysisException;
import io.ember.sql.SqlConf;
import io.ember.sql.expressions.Alias;
import io.ember.sql.expressions.AttributeReference;
import io.ember.sql.expressions.Expression;
import io.ember.sql.expressions.Literal;
import io.ember.sql.plans.LogicalPlan;
import io.ember.sql.plans.Project;
import io.ember.sql.plans.Union;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * {@code unionByName}: the right side's columns put in the left side's order by name; with
 * missing columns allowed, each side gets nulls for the columns only the other has (the left's
 * columns first, then the right's extra ones), as Spark does.
 */
final class SetOps {
    private SetOps() {}

    static LogicalPlan unionByName(LogicalPlan left, LogicalPlan right, boolean allowMissing, SqlConf conf) {
        List<Expression> leftList = new ArrayList<>(left.output());
        List<Expression> rightList = new ArrayList<>();
        for (AttributeReference l : left.output()) {
            AttributeReference match = find(right.output(), l.name(), conf);
            if (match != null) {
                rightList.add(match);
            } else if (allowMissing) {
                rightList.add(new Alias(new Literal(null, l.dataType()), l.name()));
            } else {
                String candidates = String.join(", ", right.output().stream().map(a -> "`" + a.name() + "`").toList());
                throw new AnalysisException("UNRESOLVED_COLUMN.WITH_SUGGESTION", "A column, variable, or function"
                        + " parameter with name `" + l.name() + "` cannot be resolved. Did you mean one of the following? ["
                        + candidates + "].", Map.of("objectName", "`" + l.name() + "`", "proposal", candidates));
            }
        }
        for (AttributeReference r : right.output()) {
            if (find(left.output(), r.name(), conf) == null) {
                if (!allowMissing) {
                    throw new AnalysisException("NUM_COLUMNS_MISMATCH", "UNION can only be performed on inputs with the"
                            + " same number of columns, but the first input has " + left.output().size() + " columns and"
                            + " the second input has " + right.output().size() + " columns.",
                            Map.of("operator", "UNION", "firstNumColumns", String.valueOf(left.output().size()),
                                    "invalidOrdinalNum", "second", "invalidNumColumns", String.valueOf(right.output().size())));
                }
                leftList.add(new Alias(new Literal(null, r.dataType()), r.name()));
                rightList.add(r);
            }
        }
        LogicalPlan l = leftList.size() == left.output().size() ? left : new Project(leftList, left);
        return new Union(List.of(l, new Project(rightList, right)));
    }

    private static AttributeReference find(List<AttributeReference> attrs, String name, SqlConf conf) {
        for (AttributeReference a : attrs) {
            if (conf.sameName(a.name(), name)) {
                return a;
            }
        }
        return null;
    }
}
