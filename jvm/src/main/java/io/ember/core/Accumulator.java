package io.ember.core;

import java.io.Serializable;
import java.util.concurrent.atomic.AtomicLong;

/**
 * An add-only shared variable. On the driver it holds the merged value; when shipped inside a
 * task it arrives zeroed, collects that task's updates, and the driver merges those updates
 * once per successful task (never for failed attempts), and once per partition of a stage:
 * a re-run of a partition (a lost map output, a late or duplicated completion) is not merged again.
 *
 * <p>Subclasses implement {@link #zeroCopy}, {@link #add}, {@link #merge}, {@link #value} and
 * {@link #isZero}. A task-side copy is not thread-safe; the driver merges on one thread.
 */
public abstract class Accumulator<IN, OUT> implements Serializable {
    private static final AtomicLong NEXT_ID = new AtomicLong();

    private long id = NEXT_ID.incrementAndGet();
    private String name;
    /** True for a copy deserialized inside a task: it serializes with its updates (to go back to the driver). */
    private transient boolean taskSide;

    /** A new accumulator of the same kind with a zero value and the same id. */
    protected abstract Accumulator<IN, OUT> zeroCopy();

    public abstract void add(IN value);

    /** Merges another copy's value into this one. */
    public abstract void merge(Accumulator<IN, OUT> other);

    public abstract OUT value();

    public abstract boolean isZero();

    public long id() {
        return id;
    }

    public String name() {
        return name;
    }

    public Accumulator<IN, OUT> setName(String name) {
        this.name = name;
        return this;
    }

    /** A zero copy sharing this accumulator's id and name. */
    public final Accumulator<IN, OUT> zeroCopyWithId() {
        Accumulator<IN, OUT> copy = zeroCopy();
        copy.id = id;
        copy.name = name;
        return copy;
    }

    /**
     * Tasks receive a zero copy, never the driver's running value; a task-side copy travels
     * back to the driver (from a remote executor) with its updates.
     */
    protected final Object writeReplace() {
        return taskSide ? this : zeroCopyWithId();
    }

    /** A copy deserialized inside a task registers itself so the task reports its updates. */
    protected final Object readResolve() {
        taskSide = true;
        AccumulatorRegistry.registerTaskCopy(this);
        return this;
    }

    @Override
    public String toString() {
        return getClass().getSimpleName() + "(id: " + id + (name == null ? "" : ", name: " + name) + ", value: " + value() + ")";
    }
}
