package io.ember.core.function;

import java.io.Serializable;
import java.util.Comparator;

/** A comparator that can be shipped to tasks (sort, top, takeOrdered). */
@FunctionalInterface
public interface SerializableComparator<T> extends Comparator<T>, Serializable {
    /** Natural ordering of Comparable values. */
    @SuppressWarnings({"unchecked", "rawtypes"})
    static <T> SerializableComparator<T> natural() {
        return (a, b) -> ((Comparable) a).compareTo(b);
    }

    @Override
    default SerializableComparator<T> reversed() {
        return (a, b) -> compare(b, a);
    }
}
