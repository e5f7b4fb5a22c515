package io.ember.sql.analysis.coercion;

import io.ember.sql.expressions.Divide;
import io.ember.sql.expressions.Expression;
import io.ember.sql.expressions.IntegralDivide;
import io.ember.sql.expressions.SqlTypes;
import io.ember.sql.types.DataType;
import io.ember.sql.types.DataTypes;

/** {@code /} of non-decimal numbers divides doubles ({@code 1 / 2} is 0.5); {@code div} of integers divides bigints. */
public final class Division extends CoercionRule {
    @Override
    protected Expression coerce(Expression e) {
        if (e instanceof Divide d) {
            if (Divide.computesIn(d.dataType()) || !numericOrNull(d.left().dataType()) || !numericOrNull(d.right().dataType())) {
                return e;
            }
            return d.withOperands(TypeWidening.cast(d.left(), DataTypes.DoubleType), TypeWidening.cast(d.right(), DataTypes.DoubleType));
        }
        if (e instanceof IntegralDivide d) {
            DataType l = d.left().dataType();
            DataType r = d.right().dataType();
            if (integralOrNull(l) && integralOrNull(r) && !(l.equals(DataTypes.LongType) && r.equals(DataTypes.LongType))) {
                return d.withOperands(TypeWidening.cast(d.left(), DataTypes.LongType), TypeWidening.cast(d.right(), DataTypes.LongType));
            }
        }
        return e;
    }

    private static boolean numericOrNull(DataType t) {
        return DataTypes.isNumeric(t) || SqlTypes.isNull(t);
    }

    private static boolean integralOrNull(DataType t) {
        return SqlTypes.isIntegral(t) || SqlTypes.isNull(t);
    }
}
