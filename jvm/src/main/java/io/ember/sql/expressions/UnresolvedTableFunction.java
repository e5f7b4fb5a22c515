package io.ember.sql.expressions;

import java.util.List;

/**
 * A function called in FROM ({@code FROM f(args)}) before analysis: the call, marked so that an
 * unknown name fails as Spark fails a table-valued function it cannot resolve
 * ({@code UNRESOLVABLE_TABLE_VALUED_FUNCTION}) rather than as an unknown scalar function. The
 * analyzer's {@code ResolveFunctions} checks the name and replaces this by the call. Immutable.
 */
public final class UnresolvedTableFunction extends UnresolvedExpression {
    private static final long serialVersionUID = 1L;

    private final UnresolvedFunction call;

    public UnresolvedTableFunction(UnresolvedFunction call) {
        this.call = call;
    }

    public UnresolvedFunction call() {
        return call;
    }

    @Override
    public String sql() {
        return call.sql();
    }

    @Override
    public List<Expression> children() {
        return List.of(call);
    }

    @Override
    protected Expression withNewChildren(List<Expression> newChildren) {
        Expression c = newChildren.get(0);
        return c instanceof UnresolvedFunction f ? new UnresolvedTableFunction(f) : c;
    }

    @Override
    protected List<Object> args() {
        return List.of();
    }
}
