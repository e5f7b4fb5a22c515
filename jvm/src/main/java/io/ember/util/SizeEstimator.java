package io.ember.util;

import java.lang.reflect.Array;
import java.lang.reflect.Field;
import java.lang.reflect.Modifier;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Collection;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Estimates the heap footprint of an object graph (64-bit JVM, compressed oops). Used by the
 * memory store and spillable buffers, which call it on samples rather than every record.
 */
public final class SizeEstimator {
    private static final int HEADER = 12;
    private static final int REF = 4;
    private static final int ARRAY_HEADER = 16;
    private static final Map<Class<?>, ClassInfo> CLASS_INFO = new ConcurrentHashMap<>();

    private record ClassInfo(long shallowSize, List<Field> refFields) {}

    private SizeEstimator() {}

    public static long estimate(Object root) {
        IdentityHashMap<Object, Boolean> seen = new IdentityHashMap<>();
        ArrayDeque<Object> stack = new ArrayDeque<>();
        long total = 0;
        if (root != null) {
            stack.push(root);
        }
        while (!stack.isEmpty()) {
            Object o = stack.pop();
            if (seen.put(o, Boolean.TRUE) != null) {
                continue;
            }
            Class<?> cls = o.getClass();
            if (o instanceof String s) {
                total += align(HEADER + 8) + align(ARRAY_HEADER + s.length());
            } else if (cls.isArray()) {
                total += arraySize(o, cls, stack);
            } else {
                ClassInfo info = CLASS_INFO.computeIfAbsent(cls, SizeEstimator::inspect);
                total += info.shallowSize;
                for (Field f : info.refFields) {
                    try {
                        Object v = f.get(o);
                        if (v != null && !(v instanceof Class)) {
                            stack.push(v);
                        }
                    } catch (IllegalAccessException e) {
                        // inaccessible JDK internals count as shallow only
                    }
                }
            }
        }
        return total;
    }

    private static long arraySize(Object arr, Class<?> cls, ArrayDeque<Object> stack) {
        int len = Array.getLength(arr);
        Class<?> comp = cls.getComponentType();
        if (comp.isPrimitive()) {
            return align(ARRAY_HEADER + (long) len * primitiveSize(comp));
        }
        Object[] objs = (Object[]) arr;
        for (Object e : objs) {
            if (e != null) {
                stack.push(e);
            }
        }
        return align(ARRAY_HEADER + (long) len * REF);
    }

    private static ClassInfo inspect(Class<?> cls) {
        long size = HEADER;
        List<Field> refs = new ArrayList<>();
        for (Class<?> c = cls; c != null; c = c.getSuperclass()) {
            for (Field f : c.getDeclaredFields()) {
                if (Modifier.isStatic(f.getModifiers())) {
                    continue;
                }
                Class<?> t = f.getType();
                size += t.isPrimitive() ? primitiveSize(t) : REF;
                if (!t.isPrimitive()) {
                    try {
                        f.setAccessible(true);
                        refs.add(f);
                    } catch (RuntimeException e) {
                        // module-protected field: counted shallowly
                    }
                }
            }
        }
        return new ClassInfo(align(size), refs);
    }

    private static int primitiveSize(Class<?> t) {
        if (t == long.class || t == double.class) {
            return 8;
        }
        if (t == int.class || t == float.class) {
            return 4;
        }
        if (t == short.class || t == char.class) {
            return 2;
        }
        return 1;
    }

    private static long align(long n) {
        return (n + 7) & ~7L;
    }

    /** Estimates a collection by measuring a sample of up to 64 elements and extrapolating. */
    public static long estimateSampled(Collection<?> items) {
        int n = items.size();
        if (n == 0) {
            return ARRAY_HEADER;
        }
        int step = Math.max(1, n / 64);
        long sampled = 0;
        int count = 0;
        int i = 0;
        for (Object o : items) {
            if (i++ % step == 0) {
                sampled += estimate(o);
                count++;
            }
        }
        return ARRAY_HEADER + (long) n * REF + sampled * n / count;
    }
}
