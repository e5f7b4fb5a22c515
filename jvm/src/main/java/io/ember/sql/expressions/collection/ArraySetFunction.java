package io.ember.sql.expressions.collection;

import io.ember.sql.expressions.ExpectsInputTypes;
import io.ember.sql.expressions.Expression;
import io.ember.sql.expressions.InputType;
import io.ember.sql.expressions.MergesInputTypes;
import io.ember.sql.expressions.RowFunction;
import io.ember.sql.expressions.SqlOrdering;
import io.ember.sql.expressions.TypeCheckResult;
import io.ember.sql.types.ArrayType;
import io.ember.sql.types.DataType;
import io.ember.sql.types.DataTypes;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;

/**
 * Functions comparing array elements by value: the set operations {@code array_union},
 * {@code array_intersect}, {@code array_except} (distinct results in first-seen order, one
 * null at most), {@code arrays_overlap} (null when nothing matches but a side holds a null),
 * and over one array and a value {@code array_position} (1-based, 0 when absent),
 * {@code array_remove} and {@code array_compact}. Two arrays are coerced to one type.
 */
public final class ArraySetFunction extends RowFunction implements MergesInputTypes {
    private static final long serialVersionUID = 1L;

    /** Which function. */
    public enum Kind {
        ARRAY_UNION, ARRAY_INTERSECT, ARRAY_EXCEPT, ARRAYS_OVERLAP, ARRAY_POSITION, ARRAY_REMOVE, ARRAY_COMPACT;

        boolean twoArrays() {
            return ordinal() <= ARRAYS_OVERLAP.ordinal();
        }
    }

    private final Kind kind;

    public ArraySetFunction(Kind kind, List<Expression> args) {
        super(args);
        this.kind = kind;
    }

    @Override
    public String prettyName() {
        return kind.name().toLowerCase(Locale.ROOT);
    }

    private ArrayType arrayType(int i) {
        return (ArrayType) args.get(i).dataType();
    }

    @Override
    public List<Integer> mergedChildren() {
        return kind.twoArrays() ? List.of(0, 1) : List.of();
    }

    @Override
    public List<InputType> inputTypes() {
        if (kind.twoArrays()) return List.of(InputType.ARRAY, InputType.ARRAY);
        if (kind == Kind.ARRAY_COMPACT) return List.of(InputType.ARRAY);
        DataType e = args.get(0).dataType() instanceof ArrayType a ? a.elementType() : DataTypes.NullType;
        return List.of(InputType.ARRAY, InputType.exact(e));
    }

    @Override
    public TypeCheckResult checkInputDataTypes() {
        TypeCheckResult r = ExpectsInputTypes.check(this, inputTypes());
        if (r.isSuccess() && kind.twoArrays() && !arrayType(0).elementType().equals(arrayType(1).elementType())) {
            return ExpectsInputTypes.differentTypes(prettyName(), args);
        }
        return r;
    }

    @Override
    public DataType dataType() {
        return switch (kind) {
            case ARRAYS_OVERLAP -> DataTypes.BooleanType;
            case ARRAY_POSITION -> DataTypes.LongType;
            case ARRAY_COMPACT -> new ArrayType(arrayType(0).elementType(), false);
            case ARRAY_UNION -> new ArrayType(arrayType(0).elementType(), arrayType(0).containsNull() || arrayType(1).containsNull());
            case ARRAY_INTERSECT -> new ArrayType(arrayType(0).elementType(), arrayType(0).containsNull() && arrayType(1).containsNull());
            default -> arrayType(0);
        };
    }

    private Comparator<Object> order() {
        return SqlOrdering.forType(arrayType(0).elementType());
    }

    private static boolean contains(List<?> a, Object x, Comparator<Object> c) {
        for (Object y : a) {
            if (x == null ? y == null : y != null && c.compare(x, y) == 0) return true;
        }
        return false;
    }

    @Override
    protected Object compute(Object[] v) {
        List<?> a = (List<?>) v[0];
        Comparator<Object> c = order();
        switch (kind) {
            case ARRAY_UNION, ARRAY_INTERSECT, ARRAY_EXCEPT: {
                List<?> b = (List<?>) v[1];
                List<Object> out = new ArrayList<>();
                for (Object x : a) {
                    boolean keep = kind == Kind.ARRAY_UNION || (kind == Kind.ARRAY_INTERSECT) == contains(b, x, c);
                    if (keep && !contains(out, x, c)) out.add(x);
                }
                if (kind == Kind.ARRAY_UNION) {
                    for (Object x : b) {
                        if (!contains(out, x, c)) out.add(x);
                    }
                }
                return out;
            }
            case ARRAYS_OVERLAP: {
                List<?> b = (List<?>) v[1];
                boolean sawNull = false;
                for (Object x : a) {
                    if (x == null) sawNull = true;
                    else if (contains(b, x, c)) return true;
                }
                sawNull |= b.contains(null);
                return sawNull && !a.isEmpty() && !b.isEmpty() ? null : false;
            }
            case ARRAY_POSITION: {
                for (int i = 0; i < a.size(); i++) {
                    if (a.get(i) != null && c.compare(a.get(i), v[1]) == 0) return (long) i + 1;
                }
                return 0L;
            }
            case ARRAY_REMOVE: {
                List<Object> out = new ArrayList<>();
                for (Object x : a) {
                    if (x == null || c.compare(x, v[1]) != 0) out.add(x);
                }
                return out;
            }
            default: {
                List<Object> out = new ArrayList<>();
                for (Object x : a) {
                    if (x != null) out.add(x);
                }
                return out;
            }
        }
    }

    @Override
    protected Expression copy(List<Expression> a) {
        return new ArraySetFunction(kind, a);
    }

    @Override
    protected List<Object> args() {
        return List.of(kind);
    }
}
