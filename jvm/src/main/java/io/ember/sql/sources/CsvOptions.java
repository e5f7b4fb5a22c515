package io.ember.sql.sources;

import java.io.Serializable;

/**
 * The CSV options Ember reads, with Spark's names and defaults: {@code sep} (or
 * {@code delimiter}, ","), {@code quote} ('"'), {@code escape} ('\'), {@code header} (false),
 * {@code nullValue} (""), {@code emptyValue}, {@code comment} (none),
 * {@code ignoreLeadingWhiteSpace}/{@code ignoreTrailingWhiteSpace}, {@code quoteAll},
 * {@code mode}, {@code columnNameOfCorruptRecord}, {@code inferSchema}, and the date and
 * timestamp formats (see {@link TextValues}).
 */
final class CsvOptions implements Serializable {
    private static final long serialVersionUID = 1L;
    static final char NONE = '\u0000';

    final String sep;
    final char quote;
    final char escape;
    final boolean header;
    final String nullValue;
    final String emptyValueWrite;
    final char comment;
    final boolean trimLeading;
    final boolean trimTrailing;
    final boolean quoteAll;
    final boolean inferSchema;
    /** Records may span lines (a quoted field holding line breaks); files are then read whole. */
    final boolean multiLine;
    final ParseMode mode;
    final String corruptColumn;
    final TextValues values;

    CsvOptions(SourceOptions o, String defaultCorruptColumn) {
        String s = o.get("sep", o.get("delimiter", ","));
        this.sep = s.equals("\\t") ? "\t" : s;
        if (sep.isEmpty()) {
            throw new IllegalArgumentException("Delimiter cannot be empty string");
        }
        this.quote = o.getChar("quote", '"');
        this.escape = o.getChar("escape", '\\');
        this.header = o.getBoolean("header", false);
        this.nullValue = o.get("nullValue", "");
        this.emptyValueWrite = o.get("emptyValue", "\"\"");
        this.comment = o.getChar("comment", NONE);
        this.trimLeading = o.getBoolean("ignoreLeadingWhiteSpace", false);
        this.trimTrailing = o.getBoolean("ignoreTrailingWhiteSpace", false);
        this.quoteAll = o.getBoolean("quoteAll", false);
        this.inferSchema = o.getBoolean("inferSchema", false);
        this.multiLine = o.getBoolean("multiLine", false);
        this.mode = ParseMode.of(o);
        this.corruptColumn = o.get("columnNameOfCorruptRecord", defaultCorruptColumn);
        this.values = new TextValues(o);
    }

    /** True for a line the reader skips: blank, or starting with the comment character. */
    boolean skipLine(String line) {
        if (comment != NONE && !line.isEmpty() && line.charAt(0) == comment) {
            return true;
        }
        return line.isBlank();
    }
}
