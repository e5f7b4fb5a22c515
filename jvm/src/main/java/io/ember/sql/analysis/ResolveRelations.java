package io.ember.sql.analysis;

import io.ember.sql.plans.LogicalPlan;
import io.ember.sql.plans.UnresolvedRelation;
import io.ember.sql.rules.Rule;

/**
 * Replaces each {@link UnresolvedRelation} with the plan the catalog has under its name (a
 * temporary view's analyzed plan, a table's scan); an unknown name fails at once with
 * {@code TABLE_OR_VIEW_NOT_FOUND}, as in Spark.
 */
final class ResolveRelations implements Rule<LogicalPlan> {
    private final RelationLookup catalog;

    ResolveRelations(RelationLookup catalog) {
        this.catalog = catalog;
    }

    @Override
    public LogicalPlan apply(LogicalPlan plan) {
        return plan.transformUp(node -> node instanceof UnresolvedRelation r ? catalog.lookupRelation(r.nameParts()) : node);
    }
}
