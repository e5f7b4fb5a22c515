package io.ember.sql.sources;

import io.ember.sql.types.ArrayType;
import io.ember.sql.types.DataType;
import io.ember.sql.types.DataTypes;
import io.ember.sql.types.DateType;
import io.ember.sql.types.DoubleType;
import io.ember.sql.types.LongType;
import io.ember.sql.types.NullType;
import io.ember.sql.types.StructField;
import io.ember.sql.types.StructType;
import io.ember.sql.types.TimestampType;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * Spark's XML schema inference. An element with neither attributes nor child elements has the
 * type of its text (bigint, double, boolean, date, timestamp, else string; empty text is null,
 * which ends as string); any other element is a struct of its attributes ({@code _name}), its
 * child elements (a name repeated inside one element is an array) and its text
 * ({@code _VALUE}) when it has some that is not blank. Structs have their fields sorted by
 * name. Types of the same field merge: numbers widen to double, date and timestamp to
 * timestamp, an array absorbs a single value, a struct with a value field absorbs text into it,
 * anything else is string (a struct read as a string is its inner XML). Without {@code inferSchema} every text is a string.
 */
final class XmlInference {
    private final XmlOptions o;

    XmlInference(XmlOptions o) {
        this.o = o;
    }

    /** The struct type of one record element, before nulls become strings. */
    DataType record(XmlNode node) {
        Map<String, DataType> fields = new TreeMap<>();
        if (!o.excludeAttribute) {
            node.attributes.forEach((k, v) -> fields.merge(o.attributePrefix + k, text(v), this::merge));
        }
        Map<String, List<DataType>> children = new LinkedHashMap<>();
        for (XmlNode c : node.children) {
            children.computeIfAbsent(c.name, k -> new ArrayList<>()).add(element(c));
        }
        children.forEach((name, types) -> {
            DataType t = types.stream().reduce(DataTypes.NullType, this::merge);
            fields.put(name, types.size() > 1 ? new ArrayType(t, true) : t);
        });
        String text = node.text();
        if (!text.isBlank()) {
            fields.merge(o.valueTag, text(text), this::merge);
        }
        List<StructField> out = new ArrayList<>();
        fields.forEach((k, v) -> out.add(new StructField(k, v, true)));
        return new StructType(out);
    }

    private DataType element(XmlNode node) {
        if (node.isLeaf() || o.excludeAttribute && node.children.isEmpty()) {
            return text(o.text(node.text()));
        }
        return record(node);
    }

    /** The type of one text value. */
    DataType text(String raw) {
        String s = o.text(raw);
        if (s == null || s.isEmpty() || s.equals(o.nullValue)) {
            return DataTypes.NullType;
        }
        if (!o.inferSchema) {
            return DataTypes.StringType;
        }
        char c0 = s.charAt(0);
        boolean numeric = Character.isDigit(c0) || c0 == '-' || c0 == '+' || c0 == '.';
        if (numeric && isLong(s)) {
            return DataTypes.LongType;
        }
        if (numeric && s.chars().anyMatch(Character::isDigit)) {
            try {
                ColumnBuilders.Doubles.parse(s);
                return DataTypes.DoubleType;
            } catch (NumberFormatException e) {
                // not a number
            }
        }
        if (s.equalsIgnoreCase("true") || s.equalsIgnoreCase("false")) {
            return DataTypes.BooleanType;
        }
        if (mayBeDateOrTimestamp(s) && o.values.isDate(s)) {
            return DataTypes.DateType;
        }
        if (mayBeDateOrTimestamp(s) && o.values.isTimestamp(s)) {
            return DataTypes.TimestampType;
        }
        return DataTypes.StringType;
    }

    private static boolean isLong(String s) {
        int start = s.charAt(0) == '-' || s.charAt(0) == '+' ? 1 : 0;
        if (s.length() == start || s.length() - start > 19) {
            return false;
        }
        for (int i = start; i < s.length(); i++) {
            if (!Character.isDigit(s.charAt(i))) {
                return false;
            }
        }
        try {
            Long.parseLong(s);
            return true;
        } catch (NumberFormatException e) {
            return false;
        }
    }

    /** A cheap test before the date and timestamp parsers (which fail by exception): the default forms start with a year. */
    private boolean mayBeDateOrTimestamp(String s) {
        if (o.customDateFormats) {
            return true;
        }
        return s.length() >= 8 && Character.isDigit(s.charAt(0)) && Character.isDigit(s.charAt(3)) && s.charAt(4) == '-';
    }

    /** The type holding values of both types (Spark's XML {@code compatibleType}). */
    DataType merge(DataType a, DataType b) {
        if (a.equals(b) || b instanceof NullType) {
            return a;
        }
        if (a instanceof NullType) {
            return b;
        }
        if (a instanceof ArrayType x && b instanceof ArrayType y) {
            return new ArrayType(merge(x.elementType(), y.elementType()), true);
        }
        if (a instanceof ArrayType x) {
            return new ArrayType(merge(x.elementType(), b), true);
        }
        if (b instanceof ArrayType y) {
            return new ArrayType(merge(a, y.elementType()), true);
        }
        if (a instanceof StructType x && b instanceof StructType y) {
            Map<String, DataType> fields = new TreeMap<>();
            for (StructField f : x.fields()) {
                fields.put(f.name(), f.dataType());
            }
            for (StructField f : y.fields()) {
                fields.merge(f.name(), f.dataType(), this::merge);
            }
            List<StructField> out = new ArrayList<>();
            fields.forEach((k, v) -> out.add(new StructField(k, v, true)));
            return new StructType(out);
        }
        if (a instanceof StructType x && x.indexOf(o.valueTag) >= 0) {
            return merge(x, new StructType(List.of(new StructField(o.valueTag, b, true))));
        }
        if (b instanceof StructType y && y.indexOf(o.valueTag) >= 0) {
            return merge(new StructType(List.of(new StructField(o.valueTag, a, true))), y);
        }
        if ((a instanceof LongType || a instanceof DoubleType) && (b instanceof LongType || b instanceof DoubleType)) {
            return DataTypes.DoubleType;
        }
        if ((a instanceof DateType || a instanceof TimestampType) && (b instanceof DateType || b instanceof TimestampType)) {
            return DataTypes.TimestampType;
        }
        return DataTypes.StringType;
    }

    /** {@code t} with every null type (a field only ever empty) as string. */
    static DataType nullsToString(DataType t) {
        if (t instanceof NullType) {
            return DataTypes.StringType;
        }
        if (t instanceof ArrayType a) {
            return new ArrayType(nullsToString(a.elementType()), true);
        }
        if (t instanceof StructType s) {
            List<StructField> out = new ArrayList<>();
            for (StructField f : s.fields()) {
                out.add(new StructField(f.name(), nullsToString(f.dataType()), true));
            }
            return new StructType(out);
        }
        return t;
    }
}
