package io.ember.sql.sources;

import io.ember.sql.execution.VectorOps;
import io.ember.sql.expressions.Expression;
import io.ember.sql.types.DataType;
import io.ember.sql.types.DecimalType;
import io.ember.sql.types.StringType;
import io.ember.sql.types.StructType;
import io.ember.sql.vector.ColumnBatch;
import io.ember.sql.vector.ColumnVector;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.math.BigDecimal;
import java.math.BigInteger;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.NoSuchElementException;
import org.apache.parquet.column.ColumnDescriptor;
import org.apache.parquet.column.ColumnReader;
import org.apache.parquet.column.impl.ColumnReadStoreImpl;
import org.apache.parquet.column.page.PageReadStore;
import org.apache.parquet.hadoop.ParquetFileReader;
import org.apache.parquet.hadoop.metadata.BlockMetaData;
import org.apache.parquet.hadoop.metadata.ColumnChunkMetaData;
import org.apache.parquet.hadoop.metadata.ColumnPath;
import org.apache.parquet.io.LocalInputFile;
import org.apache.parquet.io.api.Binary;
import org.apache.parquet.io.api.Converter;
import org.apache.parquet.io.api.GroupConverter;
import org.apache.parquet.io.api.PrimitiveConverter;
import org.apache.parquet.schema.MessageType;
import org.apache.parquet.schema.PrimitiveType.PrimitiveTypeName;
import org.apache.parquet.schema.Type;
import org.apache.parquet.schema.Types;

/**
 * Reads the row groups of one Parquet file that a split owns (those whose middle byte lies in
 * it) into batches of the required columns: only those column chunks are read, and row groups
 * whose statistics rule out the filters ({@link ParquetStatsFilter}) are skipped unread. Each
 * column chunk is decoded a page at a time by a {@link ParquetChunkReader} when it can read it
 * (flat columns, PLAIN/dictionary encodings; decided per chunk), else value by value through
 * parquet-mr's {@link ColumnReader}. With a {@link ParquetLateFilter} (filters it can evaluate
 * early), each batch's filter columns are decoded first; when at most half the rows pass, the
 * batch handed on holds only those rows and the other columns are decoded only for them (a
 * row group where one of those columns needs the per-value reader is read whole). A filter
 * that keeps most rows over the first {@link #SELECTIVITY_SAMPLE} rows is turned off for the
 * rest of the split. Used by one task thread.
 */
final class ParquetBatchReader implements FileFormat.CloseableIterator<ColumnBatch> {
    private static final long JULIAN_EPOCH_DAY = 2_440_588L;
    /** Rows after which a late filter that keeps most rows is turned off for the rest of the split. */
    private static final long SELECTIVITY_SAMPLE = 16L * ColumnBatch.DEFAULT_ROWS;

    private final ParquetFileReader file;
    private final StructType required;
    private final int[] fileColumn; // index into the projected columns, or -1 when the file lacks the column
    private final List<ColumnDescriptor> projected = new ArrayList<>();
    private final MessageType projection;
    private final List<BlockMetaData> blocks;
    private final boolean[] selected;
    private final ColumnBuilder[] builders;
    private final boolean vectorized;
    private int nextBlock;
    private ParquetChunkReader[] chunks; // per projected column, null where the per-value reader reads it
    private ColumnReader[] readers;
    private long rowsLeft;
    private ColumnBatch next;
    private int skipped;
    private int perValueChunks;
    private final ParquetLateFilter late; // null when the reader decodes every column of every row
    private boolean lateRowGroup; // whether the current row group's other columns can be read selectively
    private final boolean[] isFilterColumn;
    private int[] selection = new int[0];
    private long lateRows; // rows the late filter has seen, and of them kept
    private long lateKept;
    private boolean disabledLate;

