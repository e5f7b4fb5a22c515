package io.ember.sql.api;

import io.ember.sql.AnalysisException;
import io.ember.sql.catalog.MultipartName;
import io.ember.sql.catalog.TableClustering;
import io.ember.sql.catalog.TableDefinition;
import io.ember.sql.sources.BucketSpec;
import io.ember.sql.sources.DataSource;
import io.ember.sql.sources.FileSourceRelation;
import java.net.URI;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * {@code df.write()}: a format, save mode, options and partition columns, then one write job
 * through {@code DataSource.write}; {@code bucketBy}/{@code sortBy} describe the buckets of a
 * table {@code saveAsTable} creates (other writes refuse them, as Spark does). Not thread-safe: a builder for one write.
 */
public final class DataFrameWriter {
    private final Dataset<Row> df;
    private String format = "parquet";
    private boolean formatGiven;
    private String mode = "errorifexists";
    private final Map<String, String> options = new LinkedHashMap<>();
    private List<String> partitionBy = List.of();
    private Integer numBuckets;
    private List<String> bucketBy = List.of();
    private List<String> sortBy;
    private List<String> clusterBy = List.of();

    DataFrameWriter(Dataset<Row> df) {
        this.df = df;
    }

    public DataFrameWriter format(String source) {
        this.format = source.toLowerCase(Locale.ROOT);
        this.formatGiven = true;
        return this;
    }

    /** {@code error}/{@code errorifexists}, {@code overwrite}, {@code append} or {@code ignore}. */
    public DataFrameWriter mode(String saveMode) {
        this.mode = saveMode;
        return this;
    }

    public DataFrameWriter option(String key, String value) {
        options.put(key, value);
        return this;
    }

    public DataFrameWriter option(String key, boolean value) {
        return option(key, String.valueOf(value));
    }

    public DataFrameWriter options(Map<String, String> more) {
        options.putAll(more);
        return this;
    }

    public DataFrameWriter partitionBy(String... columns) {
        this.partitionBy = Arrays.asList(columns);
        return this;
    }

    /** Writes a bucketed table ({@link #saveAsTable} only): {@code numBuckets} buckets of these columns' hash. */
    public DataFrameWriter bucketBy(int numBuckets, String column, String... more) {
        this.numBuckets = numBuckets;
        List<String> cols = new java.util.ArrayList<>(List.of(column));
        cols.addAll(Arrays.asList(more));
        this.bucketBy = cols;
        return this;
    }

    /** Sorts each bucket file of a bucketed table by these columns. */
    public DataFrameWriter sortBy(String column, String... more) {
        List<String> cols = new java.util.ArrayList<>(List.of(column));
        cols.addAll(Arrays.asList(more));
        this.sortBy = cols;
        return this;
    }

    /** The bucket spec asked for, or null; sortBy without bucketBy is an error, as in Spark. */
    private BucketSpec bucketSpec() {
        if (numBuckets == null) {
            if (sortBy != null) {
                throw new AnalysisException("SORT_BY_WITHOUT_BUCKETING", "sortBy must be used together with bucketBy.",
                        Map.of());
            }
            return null;
        }
        return new BucketSpec(numBuckets, bucketBy, sortBy == null ? List.of() : sortBy);
    }

    /** Spark's refusal of bucketBy by writes that are not {@code saveAsTable}. */
    private void refuseBuckets(String operation) {
        BucketSpec spec = bucketSpec();
        if (spec != null) {
            boolean sorted = !spec.sortColumns().isEmpty();
            throw new AnalysisException(sorted ? "_LEGACY_ERROR_TEMP_1313" : "_LEGACY_ERROR_TEMP_1312", "'" + operation
                    + "' does not support bucketBy" + (sorted ? " and sortBy" : "") + " right now.",
                    Map.of("operation", operation));
        }
    }

    public void save(String path) {
        refuseBuckets("save");
        QueryExecution qe = df.queryExecution();
        SparkSession s = df.sparkSession();
        if (path != null && mode.toLowerCase(Locale.ROOT).equals("overwrite")) {
            refuseOverwritingAnInput(qe, path);
        }
        SqlExecution.withNewExecutionId(qe, "save", ctx -> {
            DataSource.write(qe.executedPlan().execute(ctx), qe.executedPlan().output(), format, path, mode,
                    partitionBy, options, s.conf().snapshot());
            return null;
        });
    }

