package io.ember.sql.parser;

import io.ember.sql.expressions.Alias;
import io.ember.sql.expressions.Expression;
import io.ember.sql.expressions.Literal;
import io.ember.sql.expressions.UnresolvedFunction;
import io.ember.sql.expressions.UnresolvedStar;
import io.ember.sql.expressions.subquery.LateralSubquery;
import io.ember.sql.plans.Filter;
import io.ember.sql.plans.Join;
import io.ember.sql.plans.JoinType;
import io.ember.sql.plans.LateralJoin;
import io.ember.sql.plans.LogicalPlan;
import io.ember.sql.plans.Project;
import io.ember.sql.plans.Range;
import io.ember.sql.plans.SubqueryAlias;
import io.ember.sql.plans.Union;
import io.ember.sql.plans.UnresolvedRelation;
import io.ember.sql.plans.UsingJoin;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

/**
 * Builds the FROM clause: tables and views by name ({@link UnresolvedRelation}, or a CTE in
 * scope), subqueries, {@code VALUES}, table-valued functions ({@code range(...)}, or a generator
 * such as {@code explode(...)}), joins of every kind (comma joins are inner joins without a
 * condition; USING and NATURAL joins are {@link UsingJoin}s), and LATERAL VIEW. One instance per
 * parse.
 */
final class RelationBuilder {
    private final Builders b;

    RelationBuilder(Builders b) {
        this.b = b;
    }

    LogicalPlan from(SqlParser.FromClauseContext ctx) {
        LogicalPlan plan = null;
        for (SqlParser.RelationContext r : ctx.relation()) {
            if (plan != null && r.relationPrimary() instanceof SqlParser.LateralTableFunctionContext f) {
                plan = lateralFunction(f, plan);
                for (SqlParser.JoinRelationContext j : r.joinRelation()) {
                    plan = join(plan, j);
                }
                continue;
            }
            if (plan != null && r.relationPrimary() instanceof SqlParser.LateralQueryContext q) {
                plan = lateralQuery(plan, q, JoinType.INNER, Optional.empty());
                for (SqlParser.JoinRelationContext j : r.joinRelation()) {
                    plan = join(plan, j);
                }
                continue;
            }
            LogicalPlan next = relation(r);
            plan = plan == null ? next : new Join(plan, next, JoinType.INNER, Optional.empty());
        }
        for (SqlParser.LateralViewContext lv : ctx.lateralView()) {
            plan = lateralView(lv, plan);
        }
        return plan;
    }

    private LogicalPlan relation(SqlParser.RelationContext ctx) {
        LogicalPlan plan = primary(ctx.relationPrimary());
        for (SqlParser.JoinRelationContext j : ctx.joinRelation()) {
            plan = join(plan, j);
        }
        return plan;
    }

    private LogicalPlan join(LogicalPlan left, SqlParser.JoinRelationContext ctx) {
        JoinType type = joinType(ctx.joinType());
        if (ctx.right instanceof SqlParser.LateralTableFunctionContext f) {
            return lateralJoin(left, ctx, type, f);
        }
        if (ctx.right instanceof SqlParser.LateralQueryContext q) {
            return lateralQueryJoin(left, ctx, type, q);
        }
        LogicalPlan right = primary(ctx.right);
        if (ctx.NATURAL() != null) {
            return new UsingJoin(left, right, type, List.of(), true);
        }
        SqlParser.JoinCriteriaContext criteria = ctx.joinCriteria();
        if (criteria == null) {
            return new Join(left, right, type, Optional.empty());
        }
        if (criteria.USING() != null) {
            return new UsingJoin(left, right, type, Names.list(criteria.identifierList()), false);
        }
        return new Join(left, right, type, Optional.of(b.expressions().visit(criteria.booleanExpression())));
    }

