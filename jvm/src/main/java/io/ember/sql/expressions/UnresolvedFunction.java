package io.ember.sql.expressions;

import java.util.List;

/** A call by name, {@code upper(a)} or {@code count(DISTINCT b)}; the analyzer looks it up in the {@link FunctionRegistry}. */
public final class UnresolvedFunction extends UnresolvedExpression {
    private static final long serialVersionUID = 1L;

    private final String name;
    private final List<Expression> arguments;
    private final boolean distinct;

    public UnresolvedFunction(String name, List<Expression> arguments, boolean distinct) {
        this.name = name;
        this.arguments = List.copyOf(arguments);
        this.distinct = distinct;
    }

    public String name() {
        return name;
    }

    public boolean distinct() {
        return distinct;
    }

    @Override
    public String sql() {
        StringBuilder b = new StringBuilder(name).append('(').append(distinct ? "DISTINCT " : "");
        for (int i = 0; i < arguments.size(); i++) {
            b.append(i == 0 ? "" : ", ").append(arguments.get(i).sql());
        }
        return b.append(')').toString();
    }

    @Override
    public String simpleString() {
        return "'" + sql();
    }

    @Override
    public List<Expression> children() {
        return arguments;
    }

    @Override
    protected Expression withNewChildren(List<Expression> newChildren) {
        return new UnresolvedFunction(name, newChildren, distinct);
    }

    @Override
    protected List<Object> args() {
        return List.of(name, distinct);
    }
}
