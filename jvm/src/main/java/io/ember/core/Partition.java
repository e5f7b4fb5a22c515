package io.ember.core;

import java.io.Serializable;

/** One slice of an RDD's data; its index is its position in the RDD's partition array. */
public interface Partition extends Serializable {
    int index();
}
