package io.ember.sql.analysis;

import io.ember.sql.plans.LogicalPlan;
import java.util.List;

/**
 * Where the analyzer finds the plans that table and view names stand for: the session catalog
 * ({@code SessionCatalog::lookupRelation}). Implementations are thread-safe.
 */
@FunctionalInterface
public interface RelationLookup {
    /**
     * The resolved plan {@code nameParts} names, under a {@code SubqueryAlias}.
     *
     * @throws io.ember.sql.AnalysisException {@code TABLE_OR_VIEW_NOT_FOUND}
     */
    LogicalPlan lookupRelation(List<String> nameParts);
}
