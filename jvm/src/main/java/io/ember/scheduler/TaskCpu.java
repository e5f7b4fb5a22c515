package io.ember.scheduler;

import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;

/** The current thread's CPU time, for the deserialization CPU counter. Stateless. */
final class TaskCpu {
    private static final ThreadMXBean THREADS = ManagementFactory.getThreadMXBean();

    private TaskCpu() {}

    /** The calling thread's CPU time in nanoseconds, or -1 where the JVM cannot tell. */
    static long nanos() {
        return THREADS.isCurrentThreadCpuTimeSupported() ? THREADS.getCurrentThreadCpuTime() : -1;
    }
}
