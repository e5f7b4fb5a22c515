package io.ember.sql.sources;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.ember.sql.expressions.And;
import io.ember.sql.expressions.AttributeReference;
import io.ember.sql.expressions.Cast;
import io.ember.sql.expressions.Divide;
import io.ember.sql.expressions.EqualTo;
import io.ember.sql.expressions.Expression;
import io.ember.sql.expressions.GreaterThanOrEqual;
import io.ember.sql.expressions.In;
import io.ember.sql.expressions.IsNull;
import io.ember.sql.expressions.LessThan;
import io.ember.sql.expressions.Literal;
import io.ember.sql.expressions.Or;
import io.ember.sql.types.DataType;
import io.ember.sql.types.DataTypes;
import io.ember.sql.types.StructField;
import io.ember.sql.types.StructType;
import io.ember.sql.vector.ColumnBatch;
import io.ember.sql.vector.ColumnVector;
import io.ember.sql.vector.ColumnVectors;
import java.io.OutputStream;
import java.math.BigDecimal;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Predicate;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Late materialization in the Parquet reader: with pushed filters, the rows it hands on are
 * exactly those the filter keeps when few pass (the other columns read only for them, over
 * dictionary and PLAIN pages, v1 and v2, nulls in filter and other columns), a superset the
 * filter above the scan reduces to the same rows when most pass, and the same rows as without
 * it when a column needs the per-value reader; and which conjuncts it takes.
 */
class ParquetLateMaterializationTest {
    @TempDir
    Path tmp;

    private static final StructType SCHEMA = new StructType(List.of(
            new StructField("b", DataTypes.BooleanType, true),
            new StructField("i", DataTypes.IntegerType, true),
            new StructField("l", DataTypes.LongType, true),
            new StructField("d", DataTypes.DoubleType, true),
            new StructField("s", DataTypes.StringType, true),
            new StructField("bin", DataTypes.BinaryType, true),
            new StructField("d9", DataTypes.createDecimalType(9, 2), true),
            new StructField("d18", DataTypes.createDecimalType(18, 4), true),
            new StructField("d25", DataTypes.createDecimalType(25, 3), true)));

    private static List<Object> row(int r) {
        List<Object> row = Arrays.asList(r % 3 == 0, r * 31 - 1000, (long) r * 1_000_003L, r / 3.0, "s" + (r % 17),
                new byte[] {(byte) r, (byte) (r >> 8)}, BigDecimal.valueOf(r * 13L - 500, 2),
                BigDecimal.valueOf(r * 1_000_000_007L, 4), BigDecimal.valueOf(r * 99L - 7, 3));
        for (int c = 0; c < row.size(); c++) {
            if ((r + c) % 7 == 0 || (r >= 3000 && r < 3100)) {
                row.set(c, null);
            }
        }
        return row;
    }

    private static AttributeReference col(String name) {
        DataType t = SCHEMA.field(SCHEMA.indexOf(name)).dataType();
        return new AttributeReference(name, t, true);
    }

