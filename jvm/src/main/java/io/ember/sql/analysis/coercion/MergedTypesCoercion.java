package io.ember.sql.analysis.coercion;

import io.ember.sql.expressions.MergesInputTypes;
import io.ember.sql.expressions.Expression;
import io.ember.sql.types.DataType;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * Expressions whose value comes from one of several inputs ({@code coalesce}, CASE WHEN and
 * {@code if} branches, {@code greatest}, {@code array(...)}) cast those inputs to their wider
 * common type; each says which children merge by implementing {@link MergesInputTypes}.
 */
public final class MergedTypesCoercion extends CoercionRule {
    @Override
    protected Expression coerce(Expression e) {
        if (!(e instanceof MergesInputTypes m)) {
            return e;
        }
        List<Integer> idx = m.mergedChildren();
        List<Expression> kids = e.children();
        List<DataType> types = new ArrayList<>();
        for (int i : idx) types.add(kids.get(i).dataType());
        if (types.stream().distinct().count() <= 1) {
            return e;
        }
        Optional<DataType> common = TypeWidening.widerCommon(types);
        if (common.isEmpty()) {
            return e;
        }
        List<Expression> out = new ArrayList<>(kids);
        for (int i : idx) out.set(i, TypeWidening.cast(kids.get(i), common.get()));
        return withChildren(e, out);
    }
}
