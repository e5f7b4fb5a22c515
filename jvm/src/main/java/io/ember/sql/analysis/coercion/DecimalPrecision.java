package io.ember.sql.analysis.coercion;

import io.ember.sql.expressions.BinaryComparison;
import io.ember.sql.expressions.BinaryOperator;
import io.ember.sql.expressions.Decimals;
import io.ember.sql.expressions.EqualNullSafe;
import io.ember.sql.expressions.Expression;
import io.ember.sql.expressions.Literal;
import io.ember.sql.expressions.SqlTypes;
import io.ember.sql.types.DataType;
import io.ember.sql.types.DataTypes;
import io.ember.sql.types.DecimalType;

/**
 * Spark's decimal operand rules: two different decimals compared are widened to one; an
 * integral operand next to a decimal becomes a decimal (an integral literal only as wide as its
 * digits), and a decimal next to a float or double becomes a double. Arithmetic over two
 * decimals keeps both; the operator computes its result type.
 */
public final class DecimalPrecision extends CoercionRule {
    @Override
    protected Expression coerce(Expression e) {
        if (!(e instanceof BinaryOperator b)) {
            return e;
        }
        DataType l = b.left().dataType();
        DataType r = b.right().dataType();
        if (l.equals(r)) {
            return e;
        }
        if (l instanceof DecimalType dl && r instanceof DecimalType dr) {
            if (e instanceof BinaryComparison || e instanceof EqualNullSafe) {
                DecimalType w = Decimals.wider(dl, dr);
                return b.withOperands(TypeWidening.cast(b.left(), w), TypeWidening.cast(b.right(), w));
            }
            return e;
        }
        if (!(l instanceof DecimalType) && !(r instanceof DecimalType)) {
            return e;
        }
        return b.withOperands(operand(b.left(), r), operand(b.right(), l));
    }

    /** One operand given the other's type: the changed operand, or the same one. */
    private static Expression operand(Expression x, DataType other) {
        DataType t = x.dataType();
        if (other instanceof DecimalType && SqlTypes.isIntegral(t)) {
            if (x instanceof Literal lit && lit.value() != null) {
                return TypeWidening.cast(x, Decimals.forLiteral(((Number) lit.value()).longValue()));
            }
            return TypeWidening.cast(x, Decimals.forType(t));
        }
        if (t instanceof DecimalType && SqlTypes.isFractional(other)) {
            return TypeWidening.cast(x, DataTypes.DoubleType);
        }
        return x;
    }

}
