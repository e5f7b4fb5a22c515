package io.ember.python.sql;

import io.ember.python.arrow.ArrowSchemas;
import io.ember.sql.SqlConf;
import io.ember.sql.expressions.PythonUDF;
import io.ember.sql.types.DataType;
import io.ember.sql.types.StructField;
import io.ember.sql.types.StructType;
import java.util.ArrayList;
import java.util.List;

/**
 * Whether a scalar pandas UDF's rows cross as Arrow streams, and how many may be in flight.
 *
 * <p>The worker gathers argument rows into batches of
 * {@code spark.sql.execution.arrow.maxRecordsPerBatch} and answers each batch with one Arrow
 * stream, and its output serializer holds answers back until a frame reaches 64 KB: as a
 * stream is at least a few hundred bytes, that is fewer than {@link #HELD_BATCHES} streams. The
 * runner must let more rows than that be unanswered, or writer and worker would wait on each
 * other. An unlimited batch size (zero or less) lifts the bound.
 *
 * <p>Stateless; thread-safe.
 */
final class ArrowUdfRows {
    /** More Arrow streams than the worker's serializer ever holds back in one frame, plus the batch being gathered. */
    static final long HELD_BATCHES = 400;

    private ArrowUdfRows() {}

    /** The bound on unanswered rows when {@code udf}'s rows cross as Arrow, or 0 when they cross as pickles. */
    static int rowsInFlight(PythonUDF udf, List<DataType> argTypes, SqlConf conf) {
        if (!udf.scalarPandas() || argTypes.isEmpty()
                || !"true".equalsIgnoreCase(conf.get("ember.sql.pandas.arrowStreams", "true"))
                || !ArrowSchemas.supported(argumentSchema(argTypes))
                || !ArrowSchemas.supported(new StructType(List.of(new StructField("_0", udf.dataType(), true))))) {
            return 0;
        }
        long batch = Long.parseLong(conf.get("spark.sql.execution.arrow.maxRecordsPerBatch", "10000").trim());
        if (batch <= 0) {
            return Integer.MAX_VALUE;
        }
        return (int) Math.min(Integer.MAX_VALUE, Math.max(PythonUDFRunner.MAX_ROWS_IN_FLIGHT, HELD_BATCHES * batch));
    }

    /** The arguments as Arrow columns {@code _0, _1, ...}. */
    static StructType argumentSchema(List<DataType> argTypes) {
        List<StructField> fields = new ArrayList<>();
        for (int i = 0; i < argTypes.size(); i++) {
            fields.add(new StructField("_" + i, argTypes.get(i), true));
        }
        return new StructType(fields);
    }
}
