package io.ember.sql.sources;

import io.ember.sql.types.StructType;
import io.ember.sql.execution.BatchIterator;
import io.ember.sql.vector.ColumnBatch;
import io.ember.sql.vector.ColumnVector;
import java.io.IOException;
import java.nio.file.Path;

/**
 * Reads the lines of one CSV split into batches of the required columns. The split owns the
 * lines that start in it (whole files with {@code multiLine}: {@link Records#csv}); the first split of a file drops the header
 * line. A record is malformed when its field count differs from the data schema's or a
 * required field does not convert; {@link ParseMode} decides what happens to it, and the
 * corrupt-record column (when required) receives the raw line. Used by one task thread.
 */
final class CsvReader extends BatchIterator implements FileFormat.CloseableIterator<ColumnBatch> {
    private final FileSplit split;
    private final CsvOptions o;
    private final FileFormat.CloseableIterator<String> lines;
    private final CsvTokenizer tokenizer;
    /** For each required column: its field index in the file, or -1 for the corrupt-record column. */
    private final int[] fieldOf;
    private final int dataFields;
    private final ColumnBuilder[] builders;
    private boolean headerPending;
    private long lineIndex; // lines read from this split so far

    CsvReader(FileSplit split, StructType dataSchema, StructType required, CsvOptions o, boolean dictionaryStrings)
            throws IOException {
        this.split = split;
        this.o = o;
        this.lines = Records.csv(Path.of(split.path()), split.start(), split.end(), o);
        this.tokenizer = new CsvTokenizer(o);
        this.headerPending = o.header && split.start() == 0;
        int corrupt = dataSchema.indexOf(o.corruptColumn);
        this.dataFields = dataSchema.size() - (corrupt >= 0 ? 1 : 0);
        this.fieldOf = new int[required.size()];
        this.builders = new ColumnBuilder[required.size()];
        for (int i = 0; i < fieldOf.length; i++) {
            int d = dataSchema.indexOf(required.field(i).name());
            fieldOf[i] = d == corrupt ? -1 : (corrupt >= 0 && d > corrupt ? d - 1 : d);
            builders[i] = ColumnBuilder.of(required.field(i).dataType(), ColumnBatch.DEFAULT_ROWS, o.values,
                    dictionaryStrings);
        }
    }

    @Override
    protected ColumnBatch advance() {
        int n = 0;
        while (n < ColumnBatch.DEFAULT_ROWS && lines.hasNext()) {
            String line = lines.next();
            lineIndex++;
            if (o.skipLine(line)) {
                continue;
            }
            if (headerPending) {
                headerPending = false;
                continue;
            }
            if (parseRow(line, n)) {
                n++;
            }
        }
        if (n == 0) {
            close();
            return null;
        }
        ColumnVector[] cols = new ColumnVector[builders.length];
        for (int i = 0; i < cols.length; i++) {
            cols[i] = builders[i].build(n);
        }
        return new ColumnBatch(cols, n);
    }

    /** Fills row {@code row} from {@code line}; false when the row is dropped. */
    private boolean parseRow(String line, int row) {
        String[] tokens = tokenizer.tokenize(line);
        String reason = tokens.length == dataFields ? null
                : "expected " + dataFields + " fields, found " + tokens.length;
        int corruptAt = -1;
        for (int i = 0; i < fieldOf.length; i++) {
            int f = fieldOf[i];
            if (f < 0) {
                corruptAt = i;
                continue;
            }
            String t = f < tokens.length ? tokens[f] : null;
            if (t == null || t.equals(o.nullValue)) {
                builders[i].setNull(row);
            } else if (!builders[i].setText(row, t) && reason == null) {
                reason = "cannot convert '" + t + "' to " + builders[i].type().simpleString();
            }
        }
        if (reason != null) {
            switch (o.mode) {
                case DROPMALFORMED:
                    return false;
                case FAILFAST:
                    long first = MalformedRecords.firstLineOf(split.path(), split.start());
                    throw MalformedRecords.failFast(split.path(), first < 0 ? -1 : first + lineIndex - 1, line, reason);
                default:
                    break;
            }
        }
        if (corruptAt >= 0) {
            builders[corruptAt].setValue(row, reason == null ? null : line);
        }
        return true;
    }

    @Override
    public void close() {
        lines.close();
    }
}
