package io.ember.sql.sources;

import java.util.Locale;

/** What a text reader does with a record it cannot parse ({@code option("mode", ...)}). */
public enum ParseMode {
    /** Keep the row: fields that did not parse are null; the raw record goes to the corrupt-record column. */
    PERMISSIVE,
    /** Leave the row out. */
    DROPMALFORMED,
    /** Fail the query, naming the file and line. */
    FAILFAST;

    public static ParseMode of(SourceOptions options) {
        String v = options.get("mode", "PERMISSIVE");
        for (ParseMode m : values()) {
            if (m.name().equals(v.toUpperCase(Locale.ROOT))) {
                return m;
            }
        }
        return PERMISSIVE; // Spark falls back to PERMISSIVE for an unknown mode

    }
}
