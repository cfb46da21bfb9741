package io.github.edfisdk.model;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Collections;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import javax.xml.stream.XMLInputFactory;
import javax.xml.stream.XMLStreamConstants;
import javax.xml.stream.XMLStreamException;
import javax.xml.stream.XMLStreamReader;

/** The Ed-Fi default descriptor values ({@code edfi/descriptors/XDescriptor.xml}), looked up case-insensitively. */
public final class DescriptorCatalog {
    private final Map<String, List<DescriptorValue>> byName = new LinkedHashMap<>();
    private final Set<String> uris = new HashSet<>();

    DescriptorCatalog() {
    }

    /**
     * Reads every default descriptor file and keeps the values of the descriptors named. A value belongs to the
     * descriptor its XML element names, not its file: TransportationPublicExpenseEligibilityDescriptor.xml holds
     * TransportationPublicExpenseEligibilityTypeDescriptor values.
     */
    static DescriptorCatalog load(Collection<String> descriptorNames) {
        DescriptorCatalog c = new DescriptorCatalog();
        XMLInputFactory xif = XMLInputFactory.newFactory();
        xif.setProperty(XMLInputFactory.SUPPORT_DTD, false);
        Set<String> wanted = new HashSet<>();
        descriptorNames.forEach(n -> wanted.add(n.toLowerCase(Locale.ROOT)));
        for (String fileName : SharedFiles.list("descriptors")) {
            if (!fileName.endsWith(".xml")) {
                continue;
            }
            String file = "descriptors/" + fileName;
            try (InputStream in = SharedFiles.open(file)) {
                c.read(xif, in, wanted, file);
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
        return c;
    }

    private void read(XMLInputFactory xif, InputStream in, Set<String> wanted, String file) {
        try {
            XMLStreamReader r = xif.createXMLStreamReader(in);
            Map<String, String> fields = null;
            String name = null;
            String field = null;
            StringBuilder text = new StringBuilder();
            int depth = 0;
            while (r.hasNext()) {
                int ev = r.next();
                if (ev == XMLStreamConstants.START_ELEMENT) {
                    depth++;
                    if (depth == 2) {
                        name = r.getLocalName();
                        fields = wanted.contains(name.toLowerCase(Locale.ROOT)) ? new LinkedHashMap<>() : null;
                    } else if (depth == 3 && fields != null) {
                        field = r.getLocalName();
                        text.setLength(0);
                    }
                } else if (ev == XMLStreamConstants.CHARACTERS || ev == XMLStreamConstants.CDATA) {
                    if (field != null) {
                        text.append(r.getText());
                    }
                } else if (ev == XMLStreamConstants.END_ELEMENT) {
                    if (depth == 3 && fields != null) {
                        fields.put(field, text.toString().trim());
                        field = null;
                    } else if (depth == 2 && fields != null) {
                        add(new DescriptorValue(name, fields.get("Namespace"), fields.get("CodeValue"),
                                fields.getOrDefault("ShortDescription", fields.get("CodeValue")), fields.get("Description")));
                        fields = null;
                    }
                    depth--;
                }
            }
        } catch (XMLStreamException e) {
            throw new IllegalStateException("Cannot read " + file + ": " + e.getMessage(), e);
        }
    }

    private void add(DescriptorValue v) {
        if (v.namespace() == null || v.codeValue() == null) {
            return;
        }
        byName.computeIfAbsent(v.descriptorName().toLowerCase(Locale.ROOT), k -> new ArrayList<>()).add(v);
        uris.add(v.uri().toLowerCase(Locale.ROOT));
    }

    /** The default values of one descriptor, e.g. {@code values("ProgramTypeDescriptor")}; empty when unknown. */
    public List<DescriptorValue> values(String descriptorName) {
        return Collections.unmodifiableList(byName.getOrDefault(descriptorName.toLowerCase(Locale.ROOT), List.of()));
    }

    /** Every value of every descriptor. */
    public List<DescriptorValue> all() {
        List<DescriptorValue> out = new ArrayList<>();
        byName.values().forEach(out::addAll);
        return out;
    }

    /** Whether the URI is one of the default values (ignoring case). */
    public boolean contains(String uri) {
        return uri != null && uris.contains(uri.toLowerCase(Locale.ROOT));
    }

    /** Names of the descriptors that have default values. */
    public Set<String> descriptorNames() {
        Set<String> out = new java.util.LinkedHashSet<>();
        for (List<DescriptorValue> vs : byName.values()) {
            out.add(vs.get(0).descriptorName());
        }
        return out;
    }

    public int size() {
        return uris.size();
    }
}
