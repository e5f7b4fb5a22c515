package io.ember.sql.planning;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.ember.sql.execution.LocalTableScanExec;
import io.ember.sql.execution.Partitioning;
import io.ember.sql.execution.ProjectExec;
import io.ember.sql.execution.ShuffleExchangeExec;
import io.ember.sql.execution.SortExec;
import io.ember.sql.execution.SortMergeJoinExec;
import io.ember.sql.execution.SparkPlan;
import io.ember.sql.expressions.AttributeReference;
import io.ember.sql.expressions.SortOrder;
import io.ember.sql.plans.JoinType;
import io.ember.sql.types.DataTypes;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Which sort-merge joins adaptive execution may split: those whose partitioning nothing above relies on. */
class MarkSkewSplittableJoinsTest {
    private static final AttributeReference A = new AttributeReference("a", DataTypes.LongType, true);
    private static final AttributeReference B = new AttributeReference("b", DataTypes.LongType, true);
    private static final AttributeReference C = new AttributeReference("c", DataTypes.LongType, true);

    private static SparkPlan sorted(AttributeReference k, SparkPlan child) {
        return new SortExec(List.of(SortOrder.asc(k)), false, child);
    }

    private static SparkPlan exchange(AttributeReference k) {
        return new ShuffleExchangeExec(new Partitioning.Hash(List.of(k), 4), new LocalTableScanExec(List.of(k), List.of(), 1));
    }

    @Test
    void onlyJoinsWhosePartitioningIsNotReliedOnAreSplittable() {
        SparkPlan inner = new SortMergeJoinExec(List.of(A), List.of(B), JoinType.INNER, null,
                sorted(A, exchange(A)), sorted(B, exchange(B)));
        SparkPlan outer = new SortMergeJoinExec(List.of(A), List.of(C), JoinType.INNER, null,
                sorted(A, new ProjectExec(List.of(A, B), inner)), sorted(C, exchange(C)));
        SparkPlan marked = new MarkSkewSplittableJoins().apply(new ProjectExec(List.of(A), outer));
        List<SparkPlan> joins = marked.collect(SortMergeJoinExec.class::isInstance);
        assertTrue(((SortMergeJoinExec) joins.get(0)).skewSplittable(), marked.treeString());
        assertFalse(((SortMergeJoinExec) joins.get(1)).skewSplittable(), marked.treeString());
        SparkPlan reshuffled = new SortMergeJoinExec(List.of(A), List.of(C), JoinType.INNER, null,
                sorted(A, new ShuffleExchangeExec(new Partitioning.Hash(List.of(A), 8), inner)), sorted(C, exchange(C)));
        List<SparkPlan> both = new MarkSkewSplittableJoins().apply(reshuffled).collect(SortMergeJoinExec.class::isInstance);
        assertTrue(both.stream().allMatch(j -> ((SortMergeJoinExec) j).skewSplittable()));
    }
}