    private Path write(List<List<Object>> rows, Map<String, String> options) throws Exception {
        Path out = tmp.resolve("f" + Files.list(tmp).count() + ".parquet");
        try (OutputStream s = Files.newOutputStream(out)) {
            ParquetRowWriter w = new ParquetRowWriter(s, SCHEMA, new SourceOptions(new HashMap<>(options)));
            ColumnVector[] cols = new ColumnVector[SCHEMA.size()];
            for (int c = 0; c < cols.length; c++) {
                cols[c] = ColumnVectors.allocate(SCHEMA.field(c).dataType(), rows.size());
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

    private static List<List<Object>> read(Path f, StructType required, List<Expression> filters, boolean late)
            throws Exception {
        long len = Files.size(f);
        ParquetBatchReader r = new ParquetBatchReader(new FileSplit(f.toString(), 0, len, len, new Object[0]),
                required, filters, new TextValues(new SourceOptions(Map.of())), false, true, late);
        List<ColumnBatch> out = new ArrayList<>();
        while (r.hasNext()) {
            out.add(r.next());
        }
        List<List<Object>> rows = new ArrayList<>();
        for (List<Object> row : SourceTesting.toRows(out)) {
            List<Object> o = new ArrayList<>();
            for (Object v : row) {
                o.add(v instanceof byte[] b ? Arrays.toString(b) : v);
            }
            rows.add(o);
        }
        return rows;
    }

    private static List<List<Object>> project(List<List<Object>> rows, StructType required) {
        List<List<Object>> out = new ArrayList<>();
        for (List<Object> row : rows) {
            List<Object> o = new ArrayList<>();
            for (StructField f : required.fields()) {
                Object v = row.get(SCHEMA.indexOf(f.name()));
                o.add(v instanceof byte[] b ? Arrays.toString(b) : v);
            }
            out.add(o);
        }
        return out;
    }

    private static StructType without(String... names) {
        List<String> drop = List.of(names);
        return new StructType(SCHEMA.fields().stream().filter(f -> !drop.contains(f.name())).toList());
    }

    private static final Map<String, Map<String, String>> LAYOUTS = Map.of(
            "v1 dictionary, small pages", Map.of("parquet.page.size", "2048", "parquet.page.row.count.limit", "700"),
            "v2", Map.of("parquet.writer.version", "v2", "parquet.page.size", "4096"),
            "plain", Map.of("parquet.enable.dictionary", "false", "parquet.page.size", "3000"));

    /** {@code s IN ('s3', 's5') OR d IS NULL}, and {@code i >= 50000 AND i < 52000}: few rows pass each batch. */
    @Test
    void sparseFiltersHandOnExactlyThePassingRows() throws Exception {
        List<List<Object>> rows = new ArrayList<>();
        for (int r = 0; r < 10_000; r++) {
            rows.add(row(r));
        }
        Expression inOrNull = new Or(new In(col("s"), List.of(new Literal("s3", DataTypes.StringType),
                new Literal("s5", DataTypes.StringType))), new IsNull(col("d")));
        Predicate<List<Object>> inOrNullRow = x -> "s3".equals(x.get(4)) || "s5".equals(x.get(4)) || x.get(3) == null;
        Expression range = new And(new GreaterThanOrEqual(col("i"), new Literal(50_000, DataTypes.IntegerType)),
                new LessThan(col("i"), new Literal(52_000, DataTypes.IntegerType)));
        Predicate<List<Object>> rangeRow = x -> x.get(1) != null && (int) x.get(1) >= 50_000 && (int) x.get(1) < 52_000;
        Expression sIn = new In(col("s"), List.of(new Literal("s3", DataTypes.StringType),
                new Literal("s5", DataTypes.StringType)));
        Predicate<List<Object>> sInRow = x -> "s3".equals(x.get(4)) || "s5".equals(x.get(4));
        Expression nullOrS3 = new Or(new IsNull(col("s")), new EqualTo(col("s"), new Literal("s3", DataTypes.StringType)));
        Predicate<List<Object>> nullOrS3Row = x -> x.get(4) == null || "s3".equals(x.get(4));
        StructType required = without("d25"); // the columns keep their row() positions
        for (Map.Entry<String, Map<String, String>> layout : LAYOUTS.entrySet()) {
            Path f = write(rows, layout.getValue());
            // v2 pages fall back to DELTA encodings, which only the per-value reader reads: then every row comes back
            boolean exact = !layout.getKey().equals("v2");
            String name = layout.getKey();
            List<List<Object>> all = project(rows, required);
            same(name, all, read(f, required, List.of(), true));
            check(name, exact, rows, required, read(f, required, List.of(inOrNull), true), inOrNullRow);
            check(name, exact, rows, required, read(f, required, List.of(inOrNull, range), true),
                    inOrNullRow.and(rangeRow));
            check(name, exact, rows, required, read(f, required, List.of(range), true), rangeRow);
            // conjuncts over one dictionary-encoded column are answered per code, nulls included
            check(name, exact, rows, required, read(f, required, List.of(nullOrS3), true), nullOrS3Row);
            check(name, exact, rows, required, read(f, required, List.of(sIn, range), true), sInRow.and(rangeRow));
            check(name, exact, rows, required, read(f, required, List.of(range, nullOrS3, inOrNull), true),
                    rangeRow.and(nullOrS3Row).and(inOrNullRow));
            // separate conjuncts narrow the rows one after another (each evaluated on the rows the ones before kept)
            Expression from = new GreaterThanOrEqual(col("i"), new Literal(50_000, DataTypes.IntegerType));
            Expression to = new LessThan(col("i"), new Literal(52_000, DataTypes.IntegerType));
            check(name, exact, rows, required, read(f, required, List.of(from, to), true), rangeRow);
            check(name, exact, rows, required, read(f, required, List.of(inOrNull, to, from, sIn), true),
                    inOrNullRow.and(rangeRow).and(sInRow));
            check(name, exact, rows, required, read(f, required, List.of(to, inOrNull, from), true),
                    rangeRow.and(inOrNullRow));
            same(name, all, read(f, required, List.of(range), false)); // turned off
        }
    }

    /** A join's key filter on {@code l} (alone, and after a string conjunct) hands on exactly the rows whose key it holds. */
    @Test
    void joinKeyFiltersHandOnTheRowsWhoseKeysTheBuildSideHolds() throws Exception {
        List<List<Object>> rows = new ArrayList<>();
        for (int r = 0; r < 10_000; r++) {
            rows.add(row(r));
        }
        java.util.Set<Long> keys = new java.util.HashSet<>();
        long[] build = new long[300];
        for (int i = 0; i < build.length; i++) {
            build[i] = (long) (i * 37 % 10_000) * 1_000_003L; // some rows' keys, every 37th row's
            keys.add(build[i]);
        }
        Expression k = io.ember.sql.execution.JoinKeyFilter.of(col("l"),
                new io.ember.sql.vector.LongVector(DataTypes.LongType, build, null), build.length);
        Predicate<List<Object>> kRow = x -> x.get(2) != null && keys.contains((Long) x.get(2));
        Expression sIn = new In(col("s"), List.of(new Literal("s3", DataTypes.StringType),
                new Literal("s5", DataTypes.StringType)));
        Predicate<List<Object>> sInRow = x -> "s3".equals(x.get(4)) || "s5".equals(x.get(4));
        StructType required = without("d25");
        for (Map.Entry<String, Map<String, String>> layout : LAYOUTS.entrySet()) {
            Path f = write(rows, layout.getValue());
            boolean exact = !layout.getKey().equals("v2");
            String name = layout.getKey();
            check(name, exact, rows, required, read(f, required, List.of(k), true), kRow);
            check(name, exact, rows, required, read(f, required, List.of(sIn, k), true), sInRow.and(kRow));
            check(name, exact, rows, required, read(f, required, List.of(k, sIn), true), sInRow.and(kRow));
        }
    }

    private static void same(String what, List<List<Object>> expected, List<List<Object>> got) {
        assertTrue(expected.equals(got), what + ": expected " + expected.size() + " rows, got " + got.size()
                + (expected.size() == got.size() ? " (different)" : ""));
    }

    /** The rows read are the rows passing {@code p} ({@code exact}), or a superset of them that {@code p} reduces to them. */
    private static void check(String what, boolean exact, List<List<Object>> rows, StructType required,
            List<List<Object>> got, Predicate<List<Object>> p) {
        List<List<Object>> expected = project(rows.stream().filter(p).toList(), required);
        if (exact) {
            same(what, expected, got);
        } else {
            same(what, expected, got.stream().filter(p).toList());
        }
    }

    /** Most rows pass: whole batches go on and the filter above keeps the same rows. */
    @Test
    void denseFiltersHandOnSupersetsOfThePassingRows() throws Exception {
        List<List<Object>> rows = new ArrayList<>();
        for (int r = 0; r < 70_000; r++) { // past the sample after which a dense filter is turned off
            rows.add(row(r));
        }
        Expression notS3 = new Or(new LessThan(col("s"), new Literal("s3", DataTypes.StringType)),
                new GreaterThanOrEqual(col("s"), new Literal("s3", DataTypes.StringType)));
        Predicate<List<Object>> notS3Row = x -> x.get(4) != null;
        StructType required = without("d25");
        Path f = write(rows, LAYOUTS.get("v1 dictionary, small pages"));
        List<List<Object>> got = read(f, required, List.of(notS3), true);
        int s = required.indexOf("s");
        same("dense", project(rows.stream().filter(notS3Row).toList(), required),
                got.stream().filter(x -> x.get(s) != null).toList());
        assertTrue(got.size() <= rows.size());
    }

    @Test
    void aColumnOnlyThePerValueReaderReadsTurnsItOffForItsRowGroup() throws Exception {
        List<List<Object>> rows = new ArrayList<>();
        for (int r = 0; r < 5_000; r++) {
            rows.add(row(r));
        }
        Path f = write(rows, Map.of());
        Expression s3 = new EqualTo(col("s"), new Literal("s3", DataTypes.StringType));
        List<List<Object>> got = read(f, SCHEMA, List.of(s3), true);
        same("per-value column", project(rows, SCHEMA), got); // d25 (precision 25) is read value by value: every row comes back
    }

    @Test
    void takesOnlyConjunctsThatCannotFailOrDiffer() {
        StructType required = without("d25");
        Expression s3 = new EqualTo(col("s"), new Literal("s3", DataTypes.StringType));
        Expression divide = new LessThan(new Divide(col("d"), new Literal(0.0, DataTypes.DoubleType)),
                new Literal(1.0, DataTypes.DoubleType));
        Expression cast = new EqualTo(new Cast(col("s"), DataTypes.IntegerType), new Literal(3, DataTypes.IntegerType));
        Expression partitionColumn = new EqualTo(new AttributeReference("p", DataTypes.IntegerType, true),
                new Literal(3, DataTypes.IntegerType));
        assertNull(ParquetLateFilter.of(List.of(divide, cast, partitionColumn), required));
        ParquetLateFilter late = ParquetLateFilter.of(List.of(divide, s3, cast), required);
        assertArrayEquals(new int[] {required.indexOf("s")}, late.columns());
        StructType onlyS = new StructType(List.of(SCHEMA.field(SCHEMA.indexOf("s"))));
        assertNull(ParquetLateFilter.of(List.of(s3), onlyS)); // nothing else to skip
    }

    @Test
    void dictionaryLookupsRejectIdsOutsideTheDictionary() throws Exception {
        ParquetValues longs = new ParquetValueReaders.Longs(DataTypes.LongType);
        byte[] two = new byte[16];
        longs.dictionary(new ParquetPlainDecoder(two, 0, 16), 2);
        longs.start(4);
        longs.lookup(new int[] {1, 0, 1}, 0, 3);
        assertThrows(ArrayIndexOutOfBoundsException.class, () -> longs.lookup(new int[] {0, 2}, 0, 2));
        assertThrows(ArrayIndexOutOfBoundsException.class, () -> longs.lookup(new int[] {-1}, 0, 1));
        ParquetValues strings = new ParquetStringValues(DataTypes.StringType);
        byte[] dict = {1, 0, 0, 0, 'a', 1, 0, 0, 0, 'b'};
        strings.dictionary(new ParquetPlainDecoder(dict, 0, dict.length), 2);
        strings.start(4);
        strings.lookup(new int[] {1, 0}, 0, 2);
        assertThrows(ArrayIndexOutOfBoundsException.class, () -> strings.lookup(new int[] {2}, 2, 1));
        assertThrows(ArrayIndexOutOfBoundsException.class, () -> strings.lookup(new int[] {-5}, 2, 1));
    }
}
