package io.ember.sql.api;

import io.ember.sql.SqlConf;
import io.ember.sql.catalog.SessionCatalog;
import io.ember.sql.plans.LogicalPlan;
import io.ember.sql.plans.statements.CommandContext;
import io.ember.sql.plans.UnresolvedRelation;
import java.util.List;
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
        return session.sessionCatalog();
    }

    @Override
    public Set<String> functionNames() {
        return session.functionRegistry().names();
    }

    @Override
    public Set<String> builtinFunctionNames() {
        return io.ember.sql.expressions.FunctionRegistry.builtin().names();
    }

    @Override
    public java.util.Optional<String> functionClass(String name) {
        return session.functionRegistry().lookup(name).map(b -> {
            String c = b.getClass().getName();
            int lambda = c.indexOf("$$Lambda");
            return lambda < 0 ? c : c.substring(0, lambda);
        });
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
    public io.ember.sql.types.StructType schema(List<String> name, LogicalPlan query) {
        return session.ofRows(name == null ? query : new UnresolvedRelation(name)).schema();
    }

    @Override
    public void cacheTable(List<String> name, boolean lazy) {
        Dataset<Row> table = session.ofRows(new UnresolvedRelation(name));
        table.cache();
        if (!lazy) {
            table.count();
        }
    }

    @Override
    public boolean uncacheTable(List<String> name) {
        return session.cacheManager().uncacheQuery(session.ofRows(new UnresolvedRelation(name)).logicalPlan());
    }

    @Override
    public void clearCache() {
        session.cacheManager().clearCache();
    }
}
