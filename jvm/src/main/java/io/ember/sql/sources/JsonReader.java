package io.ember.sql.sources;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.ember.sql.types.StructType;
import io.ember.sql.execution.BatchIterator;
import io.ember.sql.vector.ColumnBatch;
import io.ember.sql.vector.ColumnVector;
import java.io.IOException;
import java.nio.file.Path;

/**
 * Reads one split of a JSON lines file into batches of the required columns: one JSON object
 * per line, blank lines skipped. A line that is not an object, or a value that does not fit
 * its column's type, makes the record malformed, handled by {@link ParseMode} as in the CSV
 * reader (PERMISSIVE keeps the fields that did convert). Used by one task thread.
 */
final class JsonReader extends BatchIterator implements FileFormat.CloseableIterator<ColumnBatch> {
    private final FileSplit split;
    private final ParseMode mode;
    private final FileFormat.CloseableIterator<String> lines;
    private final ObjectMapper json = new ObjectMapper();
    private final JsonValues values;
    private final String[] names;
    private final StructType required;
    private final int corruptAt;
    private final ColumnBuilder[] builders;
    private long lineIndex;

    JsonReader(FileSplit split, StructType required, ParseMode mode, String corruptColumn, TextValues text,
            boolean dictionaryStrings, boolean multiLine) throws IOException {
        this.split = split;
        this.mode = mode;
        this.required = required;
        this.lines = Records.json(Path.of(split.path()), split.start(), split.end(), multiLine);
        this.values = new JsonValues(text);
        this.corruptAt = required.indexOf(corruptColumn);
        this.names = required.fieldNames().toArray(new String[0]);
        this.builders = new ColumnBuilder[required.size()];
        for (int i = 0; i < builders.length; i++) {
            builders[i] = ColumnBuilder.of(required.field(i).dataType(), ColumnBatch.DEFAULT_ROWS, text, dictionaryStrings);
        }
    }

    @Override
    protected ColumnBatch advance() {
        int n = 0;
        while (n < ColumnBatch.DEFAULT_ROWS && lines.hasNext()) {
            String line = lines.next();
            lineIndex++;
            if (!line.isBlank() && parseRow(line, n)) {
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

    private boolean parseRow(String line, int row) {
        JsonNode node = JsonInference.parse(json, line);
        String reason = node == null || !node.isObject() ? "not a JSON object" : null;
        for (int i = 0; i < builders.length; i++) {
            if (i == corruptAt) {
                continue;
            }
            if (reason != null && (node == null || !node.isObject())) {
                builders[i].setNull(row);
                continue;
            }
            try {
                builders[i].setValue(row, values.convert(node.get(names[i]), required.field(i).dataType()));
            } catch (IllegalArgumentException | java.time.DateTimeException e) {
                builders[i].setNull(row);
                if (reason == null) {
                    reason = "field " + names[i] + ": " + e.getMessage();
                }
            }
        }
        if (reason != null) {
            if (mode == ParseMode.DROPMALFORMED) {
                return false;
            }
            if (mode == ParseMode.FAILFAST) {
                long first = MalformedRecords.firstLineOf(split.path(), split.start());
                throw MalformedRecords.failFast(split.path(), first < 0 ? -1 : first + lineIndex - 1, line, reason);
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
