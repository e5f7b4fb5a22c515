package io.ember.python.sql;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.ember.api.EmberContext;
import io.ember.core.EmberConf;
import io.ember.python.PythonException;
import io.ember.python.PythonRDD;
import io.ember.python.PythonWorkerProtocol;
import io.ember.sql.SqlConf;
import io.ember.sql.execution.ExecutionContext;
import io.ember.sql.execution.LocalTableScanExec;
import io.ember.sql.execution.RangeExec;
import io.ember.sql.execution.SparkPlan;
import io.ember.sql.expressions.Alias;
import io.ember.sql.expressions.AttributeReference;
import io.ember.sql.expressions.FunctionRegistry;
import io.ember.sql.expressions.IsNotNull;
import io.ember.sql.optimizer.Optimizer;
import io.ember.sql.planning.PlannerExtensions;
import io.ember.sql.planning.QueryPlanner;
import io.ember.sql.plans.Aggregate;
import io.ember.sql.plans.Filter;
import io.ember.sql.plans.LogicalPlan;
import io.ember.sql.plans.Range;
import io.ember.sql.expressions.Expression;
import io.ember.sql.expressions.PythonUDF;
import io.ember.sql.types.DataType;
import io.ember.sql.types.DataTypes;
import io.ember.sql.vector.ColumnBatch;
import io.ember.sql.vector.ColumnVector;
import io.ember.sql.vector.ColumnVectors;
import java.io.File;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Base64;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/**
 * The Python UDF operator through a real local[2] context and real Python workers: the UDFs
 * are built by {@code ember.sql.udf} in a python3 subprocess (with the repository's ember
 * package), as the Python client builds them.
 */
class BatchEvalPythonExecTest {
    private static final File PYTHON_PATH = new File("../python").getAbsoluteFile();
    private static EmberContext ec;
    private static ExecutionContext ctx;
    private static String pythonVersion;
    private static List<byte[]> commands;

    private final AttributeReference x = new AttributeReference("x", DataTypes.LongType, true);
    private final AttributeReference s = new AttributeReference("s", DataTypes.StringType, true);

    @BeforeAll
    static void start() throws Exception {
        pythonVersion = python("import sys; print('%d.%d' % sys.version_info[:2])").get(0);
        List<String> lines = python(String.join("\n",
                "from ember.sql.udf import UserDefinedFunction as U",
                "def plus_one(x):",
                "    return None if x is None or x % 3 == 0 else x + 1",
                "def repeat(s, n):",
                "    return None if s is None or n is None else s * (n % 4)",
                "def boom(x):",
                "    if x == 1234:",
                "        raise ValueError('%d is a bad number' % x)",
                "    return x",
                "def wrong(x):",
                "    return 'not a number'",
                "for f, t in [(plus_one, 'bigint'), (repeat, 'string'), (boom, 'bigint'), (wrong, 'int'),",
                "             (lambda x: None, 'int')]:",
                "    print(U(f, t)._encoded_command())"));
        commands = lines.stream().map(l -> Base64.getDecoder().decode(l)).toList();
        EmberConf conf = new EmberConf(false).setMaster("local[2]").setAppName("BatchEvalPythonExecTest")
                .set("ember.ui.showConsoleProgress", "false");
        ec = new EmberContext(conf);
        ctx = new ExecutionContext(ec, new SqlConf());
    }

    @AfterAll
    static void stop() {
        if (ec != null) {
            ec.stop();
        }
    }

    private static List<String> python(String code) throws IOException, InterruptedException {
        ProcessBuilder pb = new ProcessBuilder("python3", "-c", code).redirectError(ProcessBuilder.Redirect.INHERIT);
        pb.environment().put("PYTHONPATH", PYTHON_PATH.getPath());
        Process p = pb.start();
        String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertEquals(0, p.waitFor(), "python3 failed");
        return Arrays.asList(out.strip().split("\n"));
    }

    private static PythonRDD.PythonFunction function(int i) {
        return function(commands.get(i));
    }

    private static PythonRDD.PythonFunction function(byte[] command) {
        return new PythonRDD.PythonFunction(command, PythonWorkerProtocol.MODE_PICKLED_BATCHES,
                PythonWorkerProtocol.MODE_PICKLED_BATCHES, Map.of(), "python3", pythonVersion, PYTHON_PATH.getPath(),
                List.of(), 512, null);
    }

