package io.ember.sql.sources;

import io.ember.sql.types.DataType;
import io.ember.sql.vector.ColumnVector;
import java.io.IOException;
import java.util.EnumSet;
import java.util.Set;
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
 * can read it; otherwise the caller uses the per-value path. Used by one task thread.
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
            byte[] b = dict.getBytes().toByteArray();
            values.dictionary(new ParquetPlainDecoder(b, 0, b.length), dict.getDictionarySize());
            r.hasDictionary = true;
        }
        return r;
    }

    /** The next {@code n} rows of the chunk. */
    ColumnVector read(int n) throws IOException {
        values.start(n);
        boolean[] nulls = null;
        int at = 0;
        while (at < n) {
            if (pageLeft == 0) {
                nextPage();
            }
            int k = Math.min(pageLeft, n - at);
            int m = k;
            if (pageHasNulls) {
                for (int j = 0; j < k; j++) {
                    if (levels[levelAt + j] != maxDef) {
                        if (nulls == null) {
                            nulls = new boolean[n];
                        }
                        nulls[at + j] = true;
                        m--;
                    }
                }
            }
            levelAt += k;
            if (ids != null) {
                if (idScratch.length < m) {
                    idScratch = new int[Math.max(m, 1024)];
                }
                ids.read(idScratch, 0, m);
                checkIds(m);
                values.lookup(idScratch, at, m);
            } else {
                values.plain(plain, at, m);
            }
            if (m < k) {
                values.spread(nulls, at, k, m);
            }
            pageLeft -= k;
            at += k;
        }
        return values.build(nulls, n);
    }

    private void checkIds(int m) throws IOException {
        int size = values.dictionarySize();
        for (int i = 0; i < m; i++) {
            if (Integer.compareUnsigned(idScratch[i], size) >= 0) {
                throw new IOException("dictionary id " + idScratch[i] + " of column " + column + " is not below "
                        + size);
            }
        }
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
        byte[] data;
        int valuesAt;
        Encoding encoding;
        if (page instanceof DataPageV1 v1) {
            data = v1.getBytes().toByteArray();
            valuesAt = 0;
            if (maxDef > 0) {
                if (v1.getDlEncoding() == Encoding.RLE) {
                    int len = BytesUtils.readIntLittleEndian(data, 0);
                    defined = ParquetLevels.hybrid(data, 4, 4 + len, maxDef, levels, count);
                    valuesAt = 4 + len;
                } else if (v1.getDlEncoding() == Encoding.BIT_PACKED) {
                    valuesAt = ParquetLevels.bitPacked(data, 0, maxDef, levels, count);
                    defined = ParquetLevels.count(levels, count, maxDef);
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
                byte[] l = v2.getDefinitionLevels().toByteArray();
                defined = ParquetLevels.hybrid(l, 0, l.length, maxDef, levels, count);
            } else {
                defined = count;
            }
            data = v2.getData().toByteArray();
            valuesAt = 0;
            encoding = v2.getDataEncoding();
        }
        pageHasNulls = defined < count;
        openValues(data, valuesAt, encoding);
        pageLeft = count;
    }

    private void openValues(byte[] data, int at, Encoding encoding) throws IOException {
        plain = null;
        ids = null;
        switch (encoding) {
            case PLAIN:
                plain = new ParquetPlainDecoder(data, at, data.length);
                break;
            case PLAIN_DICTIONARY:
            case RLE_DICTIONARY:
                if (!hasDictionary) {
                    throw new IOException("dictionary-encoded page without a dictionary page in " + column);
                }
                if (at >= data.length) { // a page of nulls only
                    ids = new ParquetHybridDecoder(data, at, at, 0);
                } else {
                    ids = new ParquetHybridDecoder(data, at + 1, data.length, data[at] & 0xFF);
                }
                break;
            case RLE:
                if (!(values instanceof ParquetValueReaders.Booleans)) {
                    throw new IOException("RLE-encoded values in non-boolean column " + column);
                }
                int len = BytesUtils.readIntLittleEndian(data, at);
                ids = new ParquetHybridDecoder(data, at + 4, at + 4 + len, 1);
                break;
            default:
                throw new IOException("values encoded " + encoding + " in " + column);
        }
    }
}
