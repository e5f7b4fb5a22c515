package io.ember.sql.api;

import io.ember.sql.analysis.UnresolvedExtractValue;
import io.ember.sql.expressions.Alias;
import io.ember.sql.expressions.CaseWhen;
import io.ember.sql.expressions.Cast;
import io.ember.sql.expressions.Expression;
import io.ember.sql.expressions.NamedExpression;
import io.ember.sql.expressions.SortOrder;
import io.ember.sql.expressions.UnresolvedFunction;
import io.ember.sql.types.DataType;
import io.ember.sql.types.DdlParser;
import io.ember.sql.expressions.subquery.InSubquery;
import io.ember.sql.expressions.subquery.Subqueries;
import java.util.ArrayList;
import java.util.List;

/**
 * A column expression of the Java API: wraps an unresolved expression tree. Operators are calls
 * by the names docs/sql.md registers them under ({@code +}, {@code ==}, {@code and}, ...), so
 * the session's function registry is the one place that knows what they compute.
 * Immutable; every method returns a new column.
 */
public class Column {
    private final Expression expr;

    public Column(Expression expr) {
        this.expr = expr;
    }

    /** A column by name: {@code new Column("a")} is {@code functions.col("a")}. */
    public Column(String name) {
        this(functions.col(name).expr());
    }

    public Expression expr() {
        return expr;
    }

    static Column call(String name, Object... args) {
        List<Expression> exprs = new ArrayList<>();
        for (Object a : args) {
            exprs.add(functions.lit(a).expr());
        }
        return new Column(new UnresolvedFunction(name, exprs, false));
    }

    public Column plus(Object other) { return call("+", this, other); }
    public Column minus(Object other) { return call("-", this, other); }
    public Column multiply(Object other) { return call("*", this, other); }
    public Column divide(Object other) { return call("/", this, other); }
    public Column mod(Object other) { return call("%", this, other); }
    public Column equalTo(Object other) { return call("==", this, other); }
    public Column notEqual(Object other) { return call("!=", this, other); }
    public Column gt(Object other) { return call(">", this, other); }
    public Column geq(Object other) { return call(">=", this, other); }
    public Column lt(Object other) { return call("<", this, other); }
    public Column leq(Object other) { return call("<=", this, other); }
    public Column eqNullSafe(Object other) { return call("<=>", this, other); }
    public Column and(Column other) { return call("and", this, other); }
    public Column or(Column other) { return call("or", this, other); }
    public Column unary_minus() { return call("negative", this); }
    public Column isNull() { return call("isnull", this); }
    public Column isNotNull() { return call("isnotnull", this); }
    public Column like(String pattern) { return call("like", this, pattern); }
    public Column rlike(String pattern) { return call("rlike", this, pattern); }
    public Column ilike(String pattern) { return call("ilike", this, pattern); }
    public Column between(Object lower, Object upper) { return call("between", this, lower, upper); }

    public Column isin(Object... values) {
        Object[] args = new Object[values.length + 1];
        args[0] = this;
        System.arraycopy(values, 0, args, 1, values.length);
        return call("in", args);
    }

    /** {@code this IN (subquery)}: the subquery's one column compared with this value, with SQL's null semantics. */
    public Column isin(Dataset<?> subquery) {
        return new Column(new InSubquery(List.of(expr), subquery.logicalPlan()));
    }

    /** This expression's columns as the outer query's, for use inside a subquery ({@code Dataset.scalar/exists}). */
    public Column outer() {
        return new Column(Subqueries.markOuter(expr));
    }

    /** {@code CAST(this AS type)}; an unaliased cast of a column keeps the column's name. */
    public Column cast(DataType type) {
        return new Column(new Cast(expr, type));
    }

    /** A cast to a type in DDL form: {@code "int"}, {@code "decimal(10,2)"}, {@code "array<string>"}. */
    public Column cast(String type) {
        return cast(DdlParser.parseType(type));
    }

    /** {@code col[key]}: a struct field by name, an array item by ordinal or a map value by key. */
    public Column apply(Object key) {
        return new Column(new UnresolvedExtractValue(expr, functions.lit(key).expr()));
    }

    public Column getItem(Object key) {
        return apply(key);
    }

    public Column getField(String name) {
        return apply(name);
    }

    /** This struct with field {@code fieldName} (dotted: nested) set to {@code value}, as Spark's {@code withField}. */
    public Column withField(String fieldName, Column value) {
        return new Column(io.ember.sql.expressions.UpdateFields.withField(expr, ColumnNames.parse(fieldName),
                value.expr(), false));
    }

    /** This struct without the named fields (dotted: nested), as Spark's {@code dropFields}. */
    public Column dropFields(String... fieldNames) {
        Expression e = expr;
        for (String name : fieldNames) {
            e = io.ember.sql.expressions.UpdateFields.dropField(e, ColumnNames.parse(name), false);
        }
        return new Column(e);
    }

    /** Adds a branch to a {@code when} chain: {@code when(c1, v1).when(c2, v2)}. */
    public Column when(Column condition, Object value) {
        if (!(expr instanceof CaseWhen c) || c.elseValue() != null) {
            throw new IllegalArgumentException("when() can only be applied on a Column previously generated by when()");
        }
        List<Expression[]> branches = new ArrayList<>(c.branches());
        branches.add(new Expression[] {condition.expr(), functions.lit(value).expr()});
        return new Column(new CaseWhen(branches, null));
    }

    /** The value of a {@code when} chain when no branch matches. */
    public Column otherwise(Object value) {
        if (!(expr instanceof CaseWhen c) || c.elseValue() != null) {
            throw new IllegalArgumentException("otherwise() can only be applied once on a Column previously generated by when()");
        }
        return new Column(new CaseWhen(c.branches(), functions.lit(value).expr()));
    }

    /** Names the column; a name given again replaces the old one. */
    public Column alias(String name) {
        Expression child = expr instanceof Alias a ? a.child() : expr;
        return new Column(new Alias(child, name));
    }

    public Column as(String name) {
        return alias(name);
    }

    public Column name(String name) {
        return alias(name);
    }

    public Column asc() { return new Column(SortOrder.asc(expr)); }
    public Column asc_nulls_first() { return new Column(new SortOrder(expr, true, true)); }
    public Column asc_nulls_last() { return new Column(new SortOrder(expr, true, false)); }
    public Column desc() { return new Column(SortOrder.desc(expr)); }
    public Column desc_nulls_first() { return new Column(new SortOrder(expr, false, true)); }
    public Column desc_nulls_last() { return new Column(new SortOrder(expr, false, false)); }

    /** The name the column would have in a select (its alias, or its SQL text). */
    public String toString() {
        return expr instanceof NamedExpression n ? n.name() : expr.sql();
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof Column c && c.expr.equals(expr);
    }

    @Override
    public int hashCode() {
        return expr.hashCode();
    }
}
