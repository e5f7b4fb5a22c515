package io.ember.sql.expressions;

import io.ember.sql.types.DataType;
import io.ember.sql.types.DataTypes;
import io.ember.sql.types.BinaryType;
import io.ember.sql.vector.BooleanVector;
import io.ember.sql.vector.ColumnBatch;
import io.ember.sql.vector.ColumnVector;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * {@code (value IN (e1, e2, ...))}: true if the value equals one of the list; else null if the
 * value or any list element is null; else false. Coercion gives all one type. A list of
 * constants is looked up in a hash set.
 */
public final class In extends Expression {
    private static final long serialVersionUID = 1L;

    private final Expression value;
    private final List<Expression> list;

    public In(Expression value, List<Expression> list) {
        this.value = value;
        this.list = List.copyOf(list);
    }

    public Expression value() {
        return value;
    }

    public List<Expression> list() {
        return list;
    }

    @Override
    public DataType dataType() {
        return DataTypes.BooleanType;
    }

    @Override
    public boolean nullable() {
        return children().stream().anyMatch(Expression::nullable);
    }

    @Override
    public boolean foldable() {
        return children().stream().allMatch(Expression::foldable);
    }

    @Override
    public TypeCheckResult checkInputDataTypes() {
        for (Expression e : list) {
            if (!e.dataType().equals(value.dataType()) && !e.dataType().equals(DataTypes.NullType)) {
                return TypeCheckResult.mismatch("DATA_DIFF_TYPES",
                        "Input to `in` should all be the same type, but it's " + typesText(),
                        java.util.Map.of("functionName", "`in`", "dataType", typesText()));
            }
        }
        return TypeCheckResult.success();
    }

    private String typesText() {
        StringBuilder b = new StringBuilder("[");
        for (int i = 0; i < children().size(); i++) {
            b.append(i == 0 ? "" : ", ").append(TypeCheckResult.quoteType(children().get(i).dataType()));
        }
        return b.append(']').toString();
    }

    /** A list of constants, evaluated once: the non-null values and whether a null is among them. */
    private record Constants(Set<Object> values, boolean hasNull) implements java.io.Serializable {}

    /** The constants once computed (a benign race: any thread computes the same). */
    private transient volatile Constants constants;
    private final DictionaryMemo dictionaryAnswers = new DictionaryMemo();

    private Constants constants() {
        Constants c = constants;
        if (c == null) {
            Set<Object> set = new HashSet<>();
            boolean hasNull = false;
            for (Expression e : list) {
                Object x = e.evalConstant();
                if (x == null) hasNull = true; else set.add(x);
            }
            c = new Constants(set, hasNull);
            constants = c;
        }
        return c;
    }

    @Override
    public ColumnVector eval(ColumnBatch batch) {
        int n = batch.numRows();
        ColumnVector v = value.eval(batch);
        boolean[] out = new boolean[n];
        NullMask nulls = new NullMask(null, n);
        boolean constant = list.stream().allMatch(Expression::foldable) && !(value.dataType() instanceof BinaryType);
        if (constant) {
            Constants c = constants();
            Set<Object> set = c.values;
            boolean hasNull = c.hasNull;
            if (v instanceof io.ember.sql.vector.DictionaryVector d && DictionaryMemo.applies(d)) {
                return dictionaryAnswers.eval(d, n, (dict, e) -> set.contains(dict.get(e)) ? Boolean.TRUE : hasNull ? null : Boolean.FALSE);
            }
            Object[] values = v instanceof io.ember.sql.vector.StringVector s ? s.values : null;
            for (int i = 0; i < n; i++) {
                Object x = values != null ? values[i] : v.get(i);
                if (x == null) nulls.set(i);
                else if (set.contains(x)) out[i] = true;
                else if (hasNull) nulls.set(i);
            }
            return new BooleanVector(DataTypes.BooleanType, out, nulls.mask());
        }
        List<ColumnVector> items = new ArrayList<>();
        for (Expression e : list) items.add(e.eval(batch));
        Comparator<Object> c = SqlOrdering.forType(value.dataType());
        for (int i = 0; i < n; i++) {
            Object x = v.get(i);
            if (x == null) {
                nulls.set(i);
                continue;
            }
            boolean sawNull = false;
            for (ColumnVector it : items) {
                Object y = it.get(i);
                if (y == null) sawNull = true;
                else if (c.compare(x, y) == 0) { out[i] = true; break; }
            }
            if (!out[i] && sawNull) nulls.set(i);
        }
        return new BooleanVector(DataTypes.BooleanType, out, nulls.mask());
    }

    @Override
    public String sql() {
        StringBuilder b = new StringBuilder("(").append(value.sql()).append(" IN (");
        for (int i = 0; i < list.size(); i++) {
            b.append(i == 0 ? "" : ", ").append(list.get(i).sql());
        }
        return b.append("))").toString();
    }

    @Override
    public List<Expression> children() {
        List<Expression> kids = new ArrayList<>();
        kids.add(value);
        kids.addAll(list);
        return kids;
    }

    @Override
    protected Expression withNewChildren(List<Expression> c) {
        return new In(c.get(0), c.subList(1, c.size()));
    }

    @Override
    protected List<Object> args() {
        return List.of();
    }
}
