package io.ember.deploy;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.ember.api.EmberContext;
import io.ember.api.JavaPairRDD;
import io.ember.api.JavaRDD;
import io.ember.core.EmberConf;
import io.ember.core.Tuple2;
import io.ember.storage.StorageLevel;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * On a cluster, the executors' shuffle files and disk-cached blocks of RDDs the driver no longer
 * references are deleted in the executor JVMs (by remove messages), not only the driver's state.
 */
class ClusterCleanupTest {
    @TempDir
    Path tmp;

    /** Files under the workers' directories (where executors keep blocks) whose names start with {@code prefix}. */
    private long files(String prefix) throws IOException {
        try (Stream<Path> walk = Files.walk(tmp)) {
            return walk.filter(p -> p.getFileName().toString().startsWith(prefix)).count();
        } catch (java.io.UncheckedIOException e) {
            return files(prefix); // a file went while walking: count again
        }
    }

    private static void awaitTrue(String what, java.util.concurrent.Callable<Boolean> done) throws Exception {
        long deadline = System.currentTimeMillis() + 60_000;
        while (!done.call()) {
            assertTrue(System.currentTimeMillis() < deadline, what);
            System.gc();
            Thread.sleep(100);
        }
    }

    @Test
    void executorsDeleteTheFilesOfUnreferencedShufflesAndCachedRdds() throws Exception {
        try (TestingCluster cluster = new TestingCluster(tmp, 2, 1);
             EmberContext ec = new EmberContext(new EmberConf(false).setMaster(cluster.url()).setAppName("cleanup")
                     .set("ember.executor.memory", "512m"))) {
            List<JavaPairRDD<Integer, Integer>> kept = new ArrayList<>();
            for (int i = 0; i < 10; i++) {
                JavaRDD<Integer> numbers = ec.parallelize(List.of(1, 2, 3, 4, 5, 6, 7, 8), 4);
                JavaPairRDD<Integer, Integer> sums = numbers.mapToPair(x -> new Tuple2<>(x % 2, x))
                        .reduceByKey(Integer::sum, 2);
                sums.persist(StorageLevel.DISK_ONLY);
                assertEquals(Map.of(0, 20, 1, 16), sums.collectAsMap());
                kept.add(sums);
            }
            assertEquals(10 * 4 * 2, files("shuffle_"), "4 map outputs (data and index) per shuffle, on executors");
            assertEquals(10 * 2, files("rdd_"), "2 cached partitions per RDD, on executors' disks");
            System.gc();
            Thread.sleep(500);
            assertEquals(80, files("shuffle_"), "nothing is removed while the driver references the RDDs");

            kept.subList(0, 5).clear();
            awaitTrue("the first five shuffles' files were not deleted", () -> files("shuffle_") == 40
                    && files("rdd_") == 10);
            kept.clear();
            awaitTrue("the executors' shuffle files were not all deleted", () -> files("shuffle_") == 0
                    && files("rdd_") == 0 && ec.footprint().mapOutputShuffles() == 0);
            assertEquals(8L, ec.parallelize(List.of(1, 2, 3, 4, 5, 6, 7, 8), 4).mapToPair(x -> new Tuple2<>(x, x))
                    .reduceByKey(Integer::sum, 2).count(), "the context works on after cleaning");
        }
    }
}
