package io.ember.sql.sources;

import static io.ember.sql.sources.SourceTesting.row;
import static io.ember.sql.sources.SourceTesting.write;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.ember.sql.AnalysisException;
import io.ember.sql.SqlConf;
import io.ember.sql.execution.SparkPlan;
import io.ember.sql.plans.LogicalPlan;
import io.ember.sql.types.DataTypes;
import io.ember.sql.types.StructField;
import io.ember.sql.types.StructType;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** CSV reading against answers checked with PySpark 4.3. */
class CsvSourceTest {
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

    private static StructType schemaOf(LogicalPlan p) {
        List<StructField> f = new ArrayList<>();
        p.output().forEach(a -> f.add(new StructField(a.name(), a.dataType())));
        return new StructType(f);
    }

    @Test
    void infersSparksTypesFromHeaderedFile() throws Exception {
        Path p = write(tmp.resolve("a.csv"), "i,l,dbl,b,dt,ts,s,mix,dec,n,e\n"
                + "1,3000000000,1.5,true,2024-01-05,2024-01-05 10:00:00,x,1,1.10,,\n"
                + "2,4,2,false,2024-02-05,2024-01-05T10:00:00,y,a,2.25,,1e3\n");
        LogicalPlan r = t.resolve("csv", p.toString(), Map.of("header", "true", "inferSchema", "true"), null);
        assertEquals("struct<i:int,l:bigint,dbl:double,b:boolean,dt:date,ts:timestamp,s:string,mix:string,dec:double,"
                + "n:string,e:double>", schemaOf(r).simpleString());
        List<List<Object>> rows = t.rows(t.scan(r, r.output(), List.of()));
        long ts = 1704448800L * 1_000_000L; // 2024-01-05T10:00:00Z (session zone UTC)
        int day = (int) LocalDate.of(2024, 1, 5).toEpochDay();
        assertEquals(List.of(
                row(1, 3000000000L, 1.5, true, day, ts, "x", "1", 1.1, null, null),
                row(2, 4L, 2.0, false, day + 31, ts, "y", "a", 2.25, null, 1000.0)), rows);
    }

    @Test
    void inferenceInParallelChunksWidensAcrossThem() throws Exception {
        StringBuilder text = new StringBuilder("a,b,c\n");
        for (int i = 0; i < 300; i++) {
            text.append(i).append(',').append(i == 250 ? "2.5" : String.valueOf(i)).append(',')
                    .append(i == 299 ? "x" : "true").append('\n');
        }
        Path p = write(tmp.resolve("wide.csv"), text.toString());
        CsvOptions o = CsvFormat.options(new SourceOptions(Map.of("header", "true", "inferSchema", "true")));
        StructType chunked = CsvInference.infer(List.of(p, p), o, 97);
        assertEquals("struct<a:int,b:double,c:string>", chunked.simpleString());
        assertEquals(chunked, CsvInference.infer(List.of(p), o));
    }

    @Test
    void withoutHeaderColumnsAreNumberedStrings() throws Exception {
        Path p = write(tmp.resolve("a.csv"), "1,x\n2,y\n");
        LogicalPlan r = t.resolve("csv", p.toString(), Map.of(), null);
        assertEquals("struct<_c0:string,_c1:string>", schemaOf(r).simpleString());
        assertEquals(List.of(row("1", "x"), row("2", "y")), t.rows(t.scan(r, r.output(), List.of())));
    }

    @Test
    void quotesEscapesAndNullValueAsSpark() throws Exception {
        Path p = write(tmp.resolve("b.csv"), "a,b\n\"x,1\",\"he said \"\"hi\"\"\"\n\"q\\\"z\",NA\n1,\n");
        assertEquals(List.of(row("x,1", "\"he said \"\"hi\"\"\""), row("q\"z", null), row("1", null)),
                t.readAll("csv", p.toString(), Map.of("header", "true", "nullValue", "NA"), null));
        assertEquals(List.of(row("x,1", "he said \"hi\""), row("\"q\\\"z\"", "NA"), row("1", null)),
                t.readAll("csv", p.toString(), Map.of("header", "true", "escape", "\""), null));
    }

