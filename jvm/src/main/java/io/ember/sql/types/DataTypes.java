package io.ember.sql.types;

/** The atomic types as constants, as in Spark's Java API ({@code DataTypes.IntegerType}). */
public final class DataTypes {
    public static final DataType NullType = new NullType();
    public static final DataType BooleanType = new BooleanType();
    public static final DataType ByteType = new ByteType();
    public static final DataType ShortType = new ShortType();
    public static final DataType IntegerType = new IntegerType();
    public static final DataType LongType = new LongType();
    public static final DataType FloatType = new FloatType();
    public static final DataType DoubleType = new DoubleType();
    public static final DataType StringType = new StringType();
    public static final DataType BinaryType = new BinaryType();
    public static final DataType DateType = new DateType();
    public static final DataType TimestampType = new TimestampType();
    public static final DataType TimestampNTZType = new TimestampNTZType();
    public static final DataType CalendarIntervalType = new CalendarIntervalType();

    private DataTypes() {}

    /** True for the ANSI interval types (day-time and year-month). */
    public static boolean isAnsiInterval(DataType t) {
        return t instanceof DayTimeIntervalType || t instanceof YearMonthIntervalType;
    }

    public static DecimalType createDecimalType(int precision, int scale) {
        return new DecimalType(precision, scale);
    }

    public static ArrayType createArrayType(DataType elementType) {
        return new ArrayType(elementType, true);
    }

    public static MapType createMapType(DataType keyType, DataType valueType) {
        return new MapType(keyType, valueType, true);
    }

    public static StructField createStructField(String name, DataType type, boolean nullable) {
        return new StructField(name, type, nullable);
    }

    /** True for the types whose values are numbers (byte to double and decimal). */
    public static boolean isNumeric(DataType t) {
        return t instanceof ByteType || t instanceof ShortType || t instanceof IntegerType || t instanceof LongType
                || t instanceof FloatType || t instanceof DoubleType || t instanceof DecimalType;
    }

    /** True for the types stored in an {@code IntVector}. */
    public static boolean isIntBacked(DataType t) {
        return t instanceof ByteType || t instanceof ShortType || t instanceof IntegerType || t instanceof DateType
                || t instanceof YearMonthIntervalType;
    }

    /** True for the types stored in a {@code LongVector}. */
    public static boolean isLongBacked(DataType t) {
        return t instanceof LongType || t instanceof TimestampType || t instanceof TimestampNTZType
                || t instanceof DayTimeIntervalType;
    }
}
