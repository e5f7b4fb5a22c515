package io.ember.sql.sources;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.ember.sql.types.DataType;
import io.ember.sql.types.DataTypes;
import io.ember.sql.types.StructField;
import io.ember.sql.types.StructType;
import io.ember.sql.vector.ColumnBatch;
import io.ember.sql.vector.ColumnVector;
import io.ember.sql.vector.ColumnVectors;
import io.ember.sql.vector.DecimalVector;
import io.ember.sql.vector.DictionaryVector;
import io.ember.sql.vector.StringVector;
import java.io.OutputStream;
import java.math.BigDecimal;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Stream;
import org.apache.parquet.column.Encoding;
import org.apache.parquet.hadoop.ParquetFileReader;
import org.apache.parquet.hadoop.metadata.BlockMetaData;
import org.apache.parquet.hadoop.metadata.ColumnChunkMetaData;
import org.apache.parquet.io.LocalInputFile;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The page-at-a-time Parquet reader against the per-value one and the rows written: every
 * type with nulls in v1 and v2 pages, batches spanning small pages, dictionary and PLAIN pages
 * in one chunk, per-chunk fallback, and the committed TPC-H files parquet-rs wrote.
 */
class ParquetChunkReaderTest {
    @TempDir
    Path tmp;

    private static final StructType ALL = new StructType(List.of(
            new StructField("b", DataTypes.BooleanType, true),
            new StructField("y", DataTypes.ByteType, true),
            new StructField("sh", DataTypes.ShortType, true),
            new StructField("i", DataTypes.IntegerType, true),
            new StructField("dt", DataTypes.DateType, true),
            new StructField("l", DataTypes.LongType, true),
            new StructField("ts", DataTypes.TimestampType, true),
            new StructField("f", DataTypes.FloatType, true),
            new StructField("d", DataTypes.DoubleType, true),
            new StructField("s", DataTypes.StringType, true),
            new StructField("bin", DataTypes.BinaryType, true),
            new StructField("d9", DataTypes.createDecimalType(9, 2), true),
            new StructField("d18", DataTypes.createDecimalType(18, 4), true),
            new StructField("d25", DataTypes.createDecimalType(25, 3), true)));

    private static List<Object> allTypesRow(int r) {
        List<Object> row = Arrays.asList(r % 3 == 0, r % 100 - 50, r * 7 % 30000, r * 31 - 1000, 18000 + r % 400,
                (long) r * 1_000_003L, 1_700_000_000_000_000L + r, r * 0.5f, r / 3.0, "s" + (r % 17),
                new byte[] {(byte) r, (byte) (r >> 8)}, BigDecimal.valueOf(r * 13L - 500, 2),
                BigDecimal.valueOf(r * 1_000_000_007L, 4), BigDecimal.valueOf(r * 99L - 7, 3));
        for (int c = 0; c < row.size(); c++) {
            if ((r + c) % 7 == 0 || (r >= 3000 && r < 3100)) { // scattered nulls, and a run of them
                row.set(c, null);
            }
        }
        return row;
    }

    private Path write(StructType schema, List<List<Object>> rows, Map<String, String> options) throws Exception {
        Path out = tmp.resolve("f" + Files.list(tmp).count() + ".parquet");
        Map<String, String> o = new HashMap<>(options);
        try (OutputStream s = Files.newOutputStream(out)) {
            ParquetRowWriter w = new ParquetRowWriter(s, schema, new SourceOptions(o));
            ColumnVector[] cols = new ColumnVector[schema.size()];
            for (int c = 0; c < cols.length; c++) {
                cols[c] = ColumnVectors.allocate(schema.field(c).dataType(), rows.size());
                for (int r = 0; r < rows.size(); r++) {
                    ColumnVectors.set(cols[c], r, rows.get(r).get(c));
                }
            }
            for (int r = 0; r < rows.size(); r++) {
                w.write(cols, r);
            }
            w.close();
        }
        return out;
    }

