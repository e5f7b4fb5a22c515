package io.ember.sql.expressions.misc;

import io.ember.rdd.TaskContext;
import java.io.Serializable;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.IntFunction;

/**
 * Per-task state of a nondeterministic expression (a row counter, a random generator) that must
 * carry over from one batch to the next within a task and start afresh in the next task. Keyed
 * by task attempt; a task's entry is removed when the task completes. Without a task (evaluation
 * on the driver) one state for partition 0 is kept. Thread-safe: tasks sharing one expression
 * instance each get their own state.
 */
final class TaskLocal<T> implements Serializable {
    private static final long serialVersionUID = 1L;

    private transient volatile Map<Long, T> states;
    private transient volatile T driverState;

    /** This task's state, made by {@code init} from the partition index on first use. */
    T get(IntFunction<T> init) {
        TaskContext ctx = TaskContext.get();
        if (ctx == null) {
            T s = driverState;
            if (s == null) {
                synchronized (this) {
                    if (driverState == null) driverState = init.apply(0);
                    s = driverState;
                }
            }
            return s;
        }
        Map<Long, T> m = map();
        long id = ctx.taskAttemptId();
        T s = m.get(id);
        if (s == null) {
            s = init.apply(ctx.partitionId());
            m.put(id, s);
            ctx.addCompletionListener(() -> m.remove(id));
        }
        return s;
    }

    private Map<Long, T> map() {
        Map<Long, T> m = states;
        if (m == null) {
            synchronized (this) {
                if (states == null) states = new ConcurrentHashMap<>();
                m = states;
            }
        }
        return m;
    }

    /** Partition index of the running task, 0 on the driver. */
    static int partitionId() {
        TaskContext ctx = TaskContext.get();
        return ctx == null ? 0 : ctx.partitionId();
    }
}
