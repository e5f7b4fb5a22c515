package io.ember.sql.api;

import io.ember.sql.expressions.Alias;
import io.ember.sql.expressions.Expression;
import io.ember.sql.expressions.Literal;
import io.ember.sql.expressions.UnresolvedFunction;
import io.ember.sql.expressions.UnresolvedStar;
import io.ember.sql.plans.Aggregate;
import io.ember.sql.types.DataTypes;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * {@code df.groupBy(...)}: the grouping of a Dataset, waiting for its aggregates. The result
 * has the grouping columns first, then the aggregates, as Spark's
 * {@code spark.sql.retainGroupColumns} gives.
 */
public final class RelationalGroupedDataset {
    /** How the grouping columns group. */
    public enum GroupType { GROUP_BY }

    private final Dataset<Row> df;
    private final List<Expression> grouping;
    private final GroupType type;

    RelationalGroupedDataset(Dataset<Row> df, List<Expression> grouping, GroupType type) {
        this.df = df;
        this.grouping = List.copyOf(grouping);
        this.type = type;
    }

    public Dataset<Row> agg(Column expr, Column... exprs) {
        List<Expression> aggs = new ArrayList<>();
        aggs.add(expr.expr());
        aggs.addAll(Dataset.exprs(exprs));
        return aggregate(aggs);
    }

    public Dataset<Row> agg(List<Column> exprs) {
        return aggregate(Dataset.exprs(exprs.toArray(new Column[0])));
    }

    /** {@code agg(Map.of("v", "sum"))}: column name to function name. */
    public Dataset<Row> agg(Map<String, String> exprs) {
        List<Expression> aggs = new ArrayList<>();
        for (Map.Entry<String, String> e : exprs.entrySet()) {
            String fn = e.getValue().toLowerCase(java.util.Locale.ROOT);
            String name = fn.equals("mean") ? "avg" : fn;
            Expression arg = e.getKey().equals("*") && name.equals("count")
                    ? new UnresolvedStar(List.of()) : functions.col(e.getKey()).expr();
            aggs.add(new UnresolvedFunction(name, List.of(arg), false));
        }
        return aggregate(aggs);
    }

    public Dataset<Row> count() {
        Expression count = new UnresolvedFunction("count", List.of(new Literal(1, DataTypes.IntegerType)), false);
        return aggregate(List.of(new Alias(count, "count")));
    }

    public Dataset<Row> sum(String... cols) { return each("sum", cols); }
    public Dataset<Row> avg(String... cols) { return each("avg", cols); }
    public Dataset<Row> mean(String... cols) { return each("avg", cols); }
    public Dataset<Row> min(String... cols) { return each("min", cols); }
    public Dataset<Row> max(String... cols) { return each("max", cols); }

    private Dataset<Row> each(String fn, String... cols) {
        List<Expression> aggs = new ArrayList<>();
        for (String c : cols) {
            aggs.add(new UnresolvedFunction(fn, List.of(functions.col(c).expr()), false));
        }
        return aggregate(aggs);
    }

    private Dataset<Row> aggregate(List<Expression> aggs) {
        List<Expression> keys = new ArrayList<>();
        for (Expression g : grouping) {
            keys.add(g instanceof Alias a ? a.child() : g);
        }
        List<Expression> output = new ArrayList<>(grouping);
        output.addAll(aggs);
        return df.sparkSession().ofRows(new Aggregate(keys, output, df.logicalPlan()));
    }
}