    private static JoinType joinType(SqlParser.JoinTypeContext ctx) {
        if (ctx.CROSS() != null) {
            return JoinType.CROSS;
        }
        if (ctx.SEMI() != null) {
            return JoinType.LEFT_SEMI;
        }
        if (ctx.ANTI() != null) {
            return JoinType.LEFT_ANTI;
        }
        if (ctx.LEFT() != null) {
            return JoinType.LEFT_OUTER;
        }
        if (ctx.RIGHT() != null) {
            return JoinType.RIGHT_OUTER;
        }
        return ctx.FULL() != null ? JoinType.FULL_OUTER : JoinType.INNER;
    }

    private LogicalPlan primary(SqlParser.RelationPrimaryContext ctx) {
        if (ctx instanceof SqlParser.TableNameContext t) {
            List<String> parts = Names.parts(t.multipartIdentifier());
            return alias(table(parts), t.tableAlias());
        }
        if (ctx instanceof SqlParser.AliasedQueryContext q) {
            return alias(b.queries().query(q.query()), q.tableAlias());
        }
        if (ctx instanceof SqlParser.AliasedRelationContext r) {
            return alias(relation(r.relation()), r.tableAlias());
        }
        if (ctx instanceof SqlParser.InlineTableRelationContext i) {
            return inlineTable(i.inlineTable());
        }
        if (ctx instanceof SqlParser.LateralTableFunctionContext f) {
            return lateralFunction(f, OneRow.relation()); // first in FROM: nothing to the left to correlate with
        }
        if (ctx instanceof SqlParser.LateralQueryContext q) {
            return lateralQuery(OneRow.relation(), q, JoinType.INNER, Optional.empty());
        }
        return tableFunction((SqlParser.TableValuedFunctionContext) ctx);
    }

    /**
     * {@code left, LATERAL f(args) [AS] t(c1, ...)}: a table function (a generator, Python UDTFs
     * included) called once per row of {@code left}, its arguments reading {@code left}'s columns;
     * the same plan as {@code LATERAL VIEW f(args) t AS c1, ...}.
     */
    private LogicalPlan lateralFunction(SqlParser.LateralTableFunctionContext ctx, LogicalPlan left) {
        String name = String.join(".", Names.parts(ctx.functionName().qualifiedName()));
        Expression gen = new io.ember.sql.expressions.UnresolvedTableFunction(
                new UnresolvedFunction(name, b.expressions().expressions(ctx.expression()), false));
        SqlParser.TableAliasContext alias = ctx.tableAlias();
        List<String> qualifier = alias == null || alias.strictIdentifier() == null ? List.of()
                : List.of(Names.of(alias.strictIdentifier()));
        List<String> names = alias == null || alias.identifierList() == null ? List.of() : Names.list(alias.identifierList());
        Expression entry = new io.ember.sql.expressions.MultiAlias(gen, names, qualifier);
        return new Project(List.of(new UnresolvedStar(List.of()), entry), left);
    }

    /** {@code left [INNER | CROSS] JOIN LATERAL f(args) [ON cond]}: the lateral call, then the condition as a filter. */
    private LogicalPlan lateralJoin(LogicalPlan left, SqlParser.JoinRelationContext ctx, JoinType type,
            SqlParser.LateralTableFunctionContext f) {
        SqlParser.JoinCriteriaContext criteria = ctx.joinCriteria();
        if (ctx.NATURAL() != null || (type != JoinType.INNER && type != JoinType.CROSS)
                || (criteria != null && criteria.USING() != null)) {
            throw ParseErrors.unsupported(b.sql(), ctx, "LATERAL table functions in joins other than [INNER | CROSS] "
                    + "JOIN ... [ON condition].");
        }
        LogicalPlan plan = lateralFunction(f, left);
        return criteria == null ? plan : new Filter(b.expressions().visit(criteria.booleanExpression()), plan);
    }

