package io.ember.sql.sources;

import static io.ember.sql.sources.SourceTesting.row;
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
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Writing files: round trips, save modes, partitionBy and partition discovery with pruning. */
class FileWriteTest {
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
            new AttributeReference("x", DataTypes.IntegerType, true),
            new AttributeReference("y", DataTypes.StringType, true),
            new AttributeReference("z", DataTypes.DoubleType, true));
    private static final List<List<Object>> ROWS = List.of(row(1, "a", 1.5), row(2, "b", null), row(3, "a", 2.0),
            row(4, "x,\"q\"", -0.5), row(5, null, 0.0));

    private void write(Path out, String format, String mode, List<String> partitionBy, Map<String, String> options) {
        DataSource.write(t.batches(COLS, ROWS, 2), COLS, format, out.toString(), mode, partitionBy, options, t.conf);
    }

    private static List<String> listing(Path dir) throws Exception {
        try (Stream<Path> s = Files.walk(dir)) {
            return s.filter(Files::isRegularFile).map(p -> dir.relativize(p).toString()).sorted().toList();
        }
    }

    private static List<List<Object>> sorted(List<List<Object>> rows) {
        List<List<Object>> out = new ArrayList<>(rows);
        out.sort(Comparator.comparing(r -> (Integer) r.get(0)));
        return out;
    }

    @Test
    void csvRoundTripWithHeaderCommitsWithSuccess() throws Exception {
        Path out = tmp.resolve("out");
        write(out, "csv", "error", List.of(), Map.of("header", "true"));
        List<String> files = listing(out);
        assertEquals("_SUCCESS", files.get(0));
        assertEquals(3, files.size(), files.toString());
        assertTrue(files.get(1).matches("part-00000-[0-9a-f-]{36}-c000\\.csv"), files.toString());
        assertEquals("x,y,z", Files.readAllLines(out.resolve(files.get(1))).get(0));
        assertEquals(ROWS, sorted(t.readAll("csv", out.toString(), Map.of("header", "true", "inferSchema", "true"), null)));
    }

    @Test
    void saveModes() throws Exception {
        Path out = tmp.resolve("out");
        write(out, "csv", "errorifexists", List.of(), Map.of());
        AnalysisException e = assertThrows(AnalysisException.class, () -> write(out, "csv", "error", List.of(), Map.of()));
        assertEquals("[PATH_ALREADY_EXISTS] Path file:" + out + " already exists. Set mode as \"overwrite\" to"
                + " overwrite the existing path.", e.getMessage());
        write(out, "csv", "ignore", List.of(), Map.of());
        assertEquals(5, t.readAll("csv", out.toString(), Map.of(), null).size());
        write(out, "csv", "append", List.of(), Map.of());
        assertEquals(10, t.readAll("csv", out.toString(), Map.of(), null).size());
        write(out, "csv", "overwrite", List.of(), Map.of());
        assertEquals(5, t.readAll("csv", out.toString(), Map.of(), null).size());
        assertThrows(AnalysisException.class, () -> write(out, "csv", "sometimes", List.of(), Map.of()));
    }

    @Test
    void partitionByWritesKeyValueDirectoriesAndReadingDiscoversThem() throws Exception {
        Path out = tmp.resolve("out");
        write(out, "csv", "overwrite", List.of("y"), Map.of("header", "true"));
        List<String> files = listing(out);
        assertTrue(files.contains("_SUCCESS"));
        assertTrue(files.stream().anyMatch(f -> f.startsWith("y=a/part-")), files.toString());
        assertTrue(files.stream().anyMatch(f -> f.startsWith("y=__HIVE_DEFAULT_PARTITION__/")), files.toString());
        assertTrue(files.stream().anyMatch(f -> f.startsWith("y=x,%22q%22/")), files.toString());
        LogicalPlan r = t.resolve("csv", out.toString(), Map.of("header", "true", "inferSchema", "true"), null);
        assertEquals(List.of("x", "z", "y"), r.output().stream().map(AttributeReference::name).toList());
        List<List<Object>> rows = sorted(t.rows(t.scan(r, r.output(), List.of())));
        assertEquals(List.of(row(1, 1.5, "a"), row(2, null, "b"), row(3, 2.0, "a"), row(4, -0.5, "x,\"q\""),
                row(5, 0.0, null)), rows);
    }

    @Test
    void partitionValuesAreTypedAndFiltersPruneDirectories() throws Exception {
        Path out = tmp.resolve("t");
        SourceTesting.write(out.resolve("k=1/d=2024-01-05/a.csv"), "10\n");
        SourceTesting.write(out.resolve("k=2/d=2024-01-06/b.csv"), "20\n");
        SourceTesting.write(out.resolve("k=10/d=2024-01-07/c.csv"), "30\n");
        LogicalPlan r = t.resolve("csv", out.toString(), Map.of("inferSchema", "true"), null);
        List<AttributeReference> o = r.output();
        assertEquals(List.of(DataTypes.IntegerType, DataTypes.IntegerType, DataTypes.DateType),
                o.stream().map(AttributeReference::dataType).toList());
        FileSourceScanExec scan = (FileSourceScanExec) t.scan(r, List.of(o.get(0), o.get(1)),
                List.of(new TestingEquals(o.get(1), new Literal(2, DataTypes.IntegerType))));
        assertEquals(1, scan.selectedPartitions().size());
        assertEquals(List.of(row(20, 2)), t.rows(scan));
        assertTrue(scan.simpleString().contains("PartitionFilters: [(k = 2)]"), scan.simpleString());
        FileSourceScanExec data = (FileSourceScanExec) t.scan(r, List.of(o.get(0)),
                List.of(new TestingEquals(o.get(0), new Literal(20, DataTypes.IntegerType))));
        assertEquals(3, data.selectedPartitions().size()); // a filter over a data column prunes no directory
        StructType user = StructType.of(new StructField("_c0", DataTypes.LongType), new StructField("k", DataTypes.StringType));
        LogicalPlan typed = t.resolve("csv", out.toString(), Map.of(), user);
        assertEquals(DataTypes.StringType, typed.output().get(1).dataType());
        assertEquals(DataTypes.LongType, typed.output().get(0).dataType());
    }

    @Test
    void formatsByShortAndSparkNamesAndUnknownOnes() throws Exception {
        Path out = tmp.resolve("out");
        write(out, "org.apache.spark.sql.json", "error", List.of(), Map.of());
        assertEquals(5, t.readAll("JSON", out.toString(), Map.of(), null).size());
        AnalysisException e = assertThrows(AnalysisException.class,
                () -> t.resolve("avro", out.toString(), Map.of(), null));
        assertEquals("DATA_SOURCE_NOT_FOUND", e.getErrorClass());
    }

    @Test
    void unknownPartitionColumnAndUnwritableTypesAreAnalysisErrors() {
        Path out = tmp.resolve("out");
        assertThrows(AnalysisException.class, () -> write(out, "csv", "error", List.of("nope"), Map.of()));
        List<AttributeReference> arr = List.of(new AttributeReference("a",
                DataTypes.createArrayType(DataTypes.IntegerType), true));
        AnalysisException e = assertThrows(AnalysisException.class, () -> DataSource.write(
                t.batches(arr, List.of(), 1), arr, "csv", out.toString(), "error", List.of(), Map.of(), t.conf));
        assertEquals("UNSUPPORTED_DATA_TYPE_FOR_DATASOURCE", e.getErrorClass());
        assertTrue(Files.notExists(out));
    }
}
