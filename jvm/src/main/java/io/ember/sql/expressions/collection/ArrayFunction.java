package io.ember.sql.expressions.collection;

import io.ember.sql.expressions.Expression;
import io.ember.sql.expressions.ExpressionEvalException;
import io.ember.sql.expressions.InputType;
import io.ember.sql.expressions.RowFunction;
import io.ember.sql.expressions.SqlOrdering;
import io.ember.sql.types.ArrayType;
import io.ember.sql.types.DataType;
import io.ember.sql.types.DataTypes;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * Array functions that read or rebuild one array: {@code array_max}/{@code array_min} (nulls
 * skipped), {@code flatten} (null if an inner array is), {@code array_join}, {@code
 * array_repeat}, {@code slice}, {@code array_append}/{@code array_prepend}/{@code array_insert}
 * (Spark 4's positions: negative counts from the end, -1 appends; gaps are padded with nulls),
 * {@code array_size}, {@code get} (0-based, null out of range) and {@code try_element_at}.
 */
public final class ArrayFunction extends RowFunction {
    private static final long serialVersionUID = 1L;

    /** Which function. */
    public enum Kind {
        ARRAY_MAX, ARRAY_MIN, FLATTEN, ARRAY_JOIN, ARRAY_REPEAT, SLICE, ARRAY_APPEND, ARRAY_PREPEND,
        ARRAY_INSERT, ARRAY_SIZE, GET, TRY_ELEMENT_AT;

        public String sqlName() {
            return name().toLowerCase(Locale.ROOT);
        }
    }

    private final Kind kind;

    public ArrayFunction(Kind kind, List<Expression> args) {
        super(args);
        this.kind = kind;
    }

    @Override
    public String prettyName() {
        return kind.sqlName();
    }

    private DataType first() {
        return args.get(0).dataType();
    }

    private DataType element() {
        return first() instanceof ArrayType a ? a.elementType() : DataTypes.NullType;
    }

    @Override
    public List<InputType> inputTypes() {
        InputType elem = elementInput(args.get(args.size() - 1).dataType());
        return switch (kind) {
            case ARRAY_MAX, ARRAY_MIN, ARRAY_SIZE -> List.of(InputType.ARRAY);
            case FLATTEN -> List.of(InputType.family("ARRAY<ARRAY>",
                    t -> t instanceof ArrayType a && a.elementType() instanceof ArrayType, null));
            case ARRAY_JOIN -> args.size() == 2
                    ? List.of(InputType.exact(new ArrayType(DataTypes.StringType, true)), InputType.STRING)
                    : List.of(InputType.exact(new ArrayType(DataTypes.StringType, true)), InputType.STRING, InputType.STRING);
            case ARRAY_REPEAT -> List.of(InputType.ANY, InputType.INT);
            case SLICE -> List.of(InputType.ARRAY, InputType.INT, InputType.INT);
            case ARRAY_APPEND, ARRAY_PREPEND -> List.of(InputType.ARRAY, elem);
            case ARRAY_INSERT -> List.of(InputType.ARRAY, InputType.INT, elem);
            case GET -> List.of(InputType.ARRAY, InputType.INT);
            case TRY_ELEMENT_AT -> first() instanceof io.ember.sql.types.MapType m
                    ? List.of(InputType.MAP, InputType.exact(m.keyType())) : List.of(InputType.ARRAY, InputType.INT);
        };
    }

    /**
     * The added element's input type: numbers and nulls are cast to the element type; anything
     * else must already be of it ({@link #checkInputDataTypes} says so otherwise).
     */
    private InputType elementInput(DataType valueType) {
        DataType e = element();
        if (valueType instanceof io.ember.sql.types.NullType || (DataTypes.isNumeric(valueType) && DataTypes.isNumeric(e))) {
            return InputType.exact(e);
        }
        return InputType.ANY;
    }

    @Override
    public io.ember.sql.expressions.TypeCheckResult checkInputDataTypes() {
        io.ember.sql.expressions.TypeCheckResult r = super.checkInputDataTypes();
        boolean adds = kind == Kind.ARRAY_APPEND || kind == Kind.ARRAY_PREPEND || kind == Kind.ARRAY_INSERT;
        DataType value = args.get(args.size() - 1).dataType();
        if (r.isSuccess() && adds && !value.equals(element())) {
            String fn = "`" + prettyName() + "`";
            String types = "[" + io.ember.sql.expressions.TypeCheckResult.quoteType(first()) + ", "
                    + io.ember.sql.expressions.TypeCheckResult.quoteType(value) + "]";
            return io.ember.sql.expressions.TypeCheckResult.mismatch("ARRAY_FUNCTION_DIFF_TYPES",
                    "Input to " + fn + " should have been \"ARRAY\" followed by a value with same element type, but it's " + types + ".",
                    Map.of("functionName", fn, "dataType", "\"ARRAY\"", "leftType", io.ember.sql.expressions.TypeCheckResult.quoteType(first()),
                            "rightType", io.ember.sql.expressions.TypeCheckResult.quoteType(value)));
        }
        return r;
    }

    @Override
    public DataType dataType() {
        return switch (kind) {
            case ARRAY_MAX, ARRAY_MIN, GET -> element();
            case TRY_ELEMENT_AT -> first() instanceof io.ember.sql.types.MapType m ? m.valueType() : element();
            case FLATTEN -> element() instanceof ArrayType inner
                    ? new ArrayType(inner.elementType(), inner.containsNull()) : first();
            case ARRAY_JOIN -> DataTypes.StringType;
            case ARRAY_REPEAT -> new ArrayType(first(), args.get(0).nullable());
            case SLICE -> first();
            case ARRAY_APPEND, ARRAY_PREPEND -> new ArrayType(element(), true);
            case ARRAY_INSERT -> new ArrayType(element(), true);
            case ARRAY_SIZE -> DataTypes.IntegerType;
        };
    }

    @Override
    protected boolean nullSafe() {
        return kind == Kind.ARRAY_REPEAT || kind == Kind.ARRAY_APPEND || kind == Kind.ARRAY_PREPEND || kind == Kind.ARRAY_INSERT;
    }

    @SuppressWarnings("unchecked")
    @Override
    protected Object compute(Object[] v) {
        List<Object> a = v[0] instanceof List<?> l ? (List<Object>) l : null;
        switch (kind) {
            case ARRAY_MAX, ARRAY_MIN: {
                Comparator<Object> c = SqlOrdering.forType(element());
                Object best = null;
                for (Object x : a) {
                    if (x != null && (best == null || (kind == Kind.ARRAY_MAX ? c.compare(x, best) > 0 : c.compare(x, best) < 0))) {
                        best = x;
                    }
                }
                return best;
            }
            case FLATTEN: {
                List<Object> out = new ArrayList<>();
                for (Object inner : a) {
                    if (inner == null) return null;
                    out.addAll((List<Object>) inner);
                }
                return out;
            }
            case ARRAY_JOIN: {
                StringBuilder b = new StringBuilder();
                boolean firstOut = true;
                for (Object x : a) {
                    Object s = x == null ? (v.length > 2 ? v[2] : null) : x;
                    if (s == null) continue;
                    if (!firstOut) b.append((String) v[1]);
                    b.append((String) s);
                    firstOut = false;
                }
                return b.toString();
            }
            case ARRAY_REPEAT: {
                if (v[1] == null) return null;
                int n = Math.max(0, (Integer) v[1]);
                return new ArrayList<>(Collections.nCopies(n, v[0]));
            }
            case SLICE:
                return slice(a, (Integer) v[1], (Integer) v[2]);
            case ARRAY_APPEND, ARRAY_PREPEND: {
                if (a == null) return null;
                List<Object> out = new ArrayList<>(a.size() + 1);
                if (kind == Kind.ARRAY_PREPEND) out.add(v[1]);
                out.addAll(a);
                if (kind == Kind.ARRAY_APPEND) out.add(v[1]);
                return out;
            }
            case ARRAY_INSERT:
                return a == null || v[1] == null ? null : insert(a, (Integer) v[1], v[2]);
            case ARRAY_SIZE:
                return a.size();
            case GET: {
                int i = (Integer) v[1];
                return i < 0 || i >= a.size() ? null : a.get(i);
            }
            default: {
                if (v[0] instanceof Map<?, ?> m) return m.get(v[1]);
                int i = (Integer) v[1];
                if (i == 0) {
                    throw new ExpressionEvalException("INVALID_INDEX_OF_ZERO",
                            "The index 0 is invalid. An index shall be either < 0 or > 0 (the first element has index 1).", Map.of());
                }
                int k = i > 0 ? i - 1 : a.size() + i;
                return k < 0 || k >= a.size() ? null : a.get(k);
            }
        }
    }

    private static List<Object> slice(List<Object> a, int start, int length) {
        if (start == 0) {
            throw new ExpressionEvalException("INVALID_PARAMETER_VALUE.START",
                    "The value of parameter(s) `start` in `slice` is invalid: Expects a positive or a negative value for `start`, but got 0.",
                    Map.of("parameter", "`start`", "functionName", "`slice`"));
        }
        if (length < 0) {
            throw new ExpressionEvalException("INVALID_PARAMETER_VALUE.LENGTH",
                    "The value of parameter(s) `length` in `slice` is invalid: Expects `length` greater than or equal to 0, but got " + length + ".",
                    Map.of("parameter", "`length`", "length", String.valueOf(length), "functionName", "`slice`"));
        }
        int from = start > 0 ? start - 1 : a.size() + start;
        if (from < 0 || from >= a.size()) return new ArrayList<>();
        return new ArrayList<>(a.subList(from, (int) Math.min(a.size(), (long) from + length)));
    }

    private static List<Object> insert(List<Object> a, int pos, Object e) {
        if (pos == 0) {
            throw new ExpressionEvalException("INVALID_INDEX_OF_ZERO",
                    "The index 0 is invalid. An index shall be either < 0 or > 0 (the first element has index 1).", Map.of());
        }
        List<Object> out = new ArrayList<>(a);
        if (pos > 0) {
            int i = pos - 1;
            while (out.size() < i) out.add(null);
            out.add(i, e);
            return out;
        }
        int i = a.size() + pos + 1;
        if (i >= 0) {
            out.add(i, e);
            return out;
        }
        List<Object> padded = new ArrayList<>();
        padded.add(e);
        for (int k = 0; k < -i; k++) padded.add(null);
        padded.addAll(a);
        return padded;
    }

    @Override
    protected Expression copy(List<Expression> a) {
        return new ArrayFunction(kind, a);
    }

    @Override
    protected List<Object> args() {
        return List.of(kind);
    }
}
