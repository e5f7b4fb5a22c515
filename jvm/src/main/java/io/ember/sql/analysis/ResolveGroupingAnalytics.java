package io.ember.sql.analysis;

import io.ember.sql.AnalysisException;
import io.ember.sql.expressions.AggregateFunction;
import io.ember.sql.expressions.Alias;
import io.ember.sql.expressions.AttributeReference;
import io.ember.sql.expressions.Expression;
import io.ember.sql.expressions.Grouping;
import io.ember.sql.expressions.GroupingBit;
import io.ember.sql.expressions.GroupingID;
import io.ember.sql.expressions.Literal;
import io.ember.sql.expressions.NamedExpression;
import io.ember.sql.plans.Aggregate;
import io.ember.sql.plans.Expand;
import io.ember.sql.plans.GroupingSetsAggregate;
import io.ember.sql.plans.LogicalPlan;
import io.ember.sql.rules.Rule;
import io.ember.sql.types.DataTypes;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * A resolved {@link GroupingSetsAggregate} becomes an {@link Aggregate} over an {@link Expand},
 * as Spark's ResolveGroupingAnalytics: the expand emits each input row once per grouping set,
 * with the input columns the aggregates read, one new nullable column per grouping expression
 * (null where the set leaves it out) and {@code spark_grouping_id} (bit {@code n-1-i} set when the
 * set leaves grouping column i out); the aggregate groups by the new columns and the id. In the
 * aggregate list, grouping expressions outside aggregate functions read the new columns,
 * {@code grouping(c)} a bit of the id and {@code grouping_id()} the id. When a set appears more
 * than once, the expand also emits the set's position ({@code _gen_grouping_pos}) and the
 * aggregate groups by it, so each copy is its own group, as in Spark. Unnamed entries are
 * named first, so names are the calls' ({@code grouping(k)}, {@code grouping_id()}).
 * {@code grouping}/{@code grouping_id} anywhere else fail with {@code UNSUPPORTED_GROUPING_EXPRESSION}.
 */
final class ResolveGroupingAnalytics implements Rule<LogicalPlan> {
    static final String GROUPING_ID_NAME = "spark_grouping_id";
    static final String GROUPING_POS_NAME = "_gen_grouping_pos";

    @Override
    public LogicalPlan apply(LogicalPlan plan) {
        return plan.transformUp(node -> {
            if (node instanceof GroupingSetsAggregate g) {
                return g.expressionsResolved() ? rewrite(g) : g;
            }
            if (node.childrenResolved()) {
                refuseGroupingCalls(node);
            }
            return node;
        });
    }

    private static void refuseGroupingCalls(LogicalPlan node) {
        for (Expression e : node.expressions()) {
            if (e.exists(x -> x instanceof Grouping || x instanceof GroupingID)) {
                throw new AnalysisException("UNSUPPORTED_GROUPING_EXPRESSION",
                        "grouping()/grouping_id() can only be used with GroupingSets/Cube/Rollup.", Map.of());
            }
        }
    }

    private static LogicalPlan rewrite(GroupingSetsAggregate g) {
        List<Expression> keys = new ArrayList<>();
        List<String> names = new ArrayList<>();
        for (Expression e : g.groupBy().isEmpty() ? allSetExpressions(g) : g.groupBy()) {
            if (indexOf(keys, strip(e)) < 0) {
                keys.add(strip(e));
                names.add(e instanceof NamedExpression n ? n.name() : AutoAlias.nameOf(e));
            }
        }
        int n = keys.size();
        if (n > 63) {
            throw new AnalysisException("GROUPING_SIZE_LIMIT_EXCEEDED",
                    "Grouping sets size cannot be greater than 63.", Map.of("maxSize", "63"));
        }
        List<AttributeReference> keyAttrs = new ArrayList<>();
        for (int i = 0; i < n; i++) {
            keyAttrs.add(new AttributeReference(names.get(i), keys.get(i).dataType(), true));
        }
        AttributeReference gid = new AttributeReference(GROUPING_ID_NAME, DataTypes.LongType, false);

        List<Expression> named = new ArrayList<>();
        for (Expression e : g.aggregates()) {
            named.add(e instanceof NamedExpression ? e : new Alias(e, AutoAlias.nameOf(e)));
        }
        List<Expression> aggs = new ArrayList<>();
        for (Expression e : named) {
            aggs.add(replace(e, keys, keyAttrs, gid));
        }
        List<AttributeReference> passThrough = passThrough(aggs, g.child().output());

        List<List<Expression>> projections = new ArrayList<>();
        Set<Long> ids = new java.util.HashSet<>();
        boolean duplicates = false;
        for (List<Expression> set : g.sets()) {
            boolean[] in = new boolean[n];
            for (Expression e : set) {
                int i = indexOf(keys, strip(e));
                if (i < 0) {
                    throw new AnalysisException("MISSING_GROUP_BY", "The grouping set expression " + e.sql()
                            + " is not among the grouping columns " + keys.stream().map(Expression::sql).toList() + ".",
                            Map.of("expression", e.sql()));
                }
                in[i] = true;
            }
            long id = 0;
            List<Expression> p = new ArrayList<>(passThrough);
            for (int i = 0; i < n; i++) {
                p.add(in[i] ? keys.get(i) : new Literal(null, keys.get(i).dataType()));
                id |= in[i] ? 0 : 1L << (n - 1 - i);
            }
            p.add(new Literal(id, DataTypes.LongType));
            duplicates |= !ids.add(id);
            projections.add(p);
        }
        AttributeReference pos = new AttributeReference(GROUPING_POS_NAME, DataTypes.IntegerType, false);
        if (duplicates) {
            for (int i = 0; i < projections.size(); i++) {
                projections.get(i).add(new Literal(i, DataTypes.IntegerType));
            }
        }
        List<AttributeReference> expandOutput = new ArrayList<>(passThrough);
        expandOutput.addAll(keyAttrs);
        expandOutput.add(gid);
        List<Expression> groupingKeys = new ArrayList<>(keyAttrs);
        groupingKeys.add(gid);
        if (duplicates) {
            expandOutput.add(pos);
            groupingKeys.add(pos);
        }
        return new Aggregate(groupingKeys, aggs, new Expand(projections, expandOutput, g.child()));
    }

