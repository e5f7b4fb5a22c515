package io.ember.sql.analysis;

import io.ember.sql.AnalysisException;
import io.ember.sql.expressions.Expression;
import io.ember.sql.expressions.FunctionRegistry;
import io.ember.sql.expressions.UnresolvedFunction;
import io.ember.sql.expressions.lambda.HigherOrderBuilder;
import io.ember.sql.expressions.lambda.LambdaFunction;
import io.ember.sql.plans.LogicalPlan;
import io.ember.sql.rules.Rule;
import io.ember.sql.types.DataType;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;

/**
 * Gives the variables of each lambda argument their types, once the call's other arguments
 * are resolved, so that the lambda's body resolves like any expression (Spark's
 * {@code ResolveLambdaVariables}). The function's {@link HigherOrderBuilder} says the types;
 * a lambda passed to any other function, or with the wrong number of variables, is Spark's
 * {@code INVALID_LAMBDA_FUNCTION_CALL}. Inner calls bind first, so a nested lambda's own
 * parameters shadow the outer ones.
 */
final class ResolveLambdaVariables implements Rule<LogicalPlan> {
    private final FunctionRegistry registry;

    ResolveLambdaVariables(FunctionRegistry registry) {
        this.registry = registry;
    }

    @Override
    public LogicalPlan apply(LogicalPlan plan) {
        return plan.transformUp(node -> node.mapExpressions(e -> e.transformUp(this::bind)));
    }

    private Expression bind(Expression e) {
        if (!(e instanceof UnresolvedFunction f)
                || f.children().stream().noneMatch(c -> c instanceof LambdaFunction l && !l.bound())) {
            return e;
        }
        FunctionRegistry.Builder b = registry.lookup(f.name()).orElseThrow(() -> AnalysisErrors.unresolvedRoutine(f.name()));
        if (!(b instanceof HigherOrderBuilder h)) {
            throw new AnalysisException("INVALID_LAMBDA_FUNCTION_CALL.NON_HIGHER_ORDER_FUNCTION",
                    "Invalid lambda function call. A lambda function should only be used in a higher order function. However, its class is `"
                            + f.name() + "`, which is not a higher order function.", Map.of("class", "`" + f.name() + "`"));
        }
        List<Expression> args = f.children();
        for (Expression a : args) {
            if (!(a instanceof LambdaFunction) && !a.resolved()) return e;
        }
        List<Expression> out = new ArrayList<>(args);
        for (int i = 0; i < args.size(); i++) {
            if (args.get(i) instanceof LambdaFunction l && !l.bound()) {
                int arity = l.arguments().size();
                List<DataType> types = h.variableTypes(args, i, arity);
                if (types.isEmpty()) {
                    throw new AnalysisException("INVALID_LAMBDA_FUNCTION_CALL.NUM_ARGS_MISMATCH",
                            "Invalid lambda function call. A higher order function expects a different number of lambda arguments than "
                                    + arity + " for `" + f.name() + "`.", Map.of("actualNumArgs", String.valueOf(arity)));
                }
                out.set(i, l.bind(types, Collections.nCopies(arity, true)));
            }
        }
        return new UnresolvedFunction(f.name(), out, f.distinct());
    }
}
