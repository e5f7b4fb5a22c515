package io.ember.sql.api;

import io.ember.sql.SqlConf;
import io.ember.sql.catalog.CatalogSession;
import io.ember.sql.plans.LogicalPlan;

/** What a session offers its catalog (analysis, settings, its cache). Thread-safe, as the session is. */
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
}