    ParquetBatchReader(FileSplit split, StructType required, List<Expression> filters, TextValues text,
            boolean dictionaryStrings, boolean vectorized, boolean lateMaterialization) throws IOException {
        this.vectorized = vectorized;
        this.late = vectorized && lateMaterialization ? ParquetLateFilter.of(filters, required) : null;
        this.isFilterColumn = new boolean[required.size()];
        if (late != null) {
            for (int c : late.columns()) {
                isFilterColumn[c] = true;
            }
        }
        this.file = new ParquetFileReader(new LocalInputFile(Path.of(split.path())), ParquetCodecs.readOptions());
        this.required = required;
        MessageType schema = file.getFooter().getFileMetaData().getSchema();
        List<Type> fields = new ArrayList<>();
        this.fileColumn = new int[required.size()];
        for (int i = 0; i < required.size(); i++) {
            Type f = find(schema, required.field(i).name());
            fileColumn[i] = f == null ? -1 : fields.size();
            if (f != null) {
                fields.add(f);
            }
        }
        this.projection = Types.buildMessage().addFields(fields.toArray(new Type[0])).named(ParquetSchemas.ROOT);
        for (Type f : fields) {
            projected.add(projection.getColumnDescription(new String[] {f.getName()}));
        }
        file.setRequestedSchema(projection);
        this.blocks = file.getRowGroups();
        this.selected = new boolean[blocks.size()];
        for (int b = 0; b < blocks.size(); b++) {
            BlockMetaData m = blocks.get(b);
            long mid = m.getStartingPos() + m.getCompressedSize() / 2;
            selected[b] = mid >= split.start() && mid < split.end();
            if (selected[b] && ParquetStatsFilter.canSkip(m, filters)) {
                selected[b] = false;
                skipped++;
            }
        }
        this.builders = new ColumnBuilder[required.size()];
        for (int i = 0; i < builders.length; i++) {
            builders[i] = ColumnBuilder.of(required.field(i).dataType(), ColumnBatch.DEFAULT_ROWS, text, dictionaryStrings);
        }
    }

    /** Column chunks read so far value by value (the page-at-a-time reader could not read them). */
    int perValueChunks() {
        return perValueChunks;
    }

    /** Row groups of this split that statistics ruled out. */
    int skippedRowGroups() {
        return skipped;
    }

    private static Type find(MessageType schema, String name) {
        if (schema.containsField(name)) {
            return schema.getType(name);
        }
        for (Type t : schema.getFields()) {
            if (t.getName().equalsIgnoreCase(name)) {
                return t;
            }
        }
        return null;
    }

