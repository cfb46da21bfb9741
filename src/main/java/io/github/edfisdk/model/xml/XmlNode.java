package io.github.edfisdk.model.xml;

import java.util.ArrayList;
import java.util.List;

/** One element of a record being read: its name, start line, text and children. A record at a time is in memory. */
final class XmlNode {
    final String name;
    final int line;
    final StringBuilder text = new StringBuilder();
    final List<XmlNode> children = new ArrayList<>(4);
    /** The {@code ref} attribute: an XML IDREF to another record of the file, in place of the identity. */
    String ref;

    XmlNode(String name, int line) {
        this.name = name;
        this.line = line;
    }

    boolean isLeaf() {
        return children.isEmpty();
    }

    String text() {
        return text.toString().strip();
    }
}
