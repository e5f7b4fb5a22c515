package io.ember.sql.execution;

import io.ember.api.Broadcast;
import io.ember.api.EmberContext;
import java.io.Serializable;

/**
 * A read-only value that tasks need, shipped through the engine's broadcast manager when the
 * plan runs on an {@link EmberContext} (once per executor, kept in its block manager), or
 * inside the task closure otherwise.
 */
abstract class Shared<T> implements Serializable {
    private static final long serialVersionUID = 1L;

    abstract T get();

    static <T> Shared<T> broadcast(ExecutionContext ctx, T value) {
        if (ctx.rdds() instanceof EmberContext ec) {
            Broadcast<T> b = ec.broadcast(value);
            return new Shared<>() {
                private static final long serialVersionUID = 1L;

                @Override
                T get() {
                    return b.value();
                }
            };
        }
        return local(value);
    }

    /** {@code value} inside the task closure. */
    static <T> Shared<T> local(T value) {
        return new Shared<>() {
            private static final long serialVersionUID = 1L;

            @Override
            T get() {
                return value;
            }
        };
    }
}
