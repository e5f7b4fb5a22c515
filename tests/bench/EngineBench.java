import io.ember.api.EmberContext;
import io.ember.core.EmberConf;
import io.ember.core.Tuple2;
import io.ember.rdd.PairRDDFunctions;
import io.ember.rdd.ParallelCollectionRDD;
import io.ember.rdd.RDD;
import io.ember.rdd.RangeRDD;
import io.ember.rdd.TextFileRDD;
import java.lang.management.ManagementFactory;
import java.lang.management.MemoryPoolMXBean;
import java.lang.management.MemoryType;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * Engine benchmarks of the foundation issue, on local[2]. Prints one line per figure.
 * Usage (see engine_bench.sh): EngineBench TEXT_FILE PAIRS_FILE [heap]
 */
public class EngineBench {
    public static void main(String[] args) throws Exception {
        String text = args[0];
        String pairs = args[1];
        String mode = args.length > 2 ? args[2] : "all";
        if (mode.equals("heap")) {
            heap();
            return;
        }
        long t0 = System.nanoTime();
        EmberContext ec = new EmberContext(new EmberConf().setMaster("local[2]").setAppName("bench")
                .set("ember.ui.showConsoleProgress", "false"));
        report("context start", ms(t0), 0.5);

        List<Integer> three = List.of(1, 2, 3);
        for (int i = 0; i < 200; i++) {
            new ParallelCollectionRDD<>(ec, three, 1).count();
        }
        double[] tiny = new double[200];
        for (int i = 0; i < tiny.length; i++) {
            long s = System.nanoTime();
            new ParallelCollectionRDD<>(ec, three, 1).count();
            tiny[i] = (System.nanoTime() - s) / 1e6;
        }
        Arrays.sort(tiny);
        System.out.printf("tiny job (median of 200): %.2f ms  (target <= 5 ms)%n", tiny[tiny.length / 2]);

        new ParallelCollectionRDD<>(ec, List.<Integer>of(), 10_000).count();
        long s = System.nanoTime();
        new ParallelCollectionRDD<>(ec, List.<Integer>of(), 10_000).count();
        report("10,000 empty tasks", ms(s), 2.0);

        s = System.nanoTime();
        long distinct = wordCount(ec, text);
        report("word count 200 MB (" + distinct + " distinct words)", ms(s), 6.0);

        s = System.nanoTime();
        long sorted = sortByKey(ec, pairs);
        report("sortByKey 5M pairs from text (" + sorted + " rows)", ms(s), 4.0);
        ec.stop();
    }

    /** The word count job (also run by ClusterBench): distinct words of a text file. */
    static long wordCount(EmberContext ec, String text) {
        RDD<Tuple2<String, Long>> words = new TextFileRDD(ec, text, 2).flatMap(line -> splitWords(line).iterator())
                .map(w -> new Tuple2<>(w, 1L));
        return new PairRDDFunctions<>(words).reduceByKey(Long::sum).count();
    }

    /** The sort job (also run by ClusterBench): "key value" integer lines sorted by key; returns the row count. */
    static long sortByKey(EmberContext ec, String pairs) {
        RDD<Tuple2<Integer, Integer>> kv = new TextFileRDD(ec, pairs, 2).map(line -> {
            int sp = line.indexOf(' ');
            return new Tuple2<>(Integer.parseInt(line.substring(0, sp)), Integer.parseInt(line.substring(sp + 1)));
        });
        return new PairRDDFunctions<>(kv).sortByKey(true).count();
    }

    /** A groupByKey shuffle three times its memory budget, with the peak heap sampled. */
    private static void heap() throws Exception {
        long maxHeap = Runtime.getRuntime().maxMemory();
        long usable = maxHeap - Math.min(300L << 20, maxHeap / 4);
        double fraction = 0.5;
        long budget = (long) (usable * fraction);
        EmberContext ec = new EmberContext(new EmberConf().setMaster("local[2]").setAppName("heap")
                .set("ember.ui.showConsoleProgress", "false").set("ember.memory.fraction", String.valueOf(fraction)));
        long[] peak = {0};
        Thread sampler = new Thread(() -> {
            while (!Thread.currentThread().isInterrupted()) {
                long used = 0;
                for (MemoryPoolMXBean p : ManagementFactory.getMemoryPoolMXBeans()) {
                    if (p.getType() == MemoryType.HEAP) {
                        used += p.getUsage().getUsed();
                    }
                }
                peak[0] = Math.max(peak[0], used);
                try {
                    Thread.sleep(5);
                } catch (InterruptedException e) {
                    return;
                }
            }
        });
        sampler.setDaemon(true);
        sampler.start();
        long records = 3 * budget / 100;
        String pad = "y".repeat(40);
        long s = System.nanoTime();
        RDD<Tuple2<Long, String>> big = new RangeRDD(ec, 0, records, 1, 8).map(i -> new Tuple2<>(i % 100_000, pad + i));
        long groups = new PairRDDFunctions<>(big).groupByKey(8).count();
        sampler.interrupt();
        System.out.printf("shuffle of ~%d MB (%d records, %d groups) with a %d MB budget, heap %d MB: %.1f s, peak heap used %d MB, spill files %d%n",
                records * 100 >> 20, records, groups, budget >> 20, maxHeap >> 20, ms(s) / 1000, peak[0] >> 20,
                ec.diskBlockManager().spillFilesCreated());
        ec.stop();
    }

    private static List<String> splitWords(String line) {
        List<String> out = new ArrayList<>();
        int n = line.length();
        int i = 0;
        while (i < n) {
            while (i < n && line.charAt(i) == ' ') {
                i++;
            }
            int start = i;
            while (i < n && line.charAt(i) != ' ') {
                i++;
            }
            if (i > start) {
                out.add(line.substring(start, i));
            }
        }
        return out;
    }

    static double ms(long startNanos) {
        return (System.nanoTime() - startNanos) / 1e6;
    }

    private static void report(String what, double millis, double target) {
        System.out.printf("%s: %.3f s  (target <= %.1f s)%n", what, millis / 1000, target);
    }
}
