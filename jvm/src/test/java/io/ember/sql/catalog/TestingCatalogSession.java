package io.ember.sql.catalog;

import io.ember.sql.SqlConf;
import io.ember.sql.TestingFunctions;
import io.ember.sql.analysis.Analyzer;
import io.ember.sql.plans.LogicalPlan;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Supplier;

/** A session for catalog tests: analyzes with the test registry and the catalog it serves, and records uncache calls. */
final class TestingCatalogSession implements CatalogSession {
    final SqlConf conf = new SqlConf();
    final List<LogicalPlan> uncached = new ArrayList<>();
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
}
