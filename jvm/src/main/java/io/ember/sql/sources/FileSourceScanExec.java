package io.ember.sql.sources;

import io.ember.rdd.RDD;
import io.ember.sql.execution.ExecutionContext;
import io.ember.sql.execution.Partitioning;
import io.ember.sql.execution.SparkPlan;
import io.ember.sql.expressions.AttributeReference;
import io.ember.sql.expressions.Expression;
import io.ember.sql.planning.BucketedScan;
import io.ember.sql.types.StructField;
import io.ember.sql.types.StructType;
import io.ember.sql.vector.ColumnBatch;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Collectors;

/**
 * The physical scan of a {@link FileSourceRelation}: reads the required columns of the files
 * of the partition directories its filters do not rule out, in tasks, as column batches.
 * Filters over partition columns prune directories when the scan executes; the others go to
 * the format's reader as data filters (Parquet skips row groups with them). The scan of a
 * bucketed table ({@code bucketing} set) that outputs every bucket column reads a bucket per
 * partition and reports the bucket placement. Filters on a bucket column of a table bucketed by
 * one column leave only the files of the buckets their values hash to ({@link BucketPruning}),
 * whether or not the scan reads by bucket, as Spark's scan does. Runtime filters that a join
 * above found for this scan ({@link io.ember.sql.execution.RuntimeFilters}) go to the reader
 * with the data filters.
 */
