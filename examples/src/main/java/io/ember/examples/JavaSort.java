package io.ember.examples;

import io.ember.api.EmberContext;
import io.ember.core.EmberConf;

/**
 * Sorts the integers of a text file (one per line, blank lines skipped) with a range-partitioned
 * shuffle and prints them in ascending order, one per line.
 *
 * <p>Usage: {@code JavaSort <file> [master]}.
 */
public final class JavaSort {
    private JavaSort() {}

    public static void main(String[] args) {
        if (args.length < 1) {
            System.err.println("Usage: JavaSort <file> [master]");
            System.exit(2);
        }
        EmberConf conf = new EmberConf().setAppName("JavaSort");
        if (args.length > 1) {
            conf.setMaster(args[1]);
        }
        try (EmberContext ec = new EmberContext(conf)) {
            var lines = ec.textFile(args[0]);
            var sorted = lines.filter(line -> !line.isBlank())
                    .map(line -> Long.parseLong(line.trim()))
                    .sortBy(x -> x, true, lines.getNumPartitions());
            sorted.collect().forEach(System.out::println);
        }
    }
}
