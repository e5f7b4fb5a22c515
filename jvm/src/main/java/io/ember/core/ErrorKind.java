package io.ember.core;

/**
 * The family of a runtime failure with an error condition, named as PySpark's
 * {@code pyspark.errors} class it is raised as in Python (Spark picks the family by the JVM
 * exception's class: {@code SparkArithmeticException} is an {@code ArithmeticException}, ...).
 */
public enum ErrorKind {
    ARITHMETIC("ArithmeticException"),
    NUMBER_FORMAT("NumberFormatException"),
    DATE_TIME("DateTimeException"),
    ILLEGAL_ARGUMENT("IllegalArgumentException"),
    ARRAY_INDEX_OUT_OF_BOUNDS("ArrayIndexOutOfBoundsException"),
    UNSUPPORTED_OPERATION("UnsupportedOperationException"),
    NO_SUCH_ELEMENT("SparkNoSuchElementException"),
    RUNTIME("SparkRuntimeException"),
    /** Spark's plain {@code SparkException}, which PySpark does not convert. */
    OTHER("UnknownException");

    private final String pythonName;

    ErrorKind(String pythonName) {
        this.pythonName = pythonName;
    }

    /** The simple name of the Python twin class in {@code ember.errors}. */
    public String pythonName() {
        return pythonName;
    }
}
