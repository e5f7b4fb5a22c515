package io.ember.sql.analysis.coercion;

import io.ember.sql.expressions.BinaryOperator;
import io.ember.sql.expressions.Expression;
import io.ember.sql.expressions.ImplicitCastInputTypes;
import io.ember.sql.expressions.InputType;
import io.ember.sql.types.DataType;
import io.ember.sql.types.DecimalType;
import io.ember.sql.types.NullType;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * The last coercion step: operands of an operator that differ are cast to their tightest common
 * type when the operator takes it ({@code int + bigint} adds bigints), and function inputs are
 * cast to the types the function names (a number to string for {@code upper}, a string to double
 * for {@code sum}).
 */
public final class ImplicitTypeCasts extends CoercionRule {
    @Override
    protected Expression coerce(Expression e) {
        if (e instanceof BinaryOperator b) {
            DataType l = b.left().dataType();
            DataType r = b.right().dataType();
            if (!handles(l, r)) {
                return e;
            }
            Optional<DataType> common = TypeWidening.tightest(l, r);
            if (common.isPresent() && b.inputType().accepts(common.get())) {
                return b.withOperands(TypeWidening.cast(b.left(), common.get()), TypeWidening.cast(b.right(), common.get()));
            }
            return e;
        }
        if (e instanceof ImplicitCastInputTypes f) {
            List<InputType> types = f.inputTypes();
            List<Expression> kids = e.children();
            List<Expression> out = new ArrayList<>(kids);
            boolean changed = false;
            for (int i = 0; i < Math.min(kids.size(), types.size()); i++) {
                Optional<DataType> t = TypeWidening.implicitCast(kids.get(i).dataType(), types.get(i));
                if (t.isPresent() && !t.get().equals(kids.get(i).dataType())) {
                    out.set(i, TypeWidening.cast(kids.get(i), t.get()));
                    changed = true;
                }
            }
            return changed ? withChildren(e, out) : e;
        }
        return e;
    }

    private static boolean handles(DataType l, DataType r) {
        if (l instanceof DecimalType && r instanceof NullType || l instanceof NullType && r instanceof DecimalType) {
            return true;
        }
        return !(l instanceof DecimalType) && !(r instanceof DecimalType) && !l.equals(r);
    }
}
