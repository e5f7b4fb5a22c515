package io.ember.sql.sources;

import io.ember.sql.types.StructType;
import io.ember.sql.vector.ColumnVector;
import java.io.BufferedWriter;
import java.io.IOException;
import java.io.OutputStream;
import java.io.OutputStreamWriter;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import javax.xml.stream.XMLOutputFactory;
import javax.xml.stream.XMLStreamException;
import javax.xml.stream.XMLStreamWriter;

/**
 * Writes rows as one XML document, as Spark does: the declaration, the {@code rootTag}
 * element, one {@code rowTag} element per row ({@link XmlWriting}), indented four spaces a
 * level, and the closing root tag; a file that gets no rows stays empty.
 */
final class XmlWriter implements RowWriter {
    private final Writer out;
    /** Null until the first row: a file without rows is left empty, as Spark's. */
    private XMLStreamWriter xml;
    private final StructType schema;
    private final XmlOptions o;
    private final XmlWriting writing;

    XmlWriter(OutputStream stream, StructType schema, XmlOptions o) throws IOException {
        this.out = new BufferedWriter(new OutputStreamWriter(stream, StandardCharsets.UTF_8), 64 * 1024);
        this.schema = schema;
        this.o = o;
        this.writing = new XmlWriting(o);
    }

    private void start() throws IOException, XMLStreamException {
        if (!o.declaration.isEmpty()) {
            out.write("<?xml " + o.declaration + "?>\n");
        }
        xml = XMLOutputFactory.newFactory().createXMLStreamWriter(out);
        xml.writeStartElement(o.rootTag);
    }

    @Override
    public void write(ColumnVector[] columns, int row) throws IOException {
        Object[] values = new Object[columns.length];
        for (int i = 0; i < values.length; i++) {
            values[i] = columns[i].isNull(row) ? null : columns[i].get(row);
        }
        try {
            if (xml == null) {
                start();
            }
            writing.record(xml, o.rowTag, values, schema, 1);
        } catch (XMLStreamException e) {
            throw new IOException(e);
        }
    }

    @Override
    public void close() throws IOException {
        try {
            if (xml != null) {
                XmlWriting.indent(xml, 0);
                xml.writeEndElement();
                xml.flush();
                xml.close();
            }
        } catch (XMLStreamException e) {
            throw new IOException(e);
        }
        out.close();
    }
}
