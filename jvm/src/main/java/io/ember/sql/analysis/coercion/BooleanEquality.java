package io.ember.sql.analysis.coercion;

import io.ember.sql.expressions.BinaryExpression;
import io.ember.sql.expressions.EqualNullSafe;
import io.ember.sql.expressions.EqualTo;
import io.ember.sql.expressions.Expression;
import io.ember.sql.types.BooleanType;
import io.ember.sql.types.DataTypes;

/** {@code bool = number} compares numbers: the boolean is cast to the number's type (true is 1). */
public final class BooleanEquality extends CoercionRule {
    @Override
    protected Expression coerce(Expression e) {
        if (!(e instanceof EqualTo || e instanceof EqualNullSafe)) {
            return e;
        }
        BinaryExpression b = (BinaryExpression) e;
        if (b.left().dataType() instanceof BooleanType && DataTypes.isNumeric(b.right().dataType())) {
            return b.withOperands(TypeWidening.cast(b.left(), b.right().dataType()), b.right());
        }
        if (b.right().dataType() instanceof BooleanType && DataTypes.isNumeric(b.left().dataType())) {
            return b.withOperands(b.left(), TypeWidening.cast(b.right(), b.left().dataType()));
        }
        return e;
    }
}
