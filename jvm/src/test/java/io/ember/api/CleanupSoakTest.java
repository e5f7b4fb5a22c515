package io.ember.api;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.ember.core.EmberConf;
import io.ember.core.Tuple2;
import java.io.File;
import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.function.BooleanSupplier;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A long-running driver stays flat: 2,000 small jobs, each with its own shuffle, cached RDD and
 * broadcast that the program then drops, leave the shuffle files, blocks, scheduler state, map
 * output entries, heap, threads and file descriptors where they were after the first jobs.
 */
class CleanupSoakTest {
    private static final int JOBS = 2000;

    @TempDir
    Path localDir;

    /** What the process holds at one moment, printed at start and end. */
    private record Figures(long shuffleFiles, long bytesOnDisk, long heapAfterGc, int threads, long fds,
                           DriverFootprint driver) {
        @Override
        public String toString() {
            return String.format("shuffle files %d, bytes on disk %d, driver heap after GC %.1f MB, threads %d, "
                    + "open fds %d, %s", shuffleFiles, bytesOnDisk, heapAfterGc / 1048576.0, threads, fds, driver);
        }
    }

    private static long heapAfterGc() {
        System.gc();
        System.gc();
        Runtime rt = Runtime.getRuntime();
        return rt.totalMemory() - rt.freeMemory();
    }

    private static long openFds() throws IOException {
        File fd = new File("/proc/self/fd");
        if (!fd.isDirectory()) {
            return -1;
        }
        String[] names = fd.list();
        return names == null ? -1 : names.length;
    }

    private static long[] diskUsage(Path root) throws IOException {
        long files = 0;
        long bytes = 0;
        try (Stream<Path> walk = Files.walk(root)) {
            for (Path p : (Iterable<Path>) walk::iterator) {
                if (Files.isRegularFile(p)) {
                    bytes += Files.size(p);
                    if (p.getFileName().toString().startsWith("shuffle_")) {
                        files++;
                    }
                }
            }
        } catch (java.io.UncheckedIOException e) {
            // a file removed while walking: count the rest
        }
        return new long[] {files, bytes};
    }

    private Figures figures(EmberContext ec) throws IOException {
        long heap = heapAfterGc();
        long[] disk = diskUsage(localDir);
        return new Figures(disk[0], disk[1], heap, ManagementFactory.getThreadMXBean().getThreadCount(), openFds(),
                ec.footprint());
    }

    /** Runs collections until the cleaner has caught up with {@code done}; false after 60 s. */
    private static boolean awaitCleaned(BooleanSupplier done) throws InterruptedException {
        long deadline = System.currentTimeMillis() + 60_000;
        while (!done.getAsBoolean()) {
            if (System.currentTimeMillis() > deadline) {
                return false;
            }
            System.gc();
            Thread.sleep(50);
        }
        return true;
    }

    /** One job as a long-running program would run it: a shuffle over a cached RDD, using a broadcast. */
    private static void oneJob(EmberContext ec, int i) {
        Broadcast<Integer> offset = ec.broadcast(i);
        JavaRDD<Integer> numbers = ec.parallelize(List.of(1, 2, 3, 4, 5, 6), 2).map(x -> x + offset.value()).cache();
        Map<Integer, Integer> sums = numbers.mapToPair(x -> new Tuple2<>(x % 2, x)).reduceByKey(Integer::sum, 2)
                .collectAsMap();
        assertEquals(Map.of((i + 1) % 2, 3 * i + 9, i % 2, 3 * i + 12), sums);
    }

    @Test
    void twoThousandJobsLeaveDiskSchedulerAndMemoryFlat() throws Exception {
        EmberConf conf = new EmberConf(false).setMaster("local[2]").setAppName("cleanup-soak")
                .set("ember.local.dir", localDir.toString());
        try (EmberContext ec = new EmberContext(conf)) {
            for (int i = 0; i < 50; i++) {
                oneJob(ec, i); // warm up: classes loaded, pools and buffers at their working size
            }
            assertTrue(awaitCleaned(() -> ec.footprint().mapOutputShuffles() == 0), "warm-up not cleaned");
            Figures start = figures(ec);
            System.out.println("[cleanup-soak] start after 50 jobs: " + start);
            long began = System.nanoTime();
            long peakShuffleFiles = 0;
            for (int i = 50; i < 50 + JOBS; i++) {
                oneJob(ec, i);
                if (i % 250 == 0) {
                    peakShuffleFiles = Math.max(peakShuffleFiles, diskUsage(localDir)[0]);
                }
            }
            double seconds = (System.nanoTime() - began) / 1e9;
            assertTrue(awaitCleaned(() -> {
                DriverFootprint f = ec.footprint();
                return f.mapOutputShuffles() == 0 && f.blocks() == 0 && f.broadcasts() == 0 && f.cleanerTracked() == 0;
            }), "the cleaner did not catch up: " + ec.footprint());
            Figures end = figures(ec);
            System.out.printf("[cleanup-soak] end after %d more jobs (%.1f s, %.2f ms/job; at most %d shuffle files"
                    + " seen mid-run): %s%n", JOBS, seconds, seconds * 1000 / JOBS, peakShuffleFiles, end);

            assertEquals(0, end.shuffleFiles(), "every shuffle's files were deleted");
            assertEquals(new DriverFootprint(0, 0, 0, 0, 0, 0, 0), end.driver());
            assertTrue(end.bytesOnDisk() <= start.bytesOnDisk() + 64 * 1024, start + " -> " + end);
            assertTrue(end.threads() <= start.threads() + 4, "threads: " + start + " -> " + end);
            assertTrue(end.fds() <= start.fds() + 16, "file descriptors: " + start + " -> " + end);
            assertTrue(end.heapAfterGc() <= start.heapAfterGc() + (24L << 20), "heap: " + start + " -> " + end);
        }
    }
}
