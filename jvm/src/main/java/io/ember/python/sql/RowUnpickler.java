package io.ember.python.sql;

import io.ember.core.EmberException;
import io.ember.sql.types.ArrayType;
import io.ember.sql.types.BinaryType;
import io.ember.sql.types.BooleanType;
import io.ember.sql.types.DataType;
import io.ember.sql.types.DataTypes;
import io.ember.sql.types.DecimalType;
import io.ember.sql.types.DoubleType;
import io.ember.sql.types.FloatType;
import io.ember.sql.types.MapType;
import io.ember.sql.types.StringType;
import io.ember.sql.types.StructType;
import io.ember.sql.vector.ColumnBatch;
import io.ember.sql.vector.ColumnVector;
import io.ember.sql.vector.ColumnVectors;
import java.io.IOException;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import net.razorvine.pickle.Opcodes;
import net.razorvine.pickle.Unpickler;

/**
 * Reads what Python's {@code ember.sql.conversion} wrote: a pickled list of row tuples in the
 * internal representation of a schema, into a {@link ColumnBatch}. Python dicts keep their
 * order (Pyrolite alone would build HashMaps), and each value is brought to the exact Java
 * class its type's vector holds (a Python int to {@code Integer} for an int column, to
 * {@code Long} for a bigint one, a decimal to the type's scale).
 *
 * <p>Not thread-safe: one instance per thread.
 */
public final class RowUnpickler extends Unpickler {
    @Override
    protected Object dispatch(short key) throws IOException {
        if (key == Opcodes.EMPTY_DICT) {
            stack.add(new LinkedHashMap<Object, Object>());
            return NO_RETURN_VALUE;
        }
        if (key == Opcodes.SETITEMS) {   // Pyrolite's own goes through a HashMap, losing the order
            List<Object> items = stack.pop_all_since_marker();
            @SuppressWarnings("unchecked")
            Map<Object, Object> dict = (Map<Object, Object>) stack.peek();
            for (int i = 0; i + 1 < items.size(); i += 2) {
                dict.put(items.get(i), items.get(i + 1));
            }
            return NO_RETURN_VALUE;
        }
        return super.dispatch(key);
    }

    /** The rows of one pickled batch as a column batch of {@code schema}. */
    public ColumnBatch batch(byte[] pickled, StructType schema) throws IOException {
        Object rows = loads(pickled);
        if (!(rows instanceof List<?> list)) {
            throw new EmberException("a batch of Python rows must be a list, not " + describe(rows));
        }
        return toBatch(list, schema);
    }

    /** Rows (Object[] each, internal values) as a column batch of {@code schema}. */
    public static ColumnBatch toBatch(List<?> rows, StructType schema) {
        int n = rows.size();
        int width = schema.size();
        ColumnVector[] columns = new ColumnVector[width];
        for (int c = 0; c < width; c++) {
            columns[c] = ColumnVectors.allocate(schema.field(c).dataType(), n);
        }
        for (int r = 0; r < n; r++) {
            Object row = rows.get(r);
            if (!(row instanceof Object[] values) || values.length != width) {
                throw new EmberException("row " + r + " of a Python batch is " + describe(row)
                        + ", not a tuple of " + width + " values");
            }
            for (int c = 0; c < width; c++) {
                ColumnVectors.set(columns[c], r, toInternal(values[c], schema.field(c).dataType()));
            }
        }
        return new ColumnBatch(columns, n);
    }

    /** A value as Pyrolite read it, in the internal class of {@code type}. */
    static Object toInternal(Object v, DataType type) {
        if (v == null) {
            return null;
        }
        if (DataTypes.isIntBacked(type) || DataTypes.isLongBacked(type) || type instanceof FloatType
                || type instanceof DoubleType) {
            if (!(v instanceof Number n)) {
                throw mismatch(v, type);
            }
            if (DataTypes.isIntBacked(type)) {
                return n instanceof Integer ? n : Integer.valueOf(n.intValue());
            }
            if (DataTypes.isLongBacked(type)) {
                return n instanceof Long ? n : Long.valueOf(n.longValue());
            }
            return type instanceof FloatType ? (Object) n.floatValue() : (Object) n.doubleValue();
        }
        if (type instanceof StringType) {
            return v instanceof String ? v : String.valueOf(v);
        }
        if (type instanceof BinaryType) {
            if (!(v instanceof byte[])) {
                throw mismatch(v, type);
            }
            return v;
        }
        if (type instanceof DecimalType d) {
            BigDecimal b = v instanceof BigDecimal bd ? bd : new BigDecimal(v.toString());
            BigDecimal scaled = b.setScale(d.scale(), RoundingMode.HALF_UP);
            if (scaled.precision() - scaled.scale() > d.precision() - d.scale()) {
                throw new EmberException("[NUMERIC_VALUE_OUT_OF_RANGE.WITHOUT_SUGGESTION]  The "
                        + scaled.toPlainString() + " rounded half up from " + b.toPlainString()
                        + " cannot be represented as Decimal(" + d.precision() + ", " + d.scale()
                        + "). SQLSTATE: 22003");
            }
            return scaled;
        }
        if (type instanceof ArrayType a) {
            if (!(v instanceof List<?> list)) {
                throw mismatch(v, type);
            }
            List<Object> out = new ArrayList<>(list.size());
            for (Object e : list) {
                out.add(toInternal(e, a.elementType()));
            }
            return out;
        }
        if (type instanceof MapType m) {
            if (!(v instanceof Map<?, ?> map)) {
                throw mismatch(v, type);
            }
            Map<Object, Object> out = new LinkedHashMap<>();
            map.forEach((k, x) -> out.put(toInternal(k, m.keyType()), toInternal(x, m.valueType())));
            return out;
        }
        if (type instanceof StructType s) {
            if (!(v instanceof Object[] fields) || fields.length != s.size()) {
                throw mismatch(v, type);
            }
            Object[] out = new Object[fields.length];
            for (int i = 0; i < fields.length; i++) {
                out[i] = toInternal(fields[i], s.field(i).dataType());
            }
            return out;
        }
        if (type instanceof BooleanType) {
            if (!(v instanceof Boolean)) {
                throw mismatch(v, type);
            }
            return v;
        }
        throw mismatch(v, type);
    }

    private static EmberException mismatch(Object v, DataType type) {
        return new EmberException("a Python value " + describe(v) + " cannot be a " + type.simpleString());
    }

    private static String describe(Object v) {
        return v == null ? "None" : v.getClass().getSimpleName();
    }
}