public final class FileSourceScanExec extends SparkPlan implements BucketedScan,
        io.ember.sql.execution.RuntimeFilteredScan {
    private static final long serialVersionUID = 1L;
    static final String OPEN_COST = "spark.sql.files.openCostInBytes";
    static final String MIN_PARTITION_NUM = "spark.sql.files.minPartitionNum";
    static final String BUCKETING = "spark.sql.sources.bucketing.enabled";

    private final FileSourceRelation relation;
    private final List<AttributeReference> output;
    private final List<Expression> filters;
    /** The table's buckets; null for files that are not a bucketed table. */
    private final BucketSpec bucketing;
    /** Whether the files are read a bucket per partition (else split and packed by size). */
    private final boolean byBucket;

    FileSourceScanExec(FileSourceRelation relation, List<AttributeReference> output, List<Expression> filters,
            BucketSpec bucketing) {
        this(relation, output, filters, bucketing, bucketing != null);
    }

    private FileSourceScanExec(FileSourceRelation relation, List<AttributeReference> output, List<Expression> filters,
            BucketSpec bucketing, boolean byBucket) {
        this.relation = relation;
        this.output = List.copyOf(output);
        this.filters = List.copyOf(filters);
        this.bucketing = bucketing;
        this.byBucket = byBucket;
    }

    /** The output columns the table is bucketed by, in the spec's order; null unless every one is read. */
    private List<Expression> bucketKeys() {
        if (bucketing == null || !byBucket) {
            return null;
        }
        List<Expression> keys = new ArrayList<>();
        for (String column : bucketing.bucketColumns()) {
            AttributeReference a = output.stream().filter(o -> o.name().equalsIgnoreCase(column)).findFirst().orElse(null);
            if (a == null) {
                return null;
            }
            keys.add(a);
        }
        return keys;
    }

    /** Parquet readers evaluate runtime filters early (late materialization); other formats would ignore them. */
    @Override
    public boolean takesRuntimeFilters() {
        return relation.format() instanceof ParquetFormat;
    }

    @Override
    public boolean bucketed() {
        return bucketKeys() != null;
    }

    @Override
    public SparkPlan withoutBucketing() {
        return byBucket ? new FileSourceScanExec(relation, output, filters, bucketing, false) : this;
    }

    /** The buckets the filters leave to read ({@link BucketPruning}), or null to read them all. */
    private java.util.BitSet selectedBuckets() {
        return BucketPruning.selected(filters, bucketing, relation.output());
    }

    @Override
    public Partitioning outputPartitioning() {
        List<Expression> keys = bucketKeys();
        return keys == null ? super.outputPartitioning() : new Partitioning.Bucketed(keys, bucketing.numBuckets());
    }

    @Override
    public List<AttributeReference> output() {
        return output;
    }

    private List<AttributeReference> partitionColumns() {
        List<AttributeReference> all = relation.output();
        int data = relation.dataSchema().size();
        return all.subList(data, all.size());
    }

    List<Expression> partitionFilters() {
        return PartitionPruning.partitionFilters(filters, partitionColumns());
    }

    List<Expression> dataFilters() {
        List<Expression> pf = partitionFilters();
        return filters.stream().filter(f -> !pf.contains(f)).toList();
    }

    /** The partition directories left after pruning. */
    List<FileIndex.PartitionDir> selectedPartitions() {
        return PartitionPruning.prune(relation.index().partitions(), partitionFilters(), partitionColumns());
    }

    @Override
    public RDD<ColumnBatch> execute(ExecutionContext ctx) {
        List<AttributeReference> all = relation.output();
        StructType dataSchema = relation.dataSchema();
        List<AttributeReference> partCols = partitionColumns();
        List<StructField> reqData = new ArrayList<>();
        List<StructField> reqPart = new ArrayList<>();
        List<Integer> partOrdinals = new ArrayList<>();
        int[] source = new int[output.size()];
        for (int i = 0; i < output.size(); i++) {
            AttributeReference a = output.get(i);
            int p = PartitionPruning.indexOf(partCols, a);
            if (p >= 0) {
                source[i] = -1 - reqPart.size();
                reqPart.add(relation.partitionSchema().field(p));
                partOrdinals.add(p);
            } else {
                int d = PartitionPruning.indexOf(all, a);
                if (d < 0) {
                    throw new IllegalArgumentException("column " + a + " is not an output of " + relation.simpleString());
                }
                source[i] = reqData.size();
                reqData.add(dataSchema.field(d));
            }
        }
        long maxBytes = ctx.conf().maxPartitionBytes();
        long openCost = Long.parseLong(ctx.conf().get(OPEN_COST, String.valueOf(4L << 20)));
        int parallelism = Integer.parseInt(ctx.conf().get(MIN_PARTITION_NUM,
                String.valueOf(ctx.rdds().defaultParallelism())));
        List<FileIndex.PartitionDir> dirs = selectedPartitions();
        java.util.BitSet selected = Boolean.parseBoolean(ctx.conf().get(BUCKETING, "true")) ? selectedBuckets() : null;
        if (bucketed()) {
            return scanRDD(ctx, BucketedFiles.partitions(dirs, bucketing.numBuckets(), selected), dataSchema, reqData,
                    reqPart, partOrdinals, source);
        }
        if (selected != null) {
            dirs = dirs.stream().map(d -> new FileIndex.PartitionDir(d.values(), d.files().stream()
                    .filter(f -> selected.get(BucketedFiles.bucketOf(f, bucketing.numBuckets()))).toList())).toList();
        }
        long total = 0;
        for (FileIndex.PartitionDir d : dirs) {
            for (FileIndex.FileEntry f : d.files()) {
                total += f.length() + openCost;
            }
        }
        long maxSplit = FilePacking.maxSplitBytes(maxBytes, openCost, total, parallelism);
        boolean splittable = relation.format().splittable(relation.options());
        List<FileSplit> splits = new ArrayList<>();
        for (FileIndex.PartitionDir d : dirs) {
            for (FileIndex.FileEntry f : d.files()) {
                splits.addAll(FilePacking.split(f.path(), f.length(), d.values(), splittable, maxSplit));
            }
        }
        return scanRDD(ctx, FilePacking.pack(splits, maxSplit, openCost), dataSchema, reqData, reqPart, partOrdinals,
                source);
    }

    private RDD<ColumnBatch> scanRDD(ExecutionContext ctx, List<FileScanRDD.FilePartition> partitions,
            StructType dataSchema, List<StructField> reqData, List<StructField> reqPart, List<Integer> partOrdinals,
            int[] source) {
        int[] ordinals = partOrdinals.stream().mapToInt(Integer::intValue).toArray();
        io.ember.sql.execution.metric.SqlMetric rows = metric(ctx, io.ember.sql.execution.metric.MetricDef.NUM_OUTPUT_ROWS);
        List<Expression> readerFilters = new ArrayList<>(dataFilters());
        readerFilters.addAll(ctx.runtimeFilters().of(this));
        return new FileScanRDD(ctx.rdds(), partitions, relation.format(), dataSchema,
                new StructType(reqData), new StructType(reqPart), ordinals, source, readerFilters, relation.options())
                .mapPartitions(it -> io.ember.sql.execution.metric.Meter.countRows(rows, it), true);
    }

    @Override
    public List<SparkPlan> children() {
        return List.of();
    }

    @Override
    protected SparkPlan withNewChildren(List<SparkPlan> newChildren) {
        return this;
    }

    @Override
    public String simpleString() {
        List<String> readSchema = new ArrayList<>();
        for (AttributeReference a : output) {
            if (PartitionPruning.indexOf(partitionColumns(), a) < 0) {
                readSchema.add(a.name() + ":" + a.dataType().simpleString());
            }
        }
        boolean bucketed = bucketed();
        return "FileScan " + relation.format().shortName() + " [" + join(output) + "] Batched: true"
                + (bucketed ? ", Bucketed: true" : "") + ", DataFilters: ["
                + join(dataFilters()) + "], Format: " + relation.format().shortName().toUpperCase() + ", Location: "
                + "InMemoryFileIndex(" + relation.rootPaths().size() + " paths)" + relation.rootPaths()
                + ", PartitionFilters: [" + join(partitionFilters()) + "], ReadSchema: struct<"
                + String.join(",", readSchema) + ">"
                + (bucketed ? ", SelectedBucketsCount: " + selectedCount() + " out of " + bucketing.numBuckets() : "");
    }

    private int selectedCount() {
        java.util.BitSet selected = selectedBuckets();
        return selected == null ? bucketing.numBuckets() : selected.cardinality();
    }

    private static String join(List<?> items) {
        return items.stream().map(Object::toString).collect(Collectors.joining(", "));
    }

    @Override
    protected List<Object> args() {
        return java.util.Arrays.asList(relation, output, filters, bucketing, byBucket);
    }

    @Override
    public List<io.ember.sql.execution.metric.MetricDef> metricDefs() {
        return List.of(io.ember.sql.execution.metric.MetricDef.NUM_OUTPUT_ROWS);
    }
}
