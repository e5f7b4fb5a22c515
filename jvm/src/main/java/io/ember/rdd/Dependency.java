package io.ember.rdd;

import java.io.Serializable;

/** An edge of the lineage graph: which parent RDD a child reads. */
public abstract class Dependency<T> implements Serializable {
    public abstract RDD<T> rdd();
}
