package io.ember.sql.expressions.misc;

import io.ember.sql.expressions.Expression;
import io.ember.sql.expressions.InputType;
import io.ember.sql.expressions.RowFunction;
import io.ember.sql.expressions.TypeCheckResult;
import io.ember.sql.types.BooleanType;
import io.ember.sql.types.ByteType;
import io.ember.sql.types.DataType;
import io.ember.sql.types.DataTypes;
import io.ember.sql.types.DoubleType;
import io.ember.sql.types.FloatType;
import io.ember.sql.types.IntegerType;
import io.ember.sql.types.LongType;
import io.ember.sql.types.ShortType;
import io.ember.sql.types.StringType;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Method;
import java.lang.reflect.Modifier;
import java.util.Collections;
import java.util.List;
import java.util.Map;

/**
 * {@code reflect(class, method, args...)} (also {@code java_method}) and {@code try_reflect}:
 * calls a public static Java method and returns {@code String.valueOf} of its result (null for
 * null), as Spark's CallMethodViaReflection. The class and method names must be constant
 * strings; the arguments boolean, tinyint, smallint, int, bigint, float, double or string,
 * passed as they are (nulls included), and a method matches when each parameter type accepts the
 * argument's boxed or primitive class. A method that throws fails the query, or gives null under
 * {@code try_reflect}. Not deterministic. The method is looked up again after deserialization.
 */
public final class Reflect extends RowFunction {
    private static final long serialVersionUID = 1L;

    private final String name;
    private final boolean tryMode;
    private transient Method method;

    public Reflect(String name, boolean tryMode, List<Expression> args) {
        super(args);
        this.name = name;
        this.tryMode = tryMode;
    }

    @Override
    public String prettyName() {
        return name;
    }

    @Override
    public DataType dataType() {
        return DataTypes.StringType;
    }

    @Override
    public boolean deterministic() {
        return false;
    }

    @Override
    protected boolean nullSafe() {
        return true;
    }

    @Override
    public List<InputType> inputTypes() {
        return Collections.nCopies(args.size(), InputType.ANY);
    }

    @Override
    public TypeCheckResult checkInputDataTypes() {
        String[] what = {"class", "method"};
        for (int i = 0; i < 2; i++) {
            Expression e = args.get(i);
            if (!e.foldable() || !(e.dataType() instanceof StringType)) {
                return TypeCheckResult.mismatch("NON_FOLDABLE_INPUT", "the input `" + what[i] + "` should be a foldable "
                        + "\"STRING\" expression; however, got " + TypeCheckResult.quote(e.sql()),
                        Map.of("inputName", "`" + what[i] + "`", "inputType", "\"STRING\"", "inputExpr", TypeCheckResult.quote(e.sql())));
            }
            if (e.evalConstant() == null) {
                return TypeCheckResult.mismatch("UNEXPECTED_NULL", "The `" + what[i] + "` must not be null",
                        Map.of("exprName", "`" + what[i] + "`"));
            }
        }
        for (int i = 2; i < args.size(); i++) {
            DataType t = args.get(i).dataType();
            if (classesOf(t) == null) {
                return TypeCheckResult.mismatch("UNEXPECTED_INPUT_TYPE", "The " + TypeCheckResult.ordinal(i) + " parameter "
                        + "requires the (\"BOOLEAN\" or \"TINYINT\" or \"SMALLINT\" or \"INT\" or \"BIGINT\" or \"FLOAT\" or "
                        + "\"DOUBLE\" or \"STRING\") type, however " + TypeCheckResult.quote(args.get(i).sql())
                        + " has the type " + TypeCheckResult.quoteType(t),
                        Map.of("paramIndex", TypeCheckResult.ordinal(i), "inputSql", TypeCheckResult.quote(args.get(i).sql()),
                                "inputType", TypeCheckResult.quoteType(t)));
            }
        }
        String className = (String) args.get(0).evalConstant();
        Class<?> cls;
        try {
            cls = Class.forName(className, false, Reflect.class.getClassLoader());
        } catch (ClassNotFoundException | LinkageError e) {
            return TypeCheckResult.mismatch("UNEXPECTED_CLASS_TYPE", "class " + className + " not found",
                    Map.of("className", className));
        }
        if (find(cls) == null) {
            String methodName = (String) args.get(1).evalConstant();
            return TypeCheckResult.mismatch("UNEXPECTED_STATIC_METHOD", "cannot find a static method " + methodName
                    + " that matches the argument types in " + className,
                    Map.of("methodName", methodName, "className", className));
        }
        return TypeCheckResult.success();
    }

    /** The classes a value of {@code t} is passed as (boxed, primitive); null for a type Spark refuses. */
    private static Class<?>[] classesOf(DataType t) {
        if (t instanceof BooleanType) return new Class<?>[] {Boolean.class, boolean.class};
        if (t instanceof ByteType) return new Class<?>[] {Byte.class, byte.class};
        if (t instanceof ShortType) return new Class<?>[] {Short.class, short.class};
        if (t instanceof IntegerType) return new Class<?>[] {Integer.class, int.class};
        if (t instanceof LongType) return new Class<?>[] {Long.class, long.class};
        if (t instanceof FloatType) return new Class<?>[] {Float.class, float.class};
        if (t instanceof DoubleType) return new Class<?>[] {Double.class, double.class};
        if (t instanceof StringType) return new Class<?>[] {String.class};
        return null;
    }

    private Method find(Class<?> cls) {
        String methodName = (String) args.get(1).evalConstant();
        for (Method m : cls.getMethods()) {
            if (m.getName().equals(methodName) && Modifier.isStatic(m.getModifiers())
                    && m.getParameterCount() == args.size() - 2 && accepts(m.getParameterTypes())) {
                return m;
            }
        }
        return null;
    }

    private boolean accepts(Class<?>[] params) {
        for (int i = 0; i < params.length; i++) {
            boolean any = false;
            for (Class<?> c : classesOf(args.get(i + 2).dataType())) {
                any |= params[i].isAssignableFrom(c);
            }
            if (!any) {
                return false;
            }
        }
        return true;
    }

    private Method method() {
        if (method == null) {
            try {
                method = find(Class.forName((String) args.get(0).evalConstant(), true, Reflect.class.getClassLoader()));
            } catch (ClassNotFoundException e) {
                throw new IllegalStateException("class of " + sql() + " not found", e);
            }
        }
        return method;
    }

    @Override
    protected Object compute(Object[] values) {
        Object[] callArgs = new Object[values.length - 2];
        System.arraycopy(values, 2, callArgs, 0, callArgs.length);
        try {
            Object out = method().invoke(null, callArgs);
            return out == null ? null : String.valueOf(out);
        } catch (InvocationTargetException e) {
            if (tryMode) {
                return null;
            }
            throw new RuntimeException(sql() + " failed: " + e.getCause(), e.getCause());
        } catch (IllegalAccessException e) {
            throw new IllegalStateException(sql() + ": " + e.getMessage(), e);
        }
    }

    @Override
    protected Expression copy(List<Expression> newArgs) {
        return new Reflect(name, tryMode, newArgs);
    }

    @Override
    protected List<Object> args() {
        return List.of(name, tryMode);
    }
}
