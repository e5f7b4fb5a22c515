package io.ember.sql.parser;

import io.ember.sql.expressions.Expression;
import io.ember.sql.expressions.Literal;
import io.ember.sql.expressions.SortOrder;
import io.ember.sql.expressions.UnresolvedOrdinal;
import io.ember.sql.plans.Aggregate;
import io.ember.sql.plans.Distinct;
import io.ember.sql.plans.Filter;
import io.ember.sql.plans.GroupingSetsAggregate;
import io.ember.sql.plans.Limit;
import io.ember.sql.plans.LogicalPlan;
import io.ember.sql.plans.Offset;
import io.ember.sql.plans.Project;
import io.ember.sql.plans.SetOperation;
import io.ember.sql.plans.Sort;
import io.ember.sql.plans.SubqueryAlias;
import io.ember.sql.plans.Union;
import io.ember.sql.plans.UnresolvedSubqueryColumnAliases;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * Builds queries: {@code WITH} (CTEs substituted where they are named), set operations,
 * {@code SELECT ... FROM ... WHERE ... GROUP BY ... HAVING ... WINDOW}, then {@code ORDER BY},
 * {@code SORT BY}, {@code LIMIT} and {@code OFFSET}, into Project, Filter, Aggregate, Sort,
 * Limit, Offset, Union and SetOperation nodes as the DataFrame API builds them. A bare integer
 * in {@code ORDER BY} or {@code GROUP BY} is an ordinal. One instance per parse.
 */
final class QueryBuilder {
    private final Builders b;

    QueryBuilder(Builders b) {
        this.b = b;
    }

    LogicalPlan query(SqlParser.QueryContext ctx) {
        if (ctx.ctes() == null) {
            return organize(ctx.queryOrganization(), term(ctx.queryTerm()));
        }
        b.scope().pushCtes();
        try {
            for (SqlParser.NamedQueryContext nq : ctx.ctes().namedQuery()) {
                LogicalPlan plan = query(nq.query());
                if (nq.identifierList() != null) {
                    plan = new UnresolvedSubqueryColumnAliases(Names.list(nq.identifierList()), plan);
                }
                b.scope().defineCte(Names.of(nq.name), plan);
            }
            return organize(ctx.queryOrganization(), term(ctx.queryTerm()));
        } finally {
            b.scope().popCtes();
        }
    }

    private LogicalPlan term(SqlParser.QueryTermContext ctx) {
        if (ctx instanceof SqlParser.QueryTermDefaultContext d) {
            return primary(d.queryPrimary());
        }
        SqlParser.SetOperationContext op = (SqlParser.SetOperationContext) ctx;
        LogicalPlan left = term(op.left);
        LogicalPlan right = term(op.right);
        boolean all = op.setQuantifier() != null && op.setQuantifier().ALL() != null;
        return switch (op.operator.getType()) {
            case SqlLexer.UNION -> all ? new Union(List.of(left, right)) : new Distinct(new Union(List.of(left, right)));
            case SqlLexer.INTERSECT -> new SetOperation(SetOperation.Kind.INTERSECT, all, left, right);
            default -> new SetOperation(SetOperation.Kind.EXCEPT, all, left, right);
        };
    }

    private LogicalPlan primary(SqlParser.QueryPrimaryContext ctx) {
        if (ctx instanceof SqlParser.QueryPrimaryDefaultContext d) {
            return specification(d.querySpecification());
        }
        if (ctx instanceof SqlParser.TableContext t) {
            return b.relations().table(Names.parts(t.multipartIdentifier()));
        }
        if (ctx instanceof SqlParser.InlineTableDefaultContext i) {
            return b.relations().inlineTable(i.inlineTable());
        }
        return query(((SqlParser.SubqueryContext) ctx).query());
    }

    private LogicalPlan organize(SqlParser.QueryOrganizationContext ctx, LogicalPlan plan) {
        LogicalPlan out = plan;
        if (!ctx.order.isEmpty()) {
            out = new Sort(sortOrders(ctx.order, true), true, out);
        }
        if (!ctx.sort.isEmpty()) {
            out = new Sort(sortOrders(ctx.sort, true), false, out);
        }
        if (ctx.offset != null) {
            out = new Offset(constantInt(ctx.offset, "OFFSET"), out);
        }
        if (ctx.limit != null) {
            out = new Limit(constantInt(ctx.limit, "LIMIT"), out);
        }
        return out;
    }

    private int constantInt(SqlParser.ExpressionContext ctx, String clause) {
        Expression e = b.expressions().expression(ctx);
        if (e instanceof Literal l && l.value() instanceof Integer i && i >= 0) {
            return i;
        }
        String name = clause.equals("LIMIT") ? "INVALID_LIMIT_LIKE_EXPRESSION.IS_NEGATIVE" : "INVALID_LIMIT_LIKE_EXPRESSION.IS_NEGATIVE";
        if (!(e instanceof Literal l2) || !(l2.value() instanceof Integer)) {
            throw ParseErrors.at(b.sql(), ctx, "INVALID_LIMIT_LIKE_EXPRESSION.IS_UNFOLDABLE", "The limit like expression \""
                    + ctx.getText() + "\" is invalid. The " + clause.toLowerCase(Locale.ROOT)
                    + " expression must evaluate to a constant value.", "42K0E", Map.of("name", clause.toLowerCase(Locale.ROOT)));
        }
        throw ParseErrors.at(b.sql(), ctx, name, "The limit like expression \"" + ctx.getText() + "\" is invalid. The "
                + clause.toLowerCase(Locale.ROOT) + " expression must be equal to or greater than 0, but got " + l2.value()
                + ".", "42K0E", Map.of("name", clause.toLowerCase(Locale.ROOT)));
    }

