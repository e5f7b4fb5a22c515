package io.ember.sql.planning;

import io.ember.sql.execution.SparkPlan;
import io.ember.sql.expressions.AttributeReference;
import io.ember.sql.expressions.Expression;
import java.util.List;

/**
 * A leaf relation that plans its own scan (files, cached data): the planner hands it the
 * columns a query needs and the filters over them, and gets the physical scan.
 */
public interface ScanRelation {
    /**
     * The physical scan producing {@code requiredColumns} (a subset of the relation's output,
     * in that order). {@code filters} are conjuncts over the relation's columns that the scan
     * may use to skip data; the planner still filters the rows above the scan.
     */
    SparkPlan planScan(List<AttributeReference> requiredColumns, List<Expression> filters);

    /** Statistics of the relation's columns by lower-case name, as far as its source knows them without reading data. */
    default java.util.Map<String, io.ember.sql.plans.ColumnStat> columnStats() {
        return java.util.Map.of();
    }
}
