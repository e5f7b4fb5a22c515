package io.ember.sql.sources;

import io.ember.sql.plans.ColumnStat;
import java.io.Serializable;
import java.util.Map;

/** What a format's file metadata says of a set of files: their rows and column statistics keyed by lower-case name. */
public record FileStats(long rows, Map<String, ColumnStat> columns) implements Serializable {
    public FileStats {
        columns = Map.copyOf(columns);
    }
}
