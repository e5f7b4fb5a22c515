package io.ember.rdd;

import io.ember.core.function.FlatMapFunction;
import io.ember.core.function.Function;
import io.ember.core.function.Function2;
import io.ember.core.function.Functions;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Iterator;
import java.util.List;
import java.util.NoSuchElementException;
import java.util.Optional;

/** Lazy iterator combinators used by transformations; user exceptions pass through unchanged. */
public final class Iterators {
    private Iterators() {}

    public static <T, U> Iterator<U> map(Iterator<T> it, Function<T, U> f) {
        return new Iterator<>() {
            @Override
            public boolean hasNext() {
                return it.hasNext();
            }

            @Override
            public U next() {
                return Functions.apply(f, it.next());
            }
        };
    }

    public static <T> Iterator<T> filter(Iterator<T> it, Function<T, Boolean> pred) {
        return new Iterator<>() {
            private T next;
            private boolean ready;

            @Override
            public boolean hasNext() {
                while (!ready && it.hasNext()) {
                    T x = it.next();
                    if (Functions.apply(pred, x)) {
                        next = x;
                        ready = true;
                    }
                }
                return ready;
            }

            @Override
            public T next() {
                if (!hasNext()) {
                    throw new NoSuchElementException();
                }
                ready = false;
                T x = next;
                next = null;
                return x;
            }
        };
    }

    public static <T, U> Iterator<U> flatMap(Iterator<T> it, FlatMapFunction<T, U> f) {
        return new Iterator<>() {
            private Iterator<U> cur = Collections.emptyIterator();

            @Override
            public boolean hasNext() {
                while (!cur.hasNext()) {
                    if (!it.hasNext()) {
                        return false;
                    }
                    try {
                        cur = f.call(it.next());
                    } catch (Exception e) {
                        throw Functions.sneaky(e);
                    }
                }
                return true;
            }

            @Override
            public U next() {
                if (!hasNext()) {
                    throw new NoSuchElementException();
                }
                return cur.next();
            }
        };
    }

    public static <T> List<T> toList(Iterator<T> it) {
        List<T> list = new ArrayList<>();
        it.forEachRemaining(list::add);
        return list;
    }

    public static long count(Iterator<?> it) {
        long n = 0;
        while (it.hasNext()) {
            it.next();
            n++;
        }
        return n;
    }

    public static <T> Optional<T> reduce(Iterator<T> it, Function2<T, T, T> f) {
        if (!it.hasNext()) {
            return Optional.empty();
        }
        T acc = it.next();
        while (it.hasNext()) {
            acc = Functions.apply(f, acc, it.next());
        }
        return Optional.ofNullable(acc);
    }

    public static <T, U> U fold(Iterator<T> it, U zero, Function2<U, T, U> f) {
        U acc = zero;
        while (it.hasNext()) {
            acc = Functions.apply(f, acc, it.next());
        }
        return acc;
    }

    /** Wraps an iterator so a killed task stops within a bounded number of records. */
    public static <T> Iterator<T> interruptible(Iterator<T> it, TaskContext ctx) {
        return new Iterator<>() {
            private int sinceCheck;

            @Override
            public boolean hasNext() {
                if (++sinceCheck >= 1024) {
                    sinceCheck = 0;
                    if (ctx.isInterrupted()) {
                        throw new TaskKilledException(ctx.killReason());
                    }
                }
                return it.hasNext();
            }

            @Override
            public T next() {
                return it.next();
            }
        };
    }
}
