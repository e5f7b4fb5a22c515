package io.ember.sql.analysis;

import io.ember.sql.expressions.Alias;
import io.ember.sql.expressions.AttributeReference;
import io.ember.sql.expressions.Expression;
import io.ember.sql.expressions.UnresolvedAttribute;
import io.ember.sql.plans.LogicalPlan;
import io.ember.sql.rules.Rule;
import java.util.List;

/**
 * Replaces each column name ({@link UnresolvedAttribute}) with the input column it names, in
 * every node whose children are resolved. Names that match nothing stay unresolved, for
 * {@link ResolveMissingReferences} or, failing that, {@link CheckAnalysis} to report.
 */
final class ResolveReferences implements Rule<LogicalPlan> {
    private final NameResolver names;

    ResolveReferences(NameResolver names) {
        this.names = names;
    }

    @Override
    public LogicalPlan apply(LogicalPlan plan) {
        return plan.transformUp(n -> {
            LogicalPlan node = DeduplicateRelations.dedupe(n);
            if (!node.childrenResolved() || node.resolved()) {
                return node;
            }
            List<AttributeReference> input = node.inputSet();
            return node.mapExpressions(e -> e instanceof UnresolvedAttribute u ? resolveTop(u, input) : resolveAgainst(e, input));
        });
    }

    /** A whole select entry: a nested field ({@code s.f}) is named after the field, as in Spark. */
    private Expression resolveTop(UnresolvedAttribute u, List<AttributeReference> input) {
        Expression r = resolveAgainst(u, input);
        if (r == u || r instanceof AttributeReference) {
            return r;
        }
        return new Alias(r, u.nameParts().get(u.nameParts().size() - 1));
    }

    Expression resolveAgainst(Expression e, List<AttributeReference> input) {
        return e.transformUp(x -> x instanceof UnresolvedAttribute u
                ? names.resolve(u.nameParts(), input).orElse(x)
                : x);
    }
}
