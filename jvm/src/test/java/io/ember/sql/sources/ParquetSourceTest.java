package io.ember.sql.sources;

import static io.ember.sql.sources.SourceTesting.row;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.ember.sql.AnalysisException;
import io.ember.sql.expressions.AttributeReference;
import io.ember.sql.expressions.Literal;
import io.ember.sql.plans.LogicalPlan;
import io.ember.sql.types.DataTypes;
import io.ember.sql.types.StructField;
import io.ember.sql.types.StructType;
import java.math.BigDecimal;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.apache.parquet.hadoop.ParquetFileReader;
import org.apache.parquet.hadoop.metadata.CompressionCodecName;
import org.apache.parquet.io.LocalInputFile;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Parquet: round trips, projection, row-group skipping, partitions, and a file PySpark 4.3 wrote. */
class ParquetSourceTest {
    private static SourceTesting t;

    @TempDir
    Path tmp;

    @BeforeAll
    static void start() {
        t = new SourceTesting();
    }

    @AfterAll
    static void stop() {
        t.close();
    }

    private static final List<AttributeReference> COLS = List.of(
            new AttributeReference("i", DataTypes.IntegerType, true),
            new AttributeReference("l", DataTypes.LongType, true),
            new AttributeReference("d", DataTypes.DoubleType, true),
            new AttributeReference("f", DataTypes.FloatType, true),
            new AttributeReference("s", DataTypes.StringType, true),
            new AttributeReference("b", DataTypes.BooleanType, true),
            new AttributeReference("dt", DataTypes.DateType, true),
            new AttributeReference("ts", DataTypes.TimestampType, true),
            new AttributeReference("small", DataTypes.createDecimalType(10, 2), true),
            new AttributeReference("big", DataTypes.createDecimalType(25, 3), true),
            new AttributeReference("sh", DataTypes.ShortType, true),
            new AttributeReference("bin", DataTypes.BinaryType, true));

    private static List<Path> files(Path dir, String suffix) throws Exception {
        try (Stream<Path> s = Files.walk(dir)) {
            return s.filter(p -> p.toString().endsWith(suffix)).sorted().toList();
        }
    }

    @Test
    void roundTripOfFlatTypesWithSnappy() throws Exception {
        List<List<Object>> rows = List.of(
                row(1, 3000000000L, 1.5, 2.5f, "héllo", true, 19727, 1704448800000000L, new BigDecimal("12.34"),
                        new BigDecimal("-1234567890123456789012.345"), 7, new byte[] {1, 2, 3}),
                row(null, null, null, null, null, null, null, null, null, null, null, null));
        Path out = tmp.resolve("p");
        DataSource.write(t.batches(COLS, rows, 1), COLS, "parquet", out.toString(), "error", List.of(), Map.of(), t.conf);
        List<Path> parts = files(out, ".snappy.parquet");
        assertEquals(1, parts.size());
        try (ParquetFileReader r = new ParquetFileReader(new LocalInputFile(parts.get(0)), ParquetCodecs.readOptions())) {
            assertEquals(CompressionCodecName.SNAPPY, r.getRowGroups().get(0).getColumns().get(0).getCodec());
        }
        LogicalPlan rel = t.resolve("parquet", out.toString(), Map.of(), null);
        assertEquals(COLS.stream().map(AttributeReference::dataType).toList(),
                rel.output().stream().map(AttributeReference::dataType).toList());
        List<List<Object>> back = t.rows(t.scan(rel, rel.output(), List.of()));
        assertEquals(rows.get(0).subList(0, 11), back.get(0).subList(0, 11));
        assertArrayEquals(new byte[] {1, 2, 3}, (byte[]) back.get(0).get(11));
        assertEquals(rows.get(1), back.get(1));
        // projection: two columns, in the asked order
        List<AttributeReference> o = rel.output();
        assertEquals(List.of(row("héllo", 1), row(null, null)), t.rows(t.scan(rel, List.of(o.get(4), o.get(0)), List.of())));
        assertEquals(List.of(row(), row()), t.rows(t.scan(rel, List.of(), List.of())));
    }

