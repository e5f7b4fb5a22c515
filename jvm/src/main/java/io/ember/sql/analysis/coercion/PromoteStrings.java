package io.ember.sql.analysis.coercion;

import io.ember.sql.expressions.BinaryArithmetic;
import io.ember.sql.expressions.BinaryComparison;
import io.ember.sql.expressions.BinaryExpression;
import io.ember.sql.expressions.EqualNullSafe;
import io.ember.sql.expressions.Expression;
import io.ember.sql.expressions.IntegralDivide;
import io.ember.sql.expressions.SqlTypes;
import io.ember.sql.types.DataType;
import io.ember.sql.types.DataTypes;
import java.util.Optional;

/**
 * Strings in arithmetic become doubles ({@code '1' + 1} is {@code 2.0}); a comparison of a string
 * with a number, date or timestamp compares in that type ({@code '1.5' = 1} casts the string to
 * int), as Spark does outside ANSI mode.
 */
public final class PromoteStrings extends CoercionRule {
    @Override
    protected Expression coerce(Expression e) {
        if (e instanceof BinaryArithmetic || e instanceof IntegralDivide) {
            BinaryExpression b = (BinaryExpression) e;
            boolean ls = SqlTypes.isString(b.left().dataType());
            boolean rs = SqlTypes.isString(b.right().dataType());
            if (ls || rs) {
                return b.withOperands(ls ? TypeWidening.cast(b.left(), DataTypes.DoubleType) : b.left(),
                        rs ? TypeWidening.cast(b.right(), DataTypes.DoubleType) : b.right());
            }
            return e;
        }
        if (e instanceof BinaryComparison || e instanceof EqualNullSafe) {
            BinaryExpression b = (BinaryExpression) e;
            DataType l = b.left().dataType();
            DataType r = b.right().dataType();
            if (l.equals(r)) {
                return e;
            }
            Optional<DataType> common = TypeWidening.forComparison(l, r);
            if (common.isPresent()) {
                return b.withOperands(TypeWidening.cast(b.left(), common.get()), TypeWidening.cast(b.right(), common.get()));
            }
        }
        return e;
    }
}
