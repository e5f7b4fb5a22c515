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
    public enum GroupType { GROUP_BY, ROLLUP, CUBE, GROUPING_SETS }

    private final Dataset<Row> df;
    private final List<Expression> grouping;
    private final GroupType type;
    private final Expression pivotColumn;
    private final List<Object> pivotValues;
    private final List<List<Expression>> sets;

    RelationalGroupedDataset(Dataset<Row> df, List<Expression> grouping, GroupType type) {
        this(df, grouping, type, null, null, List.of());
    }

    /** {@code df.groupingSets(sets, cols)}. */
    RelationalGroupedDataset(Dataset<Row> df, List<List<Expression>> sets, List<Expression> grouping) {
        this(df, grouping, GroupType.GROUPING_SETS, null, null, sets);
    }

    private RelationalGroupedDataset(Dataset<Row> df, List<Expression> grouping, GroupType type, Expression pivotColumn,
                                     List<Object> pivotValues, List<List<Expression>> sets) {
        this.df = df;
        this.sets = List.copyOf(sets);
        this.grouping = List.copyOf(grouping);
        this.type = type;
        this.pivotColumn = pivotColumn;
        this.pivotValues = pivotValues;
    }

    /** One output column per value of {@code column} (per aggregate when there are several). */
    public RelationalGroupedDataset pivot(Column column, List<Object> values) {
        return new RelationalGroupedDataset(df, grouping, type, column.expr(), List.copyOf(values), sets);
    }

    public RelationalGroupedDataset pivot(String column, List<Object> values) {
        return pivot(functions.col(column), values);
    }

    /** Pivots on the distinct values of {@code column}, sorted (found by running a query now, as Spark does). */
    public RelationalGroupedDataset pivot(String column) {
        List<Object> values = new ArrayList<>();
        for (Row r : df.select(column).distinct().orderBy(column).limit(10001).collectAsList()) {
            values.add(r.get(0));
        }
        if (values.size() > 10000) {
            throw new io.ember.sql.AnalysisException("PIVOT_VALUE_DATA_TYPE_MISMATCH", "The pivot column " + column
                    + " has more than 10000 distinct values, this could indicate an error.", Map.of());
        }
        return pivot(column, values);
    }

    public Dataset<Row> agg(Column expr, Column... exprs) {
        List<Expression> aggs = new ArrayList<>();
        aggs.add(expr.expr());
        aggs.addAll(DatasetHelpers.exprs(exprs));
        return aggregate(aggs);
    }

    public Dataset<Row> agg(List<Column> exprs) {
        return aggregate(DatasetHelpers.exprs(exprs.toArray(new Column[0])));
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
        if (pivotColumn != null) {
            return plain(Pivots.expand(pivotColumn, pivotValues, aggs));
        }
        if (type == GroupType.GROUP_BY) {
            return plain(aggs);
        }
        List<Expression> output = new ArrayList<>(grouping);
        output.addAll(aggs);
        return df.sparkSession().ofRows(switch (type) {
            case ROLLUP -> GroupingSets.rollup(grouping, output, df.logicalPlan());
            case CUBE -> GroupingSets.cube(grouping, output, df.logicalPlan());
            default -> GroupingSets.groupingSets(sets, grouping, output, df.logicalPlan());
        });
    }

    private Dataset<Row> plain(List<Expression> aggs) {
        List<Expression> keys = new ArrayList<>();
        for (Expression g : grouping) {
            keys.add(g instanceof Alias a ? a.child() : g);
        }
        List<Expression> output = new ArrayList<>(grouping);
        output.addAll(aggs);
        return df.sparkSession().ofRows(new Aggregate(keys, output, df.logicalPlan()));
    }
}
