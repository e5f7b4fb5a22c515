package io.ember.core;

import java.io.Serializable;

/** An immutable 3-tuple (the values of a cogroup over 3 pair RDDs). */
public record Tuple3<A, B, C>(A _1, B _2, C _3) implements Serializable {
    @Override
    public String toString() {
        return "(" + _1 + "," + _2 + "," + _3 + ")";
    }
}
