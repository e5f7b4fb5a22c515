package io.ember.sql.api;

import io.ember.sql.types.DataType;
import io.ember.sql.types.DataTypes;
import io.ember.sql.types.StructField;
import io.ember.sql.types.StructType;

/** The encoders of the Java API, named as Spark's: rows, Java beans, and single values in a {@code value} column. */
public final class Encoders {
    private Encoders() {}

    /** Rows as {@link Row}s (the schema is the Dataset's own). */
    public static Encoder<Row> row() {
        return new RowEncoder(null);
    }

    /** Rows of {@code schema} as {@link Row}s. */
    public static Encoder<Row> row(StructType schema) {
        return new RowEncoder(schema);
    }

    /** A Java bean: one column per property (getter and setter), in name order, as Spark's bean encoder. */
    public static <T> Encoder<T> bean(Class<T> beanClass) {
        return new BeanEncoder<>(beanClass);
    }

    public static Encoder<Long> LONG() { return new ValueEncoder<>(DataTypes.LongType, Long.class); }
    public static Encoder<Integer> INT() { return new ValueEncoder<>(DataTypes.IntegerType, Integer.class); }
    public static Encoder<Double> DOUBLE() { return new ValueEncoder<>(DataTypes.DoubleType, Double.class); }
    public static Encoder<String> STRING() { return new ValueEncoder<>(DataTypes.StringType, String.class); }
    public static Encoder<Boolean> BOOLEAN() { return new ValueEncoder<>(DataTypes.BooleanType, Boolean.class); }

    /** Rows as themselves. */
    record RowEncoder(StructType schema) implements Encoder<Row> {
        @Override
        public Row fromRow(Row row) {
            return row;
        }

        @Override
        public Row toRow(Row value) {
            return value;
        }
    }

    /** One value in a column named {@code value}. */
    record ValueEncoder<T>(DataType type, Class<T> cls) implements Encoder<T> {
        @Override
        public StructType schema() {
            return StructType.of(new StructField("value", type, !cls.isPrimitive()));
        }

        @Override
        public T fromRow(Row row) {
            return cls.cast(row.get(0));
        }

        @Override
        public Row toRow(T value) {
            return new Row(new Object[] {value}, schema());
        }
    }
}
