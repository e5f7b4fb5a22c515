package io.ember.sql.api;

import io.ember.sql.SqlConf;
import io.ember.sql.catalog.CatalogSession;
import io.ember.sql.plans.LogicalPlan;
import io.ember.sql.sources.DataSource;
import io.ember.storage.StorageLevel;
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
            Map<String, String> options) {
        QueryExecution qe = session.ofRows(analyzed).queryExecution();
        SqlExecution.withNewExecutionId(qe, "save", ctx -> {
            DataSource.write(qe.executedPlan().execute(ctx), qe.executedPlan().output(), format, path,
                    mode, partitionBy, options, session.conf().snapshot());
            return null;
        });
    }

    @Override
    public long count(LogicalPlan analyzed) {
        return session.ofRows(analyzed).count();
    }
}
