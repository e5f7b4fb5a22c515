package io.ember.sql.execution;

/** A stable merge sort of {@code int} indices by a comparator, without boxing. */
final class IntSort {
    @FunctionalInterface
    interface IntComparator {
        int compare(int a, int b);
    }

    private IntSort() {}

    static void sort(int[] a, int n, IntComparator c) {
        if (n < 2) {
            return;
        }
        int[] tmp = new int[n];
        for (int lo = 0; lo < n; lo += 32) {
            insertion(a, lo, Math.min(lo + 32, n), c);
        }
        int[] src = a, dst = tmp;
        for (int width = 32; width < n; width *= 2) {
            for (int lo = 0; lo < n; lo += 2 * width) {
                int mid = Math.min(lo + width, n), hi = Math.min(lo + 2 * width, n);
                merge(src, dst, lo, mid, hi, c);
            }
            int[] t = src;
            src = dst;
            dst = t;
        }
        if (src != a) {
            System.arraycopy(src, 0, a, 0, n);
        }
    }

    private static void insertion(int[] a, int lo, int hi, IntComparator c) {
        for (int i = lo + 1; i < hi; i++) {
            int v = a[i];
            int j = i - 1;
            while (j >= lo && c.compare(a[j], v) > 0) {
                a[j + 1] = a[j];
                j--;
            }
            a[j + 1] = v;
        }
    }

    private static void merge(int[] src, int[] dst, int lo, int mid, int hi, IntComparator c) {
        int i = lo, j = mid, k = lo;
        if (mid >= hi || c.compare(src[mid - 1], src[mid]) <= 0) {
            System.arraycopy(src, lo, dst, lo, hi - lo);
            return;
        }
        while (i < mid && j < hi) {
            dst[k++] = c.compare(src[j], src[i]) < 0 ? src[j++] : src[i++];
        }
        while (i < mid) {
            dst[k++] = src[i++];
        }
        while (j < hi) {
            dst[k++] = src[j++];
        }
    }
}
