package io.ember.sql.types;

import java.io.Serializable;

/**
 * A Spark SQL data type. Types are immutable values (records): two instances of the same type
 * are equal.
 *
 * <p>Each type has one internal representation, used in column vectors and by expression
 * kernels:
 * <pre>
 *   boolean                         boolean          (BooleanVector)
 *   byte, short, int                int              (IntVector)
 *   date                            int, days since 1970-01-01 (IntVector)
 *   long                            long             (LongVector)
 *   timestamp, timestamp_ntz        long, microseconds since 1970-01-01T00:00 (UTC for
 *                                   timestamp, wall clock for timestamp_ntz) (LongVector)
 *   float                           float            (FloatVector)
 *   double                          double           (DoubleVector)
 *   string                          java.lang.String (StringVector, or DictionaryVector)
 *   decimal(p,s)                    java.math.BigDecimal with scale s (ObjectVector)
 *   binary                          byte[]           (ObjectVector)
 *   array&lt;T&gt;                        java.util.List of internal T values (ObjectVector)
 *   map&lt;K,V&gt;                        java.util.Map (insertion-ordered) (ObjectVector)
 *   struct&lt;...&gt;                     Object[] of internal field values (ObjectVector)
 *   interval day to second (and     long, microseconds (LongVector)
 *     its narrower forms)
 *   interval year to month (...)    int, months      (IntVector)
 *   interval (calendar)             CalendarInterval (ObjectVector)
 *   null                            always null      (ObjectVector)
 * </pre>
 */
public interface DataType extends Serializable {
    /** Spark's short SQL name: {@code int}, {@code bigint}, {@code decimal(10,2)}, {@code array<int>}. */
    String simpleString();

    /** The name in Spark's JSON schema format: {@code integer}, {@code long}, {@code decimal(10,2)}. */
    default String typeName() {
        return simpleString();
    }

    /** Estimated bytes per value, used for statistics. */
    int defaultSize();
}
