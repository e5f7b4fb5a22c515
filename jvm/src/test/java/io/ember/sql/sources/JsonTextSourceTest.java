package io.ember.sql.sources;

import static io.ember.sql.sources.SourceTesting.row;
import static io.ember.sql.sources.SourceTesting.write;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.ember.sql.AnalysisException;
import io.ember.sql.expressions.AttributeReference;
import io.ember.sql.plans.LogicalPlan;
import io.ember.sql.types.ArrayType;
import io.ember.sql.types.DataTypes;
import io.ember.sql.types.StructField;
import io.ember.sql.types.StructType;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** JSON lines and text, against answers checked with PySpark 4.3. */
class JsonTextSourceTest {
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

    private static String schema(LogicalPlan p) {
        List<StructField> f = new ArrayList<>();
        p.output().forEach(a -> f.add(new StructField(a.name(), a.dataType())));
        return new StructType(f).simpleString();
    }

    private static final String MIXED = "{\"a\":1,\"b\":{\"c\":\"x\",\"d\":[1,2]}}\n{\"a\":2.5,\"e\":true}\n{\"a\":\"s\"}\n"
            + "not json\n{\"b\":{\"c\":null,\"d\":[3.5]},\"f\":[{\"g\":1}]}\n";

    @Test
    void infersMergedNestedSchemaWithCorruptRecords() throws Exception {
        Path p = write(tmp.resolve("j.json"), MIXED);
        LogicalPlan r = t.resolve("json", p.toString(), Map.of(), null);
        assertEquals("struct<_corrupt_record:string,a:string,b:struct<c:string,d:array<double>>,e:boolean,"
                + "f:array<struct<g:bigint>>>", schema(r));
        List<List<Object>> rows = t.rows(t.scan(r, r.output(), List.of()));
        assertEquals(5, rows.size());
        assertEquals(row(null, "1"), rows.get(0).subList(0, 2));
        assertArrayEquals(new Object[] {"x", List.of(1.0, 2.0)}, (Object[]) rows.get(0).get(2));
        assertEquals(row(null, "2.5", null, true, null), rows.get(1));
        assertEquals(row("not json", null, null, null, null), rows.get(3));
        assertArrayEquals(new Object[] {null, List.of(3.5)}, (Object[]) rows.get(4).get(2));
        List<?> f = (List<?>) rows.get(4).get(4);
        assertArrayEquals(new Object[] {1L}, (Object[]) f.get(0));
        assertEquals(4, t.readAll("json", p.toString(), Map.of("mode", "DROPMALFORMED"), null).size());
        RuntimeException e = assertThrows(RuntimeException.class,
                () -> t.resolve("json", p.toString(), Map.of("mode", "FAILFAST"), null));
        assertTrue(e.getMessage().contains("line 4"), e.getMessage());
    }

    @Test
    void integersAreBigintAndAllNullFieldsStrings() throws Exception {
        Path p = write(tmp.resolve("k.json"), "{\"a\":1}\n{\"a\":10000000000}\n\n{\"a\":null,\"z\":null}\n");
        LogicalPlan r = t.resolve("json", p.toString(), Map.of(), null);
        assertEquals("struct<a:bigint,z:string>", schema(r));
        assertEquals(List.of(row(1L, null), row(10000000000L, null), row(null, null)),
                t.rows(t.scan(r, r.output(), List.of())));
    }

    @Test
    void userSchemaMismatchIsMalformed() throws Exception {
        Path p = write(tmp.resolve("m.json"), "{\"a\":1,\"b\":\"x\"}\n{\"a\":\"oops\",\"b\":\"y\"}\n");
        StructType s = StructType.of(new StructField("a", DataTypes.IntegerType), new StructField("b", DataTypes.StringType),
                new StructField("_corrupt_record", DataTypes.StringType));
        assertEquals(List.of(row(1, "x", null), row(null, "y", "{\"a\":\"oops\",\"b\":\"y\"}")),
                t.readAll("json", p.toString(), Map.of(), s));
        RuntimeException e = assertThrows(RuntimeException.class,
                () -> t.readAll("json", p.toString(), Map.of("mode", "FAILFAST"), s));
        assertTrue(CsvSourceTest.fullMessage(e).contains("line 2"), CsvSourceTest.fullMessage(e));
    }

    @Test
    void jsonRoundTripKeepsNestedValues() throws Exception {
        StructType inner = StructType.of(new StructField("c", DataTypes.StringType), new StructField("n", DataTypes.LongType));
        List<AttributeReference> cols = List.of(new AttributeReference("id", DataTypes.LongType, true),
                new AttributeReference("s", inner, true),
                new AttributeReference("xs", new ArrayType(DataTypes.DoubleType, true), true),
                new AttributeReference("d", DataTypes.DateType, true));
        List<List<Object>> rows = List.of(row(1L, new Object[] {"a", 5L}, List.of(1.5, 2.0), 19727),
                row(2L, null, List.of(), null));
        Path out = tmp.resolve("out");
        DataSource.write(t.batches(cols, rows, 1), cols, "json", out.toString(), "error", List.of(), Map.of(), t.conf);
        LogicalPlan r = t.resolve("json", out.toString(), Map.of(), null);
        assertEquals("struct<d:string,id:bigint,s:struct<c:string,n:bigint>,xs:array<double>>", schema(r));
        List<List<Object>> back = t.rows(t.scan(r, r.output(), List.of()));
        assertEquals(row("2024-01-05", 1L), back.get(0).subList(0, 2));
        assertArrayEquals(new Object[] {"a", 5L}, (Object[]) back.get(0).get(2));
        assertEquals(row(null, 2L, null, List.of()), back.get(1));
    }

    @Test
    void textReadsLinesAndWritesOneStringColumn() throws Exception {
        write(tmp.resolve("t/a.txt"), "hello\n\nworld\r\n");
        LogicalPlan r = t.resolve("text", tmp.resolve("t").toString(), Map.of(), null);
        assertEquals("struct<value:string>", schema(r));
        assertEquals(List.of(row("hello"), row(""), row("world")), t.rows(t.scan(r, r.output(), List.of())));
        List<AttributeReference> one = List.of(new AttributeReference("v", DataTypes.StringType, true));
        Path out = tmp.resolve("out");
        DataSource.write(t.batches(one, List.of(row("x"), row("y z")), 2), one, "text", out.toString(), "error",
                List.of(), Map.of(), t.conf);
        // splits are packed largest first, as Spark does, so file order is not row order
        assertEquals(java.util.Set.of(row("x"), row("y z")),
                new java.util.HashSet<>(t.readAll("text", out.toString(), Map.of(), null)));
        List<AttributeReference> two = List.of(one.get(0), new AttributeReference("n", DataTypes.IntegerType, true));
        assertThrows(AnalysisException.class, () -> DataSource.write(t.batches(two, List.of(), 1), two, "text",
                tmp.resolve("o2").toString(), "error", List.of(), Map.of(), t.conf));
    }
}
