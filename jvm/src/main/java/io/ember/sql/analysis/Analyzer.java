package io.ember.sql.analysis;

import io.ember.sql.SqlConf;
import io.ember.sql.expressions.FunctionRegistry;
import io.ember.sql.plans.LogicalPlan;
import io.ember.sql.rules.Rule;
import io.ember.sql.rules.RuleExecutor;
import java.util.ArrayList;
import java.util.List;

/**
 * Turns a plan as a front end built it (names, stars, function calls by name) into a resolved
 * plan whose every column is an attribute of some input and every call a typed expression,
 * then checks it ({@link CheckAnalysis}) and raises {@code AnalysisException} as Spark would.
 * Holds no state between calls; one instance per session.
 */
public final class Analyzer extends RuleExecutor<LogicalPlan> {
    private final List<Batch<LogicalPlan>> batches;
    private final FunctionRegistry registry;

    /** An analyzer without a catalog: every table or view name is unknown. */
    public Analyzer(SqlConf conf, FunctionRegistry registry) {
        this(conf, registry, nameParts -> {
            throw io.ember.sql.catalog.CatalogErrors.tableOrViewNotFound(nameParts,
                    io.ember.sql.catalog.CatalogErrors.searchPath("default"));
        });
    }

    public Analyzer(SqlConf conf, FunctionRegistry registry, RelationLookup relations) {
        this.registry = registry;
        NameResolver names = new NameResolver(conf, new ExtractValues());
        List<Rule<LogicalPlan>> resolution = new ArrayList<>(List.of(
                new ResolveRelations(relations),
                new DeduplicateRelations(),
                new ResolveSubqueryColumnAliases(),
                new ResolveUsingJoin(names),
                new ResolveStar(conf),
                new ResolveReferences(names),
                new ResolveSubquery(names, this::resolve),
                new RewriteLateralJoin(registry),
                new SubstituteOrdinals(),
                new ResolveExtractValue(conf),
                new ResolveLambdaVariables(registry),
                new ResolveFunctions(registry),
                new ResolveInlineTableValues(),
                new TimeWindowing(),
                new SessionWindowing(),
                new ResolveGroupingAnalytics(),
                new GlobalAggregates(),
                new ResolveMissingReferences(names),
                new ResolveAggregateFunctions(names, registry, TypeCoercion.rules(conf)),
                new PullOuterAggregates(),
                new ExtractGenerator(),
                new ResolveAliases()));
        resolution.addAll(TypeCoercion.rules(conf));
        this.batches = List.of(new Batch<>("Resolution", 100, resolution));
    }

    @Override
    protected List<Batch<LogicalPlan>> batches() {
        return batches;
    }

    /** The plan after the resolution batches, not checked: how {@link ResolveSubquery} analyzes a subquery's plan. */
    private LogicalPlan resolve(LogicalPlan plan) {
        return super.execute(plan);
    }

    /** The resolved and checked plan; throws {@code AnalysisException} for a plan that does not analyze. */
    @Override
    public LogicalPlan execute(LogicalPlan plan) {
        LogicalPlan resolved = super.execute(plan);
        new CheckAnalysis(registry).check(resolved);
        return resolved;
    }
}
