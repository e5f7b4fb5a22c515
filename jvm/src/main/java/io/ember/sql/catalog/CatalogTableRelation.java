package io.ember.sql.catalog;

import io.ember.sql.execution.SparkPlan;
import io.ember.sql.expressions.AttributeReference;
import io.ember.sql.expressions.Expression;
import io.ember.sql.planning.ScanRelation;
import io.ember.sql.plans.LeafNode;
import io.ember.sql.plans.LogicalPlan;
import io.ember.sql.plans.Statistics;
import io.ember.sql.sources.FileSourceRelation;
import java.util.List;
import java.util.stream.Collectors;

/**
 * A persistent table in a plan: the scan of its files ({@code files}, a relation that plans its
 * own scan) labelled with the table it reads, whose statistics are those {@code ANALYZE TABLE}
 * stored (rows and bytes) when there are any, else the files' sizes. Immutable; a session keeps
 * one per table and version, so every query over the table sees the same column ids (which the
 * cache of query results relies on).
 */
public final class CatalogTableRelation extends LeafNode implements ScanRelation {
    private static final long serialVersionUID = 1L;

    private final CatalogTable table;
    private final LogicalPlan files;

    CatalogTableRelation(CatalogTable table, LogicalPlan files) {
        if (!(files instanceof ScanRelation)) {
            throw new IllegalArgumentException("a table's relation must plan its own scan: " + files.simpleString());
        }
        this.table = table;
        this.files = files;
    }

    public CatalogTable table() {
        return table;
    }

    /** The relation over the table's files. */
    public LogicalPlan files() {
        return files;
    }

    @Override
    public List<AttributeReference> output() {
        return files.output();
    }

    @Override
    public SparkPlan planScan(List<AttributeReference> requiredColumns, List<Expression> filters) {
        if (table.bucketSpec() != null && files instanceof FileSourceRelation f) {
            return f.planBucketedScan(requiredColumns, filters, table.bucketSpec());
        }
        return ((ScanRelation) files).planScan(requiredColumns, filters);
    }

    @Override
    public Statistics stats() {
        TableStats s = table.stats();
        return s == null ? files.stats() : new Statistics(Math.max(1, s.sizeInBytes()), s.rowCount());
    }

    @Override
    public java.util.Map<String, io.ember.sql.plans.ColumnStat> columnStats() {
        return ((ScanRelation) files).columnStats();
    }

    @Override
    public String simpleString() {
        return "Relation " + String.join(".", table.qualifiedName()) + "["
                + output().stream().map(Object::toString).collect(Collectors.joining(",")) + "] " + table.provider();
    }

    @Override
    protected List<Object> args() {
        return List.of(table.qualifiedName(), table.version(), files);
    }
}
