package io.ember.sql.expressions;

import io.ember.sql.types.ArrayType;
import io.ember.sql.types.BinaryType;
import io.ember.sql.types.BooleanType;
import io.ember.sql.types.DataType;
import io.ember.sql.types.DataTypes;
import io.ember.sql.types.DateType;
import io.ember.sql.types.MapType;
import io.ember.sql.types.NullType;
import io.ember.sql.types.StringType;
import io.ember.sql.types.StructType;
import io.ember.sql.types.TimestampNTZType;
import io.ember.sql.types.TimestampType;
import io.ember.sql.vector.ColumnBatch;
import io.ember.sql.vector.ColumnVector;
import io.ember.sql.vector.DoubleVector;
import io.ember.sql.vector.IntVector;
import io.ember.sql.vector.LongVector;
import io.ember.sql.vector.ObjectVector;
import io.ember.sql.vector.StringVector;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.Function;

/**
 * {@code CAST(child AS to)} with Spark's rules: outside ANSI mode a value that does not convert
 * (a malformed string, an out-of-range decimal) becomes null and integral narrowing wraps; in
 * ANSI mode ({@code ansi}) those raise {@link ExpressionEvalException}. Conversions involving
 * timestamps use the session time zone.
 *
 * <p>Its SQL text is {@code CAST(a AS INT)} (PySpark names a top-level cast of a column by the
 * column, {@code col("a").cast("int")} is {@code a}: that is the alias rule's business). Casts
 * the coercion rules add ({@link #implicit}) print as their child, since Spark names columns
 * before it coerces them.
 */
public final class Cast extends UnaryExpression implements TimeZoneAwareExpression, AnsiAware {
    private static final long serialVersionUID = 1L;

    private final DataType to;
    private final boolean ansi;
    private final String timeZoneId;
    private final boolean implicit;

    public Cast(Expression child, DataType to, boolean ansi, String timeZoneId, boolean implicit) {
        super(child);
        this.to = to;
        this.ansi = ansi;
        this.timeZoneId = timeZoneId;
        this.implicit = implicit;
    }

    public Cast(Expression child, DataType to) {
        this(child, to, false, null, false);
    }

    /** A cast added by type coercion, which prints as its child. */
    public static Cast implicit(Expression child, DataType to) {
        return new Cast(child, to, false, null, true);
    }

    public boolean isImplicit() {
        return implicit;
    }

    @Override
    public boolean ansi() {
        return ansi;
    }

    @Override
    public Cast withAnsi(boolean a) {
        return a == ansi ? this : new Cast(child, to, a, timeZoneId, implicit);
    }

    @Override
    public String timeZoneId() {
        return timeZoneId;
    }

    @Override
    public Cast withTimeZone(String id) {
        return new Cast(child, to, ansi, id, implicit);
    }

    @Override
    public DataType dataType() {
        return to;
    }

    @Override
    public boolean nullable() {
        if (child.dataType().equals(to)) {
            return child.nullable();
        }
        return true;
    }

    @Override
    public TypeCheckResult checkInputDataTypes() {
        if (canCast(child.dataType(), to)) {
            return TypeCheckResult.success();
        }
        String from = TypeCheckResult.quoteType(child.dataType());
        String target = TypeCheckResult.quoteType(to);
        return TypeCheckResult.mismatch("CAST_WITHOUT_SUGGESTION", "cannot cast " + from + " to " + target,
                Map.of("srcType", from, "targetType", target));
    }

    /** Spark's {@code Cast.canCast}: whether values of {@code from} convert to {@code to}. */
    public static boolean canCast(DataType from, DataType to) {
        if (from.equals(to) || from instanceof NullType || to instanceof StringType
                || IntervalCasts.handles(from, to)) {
            return true;
        }
        boolean fromNum = DataTypes.isNumeric(from);
        if (to instanceof BinaryType) {
            return from instanceof StringType || SqlTypes.isIntegral(from);
        }
        if (to instanceof BooleanType) {
            return from instanceof StringType || fromNum || from instanceof DateType || from instanceof TimestampType;
        }
        if (to instanceof TimestampType || to instanceof TimestampNTZType) {
            return from instanceof StringType || from instanceof BooleanType || from instanceof DateType
                    || from instanceof TimestampType || from instanceof TimestampNTZType || (fromNum && to instanceof TimestampType);
        }
        if (to instanceof DateType) {
            return from instanceof StringType || from instanceof TimestampType || from instanceof TimestampNTZType;
        }
        if (DataTypes.isNumeric(to)) {
            return from instanceof StringType || from instanceof BooleanType || from instanceof DateType
                    || from instanceof TimestampType || fromNum;
        }
        if (from instanceof ArrayType a && to instanceof ArrayType b) {
            return canCast(a.elementType(), b.elementType());
        }
        if (from instanceof MapType a && to instanceof MapType b) {
            return canCast(a.keyType(), b.keyType()) && canCast(a.valueType(), b.valueType());
        }
        if (from instanceof StructType a && to instanceof StructType b) {
            if (a.size() != b.size()) {
                return false;
            }
            for (int i = 0; i < a.size(); i++) {
                if (!canCast(a.field(i).dataType(), b.field(i).dataType())) {
                    return false;
                }
            }
            return true;
        }
        return false;
    }

