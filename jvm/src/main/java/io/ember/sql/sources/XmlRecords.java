package io.ember.sql.sources;

import java.io.IOException;
import java.io.Reader;
import java.io.StringReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.NoSuchElementException;
import javax.xml.stream.XMLInputFactory;
import javax.xml.stream.XMLStreamConstants;
import javax.xml.stream.XMLStreamException;
import javax.xml.stream.XMLStreamReader;

/**
 * The records of an XML document, streamed with the JDK's StAX parser: every element named
 * {@code rowTag} (at any depth, not inside another record) is one record, read whole as an
 * {@link XmlNode}. External entities and DTDs are not resolved. A document that stops being
 * well-formed ends the records with a {@link MalformedXml} error, after the records before it.
 * Not thread-safe; closes its reader when exhausted or closed.
 */
final class XmlRecords implements FileFormat.CloseableIterator<XmlNode> {
    /** The document stopped being well-formed at {@code line}. */
    static final class MalformedXml extends RuntimeException {
        private static final long serialVersionUID = 1L;
        final int line;

        MalformedXml(String message, int line, Throwable cause) {
            super(message, cause);
            this.line = line;
        }
    }

    private final Reader source;
    private final XMLStreamReader in;
    private final String rowTag;
    private XmlNode next;
    private boolean done;

    XmlRecords(Reader source, String rowTag) {
        this.source = source;
        this.rowTag = rowTag;
        try {
            this.in = factory().createXMLStreamReader(source);
        } catch (XMLStreamException e) {
            throw new MalformedXml(e.getMessage(), 1, e);
        }
    }

    static XmlRecords ofFile(Path file, String rowTag) throws IOException {
        return new XmlRecords(Files.newBufferedReader(file, StandardCharsets.UTF_8), rowTag);
    }

    /** The root element of {@code document} (for {@code from_xml}), or null when it is not well-formed. */
    static XmlNode root(String document) {
        try (XmlRecords r = new XmlRecords(new StringReader(document), null)) {
            return r.hasNext() ? r.next() : null;
        } catch (MalformedXml e) {
            return null;
        }
    }

    private static XMLInputFactory factory() {
        XMLInputFactory f = XMLInputFactory.newFactory();
        f.setProperty(XMLInputFactory.SUPPORT_DTD, false);
        f.setProperty(XMLInputFactory.IS_SUPPORTING_EXTERNAL_ENTITIES, false);
        f.setProperty(XMLInputFactory.IS_COALESCING, true);
        return f;
    }

    @Override
    public boolean hasNext() {
        if (next == null && !done) {
            next = advance();
        }
        return next != null;
    }

    @Override
    public XmlNode next() {
        if (!hasNext()) {
            throw new NoSuchElementException();
        }
        XmlNode n = next;
        next = null;
        return n;
    }

    private XmlNode advance() {
        try {
            while (in.hasNext()) {
                if (in.next() == XMLStreamConstants.START_ELEMENT && (rowTag == null || qualifiedName().equals(rowTag))) {
                    return XmlNode.read(in);
                }
            }
        } catch (XMLStreamException e) {
            done = true;
            int line = e.getLocation() == null ? -1 : e.getLocation().getLineNumber();
            close();
            throw new MalformedXml(e.getMessage(), line, e);
        }
        done = true;
        close();
        return null;
    }

    private String qualifiedName() {
        String prefix = in.getPrefix();
        return prefix == null || prefix.isEmpty() ? in.getLocalName() : prefix + ":" + in.getLocalName();
    }

    @Override
    public void close() {
        try {
            in.close();
            source.close();
        } catch (XMLStreamException e) {
            // nothing more to read
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
