package io.ember.api;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.ember.core.EmberConf;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;

/** Helpers of the Java API tests: a quiet local context, seeded data and order-free comparisons. */
final class JavaApiAsserts {
    private JavaApiAsserts() {}

    /** A local[2] context without a progress bar. */
    static EmberContext localContext(String appName) {
        return new EmberContext(new EmberConf(false).setMaster("local[2]").setAppName(appName)
                .set("ember.ui.showConsoleProgress", "false"));
    }

    /** {@code n} pseudo-random ints in [0, bound), the same for every run. */
    static List<Integer> randomInts(int n, int bound, long seed) {
        Random r = new Random(seed);
        List<Integer> out = new ArrayList<>(n);
        for (int i = 0; i < n; i++) {
            out.add(r.nextInt(bound));
        }
        return out;
    }

    /** The multiset of the elements: each distinct element with its count. */
    static <T> Map<T, Integer> bag(Collection<T> items) {
        Map<T, Integer> counts = new HashMap<>();
        for (T t : items) {
            counts.merge(t, 1, Integer::sum);
        }
        return counts;
    }

    /** Asserts both collections hold the same elements with the same counts, in any order. */
    static <T> void assertSameElements(Collection<T> expected, Collection<T> actual) {
        assertEquals(bag(expected), bag(actual), "same elements (any order)");
        assertEquals(expected.size(), actual.size());
    }
}
