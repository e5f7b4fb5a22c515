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
        List<Expression> kids = e.children();
        List<Expression> out = new ArrayList<>(kids);
        boolean changed = false;
        for (List<Integer> idx : m.mergedGroups()) {
            List<DataType> types = new ArrayList<>();
            for (int i : idx) types.add(kids.get(i).dataType());
            if (types.stream().distinct().count() <= 1) {
                continue;
            }
            Optional<DataType> common = TypeWidening.widerCommon(types);
            if (common.isEmpty()) {
                continue;
            }
            for (int i : idx) out.set(i, TypeWidening.cast(kids.get(i), common.get()));
            changed = true;
        }
        if (!changed) {
            return e;
        }
        return withChildren(e, out);
    }
}