    @Override
    public boolean hasNext() {
        if (next == null) {
            try {
                next = readBatch();
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
        return next != null;
    }

    @Override
    public ColumnBatch next() {
        if (!hasNext()) {
            throw new NoSuchElementException();
        }
        ColumnBatch b = next;
        next = null;
        return b;
    }

    private ColumnBatch readBatch() throws IOException {
        while (true) {
            while (rowsLeft == 0) {
                if (nextBlock >= blocks.size()) {
                    close();
                    return null;
                }
                int b = nextBlock++;
                if (!selected[b]) {
                    file.skipNextRowGroup();
                    continue;
                }
                if (projected.isEmpty()) {
                    rowsLeft = blocks.get(b).getRowCount();
                    file.skipNextRowGroup();
                    readers = new ColumnReader[0];
                    chunks = new ParquetChunkReader[0];
                    lateRowGroup = false;
                    continue;
                }
                openRowGroup(file.readNextRowGroup(), blocks.get(b));
            }
            int n = (int) Math.min(rowsLeft, ColumnBatch.DEFAULT_ROWS);
            rowsLeft -= n;
            ColumnVector[] cols = new ColumnVector[required.size()];
            int rows = n;
            if (lateRowGroup) {
                for (int i : late.columns()) {
                    cols[i] = readColumn(i, n);
                }
                if (selection.length < n) {
                    selection = new int[n];
                }
                int kept = late.select(cols, n, selection);
                lateRows += n;
                lateKept += kept;
                if (lateRows >= SELECTIVITY_SAMPLE && lateKept * 2 > lateRows) {
                    lateRowGroup = false; // most rows pass: the early filter costs more than it saves
                    disabledLate = true;
                }
                if (kept * 2 <= n) { // sparse enough to read only the rows that pass
                    rows = kept;
                    for (int i = 0; i < cols.length; i++) {
                        cols[i] = isFilterColumn[i] ? VectorOps.gather(cols[i], selection, kept)
                                : readSelected(i, n, selection, kept);
                    }
                    if (kept == 0) {
                        continue;
                    }
                }
            }
            for (int i = 0; i < cols.length; i++) {
                if (cols[i] == null) {
                    cols[i] = readColumn(i, n);
                }
            }
            return new ColumnBatch(cols, rows);
        }
    }

    /** The next {@code n} rows of required column {@code i}. */
    private ColumnVector readColumn(int i, int n) throws IOException {
        int c = fileColumn[i];
        if (c < 0) {
            return nulls(i, n);
        }
        if (chunks[c] != null) {
            return chunks[c].read(n);
        }
        fill(builders[i], readers[c], projected.get(c), required.field(i).dataType(), n);
        return builders[i].build(n);
    }

    /**
     * Rows {@code rows[0, count)} of the next {@code n} rows of required column {@code i} (read
     * page at a time; with {@code count} 0 the rows are only skipped).
     */
    private ColumnVector readSelected(int i, int n, int[] rows, int count) throws IOException {
        int c = fileColumn[i];
        if (c < 0) {
            return nulls(i, count);
        }
        return chunks[c].readSelected(n, rows, count);
    }

    private ColumnVector nulls(int i, int n) {
        for (int r = 0; r < n; r++) {
            builders[i].setNull(r);
        }
        return builders[i].build(n);
    }

    private void openRowGroup(PageReadStore group, BlockMetaData meta) throws IOException {
        chunks = new ParquetChunkReader[projected.size()];
        readers = new ColumnReader[projected.size()];
        ColumnReadStoreImpl store = null;
        for (int i = 0; i < fileColumn.length; i++) {
            int c = fileColumn[i];
            if (c < 0) {
                continue;
            }
            ColumnDescriptor d = projected.get(c);
            if (vectorized) {
                chunks[c] = ParquetChunkReader.open(group.getPageReader(d), d, chunkOf(meta, d),
                        required.field(i).dataType());
            }
            if (chunks[c] == null) {
                perValueChunks++;
                if (store == null) {
                    store = new ColumnReadStoreImpl(group, new IgnoringConverter(), projection,
                            file.getFooter().getFileMetaData().getCreatedBy());
                }
                readers[c] = store.getColumnReader(d);
            }
        }
        rowsLeft = group.getRowCount();
        lateRowGroup = late != null && !disabledLate;
        for (int i = 0; i < fileColumn.length && lateRowGroup; i++) {
            lateRowGroup = isFilterColumn[i] || fileColumn[i] < 0 || chunks[fileColumn[i]] != null;
        }
    }

    private static ColumnChunkMetaData chunkOf(BlockMetaData meta, ColumnDescriptor d) throws IOException {
        ColumnPath path = ColumnPath.get(d.getPath());
        for (ColumnChunkMetaData m : meta.getColumns()) {
            if (m.getPath().equals(path)) {
                return m;
            }
        }
        throw new IOException("row group without column chunk " + path);
    }

    private static void fill(ColumnBuilder out, ColumnReader in, ColumnDescriptor d, DataType t, int n) {
        int maxDef = d.getMaxDefinitionLevel();
        PrimitiveTypeName physical = d.getPrimitiveType().getPrimitiveTypeName();
        for (int r = 0; r < n; r++) {
            if (in.getCurrentDefinitionLevel() < maxDef) {
                out.setNull(r);
            } else {
                out.setValue(r, value(in, physical, t));
            }
            in.consume();
        }
    }

    private static Object value(ColumnReader in, PrimitiveTypeName physical, DataType t) {
        switch (physical) {
            case BOOLEAN: return in.getBoolean();
            case INT32:
                return t instanceof DecimalType d ? BigDecimal.valueOf(in.getInteger(), d.scale()) : (Object) in.getInteger();
            case INT64:
                return t instanceof DecimalType d ? BigDecimal.valueOf(in.getLong(), d.scale()) : (Object) in.getLong();
            case FLOAT: return in.getFloat();
            case DOUBLE: return in.getDouble();
            case INT96: {
                ByteBuffer b = in.getBinary().toByteBuffer().order(ByteOrder.LITTLE_ENDIAN);
                long nanos = b.getLong();
                long julianDay = b.getInt() & 0xFFFFFFFFL;
                return (julianDay - JULIAN_EPOCH_DAY) * 86_400_000_000L + nanos / 1000;
            }
            default: {
                Binary bin = in.getBinary();
                if (t instanceof StringType) {
                    return bin.toStringUsingUTF8();
                }
                if (t instanceof DecimalType d) {
                    return new BigDecimal(new BigInteger(bin.getBytes()), d.scale());
                }
                return bin.getBytes();
            }
        }
    }

    @Override
    public void close() {
        try {
            file.close();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The record converter the column store requires; values are read from the column readers instead. */
    private static final class IgnoringConverter extends GroupConverter {
        private final PrimitiveConverter ignore = new PrimitiveConverter() {};

        @Override
        public Converter getConverter(int fieldIndex) {
            return ignore;
        }

        @Override
        public void start() {}

        @Override
        public void end() {}
    }
}
