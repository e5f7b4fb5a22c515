package io.ember.sql.catalog;

import io.ember.sql.SqlConf;
import io.ember.sql.TestingFunctions;
import io.ember.sql.analysis.Analyzer;
import io.ember.sql.plans.LogicalPlan;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.Supplier;

/** A session for catalog tests: analyzes with the test registry and the catalog it serves, and records uncache calls. */
final class TestingCatalogSession implements CatalogSession {
    final SqlConf conf = new SqlConf();
    final List<LogicalPlan> uncached = new ArrayList<>();
    /** The writes asked for: format, path, mode, partition columns, the plan's column names. */
    final List<List<Object>> writes = new ArrayList<>();
    /** The bucket spec of each write (empty: not bucketed). */
    final List<java.util.Optional<io.ember.sql.sources.BucketSpec>> writtenBuckets = new ArrayList<>();
    private Supplier<SessionCatalog> catalog;

    void serve(SessionCatalog served) {
        this.catalog = () -> served;
    }

    @Override
    public LogicalPlan analyze(LogicalPlan plan) {
        return new Analyzer(conf, TestingFunctions.registry(), parts -> catalog.get().lookupRelation(parts)).execute(plan);
    }

    @Override
    public SqlConf conf() {
        return conf;
    }

    @Override
    public void uncache(LogicalPlan analyzed) {
        uncached.add(analyzed);
    }

    @Override
    public void refreshCache(LogicalPlan old, LogicalPlan fresh) {
        uncached.add(old);
    }

    @Override
    public void write(LogicalPlan analyzed, String format, String path, String mode, List<String> partitionBy,
            io.ember.sql.sources.BucketSpec buckets, Map<String, String> options) {
        writtenBuckets.add(java.util.Optional.ofNullable(buckets));
        writes.add(List.of(format, path, mode, partitionBy, analyzed.output().stream().map(a -> a.name()).toList()));
    }

    /** Counts the rows of local relations only (what these tests analyze). */
    @Override
    public long count(LogicalPlan analyzed) {
        long[] n = {0};
        analyzed.foreach(p -> {
            if (p instanceof io.ember.sql.plans.LocalRelation r) {
                n[0] += r.numRows();
            }
        });
        return n[0];
    }
}
