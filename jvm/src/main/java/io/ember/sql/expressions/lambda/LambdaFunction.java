package io.ember.sql.expressions.lambda;

import io.ember.sql.expressions.BoundReference;
import io.ember.sql.expressions.ExprId;
import io.ember.sql.expressions.Expression;
import io.ember.sql.expressions.UnresolvedAttribute;
import io.ember.sql.expressions.Vectors;
import io.ember.sql.types.DataType;
import io.ember.sql.vector.ColumnBatch;
import io.ember.sql.vector.ColumnVector;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * A lambda argument of a higher-order function: {@code (x, i) -> body}. Children are the body
 * and then the variables, unresolved ({@link UnresolvedNamedLambdaVariable}) until the
 * analyzer's lambda rule learns their types from the function's other arguments and
 * {@link #bind binds} them.
 *
 * <p>Evaluation is a batch at a time: the higher-order function flattens the elements of every
 * row of its input batch into vectors (one per variable) and calls {@link #evalElements}, which
 * evaluates the body once over all of them. Columns of the input batch that the body reads
 * (outer references) are gathered to the elements' rows; the variables become columns after
 * the input's, so nested lambdas see their outer variables as ordinary columns. Immutable; the
 * body rewritten for a batch width is cached (a benign race between threads).
 */
public final class LambdaFunction extends Expression {
    private static final long serialVersionUID = 1L;

    private record Bound(int width, Expression body, int[] outerOrdinals) {}

    private final Expression body;
    private final List<Expression> arguments;
    private transient volatile Bound cached;

    public LambdaFunction(Expression body, List<? extends Expression> arguments) {
        this.body = body;
        this.arguments = List.copyOf(arguments);
    }

    /**
     * A lambda written in SQL text ({@code x -> x + 1}): names in the body that are one of the
     * parameters ({@link UnresolvedAttribute}s of one part) become the parameter's variable;
     * a nested lambda's own parameters shadow the outer ones.
     */
    public static LambdaFunction fromSql(List<String> params, Expression body) {
        Map<String, Expression> vars = new HashMap<>();
        List<Expression> args = new ArrayList<>();
        for (String p : params) {
            UnresolvedNamedLambdaVariable v = new UnresolvedNamedLambdaVariable(p);
            vars.put(p, v);
            args.add(v);
        }
        return new LambdaFunction(substitute(body, vars), args);
    }

    public Expression body() {
        return body;
    }

    public List<Expression> arguments() {
        return arguments;
    }

    /** True once every variable has a type. */
    public boolean bound() {
        return arguments.stream().allMatch(a -> a instanceof NamedLambdaVariable);
    }

    /** This lambda with typed variables (nullable ones unless {@code nullable[i]} is false). */
    public LambdaFunction bind(List<DataType> types, List<Boolean> nullable) {
        Map<String, Expression> vars = new HashMap<>();
        List<Expression> args = new ArrayList<>();
        for (int i = 0; i < arguments.size(); i++) {
            UnresolvedNamedLambdaVariable u = (UnresolvedNamedLambdaVariable) arguments.get(i);
            NamedLambdaVariable v = new NamedLambdaVariable(u.name(), types.get(i), nullable.get(i), ExprId.next(), u.anonymous());
            vars.put(u.name(), v);
            args.add(v);
        }
        return new LambdaFunction(substitute(body, vars), args);
    }

    private static Expression substitute(Expression e, Map<String, Expression> vars) {
        if (e instanceof UnresolvedNamedLambdaVariable u) {
            return vars.getOrDefault(u.name(), u);
        }
        if (e instanceof UnresolvedAttribute a && a.nameParts().size() == 1 && vars.get(a.nameParts().get(0)) instanceof UnresolvedNamedLambdaVariable v) {
            return v;
        }
        if (e instanceof LambdaFunction l) {
            Map<String, Expression> inner = new HashMap<>(vars);
            for (Expression a : l.arguments) {
                inner.remove(a instanceof NamedLambdaVariable n ? n.name() : ((UnresolvedNamedLambdaVariable) a).name());
            }
            return new LambdaFunction(substitute(l.body, inner), l.arguments);
        }
        return e.mapChildren(c -> substitute(c, vars));
    }

    @Override
    public DataType dataType() {
        return body.dataType();
    }

    @Override
    public boolean nullable() {
        return body.nullable();
    }

    @Override
    public ColumnVector eval(ColumnBatch batch) {
        throw new UnsupportedOperationException("a lambda is evaluated by its higher-order function: " + sql());
    }

    /**
     * The body over {@code n} elements: element j belongs to input row {@code rowOf[j]} (null
     * when element j is row j), and {@code vars[k]} holds the k-th variable's values.
     */
    public ColumnVector evalElements(ColumnBatch input, int[] rowOf, int n, ColumnVector... vars) {
        int width = input.numColumns();
        Bound b = cached;
        if (b == null || b.width != width) {
            b = boundTo(width);
            cached = b;
        }
        ColumnVector[] cols = new ColumnVector[width + vars.length];
        for (int o : b.outerOrdinals) {
            cols[o] = rowOf == null ? input.column(o) : gather(input.column(o), rowOf, n);
        }
        System.arraycopy(vars, 0, cols, width, vars.length);
        return b.body.eval(new ColumnBatch(cols, n));
    }

    private Bound boundTo(int width) {
        Map<ExprId, Integer> slot = new HashMap<>();
        for (int k = 0; k < arguments.size(); k++) slot.put(((NamedLambdaVariable) arguments.get(k)).exprId(), width + k);
        Expression bound = body.transformUp(x -> x instanceof NamedLambdaVariable v && slot.containsKey(v.exprId())
                ? new BoundReference(slot.get(v.exprId()), v.dataType(), v.nullable()) : x);
        int[] outer = bound.collect(x -> x instanceof BoundReference r && r.ordinal() < width).stream()
                .mapToInt(x -> ((BoundReference) x).ordinal()).distinct().toArray();
        return new Bound(width, bound, outer);
    }

    private static ColumnVector gather(ColumnVector v, int[] rowOf, int n) {
        Object[] out = new Object[n];
        for (int j = 0; j < n; j++) out[j] = v.get(rowOf[j]);
        return Vectors.fromObjects(v.dataType(), out);
    }

    @Override
    public String sql() {
        StringBuilder s = new StringBuilder("lambdafunction(").append(body.sql());
        for (Expression a : arguments) s.append(", ").append(a.sql());
        return s.append(')').toString();
    }

    @Override
    public List<Expression> children() {
        List<Expression> c = new ArrayList<>();
        c.add(body);
        c.addAll(arguments);
        return c;
    }

    @Override
    protected Expression withNewChildren(List<Expression> c) {
        return new LambdaFunction(c.get(0), c.subList(1, c.size()));
    }

    @Override
    protected List<Object> args() {
        return List.of();
    }
}
