package io.ember.core;

import java.util.ArrayList;
import java.util.List;

/**
 * Collects the task-side accumulator copies deserialized while a task runs on the current
 * thread. The executor calls {@link #begin} before deserializing a task and {@link #end} after
 * it finishes; the returned updates travel back with the task's result.
 */
public final class AccumulatorRegistry {
    private static final ThreadLocal<List<Accumulator<?, ?>>> CURRENT = new ThreadLocal<>();

    private AccumulatorRegistry() {}

    public static void begin() {
        CURRENT.set(new ArrayList<>());
    }

    /** The copies registered since {@link #begin}, and stops collecting. */
    public static List<Accumulator<?, ?>> end() {
        List<Accumulator<?, ?>> list = CURRENT.get();
        CURRENT.remove();
        return list == null ? List.of() : list;
    }

    static void registerTaskCopy(Accumulator<?, ?> acc) {
        List<Accumulator<?, ?>> list = CURRENT.get();
        if (list != null) {
            list.add(acc);
        }
    }
}
