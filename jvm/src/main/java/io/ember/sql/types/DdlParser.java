package io.ember.sql.types;

import io.ember.sql.ParseException;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * Parses Spark's DDL type strings: one type ({@code "decimal(10,2)"}, {@code "array<struct<x: int>>"})
 * or a schema ({@code "a INT, b STRING NOT NULL COMMENT 'id'"}). Type names are Spark's, with its
 * aliases, case-insensitive: tinyint/byte, smallint/short, int/integer, bigint/long,
 * float/real, double, decimal/dec/numeric[(p[,s])], string, varchar(n)/char(n) (read as
 * string, as Spark does wherever it stores data), binary, boolean, date, timestamp
 * (= timestamp_ltz), timestamp_ntz, void, array&lt;T&gt;, map&lt;K,V&gt;, struct&lt;name[:] T, ...&gt;. Names may be
 * back-quoted ({@code `a b`}, a doubled back-quote escapes one). A comment lands in the
 * field's metadata under {@code "comment"}, as Spark keeps it.
 *
 * <p>Errors are {@link ParseException}s naming Spark's error class and the position:
 * {@code [PARSE_SYNTAX_ERROR] Syntax error at or near 'b'. SQLSTATE: 42601 (line 1, pos 6)}.
 *
 * <p>One instance parses one string; the static methods are the entry points. Thread-safe
 * through confinement.
 */
public final class DdlParser {
    private final String text;
    private final DdlLexer lexer;
    private DdlLexer.Token token;

    private DdlParser(String text) {
        this.text = text;
        this.lexer = new DdlLexer(text);
        this.token = lexer.next();
    }

    /** One data type; the whole text must be that type. */
    public static DataType parseType(String text) {
        DdlParser p = new DdlParser(text);
        DataType t = p.type();
        p.expectEnd();
        return t;
    }

    /** A schema: comma-separated fields (an empty text is the empty schema). */
    public static StructType parseSchema(String text) {
        return new DdlParser(text).schema();
    }

    /**
     * A schema or a single type, whichever the text is ({@code "int"} is a type, {@code "a int"}
     * a schema), as Spark's {@code DataType.fromDDL}; when neither parses, the error of the
     * reading that got further.
     */
    public static DataType parse(String text) {
        DdlParser asType = new DdlParser(text);
        try {
            DataType t = asType.type();
            asType.expectEnd();
            return t;
        } catch (ParseException typeError) {
            DdlParser asSchema = new DdlParser(text);
            try {
                return asSchema.schema();
            } catch (ParseException schemaError) {
                throw asType.token.offset() >= asSchema.token.offset() ? typeError : schemaError;
            }
        }
    }

    // ---- grammar ---------------------------------------------------------------------------

    private StructType schema() {
        List<StructField> fields = new ArrayList<>();
        if (token.kind() != DdlLexer.Kind.END) {
            fields.add(field());
            while (acceptSymbol(',')) {
                fields.add(field());
            }
        }
        expectEnd();
        return new StructType(fields);
    }

    private StructField field() {
        String name = name();
        acceptSymbol(':');
        DataType type = type();
        boolean nullable = true;
        if (acceptKeyword("not")) {
            expectKeyword("null");
            nullable = false;
        }
        Map<String, Object> metadata = Map.of();
        if (acceptKeyword("comment")) {
            if (token.kind() != DdlLexer.Kind.STRING) {
                throw syntaxError();
            }
            metadata = Map.of("comment", token.value());
            advance();
        }
        return new StructField(name, type, nullable, metadata);
    }

    private String name() {
        if (token.kind() != DdlLexer.Kind.IDENT && token.kind() != DdlLexer.Kind.QUOTED) {
            throw syntaxError();
        }
        String name = token.value();
        advance();
        return name;
    }

    private DataType type() {
        if (token.kind() != DdlLexer.Kind.IDENT) {
            throw syntaxError();
        }
        DdlLexer.Token start = token;
        String name = token.value().toLowerCase(Locale.ROOT);
        advance();
        switch (name) {
            case "array": {
                expectSymbol('<');
                DataType element = type();
                expectSymbol('>');
                return new ArrayType(element, true);
            }
            case "map": {
                expectSymbol('<');
                DataType key = type();
                expectSymbol(',');
                DataType value = type();
                expectSymbol('>');
                return new MapType(key, value, true);
            }
            case "struct": {
                expectSymbol('<');
                List<StructField> fields = new ArrayList<>();
                if (!acceptSymbol('>')) {
                    fields.add(field());
                    while (acceptSymbol(',')) {
                        fields.add(field());
                    }
                    expectSymbol('>');
                }
                return new StructType(fields);
            }
            case "decimal", "dec", "numeric":
                return decimal(start);
            case "interval":
                return interval();
            case "varchar", "char", "character": {
                expectSymbol('(');
                integer();
                expectSymbol(')');
                return DataTypes.StringType;
            }
            default: {
                DataType atomic = atomic(name);
                if (atomic == null) {
                    throw new ParseException("UNSUPPORTED_DATATYPE",
                            "Unsupported data type \"" + start.value().toUpperCase(Locale.ROOT) + "\"", "0A000",
                            Map.of("typeName", "\"" + start.value().toUpperCase(Locale.ROOT) + "\""), text,
                            start.offset());
                }
                return atomic;
            }
        }
    }