    @Test
    void separatorExplicitSchemaAndColumnPruning() throws Exception {
        Path p = write(tmp.resolve("c.tsv"), "k\tv\tw\na\t1\t2.5\nb\t\t3\n");
        StructType schema = StructType.of(new StructField("k", DataTypes.StringType),
                new StructField("v", DataTypes.LongType), new StructField("w", DataTypes.DoubleType));
        LogicalPlan r = t.resolve("csv", p.toString(), Map.of("sep", "\t", "header", "true"), schema);
        SparkPlan scan = t.scan(r, List.of(r.output().get(2), r.output().get(0)), List.of());
        assertEquals(List.of(row(2.5, "a"), row(3.0, "b")), t.rows(scan));
    }

    private static final String MALFORMED = "a,b\n1,2\nbad\n3,4,5\nx,6\n";

    @Test
    void permissiveKeepsRowsAndTheCorruptRecord() throws Exception {
        Path p = write(tmp.resolve("c.csv"), MALFORMED);
        StructType withCorrupt = StructType.of(new StructField("a", DataTypes.IntegerType),
                new StructField("b", DataTypes.IntegerType), new StructField("_corrupt_record", DataTypes.StringType));
        assertEquals(List.of(row(1, 2, null), row(null, null, "bad"), row(3, 4, "3,4,5"), row(null, 6, "x,6")),
                t.readAll("csv", p.toString(), Map.of("header", "true"), withCorrupt));
        StructType plain = StructType.of(new StructField("a", DataTypes.IntegerType),
                new StructField("b", DataTypes.IntegerType));
        assertEquals(List.of(row(1, 2), row(null, null), row(3, 4), row(null, 6)),
                t.readAll("csv", p.toString(), Map.of("header", "true"), plain));
        assertEquals(List.of(row(1, 2)),
                t.readAll("csv", p.toString(), Map.of("header", "true", "mode", "DROPMALFORMED"), plain));
    }

    @Test
    void failFastNamesFileAndLine() throws Exception {
        Path p = write(tmp.resolve("c.csv"), MALFORMED);
        StructType plain = StructType.of(new StructField("a", DataTypes.IntegerType),
                new StructField("b", DataTypes.IntegerType));
        RuntimeException e = assertThrows(RuntimeException.class,
                () -> t.readAll("csv", p.toString(), Map.of("header", "true", "mode", "FAILFAST"), plain));
        String msg = fullMessage(e);
        assertTrue(msg.contains("MALFORMED_RECORD_IN_PARSING"), msg);
        assertTrue(msg.contains("file:" + p.toAbsolutePath() + ", line 3"), msg);
    }

    static String fullMessage(Throwable e) {
        StringBuilder b = new StringBuilder();
        for (Throwable c = e; c != null; c = c.getCause()) {
            b.append(c.getMessage()).append('\n');
        }
        return b.toString();
    }

    @Test
    void splitsCutLinesOnceEachAcrossBoundaries() throws Exception {
        StringBuilder text = new StringBuilder("id,payload\n");
        Set<List<Object>> expected = new HashSet<>();
        for (int i = 0; i < 2000; i++) {
            String payload = "p".repeat(i % 37) + "\"q\"".repeat(i % 3);
            text.append(i).append(',').append(i % 3 == 0 ? payload : "\"" + payload.replace("\"", "\\\"") + "\"")
                    .append(i % 5 == 0 ? "\r\n" : "\n");
            expected.add(row(i, payload.isEmpty() ? null : payload)); // an unquoted empty field is null
        }
        Path p = write(tmp.resolve("big.csv"), text.toString());
        SqlConf small = new SqlConf(Map.of(SqlConf.MAX_PARTITION_BYTES, "997", FileSourceScanExec.OPEN_COST, "10",
                SqlConf.SESSION_TIME_ZONE, "UTC"));
        LogicalPlan r = DataSource.resolve("csv", List.of(p.toString()), Map.of("header", "true", "inferSchema", "true"),
                null, small);
        SparkPlan scan = t.scan(r, r.output(), List.of());
        io.ember.rdd.RDD<?> rdd = scan.execute(new io.ember.sql.execution.ExecutionContext(t.ec, small));
        assertTrue(rdd.getNumPartitions() > 30, "partitions: " + rdd.getNumPartitions());
        List<List<Object>> rows = SourceTesting.toRows(
                scan.execute(new io.ember.sql.execution.ExecutionContext(t.ec, small)).collect());
        assertEquals(2000, rows.size());
        assertEquals(expected, new HashSet<>(rows));
    }

