package io.ember.sql.api;

import io.ember.sql.SqlConf;
import io.ember.sql.catalog.SessionCatalog;
import io.ember.sql.plans.LogicalPlan;
import io.ember.sql.plans.statements.CommandContext;
import io.ember.storage.StorageLevel;
import java.util.Set;

/** The session as SQL commands see it. Thread-safe as the session is. */
final class SessionCommandContext implements CommandContext {
    private final SparkSession session;

    SessionCommandContext(SparkSession session) {
        this.session = session;
    }

    @Override
    public SqlConf conf() {
        return session.conf();
    }

    @Override
    public SessionCatalog catalog() {
        throw new UnsupportedOperationException("this session has no catalog yet");
    }

    @Override
    public Set<String> functionNames() {
        return session.functionRegistry().names();
    }

    @Override
    public LogicalPlan analyze(LogicalPlan plan) {
        return session.analyzer().execute(plan);
    }

    @Override
    public String explain(LogicalPlan plan, String mode) {
        return session.ofRows(plan).queryExecution().explainString(mode);
    }

    @Override
    public void cache(LogicalPlan analyzed, String name, boolean lazy) {
        session.cacheManager().cacheQuery(analyzed, name, StorageLevel.MEMORY_AND_DISK);
        if (!lazy) {
            session.ofRows(analyzed).count();
        }
    }

    @Override
    public boolean uncache(LogicalPlan analyzed) {
        return session.cacheManager().uncacheQuery(analyzed);
    }

    @Override
    public void clearCache() {
        session.cacheManager().clearCache();
    }
}
