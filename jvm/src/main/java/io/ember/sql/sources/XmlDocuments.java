package io.ember.sql.sources;

import io.ember.sql.types.DataType;
import io.ember.sql.types.DataTypes;
import io.ember.sql.types.StructField;
import io.ember.sql.types.StructType;
import java.io.StringWriter;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import javax.xml.stream.XMLOutputFactory;
import javax.xml.stream.XMLStreamException;
import javax.xml.stream.XMLStreamWriter;

/**
 * One XML record as a value and back, with the XML source's options and rules, for
 * {@code from_xml}, {@code to_xml} and {@code schema_of_xml}: the document's root element is
 * the record. Malformed text reads as a struct of nulls (Spark's PERMISSIVE).
 */
public final class XmlDocuments implements RecordCodec {
    private final XmlOptions o;

    private XmlDocuments(XmlOptions o) {
        this.o = o;
    }

    /** Documents read and written with {@code options}; dates and timestamps in zone {@code zoneId} unless an option names one. */
    public static XmlDocuments of(Map<String, String> options, String zoneId) {
        Map<String, String> m = new HashMap<>(options);
        m.putIfAbsent("timeZone", zoneId);
        return new XmlDocuments(new XmlOptions(new SourceOptions(m), "ROW"));
    }

    /** The record in {@code document} as internal values of {@code schema}. */
    @Override
    public Object[] parse(String document, StructType schema) {
        XmlNode root = XmlRecords.root(document);
        int corruptAt = schema.indexOf(o.corruptColumn);
        Object[] row = root == null ? new Object[schema.size()] : new XmlValues(o).record(root, schema);
        if (corruptAt >= 0) {
            row[corruptAt] = root == null ? document : null;
        }
        return row;
    }

    /** {@code row} as one {@code rowTag} element ({@code ROW} by default), indented as Spark's. */
    @Override
    public String format(Object[] row, StructType schema) {
        StringWriter text = new StringWriter();
        try {
            XMLStreamWriter w = XMLOutputFactory.newFactory().createXMLStreamWriter(text);
            new XmlWriting(o).record(w, o.rowTag, row, schema, 0);
            w.writeEndDocument();
            w.flush();
        } catch (XMLStreamException e) {
            throw new IllegalArgumentException("Cannot write XML: " + e.getMessage(), e);
        }
        return text.toString().substring(1);
    }

    /** The struct type Spark infers for the record in {@code document} (only the corrupt-record column when it is not well-formed). */
    @Override
    public StructType infer(String document) {
        XmlNode root = XmlRecords.root(document);
        if (root == null) {
            return new StructType(List.of(new StructField(o.corruptColumn, DataTypes.StringType, true)));
        }
        XmlInference inference = new XmlInference(o);
        DataType t = XmlInference.nullsToString(inference.record(root));
        return (StructType) t;
    }
}
