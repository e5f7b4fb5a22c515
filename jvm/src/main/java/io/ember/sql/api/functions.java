package io.ember.sql.api;

import io.ember.sql.expressions.Expression;
import io.ember.sql.expressions.Literal;
import io.ember.sql.expressions.UnresolvedAttribute;
import io.ember.sql.expressions.UnresolvedFunction;
import io.ember.sql.expressions.UnresolvedStar;
import java.util.ArrayList;
import java.util.List;

/**
 * The column functions of the Java API, named as Spark's {@code org.apache.spark.sql.functions}.
 * Each is only a call by name ({@link UnresolvedFunction}); the session's function registry
 * builds it, so a function exists here exactly when the registry knows it.
 */
@SuppressWarnings("checkstyle:TypeName")
public final class functions {
    private functions() {}

    /** A column by name: {@code a}, {@code t.a}, {@code `a.b`} (backquotes keep a dot), or {@code *} / {@code t.*}. */
    public static Column col(String name) {
        List<String> parts = ColumnNames.parse(name);
        if (parts.get(parts.size() - 1).equals("*") && !name.endsWith("`")) {
            return new Column(new UnresolvedStar(parts.subList(0, parts.size() - 1)));
        }
        return new Column(new UnresolvedAttribute(parts, -1));
    }

    public static Column column(String name) {
        return col(name);
    }

    /** A constant; a {@link Column} is returned as it is. */
    /** A column from SQL expression text: {@code expr("upper(name) AS n")}. */
    public static Column expr(String sqlExpr) {
        return new Column(new io.ember.sql.parser.SparkSqlParser(1).parseExpression(sqlExpr));
    }

    public static Column lit(Object value) {
        if (value instanceof Column c) {
            return c;
        }
        return new Column(Literals.of(value));
    }

    /** A call of any registered function by name. */
    public static Column call_function(String name, Column... args) {
        return Column.call(name, (Object[]) args);
    }

    static Column fn(String name, Column... args) {
        List<Expression> exprs = new ArrayList<>();
        for (Column c : args) {
            exprs.add(c.expr());
        }
        return new Column(new UnresolvedFunction(name, exprs, false));
    }

    private static Column fn(String name, String column) {
        return fn(name, col(column));
    }

    public static Column count(Column c) { return fn("count", c); }
    public static Column count(String c) { return c.equals("*") ? fn("count", new Column(new UnresolvedStar(List.of()))) : fn("count", c); }
    public static Column countDistinct(Column c, Column... more) {
        List<Expression> exprs = new ArrayList<>();
        exprs.add(c.expr());
        for (Column m : more) {
            exprs.add(m.expr());
        }
        return new Column(new UnresolvedFunction("count", exprs, true));
    }
    public static Column countDistinct(String c, String... more) {
        Column[] cols = new Column[more.length];
        for (int i = 0; i < more.length; i++) {
            cols[i] = col(more[i]);
        }
        return countDistinct(col(c), cols);
    }
    public static Column sum(Column c) { return fn("sum", c); }
    public static Column sum(String c) { return fn("sum", c); }
    public static Column avg(Column c) { return fn("avg", c); }
    public static Column avg(String c) { return fn("avg", c); }
    public static Column mean(Column c) { return fn("mean", c); }
    public static Column mean(String c) { return fn("mean", c); }
    public static Column min(Column c) { return fn("min", c); }
    public static Column min(String c) { return fn("min", c); }
    public static Column max(Column c) { return fn("max", c); }
    public static Column max(String c) { return fn("max", c); }
    public static Column first(Column c) { return fn("first", c); }
    public static Column last(Column c) { return fn("last", c); }
    public static Column collect_list(Column c) { return fn("collect_list", c); }
    public static Column collect_set(Column c) { return fn("collect_set", c); }
    public static Column stddev(Column c) { return fn("stddev", c); }
    public static Column variance(Column c) { return fn("variance", c); }
    public static Column approx_count_distinct(Column c) { return fn("approx_count_distinct", c); }
    public static Column upper(Column c) { return fn("upper", c); }
    public static Column lower(Column c) { return fn("lower", c); }
    public static Column length(Column c) { return fn("length", c); }
    public static Column trim(Column c) { return fn("trim", c); }
    public static Column concat(Column... cs) { return fn("concat", cs); }
    public static Column substring(Column c, int pos, int len) { return Column.call("substring", c, pos, len); }
    public static Column abs(Column c) { return fn("abs", c); }
    public static Column sqrt(Column c) { return fn("sqrt", c); }
    public static Column round(Column c, int scale) { return Column.call("round", c, scale); }
    public static Column coalesce(Column... cs) { return fn("coalesce", cs); }
    public static Column isnull(Column c) { return fn("isnull", c); }
    public static Column not(Column c) { return fn("not", c); }
    public static Column negate(Column c) { return fn("negative", c); }
    public static Column explode(Column c) { return fn("explode", c); }
    /** {@code CASE WHEN condition THEN value}; chain more with {@link Column#when}, end with {@link Column#otherwise}. */
    public static Column when(Column condition, Object value) {
        List<Expression[]> branches = new ArrayList<>();
        branches.add(new Expression[] {condition.expr(), lit(value).expr()});
        return new Column(new io.ember.sql.expressions.CaseWhen(branches, null));
    }

    public static Column asc(String c) { return col(c).asc(); }
    public static Column desc(String c) { return col(c).desc(); }
}
