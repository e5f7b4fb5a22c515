package io.ember.rdd;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import org.junit.jupiter.api.Test;

/** The bucket logic of histogram(); running it as a job is covered with a running context. */
class DoubleRDDFunctionsTest {
    @Test
    void evenEdgesSpanMinToMaxEndingExactlyAtMax() {
        assertArrayEquals(new double[] {0, 2.5, 5, 7.5, 10}, DoubleRDDFunctions.evenEdges(0, 10, 4));
        double[] odd = DoubleRDDFunctions.evenEdges(0.1, 0.7, 3);
        assertEquals(0.7, odd[3]);
        assertEquals(4, odd.length);
        assertArrayEquals(new double[] {3, 3}, DoubleRDDFunctions.evenEdges(3, 3, 5));
    }

    @Test
    void bucketsAreHalfOpenExceptTheLast() {
        double[] edges = {0, 10, 20, 30};
        assertEquals(0, DoubleRDDFunctions.bucket(edges, 0));
        assertEquals(0, DoubleRDDFunctions.bucket(edges, 9.999));
        assertEquals(1, DoubleRDDFunctions.bucket(edges, 10));
        assertEquals(2, DoubleRDDFunctions.bucket(edges, 29));
        assertEquals(2, DoubleRDDFunctions.bucket(edges, 30));
        assertEquals(-1, DoubleRDDFunctions.bucket(edges, 30.0001));
        assertEquals(-1, DoubleRDDFunctions.bucket(edges, -1));
        assertEquals(-1, DoubleRDDFunctions.bucket(edges, Double.NaN));
        assertEquals(0, DoubleRDDFunctions.bucket(edges, -0.0));
    }

    @Test
    void singleValueBucketHoldsExactlyThatValue() {
        double[] edges = DoubleRDDFunctions.evenEdges(7, 7, 3);
        assertEquals(0, DoubleRDDFunctions.bucket(edges, 7));
        assertEquals(-1, DoubleRDDFunctions.bucket(edges, 6.9));
        assertEquals(-1, DoubleRDDFunctions.bucket(edges, 7.1));
    }

    @Test
    void infiniteEdgesAreAllowed() {
        double[] edges = {Double.NEGATIVE_INFINITY, 0, Double.POSITIVE_INFINITY};
        DoubleRDDFunctions.checkEdges(edges);
        assertEquals(0, DoubleRDDFunctions.bucket(edges, -1e300));
        assertEquals(1, DoubleRDDFunctions.bucket(edges, Double.POSITIVE_INFINITY));
    }

    @Test
    void edgesMustBeAtLeastTwoSortedAndDistinct() {
        assertThrows(IllegalArgumentException.class, () -> DoubleRDDFunctions.checkEdges(new double[] {1}));
        assertThrows(IllegalArgumentException.class, () -> DoubleRDDFunctions.checkEdges(new double[] {}));
        assertThrows(IllegalArgumentException.class, () -> DoubleRDDFunctions.checkEdges(new double[] {2, 1}));
        assertThrows(IllegalArgumentException.class, () -> DoubleRDDFunctions.checkEdges(new double[] {1, 1, 2}));
        assertThrows(IllegalArgumentException.class, () -> DoubleRDDFunctions.checkEdges(new double[] {0, Double.NaN}));
        DoubleRDDFunctions.checkEdges(new double[] {0, 1});
    }
}