    private static PythonUDF udf(int i, String name, DataType type, Expression... args) {
        return new PythonUDF(name, commands.get(i), type, List.of(args), true);
    }

    /** Rows {@code 0..n-1} as (x = i, or null when i % 1000 == 7; s = "s" + i), in batches of {@code perBatch}. */
    private static List<ColumnBatch> input(int n, int perBatch) {
        List<ColumnBatch> out = new ArrayList<>();
        for (int from = 0; from < n; from += perBatch) {
            int rows = Math.min(perBatch, n - from);
            ColumnVector xs = ColumnVectors.allocate(DataTypes.LongType, rows);
            ColumnVector ss = ColumnVectors.allocate(DataTypes.StringType, rows);
            for (int r = 0; r < rows; r++) {
                long i = from + r;
                ColumnVectors.set(xs, r, i % 1000 == 7 ? null : i);
                ColumnVectors.set(ss, r, "s" + i);
            }
            out.add(new ColumnBatch(new ColumnVector[] {xs, ss}, rows));
        }
        return out;
    }

    private BatchEvalPythonExec exec(List<PythonUDF> udfs, List<Integer> fns, List<ColumnBatch> batches, int slices) {
        return exec(udfs, fns, new LocalTableScanExec(List.of(x, s), batches, slices));
    }

    private BatchEvalPythonExec exec(List<PythonUDF> udfs, List<Integer> fns, SparkPlan child) {
        List<AttributeReference> results = new ArrayList<>();
        List<PythonRDD.PythonFunction> functions = new ArrayList<>();
        for (int i = 0; i < udfs.size(); i++) {
            results.add(new AttributeReference("pythonUDF" + i, udfs.get(i).dataType(), true));
            functions.add(function(fns.get(i)));
        }
        return new BatchEvalPythonExec(udfs, results, child, functions);
    }

    private static List<List<Object>> rows(List<ColumnBatch> batches) {
        List<List<Object>> out = new ArrayList<>();
        for (ColumnBatch b : batches) {
            for (int r = 0; r < b.numRows(); r++) {
                List<Object> row = new ArrayList<>();
                for (int c = 0; c < b.numColumns(); c++) {
                    row.add(b.column(c).get(r));
                }
                out.add(row);
            }
        }
        return out;
    }

    @Test
    void twoCallsAppendTheirResultsInOrderWithNulls() {
        int n = 10_000;
        BatchEvalPythonExec plan = exec(List.of(udf(0, "plus_one", DataTypes.LongType, x),
                udf(1, "repeat", DataTypes.StringType, s, x)), List.of(0, 1), input(n, 1000), 3);
        assertEquals(List.of(x, s, plan.output().get(2), plan.output().get(3)), plan.output());
        List<List<Object>> rows = rows(plan.executeCollect(ctx));
        assertEquals(n, rows.size());
        for (int i = 0; i < n; i++) {
            List<Object> row = rows.get(i);
            Long in = i % 1000 == 7 ? null : (long) i;
            Object plusOne = in == null || i % 3 == 0 ? null : (long) (i + 1);
            Object repeated = in == null ? null : ("s" + i).repeat(i % 4);
            assertEquals(Arrays.asList(in, "s" + i, plusOne, repeated), row, "row " + i);
        }
    }

    @Test
    void manyMoreRowsThanMayBeInFlightStreamThrough() {
        long n = PythonUDFRunner.MAX_ROWS_IN_FLIGHT * 2L + 123;
        BatchEvalPythonExec plan = exec(List.of(udf(4, "nothing", DataTypes.IntegerType, x)), List.of(4),
                new RangeExec(0, 1, n, 1, x));
        long count = 0;
        for (ColumnBatch b : plan.executeCollect(ctx)) {
            for (int r = 0; r < b.numRows(); r++) {
                assertTrue(b.column(1).isNull(r));
            }
            count += b.numRows();
        }
        assertEquals(n, count);
    }

