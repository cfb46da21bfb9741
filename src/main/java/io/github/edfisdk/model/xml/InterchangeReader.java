package io.github.edfisdk.model.xml;

import com.google.gson.JsonObject;
import io.github.edfisdk.model.DataStandardModel;
import io.github.edfisdk.model.ResourceModel;
import java.io.IOException;
import java.io.InputStream;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.function.Predicate;
import javax.xml.stream.XMLInputFactory;
import javax.xml.stream.XMLStreamConstants;
import javax.xml.stream.XMLStreamException;
import javax.xml.stream.XMLStreamReader;

/**
 * The one reader of Ed-Fi XML interchange files ({@code <InterchangeStudent><Student>...</Student>...}), used by the
 * loader ({@code edfi load x.xml}) and the sandbox's populated seed alike. StAX, one record at a time: each child of
 * the root whose name is a resource of the Data Standard becomes an API JSON document ({@link XmlToJson}, guided by
 * the spec). A reference given as {@code ref="ID"} (e.g. a school's
 * {@code <LocalEducationAgencyReference ref="LEAG_255901"/>}) is resolved within the file from the identity of the
 * record with that XML {@code id}: {@link #scan} indexes them first, then {@link #read} maps the records.
 */
public final class InterchangeReader {
    /** What {@link #read} reports. */
    public interface Handler {
        /** A record of a resource of the Data Standard, mapped (values typed by the spec; not validated). */
        void record(ResourceModel resource, JsonObject document, int line);

        /** A record that could not be mapped. */
        default void failed(ResourceModel resource, int line, String message) {
        }

        /** A record element that names no resource of the Data Standard (e.g. a DS 5.2 record read against 5.1). */
        default void unknownRecord(String element, int line) {
        }

        /** An element the spec does not know, e.g. {@code Student/Name/GenerationCodeSuffix} of resource Student. */
        default void unmapped(String resource, String elementPath) {
        }

        /** The XML is not well formed from this line on; reading stops. */
        default void malformed(int line, String message) {
        }
    }

    /**
     * What a first pass found.
     *
     * @param resources the resources of the Data Standard the file has records of
     * @param records   the number of those records
     * @param ids       the identity leaves (lower-case element name to text) of every record with an XML {@code id}
     */
    public record Scan(Set<ResourceModel> resources, long records, Map<String, Map<String, String>> ids) {
    }

    private final DataStandardModel model;

    public InterchangeReader(DataStandardModel model) {
        this.model = model;
    }

    /** The first pass: which resources, how many records, and the targets of {@code ref=}. Stops at broken XML. */
    public Scan scan(InputStream in, String fileName) throws IOException {
        Set<ResourceModel> found = new LinkedHashSet<>();
        long records = 0;
        Map<String, Map<String, String>> ids = new HashMap<>();
        try {
            XMLStreamReader r = factory().createXMLStreamReader(in);
            int depth = 0;
            String id = null;
            Map<String, String> leaves = null;
            Deque<String> open = new ArrayDeque<>();
            StringBuilder text = new StringBuilder();
            while (r.hasNext()) {
                int ev;
                try {
                    ev = r.next();
                } catch (XMLStreamException e) {
                    break; // reported when the file is read
                }
                if (ev == XMLStreamConstants.START_ELEMENT) {
                    depth++;
                    if (depth == 2) {
                        ResourceModel m = model.resource(r.getLocalName()).orElse(null);
                        if (m != null) {
                            found.add(m);
                            records++;
                        }
                        id = r.getAttributeValue(null, "id");
                        leaves = id == null ? null : new HashMap<>();
                    }
                    if (leaves != null) {
                        open.push(r.getLocalName());
                        text.setLength(0);
                    }
                } else if ((ev == XMLStreamConstants.CHARACTERS || ev == XMLStreamConstants.CDATA) && leaves != null) {
                    text.append(r.getText());
                } else if (ev == XMLStreamConstants.END_ELEMENT) {
                    if (leaves != null) {
                        String name = open.pop();
                        // Identity leaves: the record's own, and those inside its references (not addresses etc.).
                        boolean inReferenceOrTop = open.size() == 1 || open.stream().anyMatch(n -> n.endsWith("Reference"));
                        String t = text.toString().strip();
                        if (!t.isEmpty() && inReferenceOrTop && depth > 2) {
                            leaves.putIfAbsent(name.toLowerCase(Locale.ROOT), t);
                        }
                        text.setLength(0);
                        if (depth == 2) {
                            ids.put(id, leaves);
                            leaves = null;
                        }
                    }
                    depth--;
                }
            }
        } catch (XMLStreamException e) {
            throw new IOException(fileName + ": " + e.getMessage(), e);
        }
        return new Scan(found, records, ids);
    }

