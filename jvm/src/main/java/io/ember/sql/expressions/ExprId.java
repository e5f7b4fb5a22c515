package io.ember.sql.expressions;

import java.io.Serializable;
import java.util.concurrent.atomic.AtomicLong;

/** The identity of a named value in a plan: two attributes are the same column iff ids match. */
public record ExprId(long id) implements Serializable {
    private static final AtomicLong NEXT = new AtomicLong();

    public static ExprId next() {
        return new ExprId(NEXT.incrementAndGet());
    }

    @Override
    public String toString() {
        return "#" + id;
    }
}