    @Test
    void aUdfsExceptionKeepsItsPythonTypeAndTraceback() {
        BatchEvalPythonExec plan = exec(List.of(udf(2, "boom", DataTypes.LongType, x)), List.of(2), input(3000, 500), 2);
        PythonException e = pythonCause(assertThrows(RuntimeException.class, () -> plan.executeCollect(ctx)));
        assertEquals("ValueError", e.typeName());
        assertTrue(e.pythonMessage().contains("1234 is a bad number"), e.pythonMessage());
        assertTrue(e.traceback().contains("in boom"), e.traceback());
    }

    @Test
    @Timeout(120)
    void anExceptionEarlyInALargePartitionFailsTheTaskInsteadOfWaitingForResults() {
        // The worker reads the rest of the input after the failure; the writer must not wait
        // for results that will never come.
        BatchEvalPythonExec plan = exec(List.of(udf(2, "boom", DataTypes.LongType, x)), List.of(2),
                new RangeExec(0, 1, PythonUDFRunner.MAX_ROWS_IN_FLIGHT * 3L, 1, x));
        PythonException e = pythonCause(assertThrows(RuntimeException.class, () -> plan.executeCollect(ctx)));
        assertEquals("ValueError", e.typeName());
        assertEquals(List.of(Arrays.asList(0L, 0L)), rows(exec(List.of(udf(2, "boom", DataTypes.LongType, x)),
                List.of(2), new RangeExec(0, 1, 1, 1, x)).executeCollect(ctx)), "the worker is usable afterwards");
    }

    @Test
    void aResultOfTheWrongTypeIsATypeErrorNamingTheUdf() {
        BatchEvalPythonExec plan = exec(List.of(udf(3, "wrong", DataTypes.IntegerType, x)), List.of(3), input(10, 10), 1);
        PythonException e = pythonCause(assertThrows(RuntimeException.class, () -> plan.executeCollect(ctx)));
        assertEquals("TypeError", e.typeName());
        assertTrue(e.pythonMessage().contains("wrong"), e.pythonMessage());
    }

    @Test
    void takingAFewRowsEndsTheTaskWithoutWaitingForTheRest() {
        BatchEvalPythonExec plan = exec(List.of(udf(0, "plus_one", DataTypes.LongType, x)), List.of(0),
                new RangeExec(0, 1, 1L << 40, 1, x));
        assertEquals(List.of(Arrays.asList(0L, null), Arrays.asList(1L, 2L), Arrays.asList(2L, 3L)),
                rows(plan.executeTake(ctx, 3)));
    }

    @Test
    void theSessionsPlannerExtensionPlansUdfsInAFilterAndAGroupingKey() {
        FunctionRegistry registry = FunctionRegistry.builtin();
        PlannerExtensions extensions = new PlannerExtensions();
        new PythonUDFStrategy(BatchEvalPythonExecTest::function).installIn(extensions);
        Range range = new Range(0, 30, 1, 2);
        AttributeReference id = range.output().get(0);
        PythonUDF key = udf(0, "plus_one", DataTypes.LongType, id);
        Alias total = new Alias(registry.lookup("sum").orElseThrow().build(List.of(id), false), "total");
        LogicalPlan query = new Aggregate(List.of(key), List.of(new Alias(key, "k"), total),
                new Filter(new IsNotNull(key), range));
        SparkPlan physical = new QueryPlanner(new SqlConf(), extensions.strategies())
                .plan(new Optimizer(new SqlConf(), registry).execute(query));
        assertEquals(2, physical.collect(p -> p instanceof BatchEvalPythonExec).size(), physical.treeString());
        Set<List<Object>> expected = new HashSet<>();
        for (long i = 0; i < 30; i++) {
            if (i % 3 != 0) {
                expected.add(Arrays.asList(i + 1, i));
            }
        }
        assertEquals(expected, new HashSet<>(rows(physical.executeCollect(ctx))));
        assertTrue(extensions.removeStrategy(extensions.strategies().get(0)));
        assertThrows(UnsupportedOperationException.class, () -> new QueryPlanner(new SqlConf(), extensions.strategies())
                .plan(new Optimizer(new SqlConf(), registry).execute(query)));
    }

    private static PythonException pythonCause(Throwable t) {
        for (Throwable c = t; c != null; c = c.getCause()) {
            if (c instanceof PythonException p) {
                return p;
            }
        }
        throw new AssertionError("no PythonException in the causes of " + t, t);
    }
}
