package io.ember.sql.sources;

import io.ember.sql.types.ArrayType;
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
 * map is an element per key; null fields are left out. Text is escaped by the StAX writer.
 */
final class XmlWriting {
    private final XmlOptions o;

    XmlWriting(XmlOptions o) {
        this.o = o;
    }

    /** One element {@code name} holding {@code row} of type {@code schema}, at indentation {@code depth}. */
    void record(XMLStreamWriter w, String name, Object[] row, StructType schema, int depth) throws XMLStreamException {
        indent(w, depth);
        boolean children = false;
        for (int i = 0; i < schema.size(); i++) {
            String f = schema.field(i).name();
            children |= row[i] != null && !o.isAttribute(f) && !f.equals(o.valueTag);
        }
        Object text = null;
        DataType textType = null;
        w.writeStartElement(name);
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
            if (row[i] != null && !o.isAttribute(f.name()) && !f.name().equals(o.valueTag)) {
                field(w, f.name(), row[i], f.dataType(), depth + 1);
            }
        }
        if (children) {
            indent(w, depth);
        }
        w.writeEndElement();
    }

    private void field(XMLStreamWriter w, String name, Object v, DataType t, int depth) throws XMLStreamException {
        if (t instanceof ArrayType a) {
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
        return TextCells.format(v, t, o.values);
    }

    /** A line break and four spaces per level (none before the first element of a fragment). */
    static void indent(XMLStreamWriter w, int depth) throws XMLStreamException {
        if (depth >= 0) {
            w.writeCharacters("\n" + "    ".repeat(depth));
        }
    }
}
