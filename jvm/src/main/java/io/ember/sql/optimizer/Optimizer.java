package io.ember.sql.optimizer;

import io.ember.sql.SqlConf;
import io.ember.sql.expressions.FunctionRegistry;
import io.ember.sql.plans.LogicalPlan;
import io.ember.sql.rules.Rule;
import io.ember.sql.rules.RuleExecutor;
import java.util.List;

/**
 * Rewrites an analyzed plan into a cheaper one with the same result: batches of small rules
 * (filter and limit push-down, column pruning, constant folding, ...) run to a fixed point, as
 * in Catalyst. Stateless between calls; one instance may serve a session.
 */
public final class Optimizer extends RuleExecutor<LogicalPlan> {
    private final List<Batch<LogicalPlan>> batches;

    public Optimizer(SqlConf conf) {
        this(conf, FunctionRegistry.builtin());
    }

    /** {@code registry} builds and recognizes the logical operators the rules rewrite ({@link Predicates}). */
    public Optimizer(SqlConf conf, FunctionRegistry registry) {
        Predicates p = new Predicates(registry);
        List<Rule<LogicalPlan>> operators = List.of(
                new PushFilterThroughProject(),
                new PushFilterThroughJoin(p),
                new PushSemiJoinThroughJoin(p),
                new PushFilterThroughAggregate(p),
                new PushFilterThroughUnion(),
                new CombineFilters(p),
                new EliminateOuterJoin(p),
                new LimitPushDown(),
                new ColumnPruning(),
                new CollapseProject(),
                new RemoveRedundantProject(),
                new ConstantFolding(),
                new OptimizeIn(p),
                new NullPropagation(p),
                new BooleanSimplification(p),
                new PruneFilters(),
                new EliminateSorts());
        this.batches = List.of(
                // First, as in Spark's ordering of the rewrites: later rules only meet joins.
                Batch.once("Rewrite Subqueries", new RewritePredicateSubquery(p), new RewriteScalarSubquery(p),
                        new RewriteExistenceSubquery(p)),
                Batch.once("Finish Analysis", new EliminateSubqueryAliases()),
                Batch.once("Replace Operators", new ReplaceSetOperations(p), new RewriteSetOperationsAll(p),
                        new ReplaceDeduplicateWithAggregate(p),
                        new ReplaceDistinctWithAggregate()),
                new Batch<>("Operator Optimization", 100, operators),
                Batch.once("Join Reorder", new ReorderJoins(p)),
                Batch.once("Semi Join Reduction", new SemiJoinReduction(p)),
                // Last, as in Spark: the rules above never meet a BatchEvalPython node.
                Batch.fixedPoint("Extract Python UDFs", new PullPythonUDFsOutOfJoinCondition(p),
                        new PullPythonUDFsAboveAggregate(), new ExtractPythonUDFs()));
    }

    @Override
    protected List<Batch<LogicalPlan>> batches() {
        return batches;
    }
}
