package io.ember.sql.api;

import io.ember.sql.SqlConf;
import io.ember.sql.catalog.CatalogSession;
import io.ember.sql.expressions.SortOrder;
import io.ember.sql.plans.LogicalPlan;
import io.ember.sql.plans.Sort;
import io.ember.sql.sources.BucketSpec;
import io.ember.sql.sources.DataSource;
import io.ember.storage.StorageLevel;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/** What a session offers its catalog (analysis, settings, its cache, running writes and counts). Thread-safe, as the session is. */
final class SessionServices implements CatalogSession {
    private final SparkSession session;

    SessionServices(SparkSession session) {
        this.session = session;
    }

    @Override
    public LogicalPlan analyze(LogicalPlan plan) {
        return session.analyzer().execute(plan);
    }

    @Override
    public SqlConf conf() {
        return session.conf();
    }

    @Override
    public void uncache(LogicalPlan analyzed) {
        session.cacheManager().uncacheQuery(analyzed);
    }

    @Override
    public void refreshCache(LogicalPlan old, LogicalPlan fresh) {
        StorageLevel level = session.cacheManager().storageLevel(old);
        if (level.isValid()) {
            session.cacheManager().uncacheQuery(old);
            session.ofRows(fresh).persist(level);
        }
    }

    @Override
    public void write(LogicalPlan analyzed, String format, String path, String mode, List<String> partitionBy,
            BucketSpec buckets, Map<String, String> options) {
        QueryExecution qe = session.ofRows(sortedForBuckets(analyzed, buckets)).queryExecution();
        SqlExecution.withNewExecutionId(qe, "save", ctx -> {
            DataSource.write(qe.executedPlan().execute(ctx), qe.executedPlan().output(), format, path,
                    mode, partitionBy, buckets, options, session.conf().snapshot());
            return null;
        });
    }

    /** The rows sorted within each task by the spec's sort columns (ascending, as Spark), so every bucket file is sorted. */
    private LogicalPlan sortedForBuckets(LogicalPlan analyzed, BucketSpec buckets) {
        if (buckets == null || buckets.sortColumns().isEmpty()) {
            return analyzed;
        }
        List<SortOrder> order = new ArrayList<>();
        for (String column : buckets.sortColumns()) {
            order.add(SortOrder.asc(analyzed.output().stream().filter(a -> session.conf().sameName(a.name(), column))
                    .findFirst().orElseThrow(() -> new IllegalArgumentException("no sort column " + column))));
        }
        return new Sort(order, false, analyzed);
    }

    @Override
    public long count(LogicalPlan analyzed) {
        return session.ofRows(analyzed).count();
    }
}
