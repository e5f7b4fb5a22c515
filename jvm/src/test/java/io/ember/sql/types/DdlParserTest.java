package io.ember.sql.types;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.ember.sql.ParseException;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class DdlParserTest {
    @Test
    void everyAtomicNameAndAliasParsesToItsType() {
        Map<String, DataType> names = Map.ofEntries(
                Map.entry("tinyint", DataTypes.ByteType), Map.entry("BYTE", DataTypes.ByteType),
                Map.entry("smallint", DataTypes.ShortType), Map.entry("short", DataTypes.ShortType),
                Map.entry("int", DataTypes.IntegerType), Map.entry("Integer", DataTypes.IntegerType),
                Map.entry("bigint", DataTypes.LongType), Map.entry("long", DataTypes.LongType),
                Map.entry("float", DataTypes.FloatType), Map.entry("real", DataTypes.FloatType),
                Map.entry("double", DataTypes.DoubleType), Map.entry("string", DataTypes.StringType),
                Map.entry("varchar(10)", DataTypes.StringType), Map.entry("char(3)", DataTypes.StringType),
                Map.entry("binary", DataTypes.BinaryType), Map.entry("boolean", DataTypes.BooleanType),
                Map.entry("date", DataTypes.DateType), Map.entry("timestamp", DataTypes.TimestampType),
                Map.entry("timestamp_ltz", DataTypes.TimestampType),
                Map.entry("timestamp_ntz", DataTypes.TimestampNTZType), Map.entry("void", DataTypes.NullType));
        names.forEach((name, type) -> assertEquals(type, DdlParser.parseType(name), name));
    }

    @Test
    void decimalsTakeSparksDefaultsAndAliases() {
        assertEquals(new DecimalType(10, 0), DdlParser.parseType("decimal"));
        assertEquals(new DecimalType(5, 0), DdlParser.parseType("decimal(5)"));
        assertEquals(new DecimalType(4, 2), DdlParser.parseType("dec(4,2)"));
        assertEquals(new DecimalType(7, 3), DdlParser.parseType("NUMERIC( 7 , 3 )"));
    }

    @Test
    void nestedTypesParse() {
        assertEquals(new MapType(DataTypes.StringType, new ArrayType(DataTypes.IntegerType, true), true),
                DdlParser.parseType("map<string, array<int>>"));
        assertEquals(StructType.of(new StructField("a", DataTypes.IntegerType),
                        new StructField("b c", new ArrayType(new ArrayType(DataTypes.LongType)))),
                DdlParser.parseType("struct<a:int, `b c` array<array<bigint>>>"));
        assertEquals(new StructType(List.of()), DdlParser.parseType("struct<>"));
    }

    @Test
    void aSchemaHasNamesNullabilityAndComments() {
        StructType s = DdlParser.parseSchema("a INT, b STRING NOT NULL, c ARRAY<STRUCT<x: INT>>, `d``e` int COMMENT 'hi'");
        assertEquals(List.of("a", "b", "c", "d`e"), s.fieldNames());
        assertTrue(s.field(0).nullable());
        assertEquals(false, s.field(1).nullable());
        assertEquals(new ArrayType(StructType.of(new StructField("x", DataTypes.IntegerType))), s.field(2).dataType());
        assertEquals(Map.of("comment", "hi"), s.field(3).metadata());
        assertEquals(new StructType(List.of()), DdlParser.parseSchema("  "));
        assertEquals(DdlParser.parseSchema("a int, b string"), DdlParser.parseSchema("a: int, b: string"));
    }

    @Test
    void parseTakesATypeOrASchema() {
        assertEquals(DataTypes.IntegerType, DdlParser.parse("int"));
        assertEquals(StructType.of(new StructField("a", DataTypes.IntegerType)), DdlParser.parse("a int"));
        assertEquals(StructType.of(new StructField("a", DataTypes.IntegerType)), DdlParser.parse("struct<a int>"));
    }

    @Test
    void syntaxErrorsNameTheTokenAndItsPosition() {
        ParseException e = assertThrows(ParseException.class, () -> DdlParser.parseSchema("a int b"));
        assertEquals("PARSE_SYNTAX_ERROR", e.getErrorClass());
        assertEquals("[PARSE_SYNTAX_ERROR] Syntax error at or near 'b'. SQLSTATE: 42601 (line 1, pos 6)\n\n"
                + "== SQL ==\na int b\n------^^^\n", e.getMessage());
        e = assertThrows(ParseException.class, () -> DdlParser.parseSchema("a int,"));
        assertTrue(e.getMessage().startsWith("[PARSE_SYNTAX_ERROR] Syntax error at or near end of input. "
                + "SQLSTATE: 42601 (line 1, pos 6)"), e.getMessage());
        e = assertThrows(ParseException.class, () -> DdlParser.parseType("array<int"));
        assertEquals(9, e.position());
        e = assertThrows(ParseException.class, () -> DdlParser.parseSchema("a decimal(x)"));
        assertEquals(10, e.position());
        e = assertThrows(ParseException.class, () -> DdlParser.parseSchema("a int,\n  b int c"));
        assertEquals(2, e.line());
        assertEquals(8, e.position());
        assertTrue(e.getMessage().endsWith("== SQL ==\na int,\n  b int c\n--------^^^\n"), e.getMessage());
    }

    @Test
    void unknownTypesAndBadDecimalsHaveTheirOwnErrorClasses() {
        ParseException e = assertThrows(ParseException.class, () -> DdlParser.parseSchema("a INTT"));
        assertEquals("UNSUPPORTED_DATATYPE", e.getErrorClass());
        assertTrue(e.getMessage().startsWith("[UNSUPPORTED_DATATYPE] Unsupported data type \"INTT\". "
                + "SQLSTATE: 0A000 (line 1, pos 2)"), e.getMessage());
        e = assertThrows(ParseException.class, () -> DdlParser.parseType("decimal(40,2)"));
        assertEquals("DECIMAL_PRECISION_EXCEEDS_MAX_PRECISION", e.getErrorClass());
        assertTrue(e.getMessage().contains("Decimal precision 40 exceeds max precision 38"));
        e = assertThrows(ParseException.class, () -> DdlParser.parseType("decimal(5,6)"));
        assertEquals("DECIMAL_SCALE_EXCEEDS_PRECISION", e.getErrorClass());
        assertTrue(e.getMessage().contains("Decimal scale (6) cannot be greater than precision (5)"));
    }

    @Test
    void parseReportsTheReadingThatGotFurther() {
        ParseException e = assertThrows(ParseException.class, () -> DdlParser.parse("a int b"));
        assertEquals(6, e.position());
        e = assertThrows(ParseException.class, () -> DdlParser.parse("map<int>"));
        assertEquals(7, e.position());
        e = assertThrows(ParseException.class, () -> DdlParser.parse("decimal(40,2)"));
        assertEquals("DECIMAL_PRECISION_EXCEEDS_MAX_PRECISION", e.getErrorClass());
    }

    @Test
    void unclosedQuotesAreSyntaxErrors() {
        ParseException e = assertThrows(ParseException.class, () -> DdlParser.parseSchema("`a int"));
        assertEquals(0, e.position());
        e = assertThrows(ParseException.class, () -> DdlParser.parseSchema("a int comment 'x"));
        assertEquals(14, e.position());
    }
}