    /**
     * {@code left, LATERAL (query) [AS] s(c1, ...)}: a subquery that may read {@code left}'s
     * columns, as {@code left.lateralJoin(query)}; the analyzer decorrelates it into a join.
     */
    private LogicalPlan lateralQuery(LogicalPlan left, SqlParser.LateralQueryContext ctx, JoinType type,
            Optional<Expression> condition) {
        LogicalPlan right = alias(b.queries().query(ctx.query()), ctx.tableAlias());
        return new LateralJoin(left, new LateralSubquery(right), type, condition);
    }

    /** {@code left [INNER | CROSS | LEFT [OUTER]] JOIN LATERAL (query) [ON cond]}, as Spark allows; other joins are Spark's error. */
    private LogicalPlan lateralQueryJoin(LogicalPlan left, SqlParser.JoinRelationContext ctx, JoinType type,
            SqlParser.LateralQueryContext q) {
        SqlParser.JoinCriteriaContext criteria = ctx.joinCriteria();
        if (ctx.NATURAL() != null) {
            throw ParseErrors.at(b.sql(), ctx, "INCOMPATIBLE_JOIN_TYPES", "The join types LATERAL and NATURAL are "
                    + "incompatible", "42613", java.util.Map.of("joinType1", "LATERAL", "joinType2", "NATURAL"));
        }
        if (criteria != null && criteria.USING() != null) {
            throw ParseErrors.at(b.sql(), ctx, "UNSUPPORTED_FEATURE.LATERAL_JOIN_USING", "The feature is not supported: "
                    + "JOIN USING with LATERAL correlation", "0A000", java.util.Map.of());
        }
        if (type != JoinType.INNER && type != JoinType.CROSS && type != JoinType.LEFT_OUTER) {
            String name = switch (type) {
                case RIGHT_OUTER -> "RIGHT OUTER";
                case FULL_OUTER -> "FULL OUTER";
                case LEFT_SEMI -> "LEFT SEMI";
                default -> "LEFT ANTI";
            };
            throw ParseErrors.at(b.sql(), ctx, "INVALID_LATERAL_JOIN_TYPE", "The " + name + " JOIN with LATERAL "
                    + "correlation is not allowed because an OUTER subquery cannot correlate to its join partner. Remove "
                    + "the LATERAL correlation or use an INNER JOIN, or LEFT OUTER JOIN instead", "42613",
                    java.util.Map.of("joinType", name));
        }
        Optional<Expression> condition = criteria == null ? Optional.empty()
                : Optional.of(b.expressions().visit(criteria.booleanExpression()));
        return lateralQuery(left, q, type, condition);
    }

    /** A table or view by name, or the CTE of that name when one is in scope. */
    LogicalPlan table(List<String> parts) {
        if (parts.size() == 1) {
            Optional<LogicalPlan> cte = b.scope().cte(parts.get(0));
            if (cte.isPresent()) {
                return new SubqueryAlias(parts.get(0), cte.get());
            }
        }
        return new UnresolvedRelation(parts);
    }

    private LogicalPlan alias(LogicalPlan plan, SqlParser.TableAliasContext ctx) {
        if (ctx == null || ctx.strictIdentifier() == null) {
            return plan;
        }
        LogicalPlan inner = plan instanceof SubqueryAlias s ? s.child() : plan;
        return QueryBuilder.aliased(inner, Names.of(ctx.strictIdentifier()), Names.list(ctx.identifierList()));
    }

