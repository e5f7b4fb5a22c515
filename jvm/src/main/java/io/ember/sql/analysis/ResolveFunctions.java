package io.ember.sql.analysis;

import io.ember.sql.expressions.Expression;
import io.ember.sql.expressions.FunctionRegistry;
import io.ember.sql.expressions.Literal;
import io.ember.sql.expressions.UnresolvedFunction;
import io.ember.sql.expressions.UnresolvedTableFunction;
import io.ember.sql.expressions.UnresolvedStar;
import io.ember.sql.plans.LogicalPlan;
import io.ember.sql.rules.Rule;
import io.ember.sql.types.DataTypes;
import java.util.List;
import java.util.Locale;

/**
 * Builds each function call through the session's {@link FunctionRegistry} once its arguments
 * are resolved. An unknown name fails at once with {@code UNRESOLVED_ROUTINE} (before its
 * arguments are looked at, as Spark does; {@code UNRESOLVABLE_TABLE_VALUED_FUNCTION} for a call in
 * FROM); {@code count(*)} becomes {@code count(1)}.
 */
final class ResolveFunctions implements Rule<LogicalPlan> {
    private final FunctionRegistry registry;

    ResolveFunctions(FunctionRegistry registry) {
        this.registry = registry;
    }

    @Override
    public LogicalPlan apply(LogicalPlan plan) {
        return plan.transformUp(node -> node.mapExpressions(e -> e.transformDown(this::tableFunction).transformUp(this::resolve)));
    }

    /** A call in FROM: the call itself once its name is known, else Spark's error for a table-valued function. */
    private Expression tableFunction(Expression e) {
        if (!(e instanceof UnresolvedTableFunction t)) {
            return e;
        }
        if (registry.lookup(t.call().name()).isEmpty()) {
            throw AnalysisErrors.unresolvableTableValuedFunction(t.call().name());
        }
        return t.call();
    }

    private Expression resolve(Expression e) {
        if (!(e instanceof UnresolvedFunction f)) {
            return e;
        }
        FunctionRegistry.Builder builder = registry.lookup(f.name())
                .orElseThrow(() -> AnalysisErrors.unresolvedRoutine(f.name()));
        List<Expression> args = f.children();
        if (isCountStar(f)) {
            args = List.of(new Literal(1, DataTypes.IntegerType));
        }
        for (Expression a : args) {
            if (!a.resolved()) {
                return args == f.children() ? e : new UnresolvedFunction(f.name(), args, f.distinct());
            }
        }
        return builder.build(args, f.distinct());
    }

    private static boolean isCountStar(UnresolvedFunction f) {
        return f.name().toLowerCase(Locale.ROOT).equals("count") && f.children().size() == 1
                && f.children().get(0) instanceof UnresolvedStar s && s.target().isEmpty();
    }
}
