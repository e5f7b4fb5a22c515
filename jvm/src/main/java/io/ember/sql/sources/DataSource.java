package io.ember.sql.sources;

import io.ember.rdd.RDD;
import io.ember.sql.AnalysisException;
import io.ember.sql.SqlConf;
import io.ember.sql.expressions.AttributeReference;
import io.ember.sql.plans.LogicalPlan;
import io.ember.sql.types.StructField;
import io.ember.sql.types.StructType;
import io.ember.sql.vector.ColumnBatch;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * The front door of the file sources: {@code spark.read.format(f).load(paths)} resolves to a
 * {@link FileSourceRelation}, and {@code df.write.format(f).save(path)} runs a write job
 * ({@link FileWriteJob}). Driver side; stateless.
 */
public final class DataSource {
    /** Spark's setting naming the column that receives malformed records. */
    public static final String CORRUPT_COLUMN_CONF = "spark.sql.columnNameOfCorruptRecord";
    /** Ember's setting: scans hand out low-cardinality string columns dictionary-encoded. */
    public static final String DICTIONARY_STRINGS_CONF = "ember.sql.scan.dictionaryStrings";
    static final String DICTIONARY_STRINGS_OPTION = "ember.dictionaryStrings";
    /** Spark's setting: Parquet column chunks are decoded a page at a time ({@link ParquetChunkReader}). */
    public static final String PARQUET_VECTORIZED_CONF = "spark.sql.parquet.enableVectorizedReader";
    static final String PARQUET_VECTORIZED_OPTION = "ember.parquetVectorized";
    /**
     * Ember's setting: a vectorized Parquet scan with pushed filters decodes the filters' columns
     * first and the others only for rows that pass ({@link ParquetLateFilter}).
     */
    public static final String PARQUET_LATE_CONF = "ember.sql.parquet.lateMaterialization";
    static final String PARQUET_LATE_OPTION = "ember.parquetLate";

    private DataSource() {}

    /** The format named by {@code format(...)}: csv, json, text, parquet (or Spark's class names for them). */
    public static FileFormat format(String name) {
        String n = name.toLowerCase(Locale.ROOT);
        int dot = n.lastIndexOf('.');
        String shortName = n.startsWith("org.apache.spark.sql.") ? n.substring(dot + 1) : n;
        switch (shortName) {
            case "csv":
                return new CsvFormat();
            case "json":
                return new JsonFormat();
            case "text":
                return new TextFormat();
            case "parquet":
                return new ParquetFormat();
            case "xml":
                return new XmlFormat();
            default:
                throw new AnalysisException("DATA_SOURCE_NOT_FOUND", "Failed to find the data source: " + name + ".",
                        Map.of("provider", name));
        }
    }

    /**
     * Lists {@code paths} (files, directories, globs; or the {@code path} option), finds the
     * schema (the user's, else inferred from the files) and the partition columns, and returns
     * the relation. A path that matches nothing fails with {@code PATH_NOT_FOUND}.
     */
    public static LogicalPlan resolve(String format, List<String> paths, Map<String, String> options,
            StructType userSchema, SqlConf conf) {
        FileFormat f = format(format);
        SourceOptions o = withSessionDefaults(options, conf);
        List<String> all = new ArrayList<>(paths);
        if (all.isEmpty() && o.has("path")) {
            all.add(o.get("path", null));
        }
        if (all.isEmpty()) {
            throw new AnalysisException("UNABLE_TO_INFER_SCHEMA", "Unable to infer schema for "
                    + f.shortName().toUpperCase(Locale.ROOT) + ". It must be specified manually.",
                    Map.of("format", f.shortName()));
        }
        FileIndex index = FileIndex.list(all, o, userSchema);
        StructType dataSchema;
        if (userSchema != null) {
            List<StructField> data = new ArrayList<>();
            for (StructField field : userSchema.fields()) {
                if (index.partitionSchema().indexOf(field.name()) < 0) {
                    data.add(field);
                }
            }
            dataSchema = new StructType(data);
        } else {
            if (index.allFiles().isEmpty()) {
                throw new AnalysisException("UNABLE_TO_INFER_SCHEMA", "Unable to infer schema for "
                        + f.shortName().toUpperCase(Locale.ROOT) + ". It must be specified manually.",
                        Map.of("format", f.shortName()));
            }
            StructType inferred = f.inferSchema(index.allFiles(), o, conf);
            List<StructField> data = new ArrayList<>();
            for (StructField field : inferred.fields()) {
                if (index.partitionSchema().indexOf(field.name()) < 0) {
                    data.add(field);
                }
            }
            dataSchema = new StructType(data);
        }
        List<AttributeReference> output = new ArrayList<>();
        for (StructField field : dataSchema.fields()) {
            output.add(new AttributeReference(field.name(), field.dataType(), true, field.metadata()));
        }
        for (StructField field : index.partitionSchema().fields()) {
            output.add(new AttributeReference(field.name(), field.dataType(), true, field.metadata()));
        }
        return new FileSourceRelation(f, index, dataSchema, output, o);
    }

