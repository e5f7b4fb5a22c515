package io.ember.sql.parser;

import io.ember.sql.expressions.Cast;
import io.ember.sql.expressions.DateTimeUtils;
import io.ember.sql.expressions.Expression;
import io.ember.sql.expressions.Literal;
import io.ember.sql.types.DataTypes;
import io.ember.sql.types.DecimalType;
import java.math.BigDecimal;
import java.math.BigInteger;
import java.util.HexFormat;
import java.util.Locale;
import java.util.Map;

/**
 * Constants as Spark types them: {@code 1} int (bigint, then decimal when it does not fit),
 * {@code 1L} bigint, {@code 1S} smallint, {@code 1Y} tinyint, {@code 1.5} decimal(2,1),
 * {@code 1e3} and {@code 1D} double, {@code 1F} float, {@code 1.5BD} decimal, {@code X'0A'}
 * binary, adjacent strings concatenated, and typed strings ({@code DATE '2020-01-01'},
 * {@code TIMESTAMP '...'}, {@code TIMESTAMP_NTZ '...'}, {@code X '...'}, {@code INTERVAL '...'}).
 * Stateless apart from the text being parsed.
 */
final class LiteralBuilder {
    private final String sql;

    LiteralBuilder(String sql) {
        this.sql = sql;
    }

    Expression number(SqlParser.NumberContext ctx) {
        String text = ctx.getText();
        boolean negative = text.startsWith("-");
        String digits = negative ? text.substring(1) : text;
        try {
            if (ctx instanceof SqlParser.IntegerLiteralContext) {
                return integer(new BigInteger(text));
            } else if (ctx instanceof SqlParser.BigIntLiteralContext) {
                return new Literal(Long.parseLong(strip(text, 1)), DataTypes.LongType);
            } else if (ctx instanceof SqlParser.SmallIntLiteralContext) {
                return new Literal((int) Short.parseShort(strip(text, 1)), DataTypes.ShortType);
            } else if (ctx instanceof SqlParser.TinyIntLiteralContext) {
                return new Literal((int) Byte.parseByte(strip(text, 1)), DataTypes.ByteType);
            } else if (ctx instanceof SqlParser.DecimalLiteralContext) {
                return decimal(new BigDecimal(text));
            } else if (ctx instanceof SqlParser.BigDecimalLiteralContext) {
                return decimal(new BigDecimal(strip(text, 2)));
            } else if (ctx instanceof SqlParser.FloatLiteralContext) {
                return new Literal(Float.parseFloat(strip(text, 1)), DataTypes.FloatType);
            } else if (ctx instanceof SqlParser.DoubleLiteralContext) {
                return new Literal(Double.parseDouble(strip(text, 1)), DataTypes.DoubleType);
            }
            return new Literal(Double.parseDouble(text), DataTypes.DoubleType);
        } catch (NumberFormatException e) {
            throw ParseErrors.at(sql, ctx, "INVALID_NUMERIC_LITERAL_RANGE", "Numeric literal " + text
                    + " is outside the valid range for its type.", "22003", Map.of("rawStrippedQualifier", digits));
        }
    }

    private static String strip(String text, int suffix) {
        return text.substring(0, text.length() - suffix);
    }

    private static Literal integer(BigInteger v) {
        if (v.bitLength() < 32) {
            return new Literal(v.intValue(), DataTypes.IntegerType);
        }
        if (v.bitLength() < 64) {
            return new Literal(v.longValue(), DataTypes.LongType);
        }
        return decimal(new BigDecimal(v));
    }

    private static Literal decimal(BigDecimal v) {
        int scale = Math.max(v.scale(), 0);
        BigDecimal value = v.setScale(scale);
        int precision = Math.max(value.precision(), scale);
        if (precision > DecimalType.MAX_PRECISION) {
            return new Literal(v.doubleValue(), DataTypes.DoubleType);
        }
        return new Literal(value, new DecimalType(precision, scale));
    }

    static String string(SqlParser.StringLitContext ctx) {
        return StringLiterals.value(ctx.getText());
    }

    Expression strings(java.util.List<SqlParser.StringLitContext> parts) {
        StringBuilder b = new StringBuilder();
        parts.forEach(p -> b.append(string(p)));
        return new Literal(b.toString(), DataTypes.StringType);
    }

    Expression binary(String token) {
        String hex = token.substring(2, token.length() - 1);
        return new Literal(HexFormat.of().parseHex(hex.length() % 2 == 1 ? "0" + hex : hex), DataTypes.BinaryType);
    }

    /** {@code DATE '...'} and friends. */
    Expression typed(SqlParser.TypeConstructorContext ctx) {
        String type = Names.of(ctx.identifier()).toUpperCase(Locale.ROOT);
        String value = string(ctx.stringLit());
        return switch (type) {
            case "DATE" -> {
                Integer days = DateTimeUtils.parseDate(value);
                if (days == null) {
                    throw typedError(ctx, type, value);
                }
                yield new Literal(days, DataTypes.DateType);
            }
            case "TIMESTAMP", "TIMESTAMP_LTZ" -> {
                if (DateTimeUtils.parseTimestamp(value, java.time.ZoneOffset.UTC) == null) {
                    throw typedError(ctx, type, value);
                }
                // interpreted in the session time zone, which the analyzer gives the cast
                yield new Cast(new Literal(value, DataTypes.StringType), DataTypes.TimestampType);
            }
            case "TIMESTAMP_NTZ" -> {
                java.time.LocalDateTime t = DateTimeUtils.parseLocal(value);
                if (t == null) {
                    throw typedError(ctx, type, value);
                }
                yield new Literal(DateTimeUtils.toMicros(t.toInstant(java.time.ZoneOffset.UTC)), DataTypes.TimestampNTZType);
            }
            case "X" -> binary("X'" + value + "'");
            default -> throw ParseErrors.at(sql, ctx, "UNSUPPORTED_TYPED_LITERAL", "Literals of the type " + type
                    + " are currently not supported. Supported types are DATE, TIMESTAMP_NTZ, TIMESTAMP_LTZ, TIMESTAMP, "
                    + "INTERVAL, X.", "0A000", Map.of("unsupportedType", type));
        };
    }

    private io.ember.sql.ParseException typedError(SqlParser.TypeConstructorContext ctx, String type, String value) {
        return ParseErrors.at(sql, ctx, "INVALID_TYPED_LITERAL", "The value of the typed literal " + type
                + " is invalid: '" + value + "'.", "42604", Map.of("valueType", type, "value", "'" + value + "'"));
    }

    /** {@code INTERVAL '1' YEAR 2 MONTHS}, {@code INTERVAL '1-2' YEAR TO MONTH}, {@code INTERVAL '1 02' DAY TO HOUR}. */
    Literal interval(SqlParser.IntervalContext ctx) {
        if (ctx.to != null) {
            return Intervals.unitToUnit(sql, ctx, intervalText(ctx.value), Names.of(ctx.from), Names.of(ctx.to));
        }
        Intervals.Units total = new Intervals.Units();
        for (SqlParser.IntervalUnitContext u : ctx.intervalUnit()) {
            total.add(sql, u, intervalText(u.value), Names.of(u.unit));
        }
        return total.literal(sql, ctx);
    }

    private static String intervalText(SqlParser.IntervalValueContext v) {
        String sign = v.MINUS() != null ? "-" : "";
        String body = v.stringLit() != null ? string(v.stringLit()).trim() : v.getChild(v.getChildCount() - 1).getText();
        if (sign.equals("-") && body.startsWith("-")) {
            return body.substring(1);
        }
        return sign + body;
    }
}
