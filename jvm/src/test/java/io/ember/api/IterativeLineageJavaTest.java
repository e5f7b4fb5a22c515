package io.ember.api;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.ember.core.HashPartitioner;
import io.ember.core.Tuple2;
import io.ember.rdd.OneToOneDependency;
import io.ember.rdd.PairRDDFunctions;
import io.ember.rdd.RDD;
import io.ember.rdd.ShuffleDependency;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Random;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/**
 * Iterative jobs from the Java API: each round is built from the previous round's cached RDD
 * used twice, so the lineage is a diamond per round. Work after each job (checkpoint checks,
 * stage creation, task placement) must stay linear in the lineage; a walk that revisits shared
 * ancestors doubles every round and never gets to round 40 (the timeout only stops such a run,
 * it is minutes above what the loop needs).
 */
class IterativeLineageJavaTest {
    private static final int ROUNDS = 40;
    private static EmberContext ec;

    @BeforeAll
    static void start() {
        ec = JavaApiAsserts.localContext("IterativeLineageJavaTest");
    }

    @AfterAll
    static void stop() {
        ec.stop();
    }

    private static List<Tuple2<Integer, Integer>> randomGraph(long seed) {
        Random r = new Random(seed);
        Set<Tuple2<Integer, Integer>> edges = new HashSet<>();
        while (edges.size() < 30) {
            edges.add(new Tuple2<>(r.nextInt(20), r.nextInt(20)));
        }
        return new ArrayList<>(edges);
    }

    /** The transitive closure, computed in plain Java. */
    private static Set<Tuple2<Integer, Integer>> closure(List<Tuple2<Integer, Integer>> graph) {
        Set<Tuple2<Integer, Integer>> tc = new HashSet<>(graph);
        boolean grew = true;
        while (grew) {
            Set<Tuple2<Integer, Integer>> next = new HashSet<>(tc);
            for (Tuple2<Integer, Integer> a : tc) {
                for (Tuple2<Integer, Integer> b : graph) {
                    if (a._2().equals(b._1())) {
                        next.add(new Tuple2<>(a._1(), b._2()));
                    }
                }
            }
            grew = next.size() > tc.size();
            tc = next;
        }
        return tc;
    }

    @Test
    @Timeout(value = 300, unit = TimeUnit.SECONDS, threadMode = Timeout.ThreadMode.SEPARATE_THREAD)
    void transitiveClosureLoopRunsFortyRounds() {
        List<Tuple2<Integer, Integer>> graph = randomGraph(11);
        JavaPairRDD<Integer, Integer> tc = ec.parallelizePairs(graph, 4).cache();
        JavaPairRDD<Integer, Integer> reversed = tc.mapToPair(e -> new Tuple2<>(e._2(), e._1())).cache();
        long count = 0;
        for (int round = 0; round < ROUNDS; round++) {
            tc = tc.union(tc.join(reversed, 4).mapToPair(kv -> new Tuple2<>(kv._2()._2(), kv._2()._1())))
                    .distinct(4).cache();
            count = tc.count();
        }
        Set<Tuple2<Integer, Integer>> expected = closure(graph);
        assertEquals(expected.size(), count);
        assertEquals(expected, new HashSet<>(tc.collect()));
        long lines = tc.toDebugString().lines().count();
        assertTrue(lines < 20L * ROUNDS, "toDebugString stays linear in the rounds: " + lines + " lines");
    }

    @Test
    void cleanShuffleDependenciesCleansEveryShuffleOfASharedParent() {
        RDD<Tuple2<Integer, Integer>> x = ec.parallelizePairs(randomGraph(3), 3).rdd();
        HashPartitioner two = new HashPartitioner(2);
        RDD<Tuple2<Integer, Integer>> partitioned = new PairRDDFunctions<>(x).partitionBy(two);
        // The cogroup reads x through a shuffle and x again through the partitioned RDD's shuffle.
        RDD<?> grouped = new PairRDDFunctions<>(x).cogroup(partitioned, two);
        Set<Integer> keys = new HashSet<>();
        x.collect().forEach(e -> keys.add(e._1()));
        assertEquals(keys.size(), grouped.count());
        RDD<?> cogrouped = grouped.dependencies().get(0).rdd();
        assertTrue(cogrouped.dependencies().get(0) instanceof ShuffleDependency<?, ?, ?>, "x is read through a shuffle");
        assertTrue(cogrouped.dependencies().get(1) instanceof OneToOneDependency<?>, "partitioned is read narrowly");
        Set<Integer> shuffles = Set.of(((ShuffleDependency<?, ?, ?>) cogrouped.dependencies().get(0)).shuffleId(),
                ((ShuffleDependency<?, ?, ?>) partitioned.dependencies().get(0)).shuffleId());
        Set<Integer> cleaned = new HashSet<>();
        for (int id : ec.cleanShuffleDependencies(grouped)) {
            cleaned.add(id);
        }
        assertEquals(shuffles, cleaned);
    }
}