    /** The batches of the whole file; {@code perValue[0]} receives the chunks read value by value. */
    private static List<ColumnBatch> read(Path file, StructType required, boolean vectorized, int[] perValue)
            throws Exception {
        long len = Files.size(file);
        ParquetBatchReader r = new ParquetBatchReader(new FileSplit(file.toString(), 0, len, len, new Object[0]),
                required, List.of(), new TextValues(new SourceOptions(Map.of())), false, vectorized, true);
        List<ColumnBatch> out = new ArrayList<>();
        while (r.hasNext()) {
            out.add(r.next());
        }
        if (perValue != null) {
            perValue[0] = r.perValueChunks();
        }
        return out;
    }

    /** Rows with byte arrays as lists, so rows compare by value. */
    private static List<List<Object>> comparable(List<List<Object>> rows) {
        List<List<Object>> out = new ArrayList<>();
        for (List<Object> row : rows) {
            List<Object> o = new ArrayList<>();
            for (Object v : row) {
                o.add(v instanceof byte[] b ? Arrays.toString(b) : v);
            }
            out.add(o);
        }
        return out;
    }

    private static List<List<Object>> rows(List<ColumnBatch> batches) {
        return comparable(SourceTesting.toRows(batches));
    }

    /** Chunks the per-value reader must read: DELTA_* encodings (v2 pages fall back to them), and d25. */
    private static int perValueChunksOf(Path f) throws Exception {
        Set<Encoding> readable = Set.of(Encoding.PLAIN, Encoding.RLE, Encoding.BIT_PACKED, Encoding.PLAIN_DICTIONARY,
                Encoding.RLE_DICTIONARY);
        int n = 0;
        try (ParquetFileReader r = new ParquetFileReader(new LocalInputFile(f), ParquetCodecs.readOptions())) {
            for (BlockMetaData g : r.getRowGroups()) {
                for (ColumnChunkMetaData c : g.getColumns()) {
                    if (!readable.containsAll(c.getEncodings()) || c.getPath().toDotString().equals("d25")) {
                        n++;
                    }
                }
            }
        }
        return n;
    }

    private void checkAllTypes(Map<String, String> options, Class<?> strings, int mostPerValue) throws Exception {
        List<List<Object>> rows = new ArrayList<>();
        for (int r = 0; r < 10_000; r++) {
            rows.add(allTypesRow(r));
        }
        Path f = write(ALL, rows, options);
        int[] perValue = new int[1];
        List<ColumnBatch> fast = read(f, ALL, true, perValue);
        int expected = perValueChunksOf(f);
        assertEquals(expected, perValue[0]);
        assertTrue(expected <= mostPerValue, "chunks read value by value: " + expected);
        assertEquals(comparable(rows), rows(fast));
        assertEquals(rows(read(f, ALL, false, null)), rows(fast));
        assertInstanceOf(DecimalVector.class, fast.get(0).column(12));
        assertInstanceOf(strings, fast.get(0).column(9));
    }

    @Test
    void everyTypeWithNullsInV1PagesSpanningBatches() throws Exception {
        checkAllTypes(Map.of("parquet.page.size", "2048", "parquet.page.row.count.limit", "700"),
                DictionaryVector.class, 1);
    }

    @Test
    void everyTypeWithNullsInV2Pages() throws Exception {
        checkAllTypes(Map.of("parquet.writer.version", "v2", "parquet.page.size", "4096"), DictionaryVector.class, 8);
    }

    @Test
    void everyTypePlainOnly() throws Exception {
        checkAllTypes(Map.of("parquet.enable.dictionary", "false", "parquet.page.size", "3000"), StringVector.class, 1);
        List<List<Object>> rows = List.of(Arrays.asList(1, "a"), Arrays.asList(null, null));
        StructType st = new StructType(List.of(new StructField("i", DataTypes.IntegerType, true),
                new StructField("s", DataTypes.StringType, true)));
        Path f = write(st, rows, Map.of("parquet.enable.dictionary", "false"));
        List<ColumnBatch> b = read(f, st, true, null);
        assertInstanceOf(StringVector.class, b.get(0).column(1));
        assertEquals(rows, SourceTesting.toRows(b));
    }

