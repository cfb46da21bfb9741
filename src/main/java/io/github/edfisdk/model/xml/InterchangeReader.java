package io.github.edfisdk.model.xml;

import com.google.gson.JsonArray;
import com.google.gson.JsonObject;
import io.github.edfisdk.model.DataStandardModel;
import io.github.edfisdk.model.ObjectType;
import io.github.edfisdk.model.Property;
import io.github.edfisdk.model.ResourceModel;
import java.io.InputStream;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.Locale;
import java.util.Optional;
import javax.xml.stream.XMLInputFactory;
import javax.xml.stream.XMLStreamConstants;
import javax.xml.stream.XMLStreamException;
import javax.xml.stream.XMLStreamReader;

/**
 * Reads Ed-Fi XML interchange files (e.g. Grand Bend's {@code EducationOrganization.xml}) into API JSON documents,
 * guided by the spec: each record element names a resource ({@code <School>}); child elements map to JSON properties
 * by name ({@code NameOfInstitution -> nameOfInstitution}, {@code ProgramType -> programTypeDescriptor}, repeated
 * {@code Address -> addresses[]}); {@code XReference/XIdentity} wrappers become flat reference objects; grouping
 * elements the JSON does not have ({@code <Name>}, {@code <BirthData>}) are flattened into their parent.
 * Elements the spec does not know are skipped. The documents are not validated here.
 */
public final class InterchangeReader {
    /** Receives each record of an interchange file. */
    @FunctionalInterface
    public interface RecordHandler {
        /**
         * @param resource the resource the record's element names
         * @param document its API JSON form (values as the XML has them, e.g. numbers as strings; not validated)
         * @param line     the line of the record's start tag, for messages
         */
        void record(ResourceModel resource, JsonObject document, int line);
    }

    private final DataStandardModel model;

    public InterchangeReader(DataStandardModel model) {
        this.model = model;
    }

    /**
     * Calls back with every record whose element names a resource or descriptor of the model; other records are
     * skipped.
     *
     * @throws IllegalArgumentException when the XML is not well-formed (the message names the file and line)
     */
    public void read(InputStream in, String fileName, RecordHandler out) {
        XMLInputFactory f = XMLInputFactory.newFactory();
        f.setProperty(XMLInputFactory.SUPPORT_DTD, false);
        f.setProperty(XMLInputFactory.IS_SUPPORTING_EXTERNAL_ENTITIES, false);
        try {
            XMLStreamReader r = f.createXMLStreamReader(in);
            Deque<XmlElement> stack = new ArrayDeque<>();
            int depth = 0;
            while (r.hasNext()) {
                int ev = r.next();
                if (ev == XMLStreamConstants.START_ELEMENT) {
                    depth++;
                    if (depth >= 2) {
                        XmlElement e = new XmlElement(r.getLocalName(), r.getLocation().getLineNumber());
                        if (!stack.isEmpty()) {
                            stack.peek().children.add(e);
                        }
                        stack.push(e);
                    }
                } else if (ev == XMLStreamConstants.CHARACTERS || ev == XMLStreamConstants.CDATA) {
                    if (!stack.isEmpty()) {
                        stack.peek().text.append(r.getText());
                    }
                } else if (ev == XMLStreamConstants.END_ELEMENT) {
                    if (depth >= 2) {
                        XmlElement e = stack.pop();
                        if (depth == 2) {
                            model.resource(e.name).ifPresent(m -> out.record(m, toJson(m.body(), e), e.line));
                        }
                    }
                    depth--;
                }
            }
        } catch (XMLStreamException e) {
            int line = e.getLocation() == null ? -1 : e.getLocation().getLineNumber();
            throw new IllegalArgumentException(fileName + (line > 0 ? " line " + line : "") + ": not well-formed XML: "
                    + e.getMessage(), e);
        }
    }

    private JsonObject toJson(ObjectType type, XmlElement element) {
        JsonObject o = new JsonObject();
        fill(type, element, o);
        return o;
    }

