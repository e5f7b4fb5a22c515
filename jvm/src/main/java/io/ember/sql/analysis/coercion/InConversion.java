package io.ember.sql.analysis.coercion;

import io.ember.sql.expressions.Expression;
import io.ember.sql.expressions.In;
import io.ember.sql.types.DataType;
import java.util.List;
import java.util.Optional;

/** {@code a IN (x, y)} with mixed types: all are cast to their wider common type ({@code 1 IN ('1')} compares strings). */
public final class InConversion extends CoercionRule {
    @Override
    protected Expression coerce(Expression e) {
        if (!(e instanceof In in)) {
            return e;
        }
        DataType t = in.value().dataType();
        if (in.list().stream().allMatch(x -> x.dataType().equals(t))) {
            return e;
        }
        Optional<DataType> common = TypeWidening.widerCommon(in.children().stream().map(Expression::dataType).toList());
        if (common.isEmpty()) {
            return e;
        }
        List<Expression> kids = in.children().stream().map(x -> TypeWidening.cast(x, common.get())).toList();
        return withChildren(e, kids);
    }
}