    @Test
    void statisticsSkipRowGroupsThatCannotMatch() throws Exception {
        List<AttributeReference> cols = List.of(new AttributeReference("x", DataTypes.LongType, true),
                new AttributeReference("s", DataTypes.StringType, true));
        List<List<Object>> rows = new ArrayList<>();
        for (long i = 0; i < 20_000; i++) {
            rows.add(row(i, "v" + (i % 100)));
        }
        Path out = tmp.resolve("p");
        DataSource.write(t.batches(cols, rows, 1), cols, "parquet", out.toString(), "error", List.of(),
                Map.of("parquet.block.size", "16384"), t.conf);
        int groups;
        try (ParquetFileReader r = new ParquetFileReader(new LocalInputFile(files(out, ".parquet").get(0)),
                ParquetCodecs.readOptions())) {
            groups = r.getRowGroups().size();
        }
        assertTrue(groups >= 4, "row groups: " + groups);
        LogicalPlan rel = t.resolve("parquet", out.toString(), Map.of(), null);
        AttributeReference x = rel.output().get(0);
        List<List<Object>> hit = t.rows(t.scan(rel, rel.output(),
                List.of(new TestingEquals(x, new Literal(12_345L, DataTypes.LongType)))));
        assertTrue(hit.contains(row(12_345L, "v45")));
        assertTrue(hit.size() < 20_000 / 2, "rows read: " + hit.size()); // the other row groups were skipped
        List<List<Object>> above = t.rows(t.scan(rel, List.of(x),
                List.of(new TestingEquals(x, ">", new Literal(19_990L, DataTypes.LongType)))));
        assertTrue(above.contains(row(19_999L)) && above.size() < 20_000 / 2, "rows read: " + above.size());
        assertEquals(0, t.rows(t.scan(rel, List.of(x),
                List.of(new TestingEquals(x, ">", new Literal(50_000L, DataTypes.LongType))))).size());
        // a filter the statistics cannot judge reads everything
        assertEquals(20_000, t.rows(t.scan(rel, List.of(x),
                List.of(new TestingEquals(new Literal(1L, DataTypes.LongType), "=", new Literal(2L, DataTypes.LongType))))).size());
    }

    @Test
    void partitionedParquetRoundTrip() throws Exception {
        List<AttributeReference> cols = List.of(new AttributeReference("k", DataTypes.StringType, true),
                new AttributeReference("v", DataTypes.IntegerType, true));
        Path out = tmp.resolve("p");
        DataSource.write(t.batches(cols, List.of(row("a", 1), row("b", 2), row("a", 3)), 2), cols, "parquet",
                out.toString(), "overwrite", List.of("k"), Map.of(), t.conf);
        assertEquals(2, files(out.resolve("k=a"), ".c000.snappy.parquet").size()); // one per task holding k=a rows
        assertEquals(1, files(out.resolve("k=b"), ".c000.snappy.parquet").size());
        LogicalPlan rel = t.resolve("parquet", out.toString(), Map.of(), null);
        List<List<Object>> back = new ArrayList<>(t.rows(t.scan(rel, rel.output(), List.of())));
        back.sort(Comparator.comparing(r -> (Integer) r.get(0)));
        assertEquals(List.of(row(1, "a"), row(2, "b"), row(3, "a")), back);
    }

    @Test
    void readsWhatPySparkWrote() throws Exception {
        Path file = Path.of(getClass().getResource("/sources/pyspark-4.3-flat.snappy.parquet").toURI());
        LogicalPlan rel = t.resolve("parquet", file.toString(), Map.of(), null);
        List<StructField> f = new ArrayList<>();
        rel.output().forEach(a -> f.add(new StructField(a.name(), a.dataType())));
        assertEquals("struct<i:int,l:bigint,d:double,s:string,b:boolean,dt:date,ts:timestamp,dec:decimal(10,2)>",
                new StructType(f).simpleString());
        int day = (int) LocalDate.of(2024, 1, 5).toEpochDay();
        assertEquals(List.of(row(1, 10000000000L, 1.5, "a", true, day, 1704448800000000L, new BigDecimal("12.34")),
                row(2, null, null, null, null, null, null, null)), t.rows(t.scan(rel, rel.output(), List.of())));
    }

    @Test
    void nestedColumnsAreRefusedClearly() {
        List<AttributeReference> cols = List.of(new AttributeReference("a",
                DataTypes.createArrayType(DataTypes.IntegerType), true));
        AnalysisException e = assertThrows(AnalysisException.class, () -> DataSource.write(t.batches(cols, List.of(), 1),
                cols, "parquet", tmp.resolve("x").toString(), "error", List.of(), Map.of(), t.conf));
        assertTrue(e.getMessage().contains("`a`"), e.getMessage());
    }
}
