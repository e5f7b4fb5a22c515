package io.ember.python.sql;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.ember.sql.SqlConf;
import io.ember.sql.expressions.Expression;
import io.ember.sql.expressions.PythonUDF;
import io.ember.sql.types.DataType;
import io.ember.sql.types.DataTypes;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** Which scalar Python UDFs stream Arrow, and the bound on their unanswered rows. */
class ArrowUdfRowsTest {
    private static PythonUDF udf(int evalType) {
        return new PythonUDF("f", new byte[] {1}, DataTypes.DoubleType, List.<Expression>of(), true, evalType);
    }

    private static final List<DataType> ARGS = List.of(DataTypes.LongType);

    @Test
    void scalarPandasUdfsStreamArrowAndRowUdfsDoNot() {
        SqlConf conf = new SqlConf();
        assertEquals(400 * 10000, ArrowUdfRows.rowsInFlight(udf(PythonUDF.SQL_SCALAR_PANDAS_UDF), ARGS, conf));
        assertEquals(400 * 10000, ArrowUdfRows.rowsInFlight(udf(PythonUDF.SQL_SCALAR_PANDAS_ITER_UDF), ARGS, conf));
        assertEquals(0, ArrowUdfRows.rowsInFlight(udf(PythonUDF.SQL_BATCHED_UDF), ARGS, conf));
        assertEquals(0, ArrowUdfRows.rowsInFlight(udf(PythonUDF.SQL_SCALAR_PANDAS_UDF), List.of(), conf),
                "no argument column: no Arrow batch could carry the row count");
    }

    @Test
    void theBoundFollowsMaxRecordsPerBatchAndTheSwitch() {
        String key = "spark.sql.execution.arrow.maxRecordsPerBatch";
        PythonUDF f = udf(PythonUDF.SQL_SCALAR_PANDAS_UDF);
        assertEquals(PythonUDFRunner.MAX_ROWS_IN_FLIGHT, ArrowUdfRows.rowsInFlight(f, ARGS, new SqlConf(Map.of(key, "10"))));
        assertEquals(Integer.MAX_VALUE, ArrowUdfRows.rowsInFlight(f, ARGS, new SqlConf(Map.of(key, "0"))));
        assertEquals(0, ArrowUdfRows.rowsInFlight(f, ARGS, new SqlConf(Map.of("ember.sql.pandas.arrowStreams", "false"))));
    }
}
