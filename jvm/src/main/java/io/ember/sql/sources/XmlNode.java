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

    /** Reads the element whose start tag {@code in} is on; leaves {@code in} on its end tag. */
    static XmlNode read(XMLStreamReader in) throws XMLStreamException {
        XmlNode node = new XmlNode(in.getLocalName());
        for (int i = 0; i < in.getAttributeCount(); i++) {
            node.attributes.put(in.getAttributeLocalName(i), in.getAttributeValue(i));
        }
        while (in.hasNext()) {
            int event = in.next();
            switch (event) {
                case XMLStreamConstants.START_ELEMENT -> node.children.add(read(in));
                case XMLStreamConstants.CHARACTERS, XMLStreamConstants.CDATA, XMLStreamConstants.SPACE ->
                        node.text.append(in.getText());
                case XMLStreamConstants.END_ELEMENT -> {
                    return node;
                }
                default -> { }
            }
        }
        throw new XMLStreamException("unexpected end of input inside <" + node.name + ">");
    }
}
