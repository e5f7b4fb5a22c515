package io.ember.sql.analysis.coercion;

import io.ember.sql.expressions.Cast;
import io.ember.sql.expressions.Decimals;
import io.ember.sql.expressions.Expression;
import io.ember.sql.expressions.InputType;
import io.ember.sql.expressions.SqlTypes;
import io.ember.sql.types.ArrayType;
import io.ember.sql.types.BinaryType;
import io.ember.sql.types.BooleanType;
import io.ember.sql.types.DataType;
import io.ember.sql.types.DataTypes;
import io.ember.sql.types.DateType;
import io.ember.sql.types.DecimalType;
import io.ember.sql.types.MapType;
import io.ember.sql.types.NullType;
import io.ember.sql.types.StringType;
import io.ember.sql.types.StructField;
import io.ember.sql.types.StructType;
import io.ember.sql.types.TimestampNTZType;
import io.ember.sql.types.TimestampType;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/** Spark's (non-ANSI) common-type searches: the types two or more values are widened to. Stateless. */
public final class TypeWidening {
    private static final List<DataType> NUMERIC_PRECEDENCE = List.of(DataTypes.ByteType, DataTypes.ShortType,
            DataTypes.IntegerType, DataTypes.LongType, DataTypes.FloatType, DataTypes.DoubleType);

    private TypeWidening() {}

    /** The type both convert to without losing anything (no string promotion, no decimal widening). */
    public static Optional<DataType> tightest(DataType a, DataType b) {
        if (a.equals(b)) return Optional.of(a);
        if (a instanceof NullType) return Optional.of(b);
        if (b instanceof NullType) return Optional.of(a);
        if (SqlTypes.isIntegral(a) && b instanceof DecimalType d && isWiderThan(d, a)) return Optional.of(d);
        if (SqlTypes.isIntegral(b) && a instanceof DecimalType d && isWiderThan(d, b)) return Optional.of(d);
        int ia = NUMERIC_PRECEDENCE.indexOf(a);
        int ib = NUMERIC_PRECEDENCE.indexOf(b);
        if (ia >= 0 && ib >= 0) return Optional.of(NUMERIC_PRECEDENCE.get(Math.max(ia, ib)));
        if (a instanceof io.ember.sql.types.DayTimeIntervalType x && b instanceof io.ember.sql.types.DayTimeIntervalType y) {
            return Optional.of(x.widen(y));
        }
        if (a instanceof io.ember.sql.types.YearMonthIntervalType x && b instanceof io.ember.sql.types.YearMonthIntervalType y) {
            return Optional.of(x.widen(y));
        }
        if (SqlTypes.isDatetime(a) && SqlTypes.isDatetime(b)) {
            if (a instanceof TimestampType || b instanceof TimestampType) return Optional.of(DataTypes.TimestampType);
            return Optional.of(DataTypes.TimestampNTZType);
        }
        return complex(a, b, false);
    }

    static boolean isWiderThan(DecimalType d, DataType integral) {
        DecimalType o = Decimals.forType(integral);
        return d.precision() - d.scale() >= o.precision() - o.scale() && d.scale() >= o.scale();
    }

    /** Tightest, else decimal widening, else promotion to string. */
    public static Optional<DataType> wider(DataType a, DataType b) {
        Optional<DataType> t = tightest(a, b);
        if (t.isPresent()) return t;
        if (a instanceof DecimalType || b instanceof DecimalType) {
            Optional<DataType> d = widerDecimal(a, b);
            if (d.isPresent()) return d;
        }
        if (a instanceof StringType && promotable(b)) return Optional.of(DataTypes.StringType);
        if (b instanceof StringType && promotable(a)) return Optional.of(DataTypes.StringType);
        return complex(a, b, true);
    }

    private static boolean promotable(DataType t) {
        return SqlTypes.isAtomic(t) && !(t instanceof BinaryType) && !(t instanceof BooleanType);
    }

    private static Optional<DataType> widerDecimal(DataType a, DataType b) {
        if (a instanceof DecimalType x && b instanceof DecimalType y) return Optional.of(Decimals.wider(x, y));
        DecimalType d = (DecimalType) (a instanceof DecimalType ? a : b);
        DataType o = a instanceof DecimalType ? b : a;
        if (SqlTypes.isIntegral(o)) return Optional.of(Decimals.wider(Decimals.forType(o), d));
        if (SqlTypes.isFractional(o)) return Optional.of(DataTypes.DoubleType);
        return Optional.empty();
    }

