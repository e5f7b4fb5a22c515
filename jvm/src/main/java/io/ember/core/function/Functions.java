package io.ember.core.function;

/** Calls user functions, rethrowing checked exceptions unchanged as unchecked. */
public final class Functions {
    private Functions() {}

    public static <T, R> R apply(Function<T, R> f, T t) {
        try {
            return f.call(t);
        } catch (Exception e) {
            throw sneaky(e);
        }
    }

    public static <A, B, R> R apply(Function2<A, B, R> f, A a, B b) {
        try {
            return f.call(a, b);
        } catch (Exception e) {
            throw sneaky(e);
        }
    }

    /** Rethrows any throwable without wrapping, so the user's exception stays the cause. */
    @SuppressWarnings("unchecked")
    public static <E extends Throwable> RuntimeException sneaky(Throwable e) throws E {
        throw (E) e;
    }
}