    private static List<Expression> allSetExpressions(GroupingSetsAggregate g) {
        List<Expression> all = new ArrayList<>();
        g.sets().forEach(all::addAll);
        return all;
    }

    /** The input columns the rewritten aggregate list still reads (inside aggregate functions), in input order. */
    private static List<AttributeReference> passThrough(List<Expression> aggs, List<AttributeReference> input) {
        Set<io.ember.sql.expressions.ExprId> used = new java.util.HashSet<>();
        for (Expression e : aggs) {
            e.references().forEach(r -> used.add(r.exprId()));
        }
        Set<AttributeReference> out = new LinkedHashSet<>();
        for (AttributeReference a : input) {
            if (used.contains(a.exprId())) {
                out.add(a);
            }
        }
        return new ArrayList<>(out);
    }

    private static Expression replace(Expression e, List<Expression> keys, List<AttributeReference> keyAttrs,
                                      AttributeReference gid) {
        if (e instanceof AggregateFunction) {
            return e;
        }
        if (e instanceof Grouping gr) {
            int i = indexOf(keys, gr.child());
            if (i < 0) {
                throw new AnalysisException("GROUPING_COLUMN_MISMATCH", "Column of grouping (" + gr.child().sql()
                        + ") can't be found in grouping columns " + sqlList(keys) + ".",
                        Map.of("grouping", gr.child().sql(), "groupingColumns", sqlList(keys)));
            }
            return new GroupingBit(gid, keys.size() - 1 - i, gr.sql());
        }
        if (e instanceof GroupingID gi) {
            if (!gi.children().isEmpty() && !sameList(gi.children(), keys)) {
                throw new AnalysisException("GROUPING_ID_COLUMN_MISMATCH", "Columns of grouping_id ("
                        + sqlList(gi.children()) + ") does not match grouping columns (" + sqlList(keys) + ").",
                        Map.of("groupingIdColumn", sqlList(gi.children()), "groupByColumns", sqlList(keys)));
            }
            return gid;
        }
        int i = e instanceof Alias ? -1 : indexOf(keys, e);
        if (i >= 0) {
            return keyAttrs.get(i);
        }
        return e.mapChildren(c -> replace(c, keys, keyAttrs, gid));
    }

    private static boolean sameList(List<Expression> a, List<Expression> b) {
        if (a.size() != b.size()) {
            return false;
        }
        for (int i = 0; i < a.size(); i++) {
            if (!Canonical.semanticEquals(strip(a.get(i)), b.get(i))) {
                return false;
            }
        }
        return true;
    }

    private static String sqlList(List<Expression> es) {
        return String.join(",", es.stream().map(Expression::sql).toList());
    }

    private static Expression strip(Expression e) {
        return e instanceof Alias a ? a.child() : e;
    }

    private static int indexOf(List<Expression> keys, Expression e) {
        for (int i = 0; i < keys.size(); i++) {
            if (Canonical.semanticEquals(keys.get(i), e)) {
                return i;
            }
        }
        return -1;
    }
}
