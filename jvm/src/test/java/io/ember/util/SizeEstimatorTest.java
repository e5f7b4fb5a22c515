package io.ember.util;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Sizes on the estimator's model: 64-bit JVM, compressed oops, 12-byte headers, 8-byte alignment. */
class SizeEstimatorTest {
    static final class Pair {
        long a;
        int b;
        Object left;
        Object right;
    }

    static final class Node {
        Node next;
        byte[] payload;
    }

    @Test
    void shallowObjectsArraysAndStrings() {
        assertEquals(16, SizeEstimator.estimate(new Object()));
        assertEquals(24, SizeEstimator.estimate(Long.valueOf(123456789L)), "header 12 + long 8, aligned");
        assertEquals(56, SizeEstimator.estimate(new int[10]), "array header 16 + 40");
        assertEquals(1040, SizeEstimator.estimate(new byte[1024]));
        assertEquals(32, SizeEstimator.estimate(new Object[3]), "array header 16 + 3 references, aligned");
        assertEquals(24 + 24, SizeEstimator.estimate("abc"), "String object plus its byte array");
        assertEquals(0, SizeEstimator.estimate(null));
    }

    @Test
    void fieldsAreFollowedAndSharedObjectsCountedOnce() {
        Pair p = new Pair();
        assertEquals(32, SizeEstimator.estimate(p), "12 + 8 + 4 + 4 + 4 = 32");
        p.left = new int[10];
        assertEquals(32 + 56, SizeEstimator.estimate(p));
        p.right = p.left;
        assertEquals(32 + 56, SizeEstimator.estimate(p), "the same array reached twice counts once");
        p.right = p;
        assertEquals(32 + 56, SizeEstimator.estimate(p), "a cycle terminates");
    }

    @Test
    void aLongChainIsMeasuredWithoutRecursion() {
        Node head = null;
        for (int i = 0; i < 200_000; i++) {
            Node n = new Node();
            n.next = head;
            head = n;
        }
        head.payload = new byte[8];
        assertEquals(200_000L * 24 + 24, SizeEstimator.estimate(head));
    }

    @Test
    void sampledEstimateExtrapolatesFromUpTo64Elements() {
        List<Long> longs = new ArrayList<>();
        for (long i = 0; i < 10_000; i++) {
            longs.add(i + 1_000_000);
        }
        assertEquals(16 + 10_000L * 4 + 10_000L * 24, SizeEstimator.estimateSampled(longs));
        List<Object> mixed = new ArrayList<>();
        for (int i = 0; i < 1000; i++) {
            mixed.add(new byte[1000]);
        }
        long estimate = SizeEstimator.estimateSampled(mixed);
        long exact = 16 + 1000L * 4 + 1000L * 1016;
        assertEquals(exact, estimate);
        assertEquals(16, SizeEstimator.estimateSampled(List.of()));
        assertTrue(SizeEstimator.estimateSampled(List.of("x".repeat(10_000))) > 10_000);
    }
}
