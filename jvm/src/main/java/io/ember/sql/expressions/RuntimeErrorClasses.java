package io.ember.sql.expressions;

import io.ember.core.ErrorKind;
import java.util.Map;

/**
 * The SQLSTATE and {@link ErrorKind} of each error class Ember's expressions raise at run time,
 * as Spark 4.3 reports them (checked with PySpark: the Python class and {@code getSqlState()}).
 * A sub-class ({@code INVALID_PARAMETER_VALUE.START}) is looked up whole, then by its main class.
 * Immutable tables; any thread.
 */
final class RuntimeErrorClasses {
    private RuntimeErrorClasses() {}

    private record Entry(String sqlState, ErrorKind kind) {}

    private static final Map<String, Entry> ENTRIES = Map.ofEntries(
            Map.entry("DIVIDE_BY_ZERO", new Entry("22012", ErrorKind.ARITHMETIC)),
            Map.entry("REMAINDER_BY_ZERO", new Entry("22012", ErrorKind.ARITHMETIC)),
            Map.entry("INTERVAL_DIVIDED_BY_ZERO", new Entry("22012", ErrorKind.ARITHMETIC)),
            Map.entry("ARITHMETIC_OVERFLOW", new Entry("22003", ErrorKind.ARITHMETIC)),
            Map.entry("INTERVAL_ARITHMETIC_OVERFLOW", new Entry("22015", ErrorKind.ARITHMETIC)),
            Map.entry("CAST_OVERFLOW", new Entry("22003", ErrorKind.ARITHMETIC)),
            Map.entry("NUMERIC_VALUE_OUT_OF_RANGE", new Entry("22003", ErrorKind.ARITHMETIC)),
            Map.entry("DATETIME_FIELD_OUT_OF_BOUNDS", new Entry("22023", ErrorKind.DATE_TIME)),
            Map.entry("INVALID_ARRAY_INDEX", new Entry("22003", ErrorKind.ARRAY_INDEX_OUT_OF_BOUNDS)),
            Map.entry("INVALID_ARRAY_INDEX_IN_ELEMENT_AT", new Entry("22003", ErrorKind.ARRAY_INDEX_OUT_OF_BOUNDS)),
            Map.entry("DECIMAL_PRECISION_EXCEEDS_MAX_PRECISION", new Entry("22003", ErrorKind.ARITHMETIC)),
            Map.entry("CAST_INVALID_INPUT", new Entry("22018", ErrorKind.NUMBER_FORMAT)),
            Map.entry("CONVERSION_INVALID_INPUT", new Entry("22018", ErrorKind.ILLEGAL_ARGUMENT)),
            Map.entry("CANNOT_DECODE_URL", new Entry("22546", ErrorKind.ILLEGAL_ARGUMENT)),
            Map.entry("INVALID_FORMAT", new Entry("42601", ErrorKind.ILLEGAL_ARGUMENT)),
            Map.entry("INVALID_INTERVAL_FORMAT", new Entry("22006", ErrorKind.ILLEGAL_ARGUMENT)),
            Map.entry("INVALID_INTERVAL_WITH_MICROSECONDS_ADDITION", new Entry("22006", ErrorKind.ILLEGAL_ARGUMENT)),
            Map.entry("INVALID_PARAMETER_VALUE", new Entry("22023", ErrorKind.RUNTIME)),
            Map.entry("INVALID_PARAMETER_VALUE.CHARSET", new Entry("22023", ErrorKind.ILLEGAL_ARGUMENT)),
            Map.entry("INVALID_PARAMETER_VALUE.BIT_POSITION_RANGE", new Entry("22023", ErrorKind.ILLEGAL_ARGUMENT)),
            Map.entry("INVALID_BITMAP_POSITION", new Entry("22003", ErrorKind.ARRAY_INDEX_OUT_OF_BOUNDS)),
            Map.entry("INVALID_INDEX_OF_ZERO", new Entry("22003", ErrorKind.RUNTIME)),
            Map.entry("USER_RAISED_EXCEPTION", new Entry("P0001", ErrorKind.RUNTIME)),
            Map.entry("NULL_MAP_KEY", new Entry("2200E", ErrorKind.RUNTIME)),
            Map.entry("DUPLICATED_MAP_KEY", new Entry("23505", ErrorKind.RUNTIME)),
            Map.entry("VECTOR_DIMENSION_MISMATCH", new Entry("22000", ErrorKind.RUNTIME)),
            Map.entry("COLLECTION_SIZE_LIMIT_EXCEEDED", new Entry("54000", ErrorKind.RUNTIME)),
            Map.entry("UNSUPPORTED_FEATURE", new Entry("0A000", ErrorKind.RUNTIME)),
            Map.entry("COMPARATOR_RETURNS_NULL", new Entry("22004", ErrorKind.RUNTIME)),
            Map.entry("SCALAR_SUBQUERY_TOO_MANY_ROWS", new Entry("21000", ErrorKind.OTHER)),
            // Spark's "requirement failed" IllegalArgumentException, which has no error class
            Map.entry("ILLEGAL_ARGUMENT", new Entry(null, ErrorKind.ILLEGAL_ARGUMENT)));

    private static Entry entry(String errorClass) {
        Entry e = ENTRIES.get(errorClass);
        int dot = errorClass.indexOf('.');
        if (e == null && dot > 0) e = ENTRIES.get(errorClass.substring(0, dot));
        return e;
    }

    /** The error class's SQLSTATE, or null when Spark gives it none (or it is not listed). */
    static String sqlState(String errorClass) {
        Entry e = entry(errorClass);
        return e == null ? null : e.sqlState();
    }

    /** The error class's kind; {@link ErrorKind#RUNTIME} when it is not listed. */
    static ErrorKind kind(String errorClass) {
        Entry e = entry(errorClass);
        return e == null ? ErrorKind.RUNTIME : e.kind();
    }
}
