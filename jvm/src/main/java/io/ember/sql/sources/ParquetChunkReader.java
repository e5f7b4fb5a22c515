package io.ember.sql.sources;

import io.ember.sql.types.DataType;
import io.ember.sql.vector.ColumnVector;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.util.EnumSet;
import java.util.Set;
import org.apache.parquet.bytes.BytesInput;
import org.apache.parquet.bytes.BytesUtils;
import org.apache.parquet.column.ColumnDescriptor;
import org.apache.parquet.column.Encoding;
import org.apache.parquet.column.page.DataPage;
import org.apache.parquet.column.page.DataPageV1;
import org.apache.parquet.column.page.DataPageV2;
import org.apache.parquet.column.page.DictionaryPage;
import org.apache.parquet.column.page.PageReader;
import org.apache.parquet.hadoop.metadata.ColumnChunkMetaData;

/**
 * Reads one flat column chunk in batches, decoding whole pages instead of one value at a time
 * (parquet-mr's {@code ColumnReader} costs a few virtual calls per value). Pages come from
 * parquet-mr's {@link PageReader}, already decompressed; a page's definition levels are decoded
 * in one go when it is opened ({@link ParquetLevels}); values are PLAIN
 * ({@link ParquetPlainDecoder}) or dictionary ids ({@link ParquetHybridDecoder}) handed to the
 * column's {@link ParquetValues}. A batch may span pages, and a chunk may mix dictionary and
 * PLAIN pages. {@link #open} decides per chunk, before anything is read, whether this reader
 * can read it; otherwise the caller uses the per-value path. Rows can also be passed over
 * ({@link #skip}) or read only where a selection says ({@link #readSelected}): skipped values
 * are not decoded (dictionary ids are stepped over, PLAIN values too, byte arrays by their
 * lengths), which is what late materialization in {@link ParquetBatchReader} relies on. Page
 * bytes are read where the decompressor left them, never copied. Used by one task thread.
 */
final class ParquetChunkReader {
    private static final Set<Encoding> READABLE = EnumSet.of(Encoding.PLAIN, Encoding.RLE, Encoding.BIT_PACKED,
            Encoding.PLAIN_DICTIONARY, Encoding.RLE_DICTIONARY);

    private final PageReader pages;
    private final ColumnDescriptor column;
    private final ParquetValues values;
    private final int maxDef;
    private boolean hasDictionary;
    private int pageLeft; // rows of the current page not yet read
    private int[] levels = new int[0];
    private int levelAt;
    private boolean pageHasNulls;
    private ParquetPlainDecoder plain; // the page's values when PLAIN
    private ParquetHybridDecoder ids; // the page's values when dictionary ids (or RLE booleans)
    private int[] idScratch = new int[0];

    private ParquetChunkReader(PageReader pages, ColumnDescriptor column, ParquetValues values) {
        this.pages = pages;
        this.column = column;
        this.values = values;
        this.maxDef = column.getMaxDefinitionLevel();
    }

    /**
     * A reader of {@code column}'s chunk as {@code t}, or null when the chunk needs the per-value
     * path (repeated or nested column, an encoding other than PLAIN/RLE/dictionary, a type
     * {@link ParquetValues#of} does not read). Reads the dictionary page, if any.
     */
    static ParquetChunkReader open(PageReader pages, ColumnDescriptor column, ColumnChunkMetaData meta, DataType t)
            throws IOException {
        if (column.getMaxRepetitionLevel() != 0 || column.getMaxDefinitionLevel() > 1
                || !READABLE.containsAll(meta.getEncodings())) {
            return null;
        }
        ParquetValues values = ParquetValues.of(column.getPrimitiveType(), t);
        if (values == null) {
            return null;
        }
        ParquetChunkReader r = new ParquetChunkReader(pages, column, values);
        DictionaryPage dict = pages.readDictionaryPage();
        if (dict != null) {
            Slice b = Slice.of(dict.getBytes());
            values.dictionary(new ParquetPlainDecoder(b.array, b.from, b.to), dict.getDictionarySize());
            r.hasDictionary = true;
        }
        return r;
    }

    /** The next {@code n} rows of the chunk. */
    ColumnVector read(int n) throws IOException {
        values.start(n);
        return values.build(fill(0, n, null, n), n);
    }

    /**
     * Of the next {@code n} rows of the chunk, only rows {@code rows[0, count)} (ascending
     * offsets below {@code n}), as a vector of {@code count} rows; the others are passed over
     * without being decoded. Runs of adjacent rows are read together.
     */
    ColumnVector readSelected(int n, int[] rows, int count) throws IOException {
        values.start(count);
        boolean[] nulls = null;
        int row = 0; // rows of the n consumed so far
        for (int i = 0; i < count; ) {
            int first = rows[i];
            int j = i + 1;
            while (j < count && rows[j] == rows[j - 1] + 1) {
                j++;
            }
            skip(first - row);
            nulls = fill(i, j - i, nulls, count);
            row = first + j - i;
            i = j;
        }
        skip(n - row);
        return values.build(nulls, count);
    }

    /** Passes over the next {@code n} rows of the chunk without decoding their values. */
    void skip(int n) throws IOException {
        while (n > 0) {
            if (pageLeft == 0) {
                nextPage();
            }
            int k = Math.min(pageLeft, n);
            int m = pageHasNulls ? ParquetLevels.count(levels, levelAt, levelAt + k, maxDef) : k;
            levelAt += k;
            if (ids != null) {
                ids.skip(m);
            } else {
                values.skipPlain(plain, m);
            }
            pageLeft -= k;
            n -= k;
        }
    }

