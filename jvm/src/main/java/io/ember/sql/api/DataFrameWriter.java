package io.ember.sql.api;

import io.ember.sql.sources.DataSource;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * {@code df.write()}: a format, save mode, options and partition columns, then one write job
 * through {@code DataSource.write}. Not thread-safe: a builder for one write.
 */
public final class DataFrameWriter {
    private final Dataset<Row> df;
    private String format = "parquet";
    private String mode = "errorifexists";
    private final Map<String, String> options = new LinkedHashMap<>();
    private List<String> partitionBy = List.of();

    DataFrameWriter(Dataset<Row> df) {
        this.df = df;
    }

    public DataFrameWriter format(String source) {
        this.format = source.toLowerCase(Locale.ROOT);
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

    public void save(String path) {
        QueryExecution qe = df.queryExecution();
        SparkSession s = df.sparkSession();
        DataSource.write(qe.executedPlan().execute(s.executionContext()), qe.executedPlan().output(), format, path, mode,
                partitionBy, options, s.conf().snapshot());
    }

    public void save() {
        save(null);
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
