package io.ember.core;

import java.io.Serializable;

/** An immutable 4-tuple (the values of a cogroup over 4 pair RDDs). */
public record Tuple4<A, B, C, D>(A _1, B _2, C _3, D _4) implements Serializable {
    @Override
    public String toString() {
        return "(" + _1 + "," + _2 + "," + _3 + "," + _4 + ")";
    }
}
