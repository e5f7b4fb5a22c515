package io.ember.sql.expressions.collection;

import io.ember.sql.expressions.AnsiAware;
import io.ember.sql.expressions.Expression;
import io.ember.sql.expressions.ExpressionEvalException;
import io.ember.sql.expressions.InputType;
import io.ember.sql.expressions.RowFunction;
import io.ember.sql.expressions.SqlOrdering;
import io.ember.sql.types.ArrayType;
import io.ember.sql.types.DataType;
import io.ember.sql.types.DataTypes;
import io.ember.sql.types.MapType;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;

/**
 * Array and map functions: {@code size} (-1 for null outside ANSI mode, null under it),
 * {@code array_contains} (null when absent but the array holds a null), {@code element_at}
 * (1-based, negative from the end; out of range null outside ANSI mode, Spark's
 * {@code INVALID_ARRAY_INDEX_IN_ELEMENT_AT} under it), {@code sort_array} (nulls first when
 * ascending) and {@code array_distinct}.
 */
public final class CollectionFunction extends RowFunction implements AnsiAware {
    private static final long serialVersionUID = 1L;

    /** Which function. */
    public enum Kind { SIZE, ARRAY_CONTAINS, ELEMENT_AT, SORT_ARRAY, ARRAY_DISTINCT }

    private final Kind kind;
    private final boolean ansi;

    public CollectionFunction(Kind kind, List<Expression> args, boolean ansi) {
        super(args);
        this.kind = kind;
        this.ansi = ansi;
    }

    public CollectionFunction(Kind kind, List<Expression> args) {
        this(kind, args, false);
    }

    @Override
    public boolean ansi() {
        return ansi;
    }

    @Override
    public Expression withAnsi(boolean a) {
        return a == ansi || (kind != Kind.SIZE && kind != Kind.ELEMENT_AT) ? this : new CollectionFunction(kind, args, a);
    }

    @Override
    public String prettyName() {
        return kind.name().toLowerCase(java.util.Locale.ROOT);
    }

    private DataType first() {
        return args.get(0).dataType();
    }

    @Override
    public List<InputType> inputTypes() {
        return switch (kind) {
            case SIZE -> List.of(InputType.oneOf(InputType.ARRAY, InputType.MAP));
            case ARRAY_CONTAINS -> first() instanceof ArrayType a
                    ? List.of(InputType.ARRAY, InputType.exact(a.elementType())) : List.of(InputType.ARRAY);
            case ELEMENT_AT -> first() instanceof MapType m
                    ? List.of(InputType.MAP, InputType.exact(m.keyType())) : List.of(InputType.ARRAY, InputType.INT);
            case SORT_ARRAY -> List.of(InputType.ARRAY, InputType.BOOLEAN);
            case ARRAY_DISTINCT -> List.of(InputType.ARRAY);
        };
    }

    @Override
    public DataType dataType() {
        return switch (kind) {
            case SIZE -> DataTypes.IntegerType;
            case ARRAY_CONTAINS -> DataTypes.BooleanType;
            case ELEMENT_AT -> first() instanceof MapType m ? m.valueType() : ((ArrayType) first()).elementType();
            case SORT_ARRAY, ARRAY_DISTINCT -> first();
        };
    }

    @Override
    protected boolean nullSafe() {
        return kind == Kind.SIZE && !ansi;
    }

    @Override
    protected Object compute(Object[] v) {
        switch (kind) {
            case SIZE:
                return v[0] == null ? -1 : v[0] instanceof Map<?, ?> m ? m.size() : ((List<?>) v[0]).size();
            case ARRAY_CONTAINS: {
                Comparator<Object> c = SqlOrdering.forType(((ArrayType) first()).elementType());
                boolean sawNull = false;
                for (Object x : (List<?>) v[0]) {
                    if (x == null) sawNull = true;
                    else if (c.compare(x, v[1]) == 0) return true;
                }
                return sawNull ? null : false;
            }
            case ELEMENT_AT: {
                if (v[0] instanceof Map<?, ?> m) return m.get(v[1]);
                List<?> a = (List<?>) v[0];
                int i = (Integer) v[1];
                if (i == 0) {
                    throw new ExpressionEvalException("INVALID_INDEX_OF_ZERO",
                            "The index 0 is invalid. An index shall be either < 0 or > 0 (the first element has index 1).", Map.of());
                }
                int k = i > 0 ? i - 1 : a.size() + i;
                if (k >= 0 && k < a.size()) return a.get(k);
                if (ansi) {
                    throw new ExpressionEvalException("INVALID_ARRAY_INDEX_IN_ELEMENT_AT", "The index " + i
                            + " is out of bounds. The array has " + a.size() + " elements. Use `try_element_at` to "
                            + "tolerate accessing element at invalid index and return NULL instead.",
                            Map.of("indexValue", String.valueOf(i), "arraySize", String.valueOf(a.size())));
                }
                return null;
            }
            case SORT_ARRAY: {
                boolean asc = v.length < 2 || (Boolean) v[1];
                Comparator<Object> c = SqlOrdering.forType(((ArrayType) first()).elementType());
                Comparator<Object> nullsFirst = Comparator.nullsFirst(c);
                List<Object> out = new ArrayList<>((List<?>) v[0]);
                out.sort(asc ? nullsFirst : nullsFirst.reversed());
                return out;
            }
            default: {
                List<Object> out = new ArrayList<>();
                Comparator<Object> c = SqlOrdering.forType(((ArrayType) first()).elementType());
                boolean sawNull = false;
                for (Object x : (List<?>) v[0]) {
                    if (x == null) {
                        if (!sawNull) out.add(null);
                        sawNull = true;
                    } else if (out.stream().noneMatch(y -> y != null && c.compare(x, y) == 0)) {
                        out.add(x);
                    }
                }
                return out;
            }
        }
    }

    @Override
    protected Expression copy(List<Expression> a) {
        return new CollectionFunction(kind, a, ansi);
    }

    @Override
    protected List<Object> args() {
        return List.of(kind, ansi);
    }
}
