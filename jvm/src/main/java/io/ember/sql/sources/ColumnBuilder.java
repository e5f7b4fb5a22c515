package io.ember.sql.sources;

import io.ember.sql.types.BooleanType;
import io.ember.sql.types.ByteType;
import io.ember.sql.types.DataType;
import io.ember.sql.types.DateType;
import io.ember.sql.types.DecimalType;
import io.ember.sql.types.DoubleType;
import io.ember.sql.types.FloatType;
import io.ember.sql.types.IntegerType;
import io.ember.sql.types.LongType;
import io.ember.sql.types.ShortType;
import io.ember.sql.types.StringType;
import io.ember.sql.types.TimestampNTZType;
import io.ember.sql.types.TimestampType;
import io.ember.sql.vector.ColumnVector;

/**
 * Fills one column of a batch a reader is building, row by row, from text ({@link #setText})
 * or from internal values ({@link #setValue}). Rows may be rewritten (a reader that drops a
 * malformed row reuses its slot), so every setter clears the row's null flag. {@link #build}
 * hands the filled vector on and starts fresh arrays. Used by one task thread.
 */
abstract class ColumnBuilder {
    protected final DataType type;
    protected int capacity;

    protected ColumnBuilder(DataType type, int capacity) {
        this.type = type;
        this.capacity = capacity;
    }

    DataType type() {
        return type;
    }

    abstract void setNull(int row);

    /** Parses {@code text} into {@code row}; false, leaving the row null, when it does not parse. */
    abstract boolean setText(int row, String text);

    /** Stores an internal value (see {@link DataType}); null stores a null. */
    abstract void setValue(int row, Object value);

    /** The vector of rows {@code [0, numRows)}; the builder then starts new arrays. */
    abstract ColumnVector build(int numRows);

    /** The builder for {@code type}; text dates and timestamps are read with {@code values}. */
    static ColumnBuilder of(DataType type, int capacity, TextValues values, boolean dictionaryStrings) {
        if (type instanceof BooleanType) {
            return new ColumnBuilders.Booleans(type, capacity);
        }
        if (type instanceof ByteType || type instanceof ShortType || type instanceof IntegerType
                || type instanceof DateType) {
            return new ColumnBuilders.Ints(type, capacity, values);
        }
        if (type instanceof LongType || type instanceof TimestampType || type instanceof TimestampNTZType) {
            return new ColumnBuilders.Longs(type, capacity, values);
        }
        if (type instanceof FloatType || type instanceof DoubleType) {
            return new ColumnBuilders.Doubles(type, capacity);
        }
        if (type instanceof StringType) {
            return new ColumnBuilders.Strings(capacity, dictionaryStrings);
        }
        if (type instanceof DecimalType d && d.precision() <= 18) {
            return new ColumnBuilders.CompactDecimals(d, capacity);
        }
        return new ColumnBuilders.Objects(type, capacity);
    }
}
