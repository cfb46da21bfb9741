package io.github.edfisdk.load.xml;

import io.github.edfisdk.load.InputFile;
import io.github.edfisdk.load.InputRecord;
import io.github.edfisdk.model.DataStandardModel;
import io.github.edfisdk.model.ResourceModel;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.LongAdder;
import java.util.function.Consumer;
import java.util.function.Predicate;
import javax.xml.stream.XMLInputFactory;
import javax.xml.stream.XMLStreamConstants;
import javax.xml.stream.XMLStreamException;
import javax.xml.stream.XMLStreamReader;

/**
 * An Ed-Fi XML interchange file ({@code <InterchangeStudent><Student>...</Student>...}), read with StAX one record
 * at a time: each child of the root whose name is a resource of the Data Standard becomes a JSON document
 * ({@link XmlToJson}). Records of resources the Data Standard does not have (e.g. a Data Standard 5.2 sample read
 * against 5.1), and elements it does not know, are counted in {@link #unmapped()} rather than failed: they are not
 * records of the target API.
 */
public final class InterchangeFile implements InputFile {
    private final Path path;
    private final DataStandardModel model;
    private final Map<String, LongAdder> unmapped = new ConcurrentHashMap<>();
    private Set<ResourceModel> resources;
    private long count = -1;
    /** Records with an XML {@code id} (targets of {@code ref=}): their identity leaves, filled by the first scan. */
    private final Map<String, Map<String, String>> ids = new HashMap<>();

    public InterchangeFile(Path path, DataStandardModel model) {
        this.path = path;
        this.model = model;
    }

    @Override
    public String name() {
        return path.toString();
    }

    @Override
    public synchronized Set<ResourceModel> resources() throws IOException {
        if (resources == null) {
            Set<ResourceModel> found = new LinkedHashSet<>();
            long[] n = {0};
            scan(name -> model.resource(name).ifPresent(r -> {
                found.add(r);
                n[0]++;
            }));
            resources = found;
            count = n[0];
        }
        return resources;
    }

    /** The records of resources the Data Standard has (the others are not loaded, so not counted). */
    @Override
    public synchronized long recordCount() {
        return count;
    }

    private synchronized Map<String, String> idTarget(String id) {
        return ids.get(id);
    }

    /**
     * What did not map, with counts: {@code "Person (resource not in DS 5.1)"} or
     * {@code "Student: Student/Name/GenerationCodeSuffix"}. Filled as the file is read (each element counted once
     * per read of its record's resource).
     */
    public Map<String, Long> unmapped() {
        Map<String, Long> m = new TreeMap<>();
        unmapped.forEach((k, v) -> m.put(k, v.sum()));
        return m;
    }

    private void note(String what) {
        unmapped.computeIfAbsent(what, k -> new LongAdder()).increment();
    }

    @Override
    public void read(Predicate<ResourceModel> wanted, boolean includeUnknown, Consumer<InputRecord> sink) throws IOException {
        resources(); // the scan indexes the records that ref= attributes point to
        XmlToJson mapper = new XmlToJson((resource, element) -> note(resource + ": " + element), this::idTarget);
        try (InputStream in = Files.newInputStream(path)) {
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
                    // The XML is broken from here on: report it once, at its line, and stop this file.
                    int line = e.getLocation() == null ? 0 : e.getLocation().getLineNumber();
                    if (includeUnknown) {
                        sink.accept(InputRecord.unreadable(name(), line, null, malformedXml(e)));
                    }
                    return;
                }
                if (ev == XMLStreamConstants.START_ELEMENT) {
                    depth++;
                    if (depth == 2) {
                        String name = r.getLocalName();
                        Optional<ResourceModel> res = model.resource(name);
                        current = res.orElse(null);
                        keep = current != null && wanted.test(current);
                        if (current == null && includeUnknown) {
                            note(name + " (no such resource in DS " + model.dataStandard().version() + ")");
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
                            sink.accept(toRecord(mapper, current, e));
                        }
                    }
                    if (depth == 2) {
                        keep = false;
                    }
                    depth--;
                }
            }
        } catch (XMLStreamException e) {
            throw new IOException(name() + ": " + e.getMessage(), e);
        }
    }

    private InputRecord toRecord(XmlToJson mapper, ResourceModel resource, XmlNode e) {
        try {
            return InputRecord.of(name(), e.line, resource, mapper.toJson(resource, e));
        } catch (RuntimeException ex) {
            return InputRecord.unreadable(name(), e.line, resource, "cannot map <" + e.name + ">: " + ex.getMessage());
        }
    }

    private void scan(Consumer<String> recordElement) throws IOException {
        try (InputStream in = Files.newInputStream(path)) {
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
                    return; // reported when the file is read
                }
                if (ev == XMLStreamConstants.START_ELEMENT) {
                    depth++;
                    if (depth == 2) {
                        recordElement.accept(r.getLocalName());
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
                            leaves.putIfAbsent(name.toLowerCase(java.util.Locale.ROOT), t);
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
            throw new IOException(name() + ": " + e.getMessage(), e);
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
    static String malformedXml(XMLStreamException e) {
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