    /**
     * The second pass: maps each wanted record and hands it to the handler, resolving {@code ref=} with the scan's
     * index.
     */
    public void read(InputStream in, Scan scan, Predicate<ResourceModel> wanted, Handler out) throws IOException {
        XmlToJson mapper = new XmlToJson(out::unmapped, scan.ids()::get);
        try {
            XMLStreamReader r = factory().createXMLStreamReader(in);
            Deque<XmlNode> stack = new ArrayDeque<>();
            int depth = 0;
            boolean keep = false;
            ResourceModel current = null;
            while (r.hasNext()) {
                int ev;
                try {
                    ev = r.next();
                } catch (XMLStreamException e) {
                    out.malformed(e.getLocation() == null ? 0 : e.getLocation().getLineNumber(), malformedXml(e));
                    return;
                }
                if (ev == XMLStreamConstants.START_ELEMENT) {
                    depth++;
                    if (depth == 2) {
                        current = model.resource(r.getLocalName()).orElse(null);
                        keep = current != null && wanted.test(current);
                        if (current == null) {
                            out.unknownRecord(r.getLocalName(), r.getLocation().getLineNumber());
                        }
                    }
                    if (depth >= 2 && keep) {
                        XmlNode e = new XmlNode(r.getLocalName(), r.getLocation().getLineNumber());
                        e.ref = r.getAttributeValue(null, "ref");
                        if (!stack.isEmpty()) {
                            stack.peek().children.add(e);
                        }
                        stack.push(e);
                    }
                } else if ((ev == XMLStreamConstants.CHARACTERS || ev == XMLStreamConstants.CDATA) && keep) {
                    if (!stack.isEmpty()) {
                        stack.peek().text.append(r.getText());
                    }
                } else if (ev == XMLStreamConstants.END_ELEMENT) {
                    if (depth >= 2 && keep) {
                        XmlNode e = stack.pop();
                        if (depth == 2) {
                            JsonObject doc;
                            try {
                                doc = mapper.toJson(current, e);
                            } catch (RuntimeException ex) {
                                out.failed(current, e.line, "cannot map <" + e.name + ">: " + ex.getMessage());
                                doc = null;
                            }
                            if (doc != null) {
                                out.record(current, doc, e.line);
                            }
                        }
                    }
                    if (depth == 2) {
                        keep = false;
                    }
                    depth--;
                }
            }
        } catch (XMLStreamException e) {
            throw new IOException(e.getMessage(), e);
        }
    }

    private static XMLInputFactory factory() {
        XMLInputFactory f = XMLInputFactory.newFactory();
        f.setProperty(XMLInputFactory.SUPPORT_DTD, false);
        f.setProperty(XMLInputFactory.IS_SUPPORTING_EXTERNAL_ENTITIES, false);
        f.setProperty(XMLInputFactory.IS_COALESCING, true);
        return f;
    }

    /** One line: {@code malformed XML at column 21: The element type "FirstName" must be terminated ...}. */
    public static String malformedXml(XMLStreamException e) {
        String m = e.getMessage() == null ? e.toString() : e.getMessage();
        int at = m.indexOf("Message: ");
        if (at >= 0) {
            m = m.substring(at + "Message: ".length());
        }
        m = m.replaceAll("\\s+", " ").trim();
        String where = e.getLocation() == null || e.getLocation().getColumnNumber() < 0 ? ""
                : " at column " + e.getLocation().getColumnNumber();
        return "malformed XML" + where + ": " + m;
    }
}