    @Override
    public ColumnVector eval(ColumnBatch batch) {
        ColumnVector c = child.eval(batch);
        DataType from = child.dataType();
        if (from.equals(to)) {
            return c;
        }
        int n = batch.numRows();
        ColumnVector fast = fastPath(c, from, n);
        if (fast != null) {
            return fast;
        }
        Function<Object, Object> convert = new CastConverters(ansi, zoneId()).converter(from, to);
        Object[] out = new Object[n];
        for (int i = 0; i < n; i++) {
            Object v = c.get(i);
            out[i] = v == null ? null : convert.apply(v);
        }
        return to instanceof StringType ? new StringVector(toStrings(out)) : vectorOf(out, n);
    }

    private ColumnVector vectorOf(Object[] out, int n) {
        if (DataTypes.isIntBacked(to) || DataTypes.isLongBacked(to) || to instanceof BooleanType
                || to.equals(DataTypes.DoubleType) || to.equals(DataTypes.FloatType)) {
            return Vectors.fromObjects(to, out);
        }
        return new ObjectVector(to, out);
    }

    private static String[] toStrings(Object[] out) {
        String[] s = new String[out.length];
        for (int i = 0; i < s.length; i++) s[i] = (String) out[i];
        return s;
    }

    /** Tight loops for the common numeric widenings and string parses. */
    private ColumnVector fastPath(ColumnVector c, DataType from, int n) {
        boolean intNum = DataTypes.isIntBacked(from) && !(from instanceof DateType)
                && !(from instanceof io.ember.sql.types.YearMonthIntervalType);
        if (intNum && to.equals(DataTypes.LongType)) {
            int[] a = Vectors.ints(c).values;
            long[] out = new long[n];
            for (int i = 0; i < n; i++) out[i] = a[i];
            return new LongVector(to, out, Vectors.nulls(c));
        }
        if (intNum && to.equals(DataTypes.DoubleType)) {
            int[] a = Vectors.ints(c).values;
            double[] out = new double[n];
            for (int i = 0; i < n; i++) out[i] = a[i];
            return new DoubleVector(to, out, Vectors.nulls(c));
        }
        if (from.equals(DataTypes.LongType) && to.equals(DataTypes.DoubleType)) {
            long[] a = Vectors.longs(c).values;
            double[] out = new double[n];
            for (int i = 0; i < n; i++) out[i] = a[i];
            return new DoubleVector(to, out, Vectors.nulls(c));
        }
        if (from.equals(DataTypes.IntegerType) && to.equals(DataTypes.StringType)) {
            IntVector v = Vectors.ints(c);
            String[] out = new String[n];
            for (int i = 0; i < n; i++) out[i] = v.isNull(i) ? null : Integer.toString(v.values[i]);
            return new StringVector(out);
        }
        if (from instanceof StringType && !ansi && (to.equals(DataTypes.IntegerType) || to.equals(DataTypes.LongType))) {
            String[] a = Vectors.strings(c);
            boolean isInt = to.equals(DataTypes.IntegerType);
            long min = isInt ? Integer.MIN_VALUE : Long.MIN_VALUE;
            long max = isInt ? Integer.MAX_VALUE : Long.MAX_VALUE;
            NullMask nulls = new NullMask(null, n);
            int[] ints = isInt ? new int[n] : null;
            long[] longs = isInt ? null : new long[n];
            for (int i = 0; i < n; i++) {
                Long v = a[i] == null ? null : StringParsing.parseIntegral(a[i], min, max, true);
                if (v == null) nulls.set(i);
                else if (isInt) ints[i] = v.intValue();
                else longs[i] = v;
            }
            return isInt ? new IntVector(to, ints, nulls.mask()) : new LongVector(to, longs, nulls.mask());
        }
        if (from instanceof StringType && !ansi && to.equals(DataTypes.DoubleType)) {
            String[] a = Vectors.strings(c);
            NullMask nulls = new NullMask(null, n);
            double[] out = new double[n];
            for (int i = 0; i < n; i++) {
                Double v = a[i] == null ? null : StringParsing.parseDouble(a[i]);
                if (v == null) nulls.set(i); else out[i] = v;
            }
            return new DoubleVector(to, out, nulls.mask());
        }
        return null;
    }

    @Override
    public String sql() {
        return implicit ? child.sql() : "CAST(" + child.sql() + " AS " + SqlTypes.sqlName(to) + ")";
    }

    @Override
    public String toString() {
        return "cast(" + child + " as " + to.simpleString() + ")";
    }

    @Override
    protected Expression withNewChild(Expression c) {
        return new Cast(c, to, ansi, timeZoneId, implicit);
    }

    @Override
    protected List<Object> args() {
        List<Object> a = new ArrayList<>();
        a.add(to);
        a.add(ansi);
        a.add(timeZoneId == null ? "" : timeZoneId);
        a.add(implicit);
        return a;
    }

    @Override
    public String simpleString() {
        return toString();
    }
}
