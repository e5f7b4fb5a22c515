package io.ember.rdd;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * Walks over lineage visit each RDD once. The graphs are the shape of iterative jobs: each
 * level reads the level below twice (a diamond per level), 60 levels deep, which a walk without
 * a visited set would traverse 2^60 times; and one chain long enough to exhaust the stack of a
 * recursive walk. Work is counted through test doubles, never timed.
 */
class LineageTest {
    private static final int LEVELS = 60;
    private final TestingIdContext ids = new TestingIdContext();

    /** Level 0 is a source; level i reads level i-1 through two counting dependencies. */
    private List<CountingRDD> diamond(VisitBudget follows, VisitBudget looks) {
        List<CountingRDD> levels = new ArrayList<>();
        levels.add(new CountingRDD(ids, 2, List.of(), looks));
        for (int i = 1; i <= LEVELS; i++) {
            CountingRDD below = levels.get(i - 1);
            levels.add(new CountingRDD(ids, 2, List.of(new CountingDependency<>(below, follows),
                    new CountingDependency<>(below, follows)), looks));
        }
        return levels;
    }

    @Test
    void walkVisitsEveryRddOfADiamondExactlyOnce() {
        List<CountingRDD> levels = diamond(new VisitBudget(10_000), new VisitBudget(10_000));
        Map<Integer, Integer> visits = new HashMap<>();
        Lineage.walk(levels.get(LEVELS), r -> {
            visits.merge(r.id(), 1, Integer::sum);
            return true;
        });
        assertEquals(LEVELS + 1, visits.size());
        assertTrue(visits.values().stream().allMatch(v -> v == 1), visits.toString());
    }

    @Test
    void walkStopsWhereTheVisitorSaysSo() {
        List<CountingRDD> levels = diamond(new VisitBudget(10_000), new VisitBudget(10_000));
        List<Integer> visited = new ArrayList<>();
        int stopAt = levels.get(LEVELS - 3).id();
        Lineage.walk(levels.get(LEVELS), r -> {
            visited.add(r.id());
            return r.id() != stopAt;
        });
        assertEquals(List.of(levels.get(LEVELS).id(), levels.get(LEVELS - 1).id(), levels.get(LEVELS - 2).id(),
                stopAt), visited);
    }

    @Test
    void doCheckpointFollowsEachDependencyOfADiamondOnce() {
        VisitBudget follows = new VisitBudget(10_000);
        List<CountingRDD> levels = diamond(follows, new VisitBudget(10_000));
        levels.get(LEVELS).doCheckpoint();
        assertEquals(2L * LEVELS, follows.count(), "each of the 120 edges followed once");
    }

    @Test
    void toDebugStringRendersEachSharedRddsLineageOnce() {
        VisitBudget looks = new VisitBudget(10_000);
        List<CountingRDD> levels = diamond(new VisitBudget(10_000), looks);
        String text = levels.get(LEVELS).toDebugString();
        List<String> lines = text.lines().toList();
        assertEquals(1 + 2 * LEVELS, lines.size(), "the top plus one line per edge");
        assertEquals(LEVELS, lines.stream().filter(l -> l.endsWith(DebugString.SHOWN_ABOVE)).count());
        assertEquals(lines.size(), looks.count(), "each line names its RDD once");
        for (CountingRDD rdd : levels) {
            String first = "CountingRDD[" + rdd.id() + "]";
            assertEquals(1, lines.stream().filter(l -> l.endsWith(first)).count(), text);
        }
        assertEquals("(2) CountingRDD[" + levels.get(LEVELS).id() + "]", lines.get(0));
        assertEquals("|  CountingRDD[" + levels.get(LEVELS - 1).id() + "]", lines.get(1).strip());
        assertEquals("|  CountingRDD[" + levels.get(LEVELS - 2).id() + "]", lines.get(2).strip());
        assertEquals("|  CountingRDD[" + levels.get(0).id() + "]" + DebugString.SHOWN_ABOVE,
                lines.get(LEVELS + 1).strip(), "the second read of the source, right after its first");
    }

    @Test
    void longChainsAreWalkedWithoutRunningOutOfStack() {
        VisitBudget budget = new VisitBudget(Long.MAX_VALUE);
        RDD<?> rdd = new CountingRDD(ids, 1, List.of(), budget);
        int length = 200_000;
        for (int i = 0; i < length; i++) {
            rdd = new CountingRDD(ids, 1, List.of(new CountingDependency<>(rdd, budget)), budget);
        }
        rdd.doCheckpoint();
        assertEquals(length, budget.count());
        assertEquals(length + 1, rdd.toDebugString().lines().count());
    }
}
