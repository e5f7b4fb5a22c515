package io.ember.sql.api;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.ember.sql.types.ArrayType;
import io.ember.sql.types.DataTypes;
import io.ember.sql.types.MapType;
import io.ember.sql.types.StructField;
import io.ember.sql.types.StructType;
import java.math.BigDecimal;
import java.time.ZoneId;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** Expected texts are PySpark 4.3's {@code _jdf.showString(...)} for the same data. */
class ShowTableTest {
    private final StructType schema = StructType.of(new StructField("abc", DataTypes.IntegerType),
            new StructField("Abd", DataTypes.StringType), new StructField("xyz", DataTypes.DoubleType));
    private final List<Row> rows = List.of(Row.of(1, "a", 2.5), Row.of(2, "bbbbbbbbbbbbbbbbbbbbbbbbbbbbb", null));

    private String show(int n, int truncate, boolean vertical) {
        return Rows.showString(schema, rows, n, truncate, vertical, "UTC");
    }

    @Test
    void tableRightAlignsAndTruncatesTo20() {
        assertEquals("+---+--------------------+----+\n|abc|                 Abd| xyz|\n+---+--------------------+----+\n"
                + "|  1|                   a| 2.5|\n|  2|bbbbbbbbbbbbbbbbb...|NULL|\n+---+--------------------+----+\n",
                show(20, 20, false));
    }

    @Test
    void footerSaysHowManyRowsAreShown() {
        assertEquals("+---+---+---+\n|abc|Abd|xyz|\n+---+---+---+\n|  1|  a|2.5|\n+---+---+---+\nonly showing top 1 row",
                show(1, 20, false));
    }

    @Test
    void shortTruncationCutsWithoutDots() {
        assertEquals("+---+---+---+\n|abc|Abd|xyz|\n+---+---+---+\n|  1|  a| 2.|\n|  2| bb| NU|\n+---+---+---+\n",
                show(2, 2, false));
    }

    @Test
    void noTruncationLeftAligns() {
        assertEquals("+---+-----------------------------+----+\n|abc|Abd                          |xyz |\n"
                + "+---+-----------------------------+----+\n|1  |a                            |2.5 |\n"
                + "|2  |bbbbbbbbbbbbbbbbbbbbbbbbbbbbb|NULL|\n+---+-----------------------------+----+\n", show(20, 0, false));
    }

    @Test
    void verticalFormat() {
        assertEquals("-RECORD 0--\n abc | 1   \n Abd | a   \n xyz | 2.5 \nonly showing top 1 row", show(1, 20, true));
        assertEquals("(0 rows)", Rows.showString(schema, List.of(), 20, 20, true, "UTC"));
        assertEquals("+---+---+---+\n|abc|Abd|xyz|\n+---+---+---+\n+---+---+---+\n",
                Rows.showString(schema, List.of(), 20, 20, false, "UTC"));
    }

    @Test
    void wideCharactersCountTwice() {
        StructType s = StructType.of(new StructField("c", DataTypes.StringType));
        assertEquals("+------+\n|     c|\n+------+\n|日本語|\n+------+\n",
                Rows.showString(s, List.of(Row.of("日本語")), 20, 20, false, "UTC"));
    }

    @Test
    void valuesPrintAsSparksCastToString() {
        ShowStrings s = new ShowStrings(ZoneId.of("UTC"));
        assertEquals("[1, NULL]", s.top(Arrays.asList(1, null), new ArrayType(DataTypes.IntegerType)));
        Map<Object, Object> m = new LinkedHashMap<>();
        m.put("k", null);
        assertEquals("{k -> NULL}", s.top(m, new MapType(DataTypes.StringType, DataTypes.IntegerType, true)));
        assertEquals("{NULL, x}", s.top(new Object[] {null, "x"},
                StructType.of(new StructField("p", DataTypes.IntegerType), new StructField("q", DataTypes.StringType))));
        assertEquals("[61 62]", s.top(new byte[] {0x61, 0x62}, DataTypes.BinaryType));
        assertEquals("1.0E7", s.top(1.0e7, DataTypes.DoubleType));
        assertEquals("0.0015", s.top(0.0015, DataTypes.DoubleType));
        assertEquals("NaN", s.top(Double.NaN, DataTypes.DoubleType));
        assertEquals("1.50", s.top(new BigDecimal("1.50"), DataTypes.createDecimalType(5, 2)));
        assertEquals("2020-01-01 00:00:00.123", s.top(1577836800123000L, DataTypes.TimestampType));
        assertEquals("2020-01-01 00:00:00", s.top(1577836800000000L, DataTypes.TimestampType));
        assertEquals("2020-01-01", s.top(18262, DataTypes.DateType));
        assertEquals("a\\nb\\tc", ShowTable.cell("a\nb\tc", 20));
    }

    @Test
    void schemaTreeMatchesPrintSchema() {
        StructType s = StructType.of(new StructField("id", DataTypes.LongType, false),
                new StructField("a", new ArrayType(DataTypes.IntegerType)),
                new StructField("m", new MapType(DataTypes.StringType, DataTypes.IntegerType, true)),
                new StructField("s", StructType.of(new StructField("p", DataTypes.IntegerType))));
        assertEquals("root\n |-- id: long (nullable = false)\n |-- a: array (nullable = true)\n"
                + " |    |-- element: integer (containsNull = true)\n |-- m: map (nullable = true)\n"
                + " |    |-- key: string\n |    |-- value: integer (valueContainsNull = true)\n"
                + " |-- s: struct (nullable = true)\n |    |-- p: integer (nullable = true)\n", SchemaTree.render(s));
    }
}
