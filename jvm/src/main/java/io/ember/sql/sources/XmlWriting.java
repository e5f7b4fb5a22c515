package io.ember.sql.sources;

import io.ember.sql.types.ArrayType;
import io.ember.sql.types.BinaryType;
import io.ember.sql.types.DataType;
import io.ember.sql.types.MapType;
import io.ember.sql.types.StructField;
import io.ember.sql.types.StructType;
import java.util.List;
import java.util.Map;
import javax.xml.stream.XMLStreamException;
import javax.xml.stream.XMLStreamWriter;

/**
 * Writes values as XML elements, indented four spaces a level as Spark writes them: a struct
 * is an element whose attribute-prefixed fields are attributes, whose value-tag field is its
 * text and whose other fields are child elements; an array repeats its field's element; a
 * map is an element per key; an array of arrays writes each inner array as one element of
 * {@code item}s; null fields are left out (or written as {@code nullValue} when set); an element
 * with nothing inside is self-closing. Binary is Spark's {@code [61 62]}. Text is escaped by
 * the StAX writer.
 */
final class XmlWriting {
    /** The element name of the items of a nested array (Spark's {@code arrayElementName} default). */
    static final String ARRAY_ELEMENT = "item";

    private final XmlOptions o;

    XmlWriting(XmlOptions o) {
        this.o = o;
    }

    /** One element {@code name} holding {@code row} of type {@code schema}, at indentation {@code depth}. */
    void record(XMLStreamWriter w, String name, Object[] row, StructType schema, int depth) throws XMLStreamException {
        indent(w, depth);
        boolean children = false;
        boolean hasText = false;
        for (int i = 0; i < schema.size(); i++) {
            String f = schema.field(i).name();
            boolean written = row[i] != null || o.nullValue != null;
            children |= written && !o.isAttribute(f) && !f.equals(o.valueTag);
            hasText |= row[i] != null && f.equals(o.valueTag);
        }
        Object text = null;
        DataType textType = null;
        if (children || hasText) {
            w.writeStartElement(name);
        } else {
            w.writeEmptyElement(name);
        }
        for (int i = 0; i < schema.size(); i++) {
            StructField f = schema.field(i);
            if (row[i] == null) {
                continue;
            }
            if (f.name().equals(o.valueTag)) {
                text = row[i];
                textType = f.dataType();
            } else if (o.isAttribute(f.name())) {
                w.writeAttribute(f.name().substring(o.attributePrefix.length()), atomic(row[i], f.dataType()));
            }
        }
        if (text != null) {
            w.writeCharacters(atomic(text, textType));
        }
        for (int i = 0; i < schema.size(); i++) {
            StructField f = schema.field(i);
            if (o.isAttribute(f.name()) || f.name().equals(o.valueTag)) {
                continue;
            }
            if (row[i] != null) {
                field(w, f.name(), row[i], f.dataType(), depth + 1);
            } else if (o.nullValue != null) {
                indent(w, depth + 1);
                w.writeStartElement(f.name());
                w.writeCharacters(o.nullValue);
                w.writeEndElement();
            }
        }
        if (children) {
            indent(w, depth);
        }
        if (children || hasText) {
            w.writeEndElement();
        }
    }

    private void field(XMLStreamWriter w, String name, Object v, DataType t, int depth) throws XMLStreamException {
        if (t instanceof ArrayType a && a.elementType() instanceof ArrayType inner) {
            for (Object e : (List<?>) v) {
                if (e != null) {
                    indent(w, depth);
                    w.writeStartElement(name);
                    field(w, ARRAY_ELEMENT, e, inner, depth + 1);
                    indent(w, depth);
                    w.writeEndElement();
                }
            }
        } else if (t instanceof ArrayType a) {
            for (Object e : (List<?>) v) {
                if (e != null) {
                    field(w, name, e, a.elementType(), depth);
                }
            }
        } else if (t instanceof StructType s) {
            record(w, name, (Object[]) v, s, depth);
        } else if (t instanceof MapType m) {
            indent(w, depth);
            w.writeStartElement(name);
            for (Map.Entry<?, ?> e : ((Map<?, ?>) v).entrySet()) {
                if (e.getValue() != null) {
                    field(w, String.valueOf(e.getKey()), e.getValue(), m.valueType(), depth + 1);
                }
            }
            indent(w, depth);
            w.writeEndElement();
        } else {
            indent(w, depth);
            w.writeStartElement(name);
            w.writeCharacters(atomic(v, t));
            w.writeEndElement();
        }
    }

    private String atomic(Object v, DataType t) {
        if (t instanceof BinaryType) {
            StringBuilder out = new StringBuilder("[");
            for (byte b : (byte[]) v) {
                out.append(out.length() > 1 ? " " : "").append(String.format("%02X", b & 0xff));
            }
            return out.append(']').toString();
        }
        return TextCells.format(v, t, o.values);
    }

    /** A line break and four spaces per level (none before the first element of a fragment). */
    static void indent(XMLStreamWriter w, int depth) throws XMLStreamException {
        if (depth >= 0) {
            w.writeCharacters("\n" + "    ".repeat(depth));
        }
    }
}
