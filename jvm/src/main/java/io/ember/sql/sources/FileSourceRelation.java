package io.ember.sql.sources;

import io.ember.sql.execution.SparkPlan;
import io.ember.sql.expressions.AttributeReference;
import io.ember.sql.expressions.Expression;
import io.ember.sql.planning.ScanRelation;
import io.ember.sql.plans.ColumnStat;
import io.ember.sql.plans.LeafNode;
import io.ember.sql.plans.Statistics;
import io.ember.sql.types.StructField;
import io.ember.sql.types.StructType;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Collectors;

/**
 * A table of files ({@code spark.read.csv(path)}): the leaf of a logical plan whose output is
 * the data columns followed by the partition columns. The planner asks it for a
 * {@link FileSourceScanExec} of the columns and filters a query needs.
 */
public final class FileSourceRelation extends LeafNode implements ScanRelation {
    private static final long serialVersionUID = 1L;

    private final FileFormat format;
    private final FileIndex index;
    private final StructType dataSchema;
    private final List<AttributeReference> output;
    private final SourceOptions options;
    /** The files' own statistics, read once on first use (see {@link FileFormat#fileStats}). */
    private transient volatile Optional<FileStats> fileStats;

    FileSourceRelation(FileFormat format, FileIndex index, StructType dataSchema, List<AttributeReference> output,
            SourceOptions options) {
        this.format = format;
        this.index = index;
        this.dataSchema = dataSchema;
        this.output = List.copyOf(output);
        this.options = options;
    }

    public FileFormat format() {
        return format;
    }

    FileIndex index() {
        return index;
    }

    /** The columns read from the files (without partition columns). */
    public StructType dataSchema() {
        return dataSchema;
    }

    public StructType partitionSchema() {
        return index.partitionSchema();
    }

    SourceOptions options() {
        return options;
    }

    /** The paths the relation was read from, as {@code file:} URIs. */
    public List<String> rootPaths() {
        return index.roots();
    }

    /**
     * The same relation (same columns, options and roots, so an equal plan node) over its
     * roots listed again: what {@code refreshByPath} caches in place of this one.
     */
    public FileSourceRelation relisted() {
        List<StructField> all = new java.util.ArrayList<>(dataSchema.fields());
        all.addAll(index.partitionSchema().fields());
        List<String> paths = index.roots().stream().map(r -> r.startsWith("file:") ? r.substring(5) : r).toList();
        return new FileSourceRelation(format, FileIndex.list(paths, options, new StructType(all)), dataSchema, output,
                options);
    }

    /** Every file the relation reads, as {@code file:} URIs (PySpark's {@code inputFiles}). */
    public List<String> inputFiles() {
        return index.allFiles().stream().map(p -> p.toUri().toString()).toList();
    }

    @Override
    public List<AttributeReference> output() {
        return output;
    }

    @Override
    public SparkPlan planScan(List<AttributeReference> requiredColumns, List<Expression> filters) {
        return new FileSourceScanExec(this, requiredColumns, filters, null);
    }

    /** The scan of a bucketed table's files: a bucket per partition when every bucket column is required. */
    public SparkPlan planBucketedScan(List<AttributeReference> requiredColumns, List<Expression> filters,
            BucketSpec bucketing) {
        return new FileSourceScanExec(this, requiredColumns, filters, bucketing);
    }

    @Override
    public Statistics stats() {
        FileStats f = fileStats().orElse(null);
        return new Statistics(Math.max(1, index.totalBytes()), f == null ? null : f.rows());
    }

    @Override
    public Map<String, ColumnStat> columnStats() {
        return fileStats().map(FileStats::columns).orElse(Map.of());
    }

    private Optional<FileStats> fileStats() {
        Optional<FileStats> f = fileStats;
        if (f == null) {
            f = Optional.ofNullable(format.fileStats(index.allFiles(), dataSchema));
            fileStats = f;
        }
        return f;
    }

    @Override
    public String simpleString() {
        return "Relation [" + output.stream().map(Object::toString).collect(Collectors.joining(",")) + "] "
                + format.shortName();
    }

    @Override
    protected List<Object> args() {
        return List.of(format.shortName(), output, index.roots(), options);
    }
}