    private void fill(ObjectType type, XmlElement element, JsonObject o) {
        for (XmlElement c : element.children) {
            Optional<Property> match = property(type, c.name);
            if (match.isEmpty()) {
                if (!c.isLeaf()) {
                    fill(type, c, o); // a grouping element such as <Name> or <BirthData>
                } else {
                    intoReference(type, c, o); // e.g. <SchoolYear> is schoolYearTypeReference.schoolYear in JSON
                }
                continue;
            }
            Property p = match.get();
            switch (p.kind()) {
                case SCALAR, DESCRIPTOR -> {
                    if (c.isLeaf()) {
                        o.addProperty(p.name(), c.text());
                    }
                }
                case REFERENCE -> {
                    JsonObject ref = new JsonObject();
                    leaves(p.type(), c, ref);
                    o.add(p.name(), ref);
                }
                case OBJECT -> o.add(p.name(), toJson(p.type(), c));
                case COLLECTION -> {
                    JsonArray a = o.has(p.name()) ? o.getAsJsonArray(p.name()) : new JsonArray();
                    if (p.type() == null) {
                        a.add(c.text());
                    } else if (c.isLeaf() && p.type().properties().size() == 1) {
                        // <GradeLevel>uri...</GradeLevel> is an item whose one property is that value.
                        Property only = p.type().properties().get(0);
                        JsonObject item = new JsonObject();
                        item.addProperty(only.name(), c.text());
                        a.add(item);
                    } else if (!c.isLeaf()) {
                        a.add(toJson(p.type(), c));
                    }
                    o.add(p.name(), a);
                }
            }
        }
    }

    /** Interchange school years are written "2021-2022"; the API's schoolYear is the ending year, 2022. */
    private static String value(Property p, String text) {
        if (p.name().endsWith("choolYear") && text.matches("\\d{4}-\\d{4}")) {
            return text.substring(5);
        }
        return text;
    }

    private static void intoReference(ObjectType type, XmlElement leaf, JsonObject o) {
        Property only = null;
        Property field = null;
        for (Property p : type.properties()) {
            if (p.kind() == Property.Kind.REFERENCE) {
                Optional<Property> f = property(p.type(), leaf.name);
                if (f.isPresent()) {
                    if (only != null) {
                        return; // ambiguous: several references have this field
                    }
                    only = p;
                    field = f.get();
                }
            }
        }
        if (only != null) {
            JsonObject ref = o.has(only.name()) ? o.getAsJsonObject(only.name()) : new JsonObject();
            ref.addProperty(field.name(), value(field, leaf.text()));
            o.add(only.name(), ref);
        }
    }

    /** The leaf values under a reference's Identity wrapper, matched to the reference's fields by name. */
    private void leaves(ObjectType refType, XmlElement e, JsonObject ref) {
        for (XmlElement c : e.children) {
            if (c.isLeaf()) {
                property(refType, c.name).ifPresent(p -> ref.addProperty(p.name(), value(p, c.text())));
            } else {
                leaves(refType, c, ref);
            }
        }
    }

    /**
     * The JSON property an XML element stands for: same name; name + "Descriptor"; a collection whose item type has
     * the element's name (JSON drops prefixes: {@code EducationOrganizationIdentificationCode -> identificationCodes});
     * a collection named as the plural.
     */
    private static Optional<Property> property(ObjectType type, String xmlName) {
        String camel = Character.toLowerCase(xmlName.charAt(0)) + xmlName.substring(1);
        for (String candidate : new String[] {camel, camel + "Descriptor"}) {
            Optional<Property> p = type.propertyIgnoreCase(candidate);
            if (p.isPresent()) {
                return p;
            }
        }
        for (Property p : type.properties()) {
            if (p.isCollectionOfObjects()) {
                String item = p.type().name();
                item = item.substring(item.indexOf('_') + 1);
                if (item.equalsIgnoreCase(xmlName)) {
                    return Optional.of(p);
                }
            }
        }
        return type.propertyIgnoreCase(plural(camel));
    }

    private static String plural(String s) {
        String lower = s.toLowerCase(Locale.ROOT);
        if (lower.endsWith("y") && !lower.endsWith("ay") && !lower.endsWith("ey")) {
            return s.substring(0, s.length() - 1) + "ies";
        }
        if (lower.endsWith("s") || lower.endsWith("x") || lower.endsWith("ch") || lower.endsWith("sh")) {
            return s + "es";
        }
        return s + "s";
    }
}
