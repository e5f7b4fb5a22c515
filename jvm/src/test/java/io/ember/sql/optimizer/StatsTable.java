package io.ember.sql.optimizer;

import io.ember.sql.execution.SparkPlan;
import io.ember.sql.expressions.AttributeReference;
import io.ember.sql.expressions.Expression;
import io.ember.sql.planning.ScanRelation;
import io.ember.sql.plans.ColumnStat;
import io.ember.sql.plans.LeafNode;
import io.ember.sql.plans.Statistics;
import io.ember.sql.types.DataTypes;
import java.util.List;
import java.util.Map;

/** A table whose source knows its rows and its columns' ranges, as Parquet footers tell them. */
final class StatsTable extends LeafNode implements ScanRelation {
    private final String name;
    private final long rows;
    private final List<AttributeReference> output;
    private final Map<String, ColumnStat> stats;

    StatsTable(String name, long rows, Map<String, ColumnStat> stats, String... columns) {
        this.name = name;
        this.rows = rows;
        this.stats = stats;
        this.output = java.util.Arrays.stream(columns).map(c -> new AttributeReference(c, DataTypes.LongType, false)).toList();
    }

    AttributeReference col(int i) {
        return output.get(i);
    }

    @Override
    public List<AttributeReference> output() {
        return output;
    }

    @Override
    public Statistics stats() {
        return new Statistics(rows * 16, rows);
    }

    @Override
    public Map<String, ColumnStat> columnStats() {
        return stats;
    }

    @Override
    public SparkPlan planScan(List<AttributeReference> requiredColumns, List<Expression> filters) {
        throw new UnsupportedOperationException();
    }

    @Override
    protected List<Object> args() {
        return List.of(name);
    }

    static ColumnStat range(double min, double max) {
        return new ColumnStat(min, max, 0);
    }
}