    /**
     * Reads the next {@code k} rows into rows {@code [at, at + k)} of the batch of {@code size}
     * rows being built, marking nulls in {@code nulls} (allocated on the first null); returns it.
     */
    private boolean[] fill(int at, int k, boolean[] nulls, int size) throws IOException {
        int to = at + k;
        while (at < to) {
            if (pageLeft == 0) {
                nextPage();
            }
            int r = Math.min(pageLeft, to - at);
            int m = r;
            if (pageHasNulls) {
                for (int j = 0; j < r; j++) {
                    if (levels[levelAt + j] != maxDef) {
                        if (nulls == null) {
                            nulls = new boolean[size];
                        }
                        nulls[at + j] = true;
                        m--;
                    }
                }
            }
            levelAt += r;
            if (ids != null) {
                if (idScratch.length < m) {
                    idScratch = new int[Math.max(m, 1024)];
                }
                ids.read(idScratch, 0, m);
                try {
                    values.lookup(idScratch, at, m);
                } catch (ArrayIndexOutOfBoundsException e) {
                    throw badId(m);
                }
            } else {
                values.plain(plain, at, m);
            }
            if (m < r) {
                values.spread(nulls, at, r, m);
            }
            pageLeft -= r;
            at += r;
        }
        return nulls;
    }

    /** The error for ids {@code idScratch[0, m)} of which one is not in the dictionary (found only once the lookup failed). */
    private IOException badId(int m) {
        int size = values.dictionarySize();
        for (int i = 0; i < m; i++) {
            if (Integer.compareUnsigned(idScratch[i], size) >= 0) {
                return new IOException("dictionary id " + Integer.toUnsignedString(idScratch[i]) + " of column "
                        + column + " is not below " + size);
            }
        }
        return new IOException("dictionary lookup failed in column " + column);
    }

    private void nextPage() throws IOException {
        DataPage page = pages.readPage();
        if (page == null) {
            throw new IOException("column chunk " + column + " ends before its row group's rows");
        }
        int count = page.getValueCount();
        if (levels.length < count) {
            levels = new int[count];
        }
        levelAt = 0;
        int defined;
        Slice data;
        int valuesAt;
        Encoding encoding;
        if (page instanceof DataPageV1 v1) {
            data = Slice.of(v1.getBytes());
            valuesAt = data.from;
            if (maxDef > 0) {
                if (v1.getDlEncoding() == Encoding.RLE) {
                    if (data.to - data.from < 4) {
                        throw new IOException("data page of " + column + " ends in its levels' length");
                    }
                    int len = BytesUtils.readIntLittleEndian(data.array, data.from);
                    if (len < 0 || len > data.to - data.from - 4) {
                        throw new IOException("definition levels of " + len + " bytes overrun the page of " + column);
                    }
                    valuesAt = data.from + 4 + len;
                    defined = ParquetLevels.hybrid(data.array, data.from + 4, valuesAt, maxDef, levels, count);
                } else if (v1.getDlEncoding() == Encoding.BIT_PACKED) {
                    valuesAt = ParquetLevels.bitPacked(data.array, data.from, data.to, maxDef, levels, count);
                    defined = ParquetLevels.count(levels, 0, count, maxDef);
                } else {
                    throw new IOException("definition levels encoded " + v1.getDlEncoding() + " in " + column);
                }
            } else {
                defined = count;
            }
            encoding = v1.getValueEncoding();
        } else {
            DataPageV2 v2 = (DataPageV2) page;
            if (maxDef > 0) {
                Slice l = Slice.of(v2.getDefinitionLevels());
                defined = ParquetLevels.hybrid(l.array, l.from, l.to, maxDef, levels, count);
            } else {
                defined = count;
            }
            data = Slice.of(v2.getData());
            valuesAt = data.from;
            encoding = v2.getDataEncoding();
        }
        pageHasNulls = defined < count;
        openValues(data.array, valuesAt, data.to, encoding);
        pageLeft = count;
    }

    private void openValues(byte[] data, int at, int end, Encoding encoding) throws IOException {
        plain = null;
        ids = null;
        switch (encoding) {
            case PLAIN:
                plain = new ParquetPlainDecoder(data, at, end);
                break;
            case PLAIN_DICTIONARY:
            case RLE_DICTIONARY:
                if (!hasDictionary) {
                    throw new IOException("dictionary-encoded page without a dictionary page in " + column);
                }
                if (at >= end) { // a page of nulls only
                    ids = new ParquetHybridDecoder(data, at, at, 0);
                } else {
                    ids = new ParquetHybridDecoder(data, at + 1, end, data[at] & 0xFF);
                }
                break;
            case RLE:
                if (!(values instanceof ParquetValueReaders.Booleans)) {
                    throw new IOException("RLE-encoded values in non-boolean column " + column);
                }
                if (end - at < 4) {
                    throw new IOException("RLE booleans of " + column + " lack their length");
                }
                int len = BytesUtils.readIntLittleEndian(data, at);
                if (len < 0 || len > end - at - 4) {
                    throw new IOException("RLE booleans of " + len + " bytes overrun the page of " + column);
                }
                ids = new ParquetHybridDecoder(data, at + 4, at + 4 + len, 1);
                break;
            default:
                throw new IOException("values encoded " + encoding + " in " + column);
        }
    }

    /**
     * A page's bytes {@code array[from, to)}: the decompressed page's own array when it has
     * one (no copy; parquet-mr's {@code toByteArray} copies every page), else a copy.
     */
    private record Slice(byte[] array, int from, int to) {
        static Slice of(BytesInput in) throws IOException {
            ByteBuffer b = in.toByteBuffer();
            if (b.hasArray()) {
                int from = b.arrayOffset() + b.position();
                return new Slice(b.array(), from, from + b.remaining());
            }
            byte[] copy = in.toByteArray();
            return new Slice(copy, 0, copy.length);
        }
    }
}
