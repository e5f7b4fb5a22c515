package io.ember.sql.cache;

import io.ember.api.EmberContext;
import io.ember.core.EmberConf;
import io.ember.sql.SqlConf;
import io.ember.sql.analysis.Analyzer;
import io.ember.sql.execution.ExecutionContext;
import io.ember.sql.execution.VectorOps;
import io.ember.sql.expressions.Alias;
import io.ember.sql.expressions.Expression;
import io.ember.sql.expressions.FunctionRegistry;
import io.ember.sql.expressions.UnresolvedAttribute;
import io.ember.sql.expressions.UnresolvedFunction;
import io.ember.sql.optimizer.Optimizer;
import io.ember.sql.planning.QueryPlanner;
import io.ember.sql.plans.Aggregate;
import io.ember.sql.plans.LogicalPlan;
import io.ember.sql.sources.DataSource;
import io.ember.sql.vector.ColumnBatch;
import io.ember.sql.vector.ColumnVector;
import io.ember.storage.StorageLevel;
import io.ember.util.SizeEstimator;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;

/**
 * Benchmark (a main, not a test) over db-benchmark's groupby CSV: heap bytes per row of the
 * data as plain vectors, as the CSV scan hands it out, and as cached batches; then a q1-style
 * {@code groupBy(id1).agg(sum(v1))} over the CSV and over the cache, best and median of a few
 * runs, in local[2]. Args: csv path, runs (default 3).
 */
public final class CacheBench {
    private CacheBench() {}

    public static void main(String[] args) {
        String path = args[0];
        int runs = args.length > 1 ? Integer.parseInt(args[1]) : 3;
        EmberContext ec = new EmberContext(new EmberConf(false).setMaster("local[2]").setAppName("cache-bench")
                .set("ember.ui.showConsoleProgress", "false"));
        try {
            SqlConf conf = new SqlConf(Map.of(SqlConf.SHUFFLE_PARTITIONS, "2"));
            ExecutionContext ctx = new ExecutionContext(ec, conf);
            FunctionRegistry registry = FunctionRegistry.builtin();
            Analyzer analyzer = new Analyzer(conf, registry);
            Optimizer optimizer = new Optimizer(conf, registry);
            CacheManager cm = new CacheManager(ec, p -> new QueryPlanner(conf).plan(optimizer.execute(p)));
            LogicalPlan csv = analyzer.execute(DataSource.resolve("csv", List.of(path),
                    Map.of("header", "true", "inferSchema", "true"), null, conf));
            memory(csv, optimizer, conf, ctx);

            LogicalPlan q1 = new Aggregate(List.of(col("id1")),
                    List.of(col("id1"), new Alias(new UnresolvedFunction("sum", List.of(col("v1")), false), "v1")), csv);
            time("q1 over the CSV", runs, () -> run(cm, analyzer, optimizer, conf, ctx, q1));
            cm.cacheQuery(csv, "groupby", StorageLevel.MEMORY_AND_DISK);
            long t0 = System.nanoTime();
            int groups = run(cm, analyzer, optimizer, conf, ctx, q1);
            System.out.printf("q1 building the cache: %.2f s (%d groups)%n", (System.nanoTime() - t0) / 1e9, groups);
            InMemoryRelation rel = cm.lookupCachedData(csv).orElseThrow();
            System.out.printf("cache statistics: %s rows, %.1f MB encoded%n", rel.stats().rowCount(),
                    rel.stats().sizeInBytes() / 1e6);
            time("q1 over the cache", runs, () -> run(cm, analyzer, optimizer, conf, ctx, q1));
        } finally {
            ec.stop();
        }
    }

    private static Expression col(String name) {
        return new UnresolvedAttribute(name);
    }

    private static int run(CacheManager cm, Analyzer analyzer, Optimizer optimizer, SqlConf conf,
            ExecutionContext ctx, LogicalPlan query) {
        LogicalPlan plan = optimizer.execute(cm.useCachedData(analyzer.execute(query)));
        int rows = 0;
        for (ColumnBatch b : new QueryPlanner(conf).plan(plan).executeCollect(ctx)) {
            rows += b.numRows();
        }
        return rows;
    }

    private interface Run {
        int run();
    }

    private static void time(String what, int runs, Run r) {
        double[] secs = new double[runs];
        for (int i = 0; i < runs; i++) {
            long t0 = System.nanoTime();
            r.run();
            secs[i] = (System.nanoTime() - t0) / 1e9;
        }
        Arrays.sort(secs);
        System.out.printf("%s: best %.2f s, median %.2f s (%d runs)%n", what, secs[0], secs[runs / 2], runs);
    }

    /** Bytes per row of all columns, and per column, in three forms. */
    private static void memory(LogicalPlan csv, Optimizer optimizer, SqlConf conf, ExecutionContext ctx) {
        List<ColumnBatch> scanned = new QueryPlanner(conf).plan(optimizer.execute(csv)).executeCollect(ctx);
        long rows = 0;
        int cols = csv.output().size();
        long[] plain = new long[cols];
        long[] asScanned = new long[cols];
        long[] cached = new long[cols];
        List<CachedBatch> encoded = new ArrayList<>();
        for (ColumnBatch b : scanned) {
            rows += b.numRows();
            CachedBatch cb = CachedBatch.of(b);
            encoded.add(cb);
            for (int c = 0; c < cols; c++) {
                ColumnVector v = b.column(c);
                asScanned[c] += SizeEstimator.estimate(v);
                plain[c] += SizeEstimator.estimate(VectorOps.decode(v));
                cached[c] += SizeEstimator.estimate(cb.column(c));
            }
        }
        System.out.printf("%d rows in %d batches; bytes per row: plain vectors / as scanned / cached%n", rows,
                scanned.size());
        long tp = 0, ts = 0, tc = 0;
        for (int c = 0; c < cols; c++) {
            System.out.printf("  %-4s %-7s %7.2f %7.2f %7.2f  (%s)%n", csv.output().get(c).name(),
                    csv.output().get(c).dataType().simpleString(), (double) plain[c] / rows,
                    (double) asScanned[c] / rows, (double) cached[c] / rows,
                    encoded.get(0).column(c).getClass().getSimpleName());
            tp += plain[c];
            ts += asScanned[c];
            tc += cached[c];
        }
        System.out.printf("  all            %7.2f %7.2f %7.2f  (whole cached batches: %.2f)%n", (double) tp / rows,
                (double) ts / rows, (double) tc / rows, (double) SizeEstimator.estimateSampled(encoded) / rows);
    }
}
