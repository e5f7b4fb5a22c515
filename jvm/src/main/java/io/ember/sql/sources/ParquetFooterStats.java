package io.ember.sql.sources;

import io.ember.sql.plans.ColumnStat;
import io.ember.sql.types.DataType;
import io.ember.sql.types.DecimalType;
import io.ember.sql.types.StructField;
import io.ember.sql.types.StructType;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.apache.parquet.column.statistics.Statistics;
import org.apache.parquet.hadoop.ParquetFileReader;
import org.apache.parquet.hadoop.metadata.BlockMetaData;
import org.apache.parquet.hadoop.metadata.ColumnChunkMetaData;

/**
 * Row count and per-column min/max/null counts of Parquet files, from their footers alone (the
 * row groups' statistics), for the optimizer. Columns whose statistics are missing or not
 * numeric have no min/max. Stateless.
 */
final class ParquetFooterStats {
    /** Files beyond which footers are not read at planning time. */
    static final int MAX_FILES = 512;

    private ParquetFooterStats() {}

    /** The statistics of {@code files}, or null when there are too many to read now. */
    static FileStats read(List<Path> files, StructType schema) {
        if (files.size() > MAX_FILES) {
            return null;
        }
        long rows = 0;
        Map<String, ColumnStat> columns = new HashMap<>();
        for (Path f : files) {
            try (ParquetFileReader r = new ParquetFileReader(new org.apache.parquet.io.LocalInputFile(f),
                    ParquetCodecs.readOptions())) {
                for (BlockMetaData b : r.getFooter().getBlocks()) {
                    rows += b.getRowCount();
                    for (ColumnChunkMetaData c : b.getColumns()) {
                        if (c.getPath().size() != 1) {
                            continue;
                        }
                        String name = c.getPath().toArray()[0].toLowerCase(Locale.ROOT);
                        StructField field = field(schema, name);
                        if (field != null) {
                            columns.merge(name, stat(c.getStatistics(), field.dataType()), ColumnStat::merge);
                        }
                    }
                }
            } catch (IOException e) {
                throw new UncheckedIOException("Cannot read the Parquet footer of " + f + ": " + e.getMessage(), e);
            }
        }
        return new FileStats(rows, columns);
    }

    private static StructField field(StructType schema, String lowerName) {
        for (StructField f : schema.fields()) {
            if (f.name().toLowerCase(Locale.ROOT).equals(lowerName)) {
                return f;
            }
        }
        return null;
    }

    private static ColumnStat stat(Statistics<?> s, DataType t) {
        if (s == null || s.isEmpty()) {
            return new ColumnStat(null, null, 0);
        }
        long nulls = s.isNumNullsSet() ? s.getNumNulls() : 0;
        if (!s.hasNonNullValue()) {
            return new ColumnStat(null, null, nulls);
        }
        return new ColumnStat(number(s.genericGetMin(), t), number(s.genericGetMax(), t), nulls);
    }

    private static Double number(Object v, DataType t) {
        if (!(v instanceof Integer || v instanceof Long || v instanceof Double || v instanceof Float)) {
            return null;
        }
        double d = ((Number) v).doubleValue();
        return t instanceof DecimalType dt ? d / Math.pow(10, dt.scale()) : d;
    }
}
