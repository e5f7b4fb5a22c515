package io.ember.sql.expressions.aggregate;

import io.ember.sql.expressions.ExpectsInputTypes;
import io.ember.sql.expressions.Expression;
import io.ember.sql.expressions.FunctionCalls;
import io.ember.sql.expressions.ImplicitCastInputTypes;
import io.ember.sql.expressions.InputType;
import io.ember.sql.expressions.TypeCheckResult;
import io.ember.sql.types.DataType;
import io.ember.sql.types.DataTypes;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;

/**
 * {@code listagg(x[, delimiter])} / {@code string_agg}: the group's non-null strings joined by
 * the delimiter (empty by default), in arrival order; {@code distinct} keeps each value once.
 * Null for no values.
 */
public final class ListAgg extends ValuesAggregate implements ImplicitCastInputTypes {
    private static final long serialVersionUID = 1L;

    private final String name;
    private final List<Expression> args;
    private final String delimiter;
    private final boolean distinct;

    public ListAgg(String name, List<Expression> args, String delimiter, boolean distinct) {
        this.name = name;
        this.args = List.copyOf(args);
        this.delimiter = delimiter;
        this.distinct = distinct;
    }

    @Override
    protected Expression input() {
        return args.get(0);
    }

    @Override
    public List<InputType> inputTypes() {
        return List.of(InputType.STRING);
    }

    @Override
    public TypeCheckResult checkInputDataTypes() {
        return ExpectsInputTypes.check(this, inputTypes());
    }

    @Override
    public DataType dataType() {
        return DataTypes.StringType;
    }

    @Override
    protected Object finish(List<Object> values) {
        if (values.isEmpty()) return null;
        List<Object> v = distinct ? new ArrayList<>(new LinkedHashSet<>(values)) : values;
        StringBuilder b = new StringBuilder();
        for (int i = 0; i < v.size(); i++) b.append(i == 0 ? "" : delimiter).append(v.get(i));
        return b.toString();
    }

    @Override
    public String sql() {
        String s = FunctionCalls.sql(name, args);
        return distinct ? name + "(DISTINCT " + s.substring(name.length() + 1) : s;
    }

    @Override
    public List<Expression> children() {
        return List.of(args.get(0));
    }

    @Override
    protected Expression withNewChildren(List<Expression> c) {
        List<Expression> a = new ArrayList<>(args);
        a.set(0, c.get(0));
        return new ListAgg(name, a, delimiter, distinct);
    }

    @Override
    protected List<Object> args() {
        return List.of(name, delimiter, distinct);
    }
}
