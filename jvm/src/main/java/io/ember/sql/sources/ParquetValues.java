package io.ember.sql.sources;

import io.ember.sql.types.BinaryType;
import io.ember.sql.types.BooleanType;
import io.ember.sql.types.DataType;
import io.ember.sql.types.DataTypes;
import io.ember.sql.types.DecimalType;
import io.ember.sql.types.DoubleType;
import io.ember.sql.types.FloatType;
import io.ember.sql.types.StringType;
import io.ember.sql.vector.ColumnVector;
import java.io.IOException;
import org.apache.parquet.schema.LogicalTypeAnnotation;
import org.apache.parquet.schema.PrimitiveType;

/**
 * The typed end of a vectorized column chunk read ({@link ParquetChunkReader}): holds the
 * arrays of the batch being filled and the chunk's decoded dictionary, and fills rows from
 * PLAIN values or dictionary ids. The chunk reader works out levels and pages; a variant only
 * knows its arrays. Values arrive dense (non-null values back to back) and {@link #spread}
 * moves them to their rows when the range had nulls. Variants are in {@link ParquetValueReaders}
 * and {@link ParquetStringValues}. Used by one task thread.
 */
abstract class ParquetValues {
    /** Starts new arrays for a batch of {@code n} rows (the previous batch's vector was handed on). */
    abstract void start(int n);

    /** Decodes the chunk's dictionary page of {@code count} PLAIN entries. */
    abstract void dictionary(ParquetPlainDecoder page, int count) throws IOException;

    /** Entries in the dictionary; ids at or above it are corrupt. */
    abstract int dictionarySize();

    /** Reads {@code count} PLAIN values into rows {@code [at, at + count)}. */
    abstract void plain(ParquetPlainDecoder in, int at, int count) throws IOException;

    /** Passes over {@code count} PLAIN values without decoding them. */
    abstract void skipPlain(ParquetPlainDecoder in, int count) throws IOException;

    /**
     * Stores dictionary entries {@code ids[0, count)} into rows {@code [at, at + count)}; an id
     * outside the dictionary throws {@link ArrayIndexOutOfBoundsException} (the lookup's own
     * bounds check; the chunk reader turns it into an {@code IOException}).
     */
    abstract void lookup(int[] ids, int at, int count);

    /**
     * Moves the {@code m} dense values at rows {@code [at, at + m)} to the rows of
     * {@code [at, at + k)} that {@code nulls} leaves non-null, last first.
     */
    abstract void spread(boolean[] nulls, int at, int k, int m);

    /** The filled batch of {@code n} rows; {@code nulls} is null when none is null. */
    abstract ColumnVector build(boolean[] nulls, int n);

    /** The variant reading {@code column} as {@code t}, or null when only the per-value path reads it. */
    static ParquetValues of(PrimitiveType column, DataType t) {
        LogicalTypeAnnotation a = column.getLogicalTypeAnnotation();
        switch (column.getPrimitiveTypeName()) {
            case BOOLEAN:
                return t instanceof BooleanType ? new ParquetValueReaders.Booleans(t) : null;
            case INT32:
                if (t instanceof DecimalType d) {
                    return new ParquetValueReaders.Decimals(d, ParquetValueReaders.Decimals.INT32);
                }
                return DataTypes.isIntBacked(t) ? new ParquetValueReaders.Ints(t) : null;
            case INT64:
                if (t instanceof DecimalType d) {
                    return new ParquetValueReaders.Decimals(d, ParquetValueReaders.Decimals.INT64);
                }
                boolean micros = !(a instanceof LogicalTypeAnnotation.TimestampLogicalTypeAnnotation ts)
                        || ts.getUnit() == LogicalTypeAnnotation.TimeUnit.MICROS;
                return DataTypes.isLongBacked(t) && micros ? new ParquetValueReaders.Longs(t) : null;
            case FLOAT:
                return t instanceof FloatType ? new ParquetValueReaders.Ints(t) : null;
            case DOUBLE:
                return t instanceof DoubleType ? new ParquetValueReaders.Longs(t) : null;
            case BINARY:
            case FIXED_LEN_BYTE_ARRAY: {
                int fixed = column.getPrimitiveTypeName() == PrimitiveType.PrimitiveTypeName.BINARY
                        ? -1 : column.getTypeLength();
                if (t instanceof DecimalType d) {
                    return a instanceof LogicalTypeAnnotation.DecimalLogicalTypeAnnotation fileDecimal
                            && fileDecimal.getPrecision() <= 18 && fileDecimal.getScale() == d.scale()
                            ? new ParquetValueReaders.Decimals(d, fixed) : null;
                }
                if (t instanceof StringType && fixed < 0) {
                    return new ParquetStringValues(t);
                }
                return t instanceof BinaryType ? new ParquetValueReaders.Binaries(t, fixed) : null;
            }
            default:
                return null; // INT96
        }
    }
}