    @Test
    void dictionaryPagesThenPlainFallbackInOneChunk() throws Exception {
        StructType st = new StructType(List.of(new StructField("s", DataTypes.StringType, true),
                new StructField("l", DataTypes.LongType, true)));
        List<List<Object>> rows = new ArrayList<>();
        for (int r = 0; r < 30_000; r++) {
            boolean few = r < 9_000; // few distinct values first, then all distinct: the dictionary overflows
            rows.add(Arrays.asList(r % 11 == 0 ? null : few ? "k" + r % 5 : "distinct-" + r,
                    r % 13 == 0 ? null : few ? (long) r % 5 : (long) r));
        }
        Path f = write(st, rows, Map.of("parquet.dictionary.page.size", "8192", "parquet.page.size", "4096"));
        try (ParquetFileReader r = new ParquetFileReader(new LocalInputFile(f), ParquetCodecs.readOptions())) {
            BlockMetaData g = r.getRowGroups().get(0);
            assertEquals(1, r.getRowGroups().size());
            for (ColumnChunkMetaData c : g.getColumns()) {
                Set<Encoding> e = c.getEncodings();
                assertTrue(e.contains(Encoding.PLAIN_DICTIONARY) && e.contains(Encoding.PLAIN), c + ": " + e);
            }
        }
        int[] perValue = new int[1];
        List<ColumnBatch> fast = read(f, st, true, perValue);
        assertEquals(0, perValue[0]);
        assertEquals(rows, SourceTesting.toRows(fast));
        assertInstanceOf(DictionaryVector.class, fast.get(0).column(0));
        assertInstanceOf(StringVector.class, fast.get(2).column(0)); // rows 8192.. meet the first PLAIN page
        assertInstanceOf(StringVector.class, fast.get(fast.size() - 1).column(0));
    }

    @Test
    void chunksOnlyThePerValueReaderReadsFallBackOnTheirOwn() throws Exception {
        StructType written = new StructType(List.of(new StructField("i", DataTypes.IntegerType, true),
                new StructField("s", DataTypes.StringType, true)));
        List<List<Object>> rows = new ArrayList<>();
        for (int r = 0; r < 5000; r++) {
            rows.add(Arrays.asList(r % 4 == 0 ? null : r, "v" + r % 3));
        }
        Path f = write(written, rows, Map.of());
        StructType wider = new StructType(List.of(new StructField("i", DataTypes.LongType, true),
                new StructField("s", DataTypes.StringType, true)));
        int[] perValue = new int[1];
        List<List<Object>> back = SourceTesting.toRows(read(f, wider, true, perValue));
        assertEquals(1, perValue[0]);
        for (int r = 0; r < rows.size(); r++) {
            Object i = rows.get(r).get(0);
            assertEquals(Arrays.asList(i == null ? null : ((Integer) i).longValue(), rows.get(r).get(1)), back.get(r));
        }
    }

    @Test
    void tpchFilesWrittenByParquetRsReadAlike() throws Exception {
        Path dir = Path.of(System.getProperty("user.dir")).getParent().resolve("tests/data/tpch/sf001");
        List<Path> files;
        try (Stream<Path> s = Files.list(dir)) {
            files = s.filter(p -> p.toString().endsWith(".parquet")).sorted().toList();
        }
        assertEquals(8, files.size());
        for (Path f : files) {
            StructType schema;
            try (ParquetFileReader r = new ParquetFileReader(new LocalInputFile(f), ParquetCodecs.readOptions())) {
                schema = ParquetSchemas.toSpark(r.getFooter().getFileMetaData().getSchema());
            }
            int[] perValue = new int[1];
            List<ColumnBatch> fast = read(f, schema, true, perValue);
            assertEquals(0, perValue[0], f.toString());
            assertEquals(rows(read(f, schema, false, null)), rows(fast), f.toString());
            if (f.getFileName().toString().equals("lineitem.parquet")) {
                int flag = schema.indexOf("l_returnflag");
                assertInstanceOf(DictionaryVector.class, fast.get(0).column(flag));
                DataType price = schema.field(schema.indexOf("l_extendedprice")).dataType();
                assertInstanceOf(DecimalVector.class, fast.get(0).column(schema.indexOf("l_extendedprice")),
                        price.simpleString());
            }
        }
    }
}
