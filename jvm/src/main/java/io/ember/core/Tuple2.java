package io.ember.core;

import java.io.Serializable;

/** An immutable pair, the element type of pair RDDs. */
public record Tuple2<A, B>(A _1, B _2) implements Serializable {
    public static <A, B> Tuple2<A, B> of(A a, B b) {
        return new Tuple2<>(a, b);
    }

    @Override
    public String toString() {
        return "(" + _1 + "," + _2 + ")";
    }
}
