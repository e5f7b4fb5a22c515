package io.ember.sql.optimizer;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.ember.sql.expressions.EqualTo;
import io.ember.sql.expressions.Expression;
import io.ember.sql.expressions.GreaterThanOrEqual;
import io.ember.sql.expressions.LessThan;
import io.ember.sql.plans.Filter;
import io.ember.sql.plans.Join;
import io.ember.sql.plans.JoinType;
import io.ember.sql.plans.LogicalPlan;
import io.ember.sql.plans.Statistics;
import io.ember.sql.types.DataTypes;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class CardinalityTest extends RuleTestBase {
    private final Cardinality card = new Cardinality(p);

    @Test
    void rangeFiltersKeepTheirShareOfTheColumnsSpan() {
        StatsTable orders = new StatsTable("orders", 1_000, Map.of("o_date", StatsTable.range(0, 999)), "o_date");
        LogicalPlan f = new Filter(new LessThan(orders.col(0), lit(250)), orders);
        assertEquals(250, card.of(f).rows(), 1);
        LogicalPlan g = new Filter(new GreaterThanOrEqual(orders.col(0), lit(900)), orders);
        assertEquals(100, card.of(g).rows(), 1);
    }

    @Test
    void rangesOnOneColumnKeepTheSpanBetweenThem() {
        StatsTable orders = new StatsTable("orders", 1_000, Map.of("o_date", StatsTable.range(0, 999)), "o_date");
        // a year of seven: the second bound is judged on what the first left, not on the whole span
        LogicalPlan year = new Filter(and(new GreaterThanOrEqual(orders.col(0), lit(250)),
                new LessThan(orders.col(0), lit(500))), orders);
        assertEquals(250, card.of(year).rows(), 2);
        // the plan above sees the narrowed range: a further bound inside it keeps its share of it
        LogicalPlan half = new Filter(new LessThan(orders.col(0), lit(375)), year);
        assertEquals(125, card.of(half).rows(), 2);
    }

    @Test
    void stringMatchesKeepATenth() {
        StatsTable part = new StatsTable("part", 1_000, Map.of(), "p_name");
        Expression like = io.ember.sql.expressions.FunctionRegistry.builtin().lookup("like").orElseThrow()
                .build(List.of(part.col(0), new io.ember.sql.expressions.Literal("%green%", DataTypes.StringType)), false);
        assertEquals(100, card.of(new Filter(like, part)).rows(), 1);
    }

    @Test
    void anEqualityOnAColumnOfUnknownValuesKeepsATenthAtLeast() {
        StatsTable orders = new StatsTable("orders", 1_500_000, Map.of("o_key", StatsTable.range(1, 6_000_000)), "o_status", "o_key");
        assertEquals(150_000, card.of(new Filter(new EqualTo(orders.col(0), lit(1)), orders)).rows(), 1);
        StatsTable nation = new StatsTable("nation", 25, Map.of(), "n_name");
        assertEquals(2.5, card.of(new Filter(new EqualTo(nation.col(0), lit(1)), nation)).rows(), 0.01);
        // a known range still bounds the distinct values
        assertEquals(1, card.of(new Filter(new EqualTo(orders.col(1), lit(7)), orders)).rows(), 1);
    }

    @Test
    void semiJoinsStayAboveAnInnerJoinThatKeepsFewerRowsThanTheirSide() {
        // TPC-H q21: lineitem rows of one nation's suppliers, then EXISTS on those rows
        StatsTable lineitem = new StatsTable("lineitem", 6_000, Map.of("l_order", StatsTable.range(1, 1_500), "l_nation", StatsTable.range(0, 24)),
                "l_order", "l_nation");
        StatsTable nation = new StatsTable("nation", 25, Map.of("n_key", StatsTable.range(0, 24)), "n_key", "n_name");
        StatsTable other = new StatsTable("other", 6_000, Map.of("k", StatsTable.range(1, 1_500)), "k");
        LogicalPlan one = new Filter(new EqualTo(nation.col(1), lit(3)), nation);
        Join inner = new Join(lineitem, one, JoinType.INNER, Optional.of(new EqualTo(lineitem.col(1), nation.col(0))));
        Join semi = new Join(inner, other, JoinType.LEFT_SEMI, Optional.of(new EqualTo(lineitem.col(0), other.col(0))));
        assertSame(semi, new PushSemiJoinThroughJoin(p).apply(semi));
        // a join with every nation keeps every lineitem row: the semi join goes below it
        Join all = new Join(lineitem, nation, JoinType.INNER, Optional.of(new EqualTo(lineitem.col(1), nation.col(0))));
        Join semiAll = new Join(all, other, JoinType.LEFT_SEMI, Optional.of(new EqualTo(lineitem.col(0), other.col(0))));
        assertEquals(new Join(new Join(lineitem, other, JoinType.LEFT_SEMI, semiAll.condition()), nation, JoinType.INNER,
                all.condition()), new PushSemiJoinThroughJoin(p).apply(semiAll));
    }

    @Test
    void planSizesSeeAJoinOfFilteredDimensionsAsSmall() {
        // TPC-H q2's subquery side: suppliers of one region, which the size-only estimate takes for their product
        StatsTable supplier = new StatsTable("supplier", 10_000, Map.of("s_nation", StatsTable.range(0, 24), "s_key", StatsTable.range(1, 10_000)),
                "s_nation", "s_key");
        StatsTable nation = new StatsTable("nation", 25, Map.of("n_key", StatsTable.range(0, 24), "n_region", StatsTable.range(0, 4)), "n_key", "n_region");
        LogicalPlan europe = new Filter(new EqualTo(nation.col(1), lit(3)), nation);
        Join j = new Join(supplier, europe, JoinType.INNER, Optional.of(new EqualTo(supplier.col(0), nation.col(0))));
        long estimated = new PlanSizes(io.ember.sql.expressions.FunctionRegistry.builtin()).sizeInBytes(j);
        assertEquals(2_000 * Statistics.rowSize(j.output()), estimated, 1);
        assertTrue(j.stats().sizeInBytes() > 100 * estimated, "size-only estimate: " + j.stats());
    }

    @Test
    void aJoinOnALowCardinalityKeyIsEstimatedManyToMany() {
        StatsTable customer = new StatsTable("customer", 150_000, Map.of("c_nation", StatsTable.range(0, 24)), "c_nation", "c_key");
        StatsTable supplier = new StatsTable("supplier", 10_000, Map.of("s_nation", StatsTable.range(0, 24), "s_key", StatsTable.range(1, 10_000)),
                "s_nation", "s_key");
        Join byNation = new Join(customer, supplier, JoinType.INNER, Optional.of(new EqualTo(customer.col(0), supplier.col(0))));
        assertEquals(150_000.0 * 10_000 / 25, card.of(byNation).rows(), 1);
        StatsTable lineitem = new StatsTable("lineitem", 6_000_000, Map.of("l_supp", StatsTable.range(1, 10_000)), "l_supp");
        Join bySupplier = new Join(lineitem, supplier, JoinType.INNER, Optional.of(new EqualTo(lineitem.col(0), supplier.col(1))));
        assertEquals(6_000_000, card.of(bySupplier).rows(), 1);
    }

    @Test
    void reorderingAvoidsTheManyToManyJoin() {
        // TPC-H q5's shape: customer and supplier share only a nation key; lineitem links supplier to orders
        StatsTable customer = new StatsTable("customer", 150_000, Map.of("c_nation", StatsTable.range(0, 24), "c_key", StatsTable.range(1, 150_000)),
                "c_nation", "c_key");
        StatsTable orders = new StatsTable("orders", 1_500_000, Map.of("o_cust", StatsTable.range(1, 150_000), "o_key", StatsTable.range(1, 6_000_000)),
                "o_cust", "o_key");
        StatsTable lineitem = new StatsTable("lineitem", 6_000_000, Map.of("l_order", StatsTable.range(1, 6_000_000), "l_supp", StatsTable.range(1, 10_000)),
                "l_order", "l_supp");
        StatsTable supplier = new StatsTable("supplier", 10_000, Map.of("s_nation", StatsTable.range(0, 24), "s_key", StatsTable.range(1, 10_000)),
                "s_nation", "s_key");
        Expression sc = new EqualTo(customer.col(0), supplier.col(0));
        Expression co = new EqualTo(customer.col(1), orders.col(0));
        Expression ol = new EqualTo(orders.col(1), lineitem.col(0));
        Expression ls = new EqualTo(lineitem.col(1), supplier.col(1));
        // written with the nation-key join first, as a greedy smallest-input order would run it
        Join written = new Join(new Join(new Join(supplier, customer, JoinType.INNER, Optional.of(sc)), orders,
                JoinType.INNER, Optional.of(co)), lineitem, JoinType.INNER, Optional.of(p.conjunction(List.of(ol, ls)).get()));
        LogicalPlan reordered = new ReorderJoins(p).apply(written);
        reordered.foreach(node -> {
            if (node instanceof Join j) {
                assertTrue(!j.condition().orElseThrow().equals(sc), "joined customer to supplier on the nation key alone: " + j);
            }
        });
    }
}
