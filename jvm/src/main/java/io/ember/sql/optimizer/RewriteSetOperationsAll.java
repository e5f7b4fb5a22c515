package io.ember.sql.optimizer;

import io.ember.sql.expressions.Alias;
import io.ember.sql.expressions.AttributeReference;
import io.ember.sql.expressions.Expression;
import io.ember.sql.expressions.Literal;
import io.ember.sql.expressions.ReplicateRows;
import io.ember.sql.plans.Aggregate;
import io.ember.sql.plans.Generate;
import io.ember.sql.plans.LogicalPlan;
import io.ember.sql.plans.Project;
import io.ember.sql.plans.SetOperation;
import io.ember.sql.plans.Union;
import io.ember.sql.rules.Rule;
import io.ember.sql.types.DataTypes;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * {@code EXCEPT ALL} and {@code INTERSECT ALL} as Spark rewrites them (RewriteExceptAll,
 * RewriteIntersectAll): both sides tagged and unioned, grouped by every column, and each group's
 * row given back as many times as it survives. EXCEPT ALL tags left rows 1 and right rows -1 and
 * keeps {@code sum} copies; INTERSECT ALL counts each side's rows ({@code count} of a tag that
 * is null on the other side) and keeps the smaller count. The repeats come from a
 * {@link ReplicateRows} generate (none for a count of zero or less); the result keeps the left
 * side's column ids. Groups compare nulls as equal, as set operations need. Leaves a plan alone
 * when {@code sum}/{@code count} are not registered.
 */
final class RewriteSetOperationsAll implements Rule<LogicalPlan> {
    private final Predicates p;

    RewriteSetOperationsAll(Predicates p) {
        this.p = p;
    }

    @Override
    public LogicalPlan apply(LogicalPlan plan) {
        return plan.transformUp(node -> node instanceof SetOperation s && s.all() ? rewrite(s).orElse(node) : node);
    }

    private Optional<LogicalPlan> rewrite(SetOperation s) {
        boolean except = s.kind() == SetOperation.Kind.EXCEPT;
        List<AttributeReference> cols = s.left().output();
        LogicalPlan left = tagged(s.left(), except ? List.of(longLit(1)) : List.of(Predicates.TRUE, nullBool()));
        LogicalPlan right = tagged(s.right(), except ? List.of(longLit(-1)) : List.of(nullBool(), Predicates.TRUE));
        Union union = new Union(List.of(left, right));
        List<AttributeReference> tags = union.output().subList(cols.size(), union.output().size());
        List<Expression> aggs = new ArrayList<>(union.output().subList(0, cols.size()));
        List<AttributeReference> counts = new ArrayList<>();
        for (AttributeReference tag : tags) {
            Optional<Expression> f = p.build(except ? "sum" : "count", List.of(tag));
            if (f.isEmpty()) {
                return Optional.empty();
            }
            Alias a = new Alias(f.get(), except ? "sum" : "count");
            aggs.add(a);
            counts.add(a.toAttribute());
        }
        List<Expression> groupBy = new ArrayList<>(union.output().subList(0, cols.size()));
        Aggregate grouped = new Aggregate(groupBy, aggs, union);
        Generate replicated = new Generate(new ReplicateRows(counts), false, List.of(), grouped);
        return Optional.of(new Project(s.output(), replicated));
    }

    private static LogicalPlan tagged(LogicalPlan side, List<Literal> tags) {
        List<Expression> list = new ArrayList<>(side.output());
        for (int i = 0; i < tags.size(); i++) {
            list.add(new Alias(tags.get(i), "vcol" + (i + 1)));
        }
        return new Project(list, side);
    }

    private static Literal longLit(long v) {
        return new Literal(v, DataTypes.LongType);
    }

    private static Literal nullBool() {
        return new Literal(null, DataTypes.BooleanType);
    }
}