    /**
     * Writes {@code data} (batches with the columns of {@code output}) to {@code path} in
     * {@code format}, under save mode {@code mode} (error/errorifexists/default, overwrite,
     * append, ignore), in {@code key=value} directories of the {@code partitionBy} columns.
     */
    public static void write(RDD<ColumnBatch> data, List<AttributeReference> output, String format, String path,
            String mode, List<String> partitionBy, Map<String, String> options, SqlConf conf) {
        write(data, output, format, path, mode, partitionBy, null, options, conf);
    }

    /** {@link #write} into files of the buckets of {@code bucketing} (none when null). */
    public static void write(RDD<ColumnBatch> data, List<AttributeReference> output, String format, String path,
            String mode, List<String> partitionBy, BucketSpec bucketing, Map<String, String> options, SqlConf conf) {
        FileFormat f = format(format);
        SourceOptions o = withSessionDefaults(options, conf);
        String target = path != null ? path : o.get("path", null);
        if (target == null) {
            throw new AnalysisException("UNSUPPORTED_DATA_SOURCE_SAVE_MODE", "Expected exactly one path to be"
                    + " specified, but got: .", Map.of());
        }
        f.checkWriteOptions(o);
        FileWriteJob.run(data, output, f, target, SaveMode.of(mode), partitionBy == null ? List.of() : partitionBy,
                bucketing, o, conf);
    }

    /** The options with the session's defaults for what the formats read from the session. */
    static SourceOptions withSessionDefaults(Map<String, String> options, SqlConf conf) {
        Map<String, String> m = new HashMap<>();
        m.put("timeZone", conf.sessionTimeZone());
        m.put(CORRUPT_COLUMN_CONF, conf.get(CORRUPT_COLUMN_CONF, "_corrupt_record"));
        m.put(DICTIONARY_STRINGS_OPTION, conf.get(DICTIONARY_STRINGS_CONF, "false"));
        m.put(PARQUET_VECTORIZED_OPTION, conf.get(PARQUET_VECTORIZED_CONF, "true"));
        m.put(PARQUET_LATE_OPTION, conf.get(PARQUET_LATE_CONF, "true"));
        SourceOptions o = new SourceOptions(m);
        for (Map.Entry<String, String> e : options.entrySet()) {
            o = o.with(e.getKey(), e.getValue());
        }
        return o;
    }

    static boolean dictionaryStrings(SourceOptions o) {
        return o.getBoolean(DICTIONARY_STRINGS_OPTION, false);
    }

    static boolean parquetVectorized(SourceOptions o) {
        return o.getBoolean(PARQUET_VECTORIZED_OPTION, true);
    }

    static boolean parquetLate(SourceOptions o) {
        return o.getBoolean(PARQUET_LATE_OPTION, true);
    }
}