    /** After {@code interval}: nothing (the calendar type), {@code day}, {@code day to second}, {@code year to month}. */
    private DataType interval() {
        if (token.kind() != DdlLexer.Kind.IDENT) {
            return DataTypes.CalendarIntervalType;
        }
        String from = token.value();
        int dt = DayTimeIntervalType.field(from);
        int ym = YearMonthIntervalType.field(from);
        if (dt < 0 && ym < 0) {
            return DataTypes.CalendarIntervalType;
        }
        advance();
        int to = dt >= 0 ? dt : ym;
        if (acceptKeyword("to")) {
            if (token.kind() != DdlLexer.Kind.IDENT) {
                throw syntaxError();
            }
            to = dt >= 0 ? DayTimeIntervalType.field(token.value()) : YearMonthIntervalType.field(token.value());
            int from0 = dt >= 0 ? dt : ym;
            if (to < from0) {
                throw syntaxError();
            }
            advance();
        }
        return dt >= 0 ? new DayTimeIntervalType(dt, to) : new YearMonthIntervalType(ym, to);
    }

    private DataType decimal(DdlLexer.Token start) {
        if (!acceptSymbol('(')) {
            return DecimalType.USER_DEFAULT;
        }
        int precision = integer();
        int scale = acceptSymbol(',') ? integer() : 0;
        expectSymbol(')');
        if (precision > DecimalType.MAX_PRECISION || precision < 1) {
            throw new ParseException("DECIMAL_PRECISION_EXCEEDS_MAX_PRECISION", "Decimal precision " + precision
                    + " exceeds max precision " + DecimalType.MAX_PRECISION, "22003",
                    Map.of("precision", String.valueOf(precision), "maxPrecision", "38"), text, start.offset());
        }
        if (scale > precision) {
            throw new ParseException("DECIMAL_SCALE_EXCEEDS_PRECISION", "Decimal scale (" + scale
                    + ") cannot be greater than precision (" + precision + ")", "22003",
                    Map.of("scale", String.valueOf(scale), "precision", String.valueOf(precision)), text,
                    start.offset());
        }
        return new DecimalType(precision, scale);
    }

    /** The atomic type named (lower case) {@code name}, or null. */
    static DataType atomic(String name) {
        return switch (name) {
            case "boolean" -> DataTypes.BooleanType;
            case "tinyint", "byte" -> DataTypes.ByteType;
            case "smallint", "short" -> DataTypes.ShortType;
            case "int", "integer" -> DataTypes.IntegerType;
            case "bigint", "long" -> DataTypes.LongType;
            case "float", "real" -> DataTypes.FloatType;
            case "double" -> DataTypes.DoubleType;
            case "string" -> DataTypes.StringType;
            case "binary" -> DataTypes.BinaryType;
            case "date" -> DataTypes.DateType;
            case "timestamp", "timestamp_ltz" -> DataTypes.TimestampType;
            case "timestamp_ntz" -> DataTypes.TimestampNTZType;
            case "void" -> DataTypes.NullType;
            default -> null;
        };
    }

    private int integer() {
        if (token.kind() != DdlLexer.Kind.INTEGER) {
            throw syntaxError();
        }
        try {
            int n = Integer.parseInt(token.value());
            advance();
            return n;
        } catch (NumberFormatException e) {
            throw syntaxError();
        }
    }

    // ---- tokens ----------------------------------------------------------------------------

    private void advance() {
        token = lexer.next();
    }

    private boolean acceptSymbol(char c) {
        if (token.kind() == DdlLexer.Kind.SYMBOL && token.value().charAt(0) == c) {
            advance();
            return true;
        }
        return false;
    }

    private void expectSymbol(char c) {
        if (!acceptSymbol(c)) {
            throw syntaxError();
        }
    }

    private boolean acceptKeyword(String word) {
        if (token.kind() == DdlLexer.Kind.IDENT && token.value().equalsIgnoreCase(word)) {
            advance();
            return true;
        }
        return false;
    }

    private void expectKeyword(String word) {
        if (!acceptKeyword(word)) {
            throw syntaxError();
        }
    }

    private void expectEnd() {
        if (token.kind() != DdlLexer.Kind.END) {
            throw syntaxError();
        }
    }

    private ParseException syntaxError() {
        String near = token.kind() == DdlLexer.Kind.END ? "end of input" : "'" + token.text() + "'";
        return new ParseException("PARSE_SYNTAX_ERROR", "Syntax error at or near " + near, "42601",
                Map.of("error", near.startsWith("'") ? near : "end of input"), text, token.offset());
    }
}
