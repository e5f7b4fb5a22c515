package io.ember.examples;

import io.ember.api.EmberContext;
import io.ember.api.JavaPairRDD;
import io.ember.core.EmberConf;
import io.ember.core.Tuple2;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;

/**
 * Counts the words of a text file (split on whitespace) and prints one {@code word: count} line
 * per distinct word, by count descending and then word.
 *
 * <p>Usage: {@code JavaWordCount <file> [master]}; the master defaults to the {@code ember.master}
 * system property, else {@code local[*]}.
 */
public final class JavaWordCount {
    private JavaWordCount() {}

    public static void main(String[] args) {
        if (args.length < 1) {
            System.err.println("Usage: JavaWordCount <file> [master]");
            System.exit(2);
        }
        EmberConf conf = new EmberConf().setAppName("JavaWordCount");
        if (args.length > 1) {
            conf.setMaster(args[1]);
        }
        try (EmberContext ec = new EmberContext(conf)) {
            JavaPairRDD<String, Integer> counts = ec.textFile(args[0])
                    .flatMap(line -> Arrays.asList(line.trim().split("\\s+")).iterator())
                    .filter(word -> !word.isEmpty())
                    .mapToPair(word -> new Tuple2<>(word, 1))
                    .reduceByKey(Integer::sum);
            List<Tuple2<String, Integer>> result = new ArrayList<>(counts.collect());
            result.sort(Comparator.<Tuple2<String, Integer>>comparingInt(t -> -t._2()).thenComparing(Tuple2::_1));
            for (Tuple2<String, Integer> t : result) {
                System.out.println(t._1() + ": " + t._2());
            }
        }
    }
}
