package io.ember.util;

import java.util.function.BooleanSupplier;

/** Waiting on an object's monitor for a condition that threads signal with {@code notifyAll}. */
public final class Monitors {
    private Monitors() {}

    /**
     * Waits until {@code condition} holds; false when {@code timeoutMs} passes first. The caller
     * holds {@code lock}'s monitor, which is released while waiting.
     */
    public static boolean await(Object lock, BooleanSupplier condition, long timeoutMs) throws InterruptedException {
        long deadline = System.currentTimeMillis() + timeoutMs;
        while (!condition.getAsBoolean()) {
            long left = deadline - System.currentTimeMillis();
            if (left <= 0) {
                return false;
            }
            lock.wait(left);
        }
        return true;
    }
}
