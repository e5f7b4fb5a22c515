package io.ember.sql.sources;

import io.ember.sql.types.DataType;
import io.ember.sql.types.DataTypes;
import io.ember.sql.types.DecimalType;
import io.ember.sql.vector.ColumnVector;
import io.ember.sql.vector.DecimalVector;
import io.ember.sql.vector.DoubleVector;
import io.ember.sql.vector.IntVector;
import io.ember.sql.vector.LongVector;
import org.apache.parquet.column.ColumnDescriptor;
import org.apache.parquet.column.ColumnReader;
import org.apache.parquet.schema.PrimitiveType.PrimitiveTypeName;

/**
 * Reads the next rows of a Parquet column straight into a primitive vector, one tight loop per
 * physical type and no boxing: ints (and dates), longs (and timestamps), doubles, and decimals
 * stored as INT32/INT64 into a compact {@link DecimalVector}. Other columns return null and go
 * through {@link ColumnBuilder}. Stateless.
 */
final class ParquetColumnReads {
    private ParquetColumnReads() {}

    /** The next {@code n} values of {@code in} as a vector of {@code t}, or null when no loop here reads it. */
    static ColumnVector read(ColumnReader in, ColumnDescriptor d, DataType t, int n) {
        PrimitiveTypeName physical = d.getPrimitiveType().getPrimitiveTypeName();
        int maxDef = d.getMaxDefinitionLevel();
        if (physical == PrimitiveTypeName.INT64 && (t instanceof DecimalType || DataTypes.isLongBacked(t))) {
            long[] v = new long[n];
            boolean[] nulls = null;
            for (int r = 0; r < n; r++) {
                if (in.getCurrentDefinitionLevel() < maxDef) {
                    nulls = markNull(nulls, r, n);
                } else {
                    v[r] = in.getLong();
                }
                in.consume();
            }
            return t instanceof DecimalType dt ? new DecimalVector(dt, v, nulls) : new LongVector(t, v, nulls);
        }
        if (physical == PrimitiveTypeName.INT32 && t instanceof DecimalType dt) {
            long[] v = new long[n];
            boolean[] nulls = null;
            for (int r = 0; r < n; r++) {
                if (in.getCurrentDefinitionLevel() < maxDef) {
                    nulls = markNull(nulls, r, n);
                } else {
                    v[r] = in.getInteger();
                }
                in.consume();
            }
            return new DecimalVector(dt, v, nulls);
        }
        if (physical == PrimitiveTypeName.INT32 && DataTypes.isIntBacked(t)) {
            int[] v = new int[n];
            boolean[] nulls = null;
            for (int r = 0; r < n; r++) {
                if (in.getCurrentDefinitionLevel() < maxDef) {
                    nulls = markNull(nulls, r, n);
                } else {
                    v[r] = in.getInteger();
                }
                in.consume();
            }
            return new IntVector(t, v, nulls);
        }
        if (physical == PrimitiveTypeName.DOUBLE && t.equals(DataTypes.DoubleType)) {
            double[] v = new double[n];
            boolean[] nulls = null;
            for (int r = 0; r < n; r++) {
                if (in.getCurrentDefinitionLevel() < maxDef) {
                    nulls = markNull(nulls, r, n);
                } else {
                    v[r] = in.getDouble();
                }
                in.consume();
            }
            return new DoubleVector(t, v, nulls);
        }
        return null;
    }

    private static boolean[] markNull(boolean[] nulls, int r, int n) {
        boolean[] m = nulls == null ? new boolean[n] : nulls;
        m[r] = true;
        return m;
    }
}
