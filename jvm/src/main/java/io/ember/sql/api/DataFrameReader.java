package io.ember.sql.api;

import io.ember.sql.sources.DataSource;
import io.ember.sql.types.StructType;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * {@code spark.read()}: collects a format, options and an optional schema, then resolves the
 * files through {@code DataSource.resolve} (the schema is found or inferred now, as in Spark).
 * Not thread-safe: a builder for one read.
 */
public final class DataFrameReader {
    private final SparkSession session;
    private String format = "parquet";
    private final Map<String, String> options = new LinkedHashMap<>();
    private StructType schema;

    DataFrameReader(SparkSession session) {
        this.session = session;
    }

    public DataFrameReader format(String source) {
        this.format = source.toLowerCase(Locale.ROOT);
        return this;
    }

    public DataFrameReader schema(StructType schema) {
        this.schema = schema;
        return this;
    }

    public DataFrameReader option(String key, String value) {
        options.put(key, value);
        return this;
    }

    public DataFrameReader option(String key, boolean value) {
        return option(key, String.valueOf(value));
    }

    public DataFrameReader options(Map<String, String> more) {
        options.putAll(more);
        return this;
    }

    public Dataset<Row> load(String... paths) {
        return session.ofRows(DataSource.resolve(format, Arrays.asList(paths), options, schema, session.conf().snapshot()));
    }

    public Dataset<Row> load(List<String> paths) {
        return load(paths.toArray(new String[0]));
    }

    public Dataset<Row> csv(String... paths) {
        return format("csv").load(paths);
    }

    public Dataset<Row> json(String... paths) {
        return format("json").load(paths);
    }

    public Dataset<Row> parquet(String... paths) {
        return format("parquet").load(paths);
    }

    public Dataset<Row> text(String... paths) {
        return format("text").load(paths);
    }
}