    private static Optional<DataType> complex(DataType a, DataType b, boolean wide) {
        if (a instanceof ArrayType x && b instanceof ArrayType y) {
            return pick(x.elementType(), y.elementType(), wide).map(e -> new ArrayType(e, x.containsNull() || y.containsNull()));
        }
        if (a instanceof MapType x && b instanceof MapType y) {
            Optional<DataType> k = pick(x.keyType(), y.keyType(), wide);
            Optional<DataType> v = pick(x.valueType(), y.valueType(), wide);
            if (k.isPresent() && v.isPresent()) {
                return Optional.of(new MapType(k.get(), v.get(), x.valueContainsNull() || y.valueContainsNull()));
            }
            return Optional.empty();
        }
        if (a instanceof StructType x && b instanceof StructType y && x.size() == y.size()) {
            List<StructField> fields = new ArrayList<>();
            for (int i = 0; i < x.size(); i++) {
                if (!x.field(i).name().equalsIgnoreCase(y.field(i).name())) return Optional.empty();
                Optional<DataType> f = pick(x.field(i).dataType(), y.field(i).dataType(), wide);
                if (f.isEmpty()) return Optional.empty();
                fields.add(new StructField(x.field(i).name(), f.get(), x.field(i).nullable() || y.field(i).nullable()));
            }
            return Optional.of(new StructType(fields));
        }
        return Optional.empty();
    }

    private static Optional<DataType> pick(DataType a, DataType b, boolean wide) {
        return wide ? wider(a, b) : tightest(a, b);
    }

    /** The wider type of all (string types first, as Spark folds them). */
    public static Optional<DataType> widerCommon(List<DataType> types) {
        List<DataType> ordered = new ArrayList<>();
        for (DataType t : types) if (t instanceof StringType && !ordered.contains(t)) ordered.add(t);
        for (DataType t : types) if (!(t instanceof StringType)) ordered.add(t);
        Optional<DataType> acc = Optional.of(DataTypes.NullType);
        for (DataType t : ordered) {
            acc = acc.flatMap(x -> wider(x, t));
        }
        return acc;
    }

    /** The type a comparison of a and b happens in, when string or datetime rules apply (else empty). */
    public static Optional<DataType> forComparison(DataType a, DataType b) {
        if (a instanceof StringType && b instanceof DateType || a instanceof DateType && b instanceof StringType) {
            return Optional.of(DataTypes.DateType);
        }
        if (a instanceof StringType && b instanceof TimestampType || a instanceof TimestampType && b instanceof StringType) {
            return Optional.of(DataTypes.TimestampType);
        }
        if (a instanceof StringType && b instanceof NullType || a instanceof NullType && b instanceof StringType) {
            return Optional.of(DataTypes.StringType);
        }
        if (a instanceof TimestampType && b instanceof DateType || a instanceof DateType && b instanceof TimestampType) {
            return Optional.of(DataTypes.TimestampType);
        }
        if (a instanceof DecimalType && b instanceof StringType || a instanceof StringType && b instanceof DecimalType) {
            return Optional.of(DataTypes.DoubleType);
        }
        if (a instanceof StringType && SqlTypes.isAtomic(b) && !(b instanceof StringType)) return Optional.of(b);
        if (b instanceof StringType && SqlTypes.isAtomic(a) && !(a instanceof StringType)) return Optional.of(a);
        if (a instanceof TimestampNTZType && b instanceof StringType) return Optional.of(a);
        return Optional.empty();
    }

    /** The type {@code e} is implicitly cast to for an input expecting {@code expected}, if any. */
    public static Optional<DataType> implicitCast(DataType in, InputType expected) {
        if (expected.accepts(in)) return Optional.of(in);
        if (!expected.members().isEmpty()) {
            for (InputType m : expected.members()) {
                Optional<DataType> t = implicitCast(in, m);
                if (t.isPresent()) return t;
            }
            return Optional.empty();
        }
        DataType target = expected.defaultType();
        if (in instanceof NullType) return Optional.ofNullable(target);
        if (target == null) return Optional.empty();
        if (in instanceof StringType && expected == InputType.NUMERIC) return Optional.of(DataTypes.DoubleType);
        if (DataTypes.isNumeric(in) && expected == InputType.DECIMAL) return Optional.of(Decimals.forType(in));
        if (DataTypes.isNumeric(in) && DataTypes.isNumeric(target)) return Optional.of(target);
        if (in instanceof DateType && target instanceof TimestampType) return Optional.of(target);
        if (in instanceof TimestampType && target instanceof DateType) return Optional.of(target);
        if (in instanceof StringType && expected == InputType.DECIMAL) return Optional.of(DecimalType.SYSTEM_DEFAULT);
        if (in instanceof StringType && (DataTypes.isNumeric(target) || target instanceof DateType
                || target instanceof TimestampType || target instanceof BinaryType)) {
            return Optional.of(target);
        }
        if (SqlTypes.isAtomic(in) && target instanceof StringType) return Optional.of(target);
        if (in instanceof ArrayType a && target instanceof ArrayType b) {
            return implicitCast(a.elementType(), InputType.exact(b.elementType())).map(ArrayType::new);
        }
        return Optional.empty();
    }

    /** {@code e} cast to {@code t}, or {@code e} itself when it already has that type. */
    public static Expression cast(Expression e, DataType t) {
        return e.dataType().equals(t) ? e : Cast.implicit(e, t);
    }
}
