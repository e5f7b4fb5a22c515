package io.ember.sql.parser;

import io.ember.sql.plans.LocalRelation;
import io.ember.sql.plans.LogicalPlan;
import io.ember.sql.vector.ColumnBatch;
import java.util.List;

/** The input of a SELECT without FROM: one row and no columns (Spark's OneRowRelation). */
final class OneRow {
    private OneRow() {}

    static LogicalPlan relation() {
        return new LocalRelation(List.of(), List.of(ColumnBatch.empty(1)));
    }
}
