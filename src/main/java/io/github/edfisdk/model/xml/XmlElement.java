package io.github.edfisdk.model.xml;

import java.util.ArrayList;
import java.util.List;

/** A small element tree of one interchange record (records are a few dozen elements; a tree keeps the mapping simple). */
final class XmlElement {
    final String name;
    final int line;
    final List<XmlElement> children = new ArrayList<>();
    final StringBuilder text = new StringBuilder();

    XmlElement(String name, int line) {
        this.name = name;
        this.line = line;
    }

    boolean isLeaf() {
        return children.isEmpty();
    }

    String text() {
        return text.toString().trim();
    }
}