    /** {@code VALUES (1, 'a'), (2, 'b')}: columns {@code col1, col2, ...}, one select per row, unioned. */
    LogicalPlan inlineTable(SqlParser.InlineTableContext ctx) {
        List<LogicalPlan> rows = new ArrayList<>();
        int width = -1;
        for (SqlParser.ExpressionContext row : ctx.expression()) {
            Expression e = b.expressions().expression(row);
            List<Expression> values = e instanceof UnresolvedFunction f && f.name().equals("struct")
                    && row.getText().startsWith("(") ? f.children() : List.of(e);
            if (width >= 0 && values.size() != width) {
                throw ParseErrors.at(b.sql(), row, "INVALID_INLINE_TABLE.NUM_COLUMNS_MISMATCH", "Invalid inline table. "
                        + "Inline table expected " + width + " columns but found " + values.size() + " columns in row "
                        + rows.size() + ".", "42000", java.util.Map.of("expectedNumCols", String.valueOf(width),
                        "actualNumCols", String.valueOf(values.size()), "rowIndex", String.valueOf(rows.size())));
            }
            width = values.size();
            List<Expression> list = new ArrayList<>();
            for (int i = 0; i < values.size(); i++) {
                Expression v = values.get(i) instanceof Alias a ? a.child() : values.get(i);
                list.add(new Alias(new io.ember.sql.expressions.InlineTableValue(v, v.sql()), "col" + (i + 1)));
            }
            rows.add(new Project(list, OneRow.relation()));
        }
        LogicalPlan plan = rows.size() == 1 ? rows.get(0) : new Union(rows);
        return alias(plan, ctx.tableAlias());
    }

    /** {@code range(end)}, {@code range(start, end[, step[, partitions]])}, or a generator over one row. */
    private LogicalPlan tableFunction(SqlParser.TableValuedFunctionContext ctx) {
        String name = String.join(".", Names.parts(ctx.functionName().qualifiedName()));
        List<Expression> args = b.expressions().expressions(ctx.expression());
        LogicalPlan plan;
        if (name.toLowerCase(Locale.ROOT).equals("range")) {
            long[] a = new long[args.size()];
            for (int i = 0; i < a.length; i++) {
                if (!(args.get(i) instanceof Literal l) || !(l.value() instanceof Number n)) {
                    throw ParseErrors.unsupported(b.sql(), ctx, "range() with arguments that are not integer constants.");
                }
                a[i] = n.longValue();
            }
            plan = switch (a.length) {
                case 1 -> new Range(0, a[0], 1, b.defaultParallelism());
                case 2 -> new Range(a[0], a[1], 1, b.defaultParallelism());
                case 3 -> new Range(a[0], a[1], a[2], b.defaultParallelism());
                case 4 -> new Range(a[0], a[1], a[2], (int) a[3]);
                default -> throw ParseErrors.at(b.sql(), ctx, "WRONG_NUM_ARGS.WITHOUT_SUGGESTION", "The `range` requires [1, 2, 3, 4] "
                        + "parameters but the actual number is " + a.length + ".", "42605",
                        java.util.Map.of("functionName", "`range`", "expectedNum", "[1, 2, 3, 4]",
                                "actualNum", String.valueOf(a.length)));
            };
        } else {
            plan = new Project(List.of(new io.ember.sql.expressions.UnresolvedTableFunction(
                    new UnresolvedFunction(name, args, false))), OneRow.relation());
        }
        return alias(plan, ctx.tableAlias());
    }

    /**
     * {@code LATERAL VIEW [OUTER] f(args) t [AS c1, c2]}: the rows of {@code plan} joined with what
     * {@code f} generates from each, the generated columns named {@code c1, c2} (or as {@code f}
     * names them) and qualified by {@code t}.
     */
    LogicalPlan lateralView(SqlParser.LateralViewContext ctx, LogicalPlan plan) {
        String name = String.join(".", Names.parts(ctx.function));
        if (ctx.OUTER() != null) {
            name = name + "_outer";
        }
        Expression gen = new UnresolvedFunction(name, b.expressions().expressions(ctx.expression()), false);
        List<String> names = new ArrayList<>();
        ctx.colName.forEach(c -> names.add(Names.of(c)));
        Expression entry = new io.ember.sql.expressions.MultiAlias(gen, names, List.of(Names.of(ctx.tblName)));
        return new Project(List.of(new UnresolvedStar(List.of()), entry), plan);
    }
}