    private List<SortOrder> sortOrders(List<SqlParser.SortItemContext> items, boolean ordinals) {
        List<SortOrder> out = new ArrayList<>();
        for (SqlParser.SortItemContext s : items) {
            out.add(sortOrder(s, ordinals));
        }
        return out;
    }

    SortOrder sortOrder(SqlParser.SortItemContext s) {
        return sortOrder(s, false);
    }

    private SortOrder sortOrder(SqlParser.SortItemContext s, boolean ordinals) {
        Expression key = ordinals ? ordinalOrExpression(s.expression()) : b.expressions().expression(s.expression());
        boolean asc = s.ordering == null || s.ordering.getType() == SqlLexer.ASC;
        boolean nullsFirst = s.nullOrder == null ? asc : s.nullOrder.getType() == SqlLexer.FIRST;
        return new SortOrder(key, asc, nullsFirst);
    }

    /** A bare integer literal is a position in the select list; anything else an expression. */
    private Expression ordinalOrExpression(SqlParser.ExpressionContext ctx) {
        Expression e = b.expressions().expression(ctx);
        if (e instanceof Literal l && l.value() instanceof Integer i && ctx.getText().matches("[0-9]+")) {
            return new UnresolvedOrdinal(i);
        }
        return e;
    }

    LogicalPlan specification(SqlParser.QuerySpecificationContext ctx) {
        Map<String, SqlParser.WindowSpecContext> windows = new HashMap<>();
        if (ctx.windowClause() != null) {
            for (SqlParser.NamedWindowContext w : ctx.windowClause().namedWindow()) {
                windows.put(Names.of(w.name).toLowerCase(Locale.ROOT), w.windowSpec());
            }
        }
        b.scope().pushWindows(windows);
        try {
            return select(ctx);
        } finally {
            b.scope().popWindows();
        }
    }

    private LogicalPlan select(SqlParser.QuerySpecificationContext ctx) {
        LogicalPlan plan = ctx.fromClause() == null ? OneRow.relation() : b.relations().from(ctx.fromClause());
        for (SqlParser.LateralViewContext lv : ctx.lateralView()) {
            plan = b.relations().lateralView(lv, plan);
        }
        if (ctx.whereClause() != null) {
            plan = new Filter(b.expressions().visit(ctx.whereClause().booleanExpression()), plan);
        }
        SqlParser.SelectClauseContext select = ctx.selectClause();
        List<Expression> list = new ArrayList<>();
        select.namedExpressionSeq().namedExpression().forEach(n -> list.add(b.expressions().named(n)));
        SqlParser.AggregationClauseContext agg = ctx.aggregationClause();
        if (agg != null) {
            plan = aggregate(agg, list, plan);
        } else if (ctx.havingClause() != null) {
            plan = new Aggregate(List.of(), list, plan);
        } else {
            plan = new Project(list, plan);
        }
        if (ctx.havingClause() != null) {
            plan = new Filter(b.expressions().visit(ctx.havingClause().booleanExpression()), plan);
        }
        if (select.setQuantifier() != null && select.setQuantifier().DISTINCT() != null) {
            plan = new Distinct(plan);
        }
        return plan;
    }

    /**
     * GROUP BY: plain keys (ordinals allowed), {@code ... WITH ROLLUP|CUBE},
     * {@code ... GROUPING SETS (...)}, or a list mixing keys with {@code ROLLUP(...)},
     * {@code CUBE(...)} and {@code GROUPING SETS(...)} items (composite columns allowed), the
     * last three as a {@link GroupingSetsAggregate} whose sets {@link GroupByItems} combines.
     */
    private LogicalPlan aggregate(SqlParser.AggregationClauseContext agg, List<Expression> select, LogicalPlan child) {
        if (agg.GROUPING() != null) {
            List<Expression> keys = b.expressions().expressions(agg.expression());
            return GroupingSetsAggregate.of(sets(agg.groupingSet()), keys, select, child);
        }
        GroupByItems items = new GroupByItems();
        for (SqlParser.GroupByItemContext item : agg.groupByItem()) {
            if (item.expression() != null) {
                items.addKey(ordinalOrExpression(item.expression()));
            } else if (item.GROUPING() != null) {
                items.addGroupingSets(sets(item.groupingSet()));
            } else if (item.kind.getType() == SqlLexer.ROLLUP) {
                items.addRollup(sets(item.groupingSet()));
            } else {
                items.addCube(sets(item.groupingSet()));
            }
        }
        if (agg.kind != null) {
            if (items.hasAnalytics()) {
                throw ParseErrors.unsupported(b.sql(), agg, "WITH ROLLUP or WITH CUBE after ROLLUP, CUBE or GROUPING SETS.");
            }
            return agg.kind.getType() == SqlLexer.ROLLUP ? GroupingSetsAggregate.rollup(items.plainKeys(), select, child)
                    : GroupingSetsAggregate.cube(items.plainKeys(), select, child);
        }
        if (!items.hasAnalytics()) {
            return new Aggregate(items.plainKeys(), select, child);
        }
        return GroupingSetsAggregate.of(items.sets(), items.groupBy(), select, child);
    }

    private List<List<Expression>> sets(List<SqlParser.GroupingSetContext> ctxs) {
        List<List<Expression>> out = new ArrayList<>();
        for (SqlParser.GroupingSetContext g : ctxs) {
            out.add(b.expressions().expressions(g.expression()));
        }
        return out;
    }

    /** A relation under {@code alias}, its columns renamed when names are given. */
    static LogicalPlan aliased(LogicalPlan plan, String alias, List<String> columns) {
        LogicalPlan out = columns.isEmpty() ? plan : new UnresolvedSubqueryColumnAliases(columns, plan);
        return alias == null ? out : new SubqueryAlias(alias, out);
    }
}
