package io.ember.sql.sources;

import io.ember.sql.execution.BatchIterator;
import io.ember.sql.types.StructType;
import io.ember.sql.vector.ColumnBatch;
import io.ember.sql.vector.ColumnVector;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * Reads the records of one XML file into batches of the required columns. A file that stops
 * being well-formed ends after the records before the fault with one row holding the file's
 * text in the corrupt-record column (when required; PERMISSIVE), or fails the query under
 * {@code FAILFAST}. Used by one task thread.
 */
final class XmlReader extends BatchIterator implements FileFormat.CloseableIterator<ColumnBatch> {
    private final FileSplit split;
    private final StructType required;
    private final XmlOptions o;
    private final XmlRecords records;
    private final XmlValues values;
    private final ColumnBuilder[] builders;
    private final int corruptAt;
    /** The file's text, once the file turned out malformed and a corrupt-record row is due. */
    private String corruptRow;

    XmlReader(FileSplit split, StructType required, XmlOptions o, boolean dictionaryStrings) throws IOException {
        this.split = split;
        this.required = required;
        this.o = o;
        this.records = XmlRecords.ofFile(Path.of(split.path()), o.rowTag);
        this.values = new XmlValues(o);
        this.corruptAt = required.indexOf(o.corruptColumn);
        this.builders = new ColumnBuilder[required.size()];
        for (int i = 0; i < builders.length; i++) {
            builders[i] = ColumnBuilder.of(required.field(i).dataType(), ColumnBatch.DEFAULT_ROWS, o.values, dictionaryStrings);
        }
    }

    @Override
    protected ColumnBatch advance() {
        int n = 0;
        while (n < ColumnBatch.DEFAULT_ROWS && hasRecord()) {
            Object[] row = values.record(records.next(), required);
            if (corruptAt >= 0) {
                row[corruptAt] = null;
            }
            for (int i = 0; i < row.length; i++) {
                builders[i].setValue(n, row[i]);
            }
            n++;
        }
        if (n < ColumnBatch.DEFAULT_ROWS && corruptRow != null) {
            for (int i = 0; i < builders.length; i++) {
                builders[i].setValue(n, i == corruptAt ? corruptRow : null);
            }
            corruptRow = null;
            n++;
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

    private boolean hasRecord() {
        try {
            return records.hasNext();
        } catch (XmlRecords.MalformedXml e) {
            if (o.mode == ParseMode.FAILFAST) {
                throw MalformedRecords.failFast(split.path(), e.line, "", e.getMessage());
            }
            if (o.mode == ParseMode.PERMISSIVE && corruptAt >= 0) {
                try {
                    corruptRow = Files.readString(Path.of(split.path()), StandardCharsets.UTF_8);
                } catch (IOException io) {
                    throw new UncheckedIOException(io);
                }
            }
            return false;
        }
    }

    @Override
    public void close() {
        records.close();
    }
}
