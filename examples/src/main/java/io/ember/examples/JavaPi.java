package io.ember.examples;

import io.ember.api.EmberContext;
import io.ember.core.EmberConf;
import java.util.concurrent.ThreadLocalRandom;

/**
 * Estimates pi by throwing random darts at the unit square in {@code slices} tasks of 100,000
 * darts each and counting those inside the quarter circle.
 *
 * <p>Usage: {@code JavaPi [slices] [master]} (2 slices by default).
 */
public final class JavaPi {
    private JavaPi() {}

    public static void main(String[] args) {
        int slices = args.length > 0 ? Integer.parseInt(args[0]) : 2;
        EmberConf conf = new EmberConf().setAppName("JavaPi");
        if (args.length > 1) {
            conf.setMaster(args[1]);
        }
        long n = 100_000L * slices;
        try (EmberContext ec = new EmberContext(conf)) {
            long inside = ec.range(0, n, 1, slices)
                    .map(i -> {
                        double x = ThreadLocalRandom.current().nextDouble() * 2 - 1;
                        double y = ThreadLocalRandom.current().nextDouble() * 2 - 1;
                        return x * x + y * y <= 1 ? 1L : 0L;
                    })
                    .reduce(Long::sum);
            System.out.println("Pi is roughly " + 4.0 * inside / n);
        }
    }
}
