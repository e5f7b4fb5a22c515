package io.ember.sql.sources;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import javax.xml.stream.XMLStreamConstants;
import javax.xml.stream.XMLStreamException;
import javax.xml.stream.XMLStreamReader;

/**
 * One XML element read whole: its local name, attributes in document order, child elements
 * in order, and its own text (the character data directly inside it, joined). Read from a
 * StAX reader positioned on the element's start tag; mutable only while being read.
 */
final class XmlNode {
    final String name;
    final Map<String, String> attributes = new LinkedHashMap<>();
    final List<XmlNode> children = new ArrayList<>();
    private final StringBuilder text = new StringBuilder();
    /** Text pieces and child elements in document order, to give the element's inner XML back. */
    private final List<Object> content = new ArrayList<>();

    private XmlNode(String name) {
        this.name = name;
    }

    String text() {
        return text.toString();
    }

    /** True when the element has no attributes and no child elements (only text, perhaps none). */
    boolean isLeaf() {
        return attributes.isEmpty() && children.isEmpty();
    }

    /** The children named {@code name}, in order. */
    List<XmlNode> children(String childName) {
        List<XmlNode> out = new ArrayList<>();
        for (XmlNode c : children) {
            if (c.name.equals(childName)) {
                out.add(c);
            }
        }
        return out;
    }

    /**
     * The element's content as XML text (for a string read from an element that has children,
     * as Spark gives it): text escaped, child elements with their attributes, whitespace kept.
     */
    String innerXml() {
        StringBuilder out = new StringBuilder();
        appendInner(out);
        return out.toString();
    }

    private void appendInner(StringBuilder out) {
        for (Object part : content) {
            if (part instanceof XmlNode c) {
                out.append('<').append(c.name);
                c.attributes.forEach((k, v) -> out.append(' ').append(k).append("=\"").append(escape(v, true)).append('"'));
                out.append('>');
                c.appendInner(out);
                out.append("</").append(c.name).append('>');
            } else {
                out.append(escape((String) part, false));
            }
        }
    }

    private static String escape(String s, boolean attribute) {
        String out = s.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;");
        return attribute ? out.replace("\"", "&quot;") : out;
    }

    /** The qualified name of the element or attribute the reader is on ({@code prefix:local}, as Spark names it). */
    private static String name(String prefix, String local) {
        return prefix == null || prefix.isEmpty() ? local : prefix + ":" + local;
    }

    /** Reads the element whose start tag {@code in} is on; leaves {@code in} on its end tag. */
    static XmlNode read(XMLStreamReader in) throws XMLStreamException {
        XmlNode node = new XmlNode(name(in.getPrefix(), in.getLocalName()));
        for (int i = 0; i < in.getAttributeCount(); i++) {
            node.attributes.put(name(in.getAttributePrefix(i), in.getAttributeLocalName(i)), in.getAttributeValue(i));
        }
        while (in.hasNext()) {
            int event = in.next();
            switch (event) {
                case XMLStreamConstants.START_ELEMENT -> {
                    XmlNode child = read(in);
                    node.children.add(child);
                    node.content.add(child);
                }
                case XMLStreamConstants.CHARACTERS, XMLStreamConstants.CDATA, XMLStreamConstants.SPACE -> {
                    node.text.append(in.getText());
                    node.content.add(in.getText());
                }
                case XMLStreamConstants.END_ELEMENT -> {
                    return node;
                }
                default -> { }
            }
        }
        throw new XMLStreamException("unexpected end of input inside <" + node.name + ">");
    }
}
