package io.ember.sql.sources;

import io.ember.sql.types.ArrayType;
import io.ember.sql.types.DataType;
import io.ember.sql.types.MapType;
import io.ember.sql.types.StringType;
import io.ember.sql.types.StructField;
import io.ember.sql.types.StructType;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * XML elements as internal values of a given type, as Spark reads them: a struct field named
 * with the attribute prefix takes that attribute, the value tag takes the element's text, any
 * other field the child elements of its name (all of them for an array field, else the last; a
 * map takes an element's children by name; a string field of an element with children its inner XML);
 * an atomic value is the element's text converted by the text formats' rules. Text that does
 * not convert, or is missing, is null (an empty string stays empty for a string field).
 * Not thread-safe (conversion reuses nothing, but callers keep one per thread).
 */
final class XmlValues {
    private final XmlOptions o;

    XmlValues(XmlOptions o) {
        this.o = o;
    }

    /** The fields of a record element as values of {@code schema}. */
    Object[] record(XmlNode node, StructType schema) {
        Object[] out = new Object[schema.size()];
        for (int i = 0; i < out.length; i++) {
            out[i] = field(node, schema.field(i));
        }
        return out;
    }

    private Object field(XmlNode node, StructField f) {
        String name = f.name();
        if (name.equals(o.valueTag)) {
            return node.children.isEmpty() || !o.text(node.text()).isEmpty() ? atomic(node.text(), f.dataType()) : null;
        }
        if (o.isAttribute(name)) {
            String v = node.attributes.get(name.substring(o.attributePrefix.length()));
            if (v != null) {
                return atomic(v, f.dataType());
            }
        }
        List<XmlNode> matches = node.children(name);
        if (matches.isEmpty()) {
            return null;
        }
        if (f.dataType() instanceof ArrayType a) {
            List<Object> out = new ArrayList<>();
            for (XmlNode m : matches) {
                out.add(element(m, a.elementType()));
            }
            return out;
        }
        return element(matches.get(matches.size() - 1), f.dataType());
    }

    /** One element as a value of {@code t}. */
    Object element(XmlNode node, DataType t) {
        if (t instanceof StructType s) {
            if (node.isLeaf() && s.indexOf(o.valueTag) < 0 && o.text(node.text()).isEmpty()) {
                return null;
            }
            return record(node, s);
        }
        if (t instanceof ArrayType a) {
            List<Object> out = new ArrayList<>();
            out.add(element(node, a.elementType()));
            return out;
        }
        if (t instanceof MapType m) {
            if (node.children.isEmpty()) {
                return null;
            }
            Map<Object, Object> out = new LinkedHashMap<>();
            for (XmlNode c : node.children) {
                out.put(c.name, element(c, m.valueType()));
            }
            return out;
        }
        if (t instanceof StringType && !node.children.isEmpty()) {
            return o.text(node.innerXml());
        }
        return atomic(node.text(), t);
    }

    /** Text as an atomic value of {@code t}; null when it does not convert. */
    Object atomic(String raw, DataType t) {
        String s = o.text(raw);
        if (s == null || s.equals(o.nullValue)) {
            return null;
        }
        if (t instanceof StringType) {
            return s;
        }
        if (s.isEmpty()) {
            return null;
        }
        ColumnBuilder b = ColumnBuilder.of(t, 1, o.values, false);
        return b.setText(0, s) ? b.build(1).get(0) : null;
    }
}
