package io.ember.sql.analysis.coercion;

import io.ember.sql.expressions.Alias;
import io.ember.sql.expressions.AttributeReference;
import io.ember.sql.expressions.Expression;
import io.ember.sql.expressions.subquery.InSubquery;
import io.ember.sql.plans.LogicalPlan;
import io.ember.sql.plans.Project;
import io.ember.sql.types.DataType;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * {@code (a, b) IN (SELECT x, y ...)} with different types on the two sides: each value and
 * its column are cast to their wider common type, the columns through a select over the
 * subquery's plan (keeping the columns' names), as Spark's {@code InConversion} does. Applies
 * once the subquery is resolved and has as many columns as there are values.
 */
public final class InSubqueryConversion extends CoercionRule {
    @Override
    protected Expression coerce(Expression e) {
        if (!(e instanceof InSubquery in) || !in.plan().resolved()) {
            return e;
        }
        List<AttributeReference> out = in.plan().output();
        if (out.size() != in.values().size()) {
            return e;
        }
        List<Expression> values = new ArrayList<>();
        List<Expression> columns = new ArrayList<>();
        boolean changed = false;
        for (int i = 0; i < out.size(); i++) {
            Expression v = in.values().get(i);
            AttributeReference c = out.get(i);
            Optional<DataType> common = v.dataType().equals(c.dataType()) ? Optional.empty()
                    : TypeWidening.widerCommon(List.of(v.dataType(), c.dataType()));
            if (common.isEmpty()) {
                values.add(v);
                columns.add(c);
                continue;
            }
            changed = true;
            values.add(TypeWidening.cast(v, common.get()));
            columns.add(c.dataType().equals(common.get()) ? c : new Alias(TypeWidening.cast(c, common.get()), c.name()));
        }
        if (!changed) {
            return e;
        }
        LogicalPlan plan = new Project(columns, in.plan());
        return new InSubquery(values, plan);
    }
}
