package io.ember.util;

import java.io.Serializable;
import java.lang.invoke.SerializedLambda;
import java.lang.reflect.Field;
import java.lang.reflect.Method;
import java.lang.reflect.Modifier;
import java.util.ArrayList;
import java.util.Collection;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;

/**
 * Finds the path of fields that leads from an object to the first value that is not
 * serializable, so errors can name the class and field that failed, e.g.
 * {@code MyJob$$Lambda (captured arg 0) -> MyJob.conn (java.net.Socket)}.
 */
public final class SerializationDebugger {
    private SerializationDebugger() {}

    /** The path to the first non-serializable value, or an empty list when none is found. */
    public static List<String> findPath(Object root) {
        List<String> path = new ArrayList<>();
        return visit(root, describe(root), path, new IdentityHashMap<>(), 0) ? path : List.of();
    }

    private static boolean visit(Object obj, String label, List<String> path, Map<Object, Boolean> seen, int depth) {
        if (obj == null || seen.containsKey(obj) || depth > 50) {
            return false;
        }
        seen.put(obj, Boolean.TRUE);
        Class<?> cls = obj.getClass();
        if (!(obj instanceof Serializable)) {
            path.add(label + " (" + cls.getName() + " is not Serializable)");
            return true;
        }
        if (cls.isArray()) {
            if (!cls.getComponentType().isPrimitive()) {
                Object[] arr = (Object[]) obj;
                for (int i = 0; i < arr.length; i++) {
                    if (visit(arr[i], "element " + i, path, seen, depth + 1)) {
                        path.add(0, label);
                        return true;
                    }
                }
            }
            return false;
        }
        SerializedLambda lambda = asSerializedLambda(obj);
        if (lambda != null) {
            for (int i = 0; i < lambda.getCapturedArgCount(); i++) {
                if (visit(lambda.getCapturedArg(i), "captured value " + i + " of lambda in "
                        + lambda.getCapturingClass().replace('/', '.'), path, seen, depth + 1)) {
                    path.add(0, label);
                    return true;
                }
            }
            return false;
        }
        if (obj instanceof Collection<?> c) {
            int i = 0;
            for (Object e : c) {
                if (visit(e, "element " + i++, path, seen, depth + 1)) {
                    path.add(0, label);
                    return true;
                }
            }
            return false;
        }
        if (obj instanceof Map<?, ?> m) {
            for (Map.Entry<?, ?> e : m.entrySet()) {
                if (visit(e.getKey(), "map key", path, seen, depth + 1)
                        || visit(e.getValue(), "map value for key " + e.getKey(), path, seen, depth + 1)) {
                    path.add(0, label);
                    return true;
                }
            }
            return false;
        }
        for (Class<?> c = cls; c != null && c != Object.class; c = c.getSuperclass()) {
            if (c.getName().startsWith("java.")) {
                break;
            }
            for (Field f : c.getDeclaredFields()) {
                int mod = f.getModifiers();
                if (Modifier.isStatic(mod) || Modifier.isTransient(mod) || f.getType().isPrimitive()) {
                    continue;
                }
                Object value;
                try {
                    f.setAccessible(true);
                    value = f.get(obj);
                } catch (RuntimeException | IllegalAccessException e) {
                    continue;
                }
                if (visit(value, "field " + c.getName() + "." + f.getName(), path, seen, depth + 1)) {
                    path.add(0, label);
                    return true;
                }
            }
        }
        return false;
    }

    private static SerializedLambda asSerializedLambda(Object obj) {
        if (!obj.getClass().isSynthetic()) {
            return null;
        }
        try {
            Method m = obj.getClass().getDeclaredMethod("writeReplace");
            m.setAccessible(true);
            Object r = m.invoke(obj);
            return r instanceof SerializedLambda sl ? sl : null;
        } catch (ReflectiveOperationException | RuntimeException e) {
            return null;
        }
    }

    private static String describe(Object o) {
        return o == null ? "null" : o.getClass().getName();
    }
}
