package io.ember.sql.optimizer;

import io.ember.sql.expressions.Expression;
import io.ember.sql.expressions.FunctionRegistry;
import io.ember.sql.expressions.Literal;
import io.ember.sql.types.DataTypes;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * The logical operators the optimizer reasons about ({@code and}, {@code or}, {@code not},
 * {@code isnull}, {@code isnotnull}, {@code ==}, {@code in}), built and recognized through the
 * session's {@link FunctionRegistry}, the single source of expressions: a node "is" an
 * {@code and} when building {@code and} over its children gives an equal node. When an operator
 * is not registered, nothing is recognized as it and the rules that need it leave plans alone.
 */
public final class Predicates {
    public static final Literal TRUE = new Literal(true, DataTypes.BooleanType);
    public static final Literal FALSE = new Literal(false, DataTypes.BooleanType);

    private final FunctionRegistry registry;

    public Predicates(FunctionRegistry registry) {
        this.registry = registry;
    }

    /** {@code name(args)} built by the registry; empty when {@code name} is not registered. */
    public Optional<Expression> build(String name, List<Expression> args) {
        return registry.lookup(name).map(b -> b.build(args, false));
    }

    /** True if {@code e} is a call of {@code name} over its own children. */
    public boolean is(String name, Expression e) {
        if (e.children().isEmpty()) {
            return false;
        }
        try {
            return build(name, e.children()).map(e::equals).orElse(false);
        } catch (RuntimeException wrongArguments) {
            return false;
        }
    }

    public boolean isAnd(Expression e) {
        return e.children().size() == 2 && is("and", e);
    }

    public boolean isOr(Expression e) {
        return e.children().size() == 2 && is("or", e);
    }

    public boolean isNot(Expression e) {
        return e.children().size() == 1 && is("not", e);
    }

    /** The conjuncts of {@code a AND b AND ...}, left to right. */
    public List<Expression> splitConjuncts(Expression e) {
        List<Expression> out = new ArrayList<>();
        if (isAnd(e)) {
            out.addAll(splitConjuncts(e.children().get(0)));
            out.addAll(splitConjuncts(e.children().get(1)));
        } else {
            out.add(e);
        }
        return out;
    }

    /** {@code c1 AND c2 AND ...}; empty for no conjuncts. */
    public Optional<Expression> conjunction(List<Expression> conjuncts) {
        Expression acc = null;
        for (Expression c : conjuncts) {
            acc = acc == null ? c : and(acc, c);
        }
        return Optional.ofNullable(acc);
    }

    public Expression and(Expression a, Expression b) {
        return build("and", List.of(a, b)).orElseThrow(() -> new IllegalStateException("no 'and' function is registered"));
    }

    public boolean hasAnd() {
        return registry.lookup("and").isPresent();
    }
}
