package io.ember.sql.api;

import io.ember.sql.execution.SparkPlan;
import io.ember.sql.expressions.AttributeReference;
import io.ember.sql.expressions.Expression;
import io.ember.sql.planning.ScanRelation;
import io.ember.sql.plans.LeafNode;
import io.ember.sql.plans.Statistics;
import java.util.List;

/**
 * The result of a typed operation ({@code map}, {@code filter}, {@code flatMap},
 * {@code mapGroups} with Java functions) over another query: a leaf the planner scans by running
 * the input query and the function over its rows ({@link ObjectOperatorExec}). The optimizer
 * cannot see into the function, so the input is optimized on its own, as in Spark.
 */
final class ObjectRelation extends LeafNode implements ScanRelation {
    private static final long serialVersionUID = 1L;

    private final QueryExecution input;
    private final RowsFunction function;
    private final List<AttributeReference> output;

    ObjectRelation(QueryExecution input, RowsFunction function, List<AttributeReference> output) {
        this.input = input;
        this.function = function;
        this.output = List.copyOf(output);
    }

    @Override
    public List<AttributeReference> output() {
        return output;
    }

    @Override
    public SparkPlan planScan(List<AttributeReference> requiredColumns, List<Expression> filters) {
        return new ObjectOperatorExec(input.executedPlan(), input.analyzed().output(), function, output, requiredColumns);
    }

    @Override
    public Statistics stats() {
        return input.optimizedPlan().stats();
    }

    @Override
    protected List<Object> args() {
        return List.of(function.describe(), output);
    }

    @Override
    public String nodeName() {
        return "ObjectOperation";
    }
}
