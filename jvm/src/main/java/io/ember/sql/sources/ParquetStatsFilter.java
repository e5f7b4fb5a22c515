package io.ember.sql.sources;

import io.ember.sql.expressions.AttributeReference;
import io.ember.sql.expressions.Expression;
import io.ember.sql.expressions.Literal;
import io.ember.sql.types.DataType;
import io.ember.sql.types.DecimalType;
import io.ember.sql.types.StringType;
import io.ember.sql.types.TimestampType;
import java.math.BigDecimal;
import java.math.BigInteger;
import java.nio.charset.StandardCharsets;
import java.util.List;
import org.apache.parquet.column.statistics.Statistics;
import org.apache.parquet.hadoop.metadata.BlockMetaData;
import org.apache.parquet.hadoop.metadata.ColumnChunkMetaData;
import org.apache.parquet.io.api.Binary;
import org.apache.parquet.schema.PrimitiveType.PrimitiveTypeName;

/**
 * Decides from a row group's min/max statistics that no row can pass a filter, so the reader
 * skips it. Understands conjuncts of the shapes {@code col op literal} / {@code literal op col}
 * (op one of = &lt; &lt;= &gt; &gt;=) and {@code col IS [NOT] NULL}, recognized by the SQL text
 * Spark gives them ({@code (a > 5)}), so it needs no particular expression classes; anything
 * else never skips. Statistics are compared in the column's internal representation.
 */
final class ParquetStatsFilter {
    private static final String[] OPS = {"<=", ">=", "=", "<", ">"};

    private ParquetStatsFilter() {}

    /** True when {@code filters} (conjuncts) rule out every row of {@code block}. */
    static boolean canSkip(BlockMetaData block, List<Expression> filters) {
        for (Expression f : filters) {
            if (ruledOut(block, f)) {
                return true;
            }
        }
        return false;
    }

    private static boolean ruledOut(BlockMetaData block, Expression f) {
        List<Expression> kids = f.children();
        String sql = f.sql();
        if (kids.size() == 1 && kids.get(0) instanceof AttributeReference a) {
            Statistics<?> s = stats(block, a.name());
            if (s == null || s.isEmpty() || !s.isNumNullsSet()) {
                return false;
            }
            if (sql.equals("(" + a.sql() + " IS NULL)")) {
                return s.getNumNulls() == 0;
            }
            if (sql.equals("(" + a.sql() + " IS NOT NULL)")) {
                return s.getNumNulls() == block.getRowCount();
            }
            return false;
        }
        if (kids.size() != 2) {
            return false;
        }
        for (String op : OPS) {
            if (!sql.equals("(" + kids.get(0).sql() + " " + op + " " + kids.get(1).sql() + ")")) {
                continue;
            }
            if (kids.get(0) instanceof AttributeReference a && kids.get(1) instanceof Literal l) {
                return ruledOut(block, a, op, l);
            }
            if (kids.get(1) instanceof AttributeReference a && kids.get(0) instanceof Literal l) {
                return ruledOut(block, a, flip(op), l);
            }
            return false;
        }
        return false;
    }

    private static String flip(String op) {
        return switch (op) {
            case "<" -> ">";
            case ">" -> "<";
            case "<=" -> ">=";
            case ">=" -> "<=";
            default -> op;
        };
    }

    @SuppressWarnings({"unchecked", "rawtypes"})
    private static boolean ruledOut(BlockMetaData block, AttributeReference a, String op, Literal l) {
        if (l.value() == null || !l.dataType().equals(a.dataType())) {
            return false; // comparing with null is never true, but leave that to the filter
        }
        ColumnChunkMetaData chunk = chunk(block, a.name());
        if (chunk == null) {
            return false;
        }
        Statistics<?> s = chunk.getStatistics();
        if (s == null || s.isEmpty()) {
            return false;
        }
        if (!s.hasNonNullValue()) {
            return s.isNumNullsSet() && s.getNumNulls() == block.getRowCount(); // all null: no comparison holds
        }
        Comparable min = internal(s.genericGetMin(), a.dataType(), chunk.getPrimitiveType().getPrimitiveTypeName());
        Comparable max = internal(s.genericGetMax(), a.dataType(), chunk.getPrimitiveType().getPrimitiveTypeName());
        Object v = l.value();
        if (min == null || max == null || min.getClass() != v.getClass()) {
            return false;
        }
        return switch (op) {
            case "=" -> min.compareTo(v) > 0 || max.compareTo(v) < 0;
            case "<" -> min.compareTo(v) >= 0;
            case "<=" -> min.compareTo(v) > 0;
            case ">" -> max.compareTo(v) <= 0;
            case ">=" -> max.compareTo(v) < 0;
            default -> false;
        };
    }

    private static Statistics<?> stats(BlockMetaData block, String column) {
        ColumnChunkMetaData c = chunk(block, column);
        return c == null ? null : c.getStatistics();
    }

    private static ColumnChunkMetaData chunk(BlockMetaData block, String column) {
        for (ColumnChunkMetaData c : block.getColumns()) {
            if (c.getPath().size() == 1 && c.getPath().toArray()[0].equalsIgnoreCase(column)) {
                return c;
            }
        }
        return null;
    }

    /** A statistics value in the internal representation of {@code t}, or null when not comparable. */
    private static Comparable<?> internal(Object stat, DataType t, PrimitiveTypeName physical) {
        if (physical == PrimitiveTypeName.INT96 || t instanceof TimestampType && !(stat instanceof Long)) {
            return null;
        }
        if (t instanceof StringType && stat instanceof Binary b) {
            String s = new String(b.getBytes(), StandardCharsets.UTF_8);
            return s.chars().allMatch(ch -> ch < 0xD800) ? s : null; // UTF-16 order matches bytes below surrogates
        }
        if (t instanceof DecimalType d) {
            BigInteger unscaled = stat instanceof Binary b ? new BigInteger(b.getBytes())
                    : BigInteger.valueOf(((Number) stat).longValue());
            return new BigDecimal(unscaled, d.scale());
        }
        if (stat instanceof Integer || stat instanceof Long || stat instanceof Double || stat instanceof Float
                || stat instanceof Boolean) {
            return (Comparable<?>) stat;
        }
        return null;
    }
}
