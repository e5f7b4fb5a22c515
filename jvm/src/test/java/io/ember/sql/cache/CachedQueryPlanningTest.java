package io.ember.sql.cache;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.ember.api.EmberContext;
import io.ember.core.EmberConf;
import io.ember.sql.SqlConf;
import io.ember.sql.analysis.Analyzer;
import io.ember.sql.execution.ExecutionContext;
import io.ember.sql.execution.SparkPlan;
import io.ember.sql.expressions.Alias;
import io.ember.sql.expressions.AttributeReference;
import io.ember.sql.expressions.Expression;
import io.ember.sql.expressions.FunctionRegistry;
import io.ember.sql.expressions.Literal;
import io.ember.sql.expressions.UnresolvedAttribute;
import io.ember.sql.expressions.UnresolvedFunction;
import io.ember.sql.optimizer.Optimizer;
import io.ember.sql.planning.QueryPlanner;
import io.ember.sql.plans.Aggregate;
import io.ember.sql.plans.Filter;
import io.ember.sql.plans.LogicalPlan;
import io.ember.sql.sources.DataSource;
import io.ember.sql.types.DataTypes;
import io.ember.storage.StorageLevel;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The cache in the session's pipeline as the query execution runs it: analyze, substitute
 * cached fragments, optimize, plan with the real planner, run; over a CSV file and the
 * real expression kernels.
 */
class CachedQueryPlanningTest {
    private static EmberContext ec;
    private static SqlConf conf;
    private static ExecutionContext ctx;
    private static Analyzer analyzer;
    private static Optimizer optimizer;

    @BeforeAll
    static void start() {
        ec = new EmberContext(new EmberConf(false).setMaster("local[2]").setAppName("cache-planning")
                .set("ember.ui.showConsoleProgress", "false"));
        conf = new SqlConf(Map.of(SqlConf.SHUFFLE_PARTITIONS, "3"));
        ctx = new ExecutionContext(ec, conf);
        FunctionRegistry registry = FunctionRegistry.builtin();
        analyzer = new Analyzer(conf, registry);
        optimizer = new Optimizer(conf, registry);
    }

    @AfterAll
    static void stop() {
        ec.stop();
    }

    private final CacheManager cm = new CacheManager(ec, p -> new QueryPlanner(conf).plan(optimizer.execute(p)));

    private SparkPlan plan(LogicalPlan unresolved) {
        return new QueryPlanner(conf).plan(optimizer.execute(cm.useCachedData(analyzer.execute(unresolved))));
    }

    private static Expression col(String name) {
        return new UnresolvedAttribute(name);
    }

    private static Expression fn(String name, Expression... args) {
        return new UnresolvedFunction(name, List.of(args), false);
    }

    private static TreeMap<Object, Object> pairs(SparkPlan p) {
        TreeMap<Object, Object> out = new TreeMap<>();
        CacheTesting.rows(p.executeCollect(ctx)).forEach(r -> out.put(r.get(0), r.get(1)));
        return out;
    }

    @Test
    void aggregateOverACachedFileReadsTheCacheWithPrunedColumnsAndSkippedBatches(@TempDir Path dir) throws IOException {
        Path csv = dir.resolve("t.csv");
        StringBuilder text = new StringBuilder("k,v,s\n");
        for (int i = 0; i < 20_000; i++) {
            text.append(i % 10).append(',').append(i).append(",name").append(i % 4).append('\n');
        }
        Files.writeString(csv, text);
        LogicalPlan file = DataSource.resolve("csv", List.of(csv.toString()),
                Map.of("header", "true", "inferSchema", "true"), null, conf);
        cm.cacheQuery(analyzer.execute(file), "t.csv", StorageLevel.MEMORY_AND_DISK);

        LogicalPlan query = new Aggregate(List.of(col("k")), List.of(col("k"), new Alias(fn("sum", col("v")), "sv")),
                new Filter(fn(">", col("v"), new Literal(17_999, DataTypes.IntegerType)), file));
        SparkPlan physical = plan(query);
        String tree = physical.treeString();
        assertTrue(tree.contains("InMemoryTableScan"), tree);
        InMemoryTableScanExec scan = (InMemoryTableScanExec) physical.collect(InMemoryTableScanExec.class::isInstance).get(0);
        assertEquals(List.of("k", "v"), scan.output().stream().map(AttributeReference::name).toList(), "s is pruned");
        TreeMap<Object, Object> want = new TreeMap<>();
        for (int i = 18_000; i < 20_000; i++) {
            want.merge(i % 10, (long) i, (a, b) -> (Long) a + (Long) b);
        }
        assertEquals(want, pairs(physical));

        long scanned = CacheTesting.rows(scan.executeCollect(ctx)).size();
        assertTrue(scanned < 20_000 && scanned >= 2000, "batches below v = 18000 are skipped: " + scanned);

        Files.delete(csv);
        LogicalPlan count = new Aggregate(List.of(col("s")), List.of(col("s"), new Alias(fn("count", col("v")), "n")),
                file);
        assertEquals(Map.of("name0", 5000L, "name1", 5000L, "name2", 5000L, "name3", 5000L), pairs(plan(count)),
                "the file is gone: the answer comes from the cache");
        assertTrue(cm.uncacheQuery(analyzer.execute(file)));
        assertFalse(plan(count).treeString().contains("InMemoryTableScan"));
    }
}
