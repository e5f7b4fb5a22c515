package io.ember.sql.optimizer;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;

import io.ember.sql.expressions.EqualTo;
import io.ember.sql.plans.Aggregate;
import io.ember.sql.plans.Filter;
import io.ember.sql.plans.Join;
import io.ember.sql.plans.JoinType;
import io.ember.sql.plans.LogicalPlan;
import io.ember.sql.plans.Project;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class SemiJoinReductionTest extends RuleTestBase {
    // TPC-H q17's shape: lineitem of one brand's parts, left-joined with every part's average
    private final StatsTable lineitem = new StatsTable("lineitem", 60_000, Map.of("l_part", StatsTable.range(1, 2_000)),
            "l_part", "l_qty");
    private final StatsTable lineitem2 = new StatsTable("lineitem", 60_000, Map.of("l_part", StatsTable.range(1, 2_000)),
            "l_part", "l_qty");
    private final StatsTable part = new StatsTable("part", 2_000, Map.of("p_part", StatsTable.range(1, 2_000)),
            "p_part", "p_brand");
    private final LogicalPlan oneBrand = new Filter(new EqualTo(part.col(1), lit(23)), part);
    private final Aggregate perPart = new Aggregate(List.of(lineitem2.col(0)), List.of(lineitem2.col(0)), lineitem2);

    private Join outer(LogicalPlan parts, LogicalPlan left, LogicalPlan right) {
        LogicalPlan brand = new Join(lineitem, parts, JoinType.INNER,
                Optional.of(new EqualTo(lineitem.col(0), part.col(0))));
        return new Join(left == null ? brand : left, right == null ? brand : right, JoinType.LEFT_OUTER,
                Optional.of(new EqualTo(part.col(0), lineitem2.col(0))));
    }

    @Test
    void anAggregateKeepsOnlyTheGroupsTheOtherSidesFilterCanMatch() {
        Join j = outer(oneBrand, null, perPart);
        Join semi = new Join(lineitem2, new Project(List.of(part.col(0)), oneBrand), JoinType.LEFT_SEMI,
                Optional.of(new EqualTo(lineitem2.col(0), part.col(0))));
        Join expected = new Join(j.left(), new Aggregate(perPart.groupingExpressions(), perPart.aggregateExpressions(), semi),
                JoinType.LEFT_OUTER, j.condition());
        LogicalPlan reduced = new SemiJoinReduction(p).apply(j);
        assertEquals(expected, reduced);
        assertEquals(reduced, new SemiJoinReduction(p).apply(reduced));   // once only
    }

    @Test
    void theOriginMayLieAcrossASemiJoinsEquality() {
        // TPC-H q20's shape: partsupp of 'forest%' parts, left-joined with sums per part
        StatsTable partsupp = new StatsTable("partsupp", 8_000, Map.of("ps_part", StatsTable.range(1, 2_000)), "ps_part");
        Join forest = new Join(partsupp, new Project(List.of(part.col(0)), oneBrand), JoinType.LEFT_SEMI,
                Optional.of(new EqualTo(partsupp.col(0), part.col(0))));
        Join j = new Join(forest, perPart, JoinType.LEFT_OUTER, Optional.of(new EqualTo(partsupp.col(0), lineitem2.col(0))));
        Join semi = new Join(lineitem2, new Project(List.of(part.col(0)), oneBrand), JoinType.LEFT_SEMI,
                Optional.of(new EqualTo(lineitem2.col(0), part.col(0))));
        assertEquals(new Join(forest, new Aggregate(perPart.groupingExpressions(), perPart.aggregateExpressions(), semi),
                JoinType.LEFT_OUTER, j.condition()), new SemiJoinReduction(p).apply(j));
    }

    @Test
    void nothingChangesWithoutAFilterOrOnThePreservedSide() {
        Join unfiltered = outer(part, null, perPart);
        assertSame(unfiltered, new SemiJoinReduction(p).apply(unfiltered));
        Join preserved = outer(oneBrand, perPart, null);   // the aggregate's every group is kept by the outer join
        assertSame(preserved, new SemiJoinReduction(p).apply(preserved));
    }

    @Test
    void anAggregateNotGroupedOnTheKeyIsLeftAlone() {
        Aggregate perQty = new Aggregate(List.of(lineitem2.col(1)), List.of(lineitem2.col(0), lineitem2.col(1)), lineitem2);
        Join j = outer(oneBrand, null, perQty);
        assertSame(j, new SemiJoinReduction(p).apply(j));
    }
}