    @Test
    void readsDirectoriesAndGlobsSkippingHiddenFiles() throws Exception {
        write(tmp.resolve("d/one.csv"), "1\n2\n");
        write(tmp.resolve("d/two.csv"), "3\n");
        write(tmp.resolve("d/_SUCCESS"), "");
        write(tmp.resolve("d/.hidden.csv"), "99\n");
        write(tmp.resolve("d/other.txt"), "7\n");
        List<List<Object>> dir = t.readAll("csv", tmp.resolve("d").toString(), Map.of(), null);
        dir.sort(Comparator.comparing(r -> (String) r.get(0)));
        assertEquals(List.of(row("1"), row("2"), row("3"), row("7")), dir);
        List<List<Object>> glob = t.readAll("csv", tmp.resolve("d/*.csv").toString(), Map.of("inferSchema", "true"), null);
        glob.sort(Comparator.comparing(r -> (Integer) r.get(0)));
        assertEquals(List.of(row(1), row(2), row(3)), glob);
    }

    @Test
    void dateAndTimestampFormatsForInferenceReadingAndWriting() throws Exception {
        Path p = write(tmp.resolve("f.csv"), "d,t\n05/01/2024,2024/01/05 10:30\n06/01/2024,2024/01/06 11:45\n");
        Map<String, String> formats = Map.of("header", "true", "inferSchema", "true", "dateFormat", "dd/MM/yyyy",
                "timestampFormat", "yyyy/MM/dd HH:mm");
        LogicalPlan r = t.resolve("csv", p.toString(), formats, null);
        assertEquals("struct<d:date,t:timestamp>", schemaOf(r).simpleString());
        int day = (int) LocalDate.of(2024, 1, 5).toEpochDay();
        long ts = 1704450600L * 1_000_000L; // 2024-01-05T10:30:00Z
        List<List<Object>> rows = t.rows(t.scan(r, r.output(), List.of()));
        assertEquals(List.of(row(day, ts), row(day + 1, ts + (24 * 3600 + 75 * 60) * 1_000_000L)), rows);
        Path custom = tmp.resolve("o1");
        DataSource.write(t.batches(r.output(), rows, 1), r.output(), "csv", custom.toString(), "error", List.of(),
                Map.of("dateFormat", "yyyy.MM.dd", "timestampFormat", "dd-MM-yyyy HH:mm"), t.conf);
        assertEquals(List.of(row("2024.01.05", "05-01-2024 10:30"), row("2024.01.06", "06-01-2024 11:45")),
                t.readAll("csv", custom.toString(), Map.of(), null));
        Path plain = tmp.resolve("o2");
        DataSource.write(t.batches(r.output(), rows, 1), r.output(), "csv", plain.toString(), "error", List.of(),
                Map.of(), t.conf);
        assertEquals(List.of(row("2024-01-05", "2024-01-05T10:30:00.000Z"), row("2024-01-06", "2024-01-06T11:45:00.000Z")),
                t.readAll("csv", plain.toString(), Map.of(), null));
    }

    @Test
    void missingPathIsSparksPathNotFound() {
        Path missing = tmp.resolve("nope.csv");
        AnalysisException e = assertThrows(AnalysisException.class,
                () -> t.resolve("csv", missing.toString(), Map.of(), null));
        assertEquals("[PATH_NOT_FOUND] Path does not exist: file:" + missing + ".", e.getMessage());
        assertEquals("PATH_NOT_FOUND", e.getErrorClass());
        assertThrows(AnalysisException.class, () -> t.resolve("csv", tmp.resolve("x*.csv").toString(), Map.of(), null));
    }
}
