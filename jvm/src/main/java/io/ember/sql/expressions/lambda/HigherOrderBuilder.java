package io.ember.sql.expressions.lambda;

import io.ember.sql.expressions.Expression;
import io.ember.sql.expressions.FunctionRegistry;
import io.ember.sql.types.DataType;
import java.util.List;

/**
 * The registry builder of a function that takes lambdas: besides building the call, it tells
 * the analyzer the types of a lambda's variables from the call's other (resolved) arguments,
 * so the lambda's body can be resolved before the call is built.
 */
public interface HigherOrderBuilder extends FunctionRegistry.Builder {
    /**
     * The variable types of the lambda at {@code args[lambdaIndex]} with {@code arity}
     * variables, or an empty list when the function takes no lambda there or not with that
     * many variables.
     */
    List<DataType> variableTypes(List<Expression> args, int lambdaIndex, int arity);
}