    /** Overwriting deletes the target first, so a query may not overwrite a path it reads (as Spark refuses). */
    private static void refuseOverwritingAnInput(QueryExecution qe, String path) {
        Path target = localPath(path);
        qe.analyzed().foreach(node -> {
            if (node instanceof FileSourceRelation r) {
                for (String root : r.rootPaths()) {
                    Path input = localPath(root);
                    if (input.startsWith(target) || target.startsWith(input)) {
                        throw new AnalysisException("UNSUPPORTED_OVERWRITE.PATH",
                                "Can't overwrite the target that is also being read from.", Map.of("path", path));
                    }
                }
            }
        });
    }

    private static Path localPath(String p) {
        return Path.of(p.startsWith("file:") ? URI.create(p).getPath() : p).toAbsolutePath().normalize();
    }

    public void save() {
        save(null);
    }

    /**
     * Writes the rows as the table {@code tableName} (created in the warehouse unless it exists;
     * then as the save mode says: append by column name, overwrite, ignore, or fail).
     */
    /**
     * Clusters a table {@link #saveAsTable} writes by these columns: recorded as the table's
     * {@code clusteringColumns} property, as Spark classic records it on a v1 table (the files
     * are written as without it). Other writes ignore it.
     */
    public DataFrameWriter clusterBy(String column, String... more) {
        List<String> cols = new java.util.ArrayList<>(List.of(column));
        cols.addAll(Arrays.asList(more));
        this.clusterBy = cols;
        return this;
    }

    public void saveAsTable(String tableName) {
        BucketSpec buckets = bucketSpec();
        Map<String, String> properties = Map.of();
        if (!clusterBy.isEmpty()) {
            if (!partitionBy.isEmpty()) {
                throw new AnalysisException("SPECIFY_CLUSTER_BY_WITH_PARTITIONED_BY_IS_NOT_ALLOWED",
                        "Cannot specify both CLUSTER BY and PARTITIONED BY. SQLSTATE: 42908");
            }
            if (buckets != null) {
                throw new AnalysisException("SPECIFY_CLUSTER_BY_WITH_BUCKETING_IS_NOT_ALLOWED",
                        "Cannot specify both CLUSTER BY and CLUSTERED BY INTO BUCKETS. SQLSTATE: 42908");
            }
            properties = TableClustering.withColumns(Map.of(), clusteringColumns());
        }
        TableDefinition table = new TableDefinition(MultipartName.parse(tableName), null, formatGiven ? format : null,
                partitionBy, options, null, null, buckets, properties);
        df.sparkSession().sessionCatalog().saveAsTable(table, df.logicalPlan(), mode);
    }

    /** The clusterBy columns as the data spells them; Spark's {@code _LEGACY_ERROR_TEMP_3060} for one it lacks. */
    private List<String> clusteringColumns() {
        io.ember.sql.types.StructType schema = df.schema();
        List<String> out = new java.util.ArrayList<>();
        for (String c : clusterBy) {
            int i = schema.indexOf(c);
            if (i < 0) {
                String tree = df.schemaTreeString();
                throw new AnalysisException("_LEGACY_ERROR_TEMP_3060", "Couldn't find column " + c + " in:\n" + tree,
                        Map.of("i", c, "schema", tree));
            }
            out.add(schema.field(i).name());
        }
        return out;
    }

    /** Inserts the rows into the existing table {@code tableName} by position (replacing its rows in overwrite mode). */
    public void insertInto(String tableName) {
        refuseBuckets("insertInto");
        if (!partitionBy.isEmpty()) {
            throw new AnalysisException("PARTITION_BY_NOT_ALLOWED_WITH_INSERT_INTO", "partitionBy() cannot be used with"
                    + " insertInto(). Partition columns for table " + tableName + " are determined by the table"
                    + " definition.", Map.of("tableName", tableName));
        }
        df.sparkSession().sessionCatalog().insertInto(MultipartName.parse(tableName), df.logicalPlan(),
                mode.toLowerCase(Locale.ROOT).equals("overwrite"));
    }

    public void csv(String path) {
        format("csv").save(path);
    }

    public void json(String path) {
        format("json").save(path);
    }

    public void parquet(String path) {
        format("parquet").save(path);
    }

    public void text(String path) {
        format("text").save(path);
    }
}
