package io.github.edfisdk.load.xml;

import com.google.gson.JsonArray;
import com.google.gson.JsonElement;
import com.google.gson.JsonObject;
import com.google.gson.JsonPrimitive;
import io.github.edfisdk.model.ObjectType;
import io.github.edfisdk.model.Property;
import io.github.edfisdk.model.ResourceModel;
import io.github.edfisdk.model.ScalarType;
import java.math.BigDecimal;
import java.util.Locale;
import java.util.Optional;
import java.util.function.BiConsumer;
import java.util.regex.Pattern;

/**
 * Maps one Ed-Fi XML interchange record to its API JSON document with the spec as the guide:
 * <ul>
 *   <li>{@code PascalCase} elements become {@code camelCase} properties; {@code ProgramType} is
 *       {@code programTypeDescriptor} (descriptor values are already URIs in the interchanges);</li>
 *   <li>repeated singular elements ({@code Address}) fill the spec's arrays ({@code addresses}); an array whose item
 *       type names the element ({@code EducationOrganizationIdentificationCode -> identificationCodes}) too; a
 *       leaf repeated into an array of one-property items ({@code <GradeLevel>uri</GradeLevel>}) becomes that item;</li>
 *   <li>{@code XReference/XIdentity} (with nested references) becomes a flat {@code xReference} object of the
 *       reference's fields, matched by name;</li>
 *   <li>grouping elements the JSON does not have ({@code <Name>}, {@code <BirthData>}) are flattened into their
 *       parent; a leaf the object does not have but exactly one of its references has ({@code <SchoolYear>}) goes
 *       into that reference;</li>
 *   <li>values get the spec's JSON types (numbers, booleans); interchange school years {@code 2021-2022} become
 *       the API's ending year {@code 2022}.</li>
 * </ul>
 * Elements the spec does not know are reported to {@code unmapped} (record resource, element path) and left out.
 */
final class XmlToJson {
    private static final Pattern SCHOOL_YEAR_RANGE = Pattern.compile("\\d{4}-\\d{4}");

    private final BiConsumer<String, String> unmapped;

    XmlToJson(BiConsumer<String, String> unmapped) {
        this.unmapped = unmapped;
    }

    JsonObject toJson(ResourceModel resource, XmlNode record) {
        JsonObject o = new JsonObject();
        fill(resource.name(), resource.body(), record, o, record.name);
        return o;
    }

    private void fill(String resource, ObjectType type, XmlNode element, JsonObject o, String path) {
        for (XmlNode c : element.children) {
            String at = path + "/" + c.name;
            Optional<Property> match = property(type, c.name);
            if (match.isEmpty()) {
                if (!c.isLeaf()) {
                    fill(resource, type, c, o, at); // a grouping element such as <Name> or <BirthData>
                } else if (!intoReference(type, c, o)) {
                    unmapped.accept(resource, at);
                }
                continue;
            }
            Property p = match.get();
            switch (p.kind()) {
                case SCALAR, DESCRIPTOR -> {
                    if (c.isLeaf()) {
                        o.add(p.name(), value(p, c.text()));
                    } else {
                        unmapped.accept(resource, at);
                    }
                }
                case REFERENCE -> {
                    JsonObject ref = o.has(p.name()) ? o.getAsJsonObject(p.name()) : new JsonObject();
                    leaves(resource, p.type(), c, ref, at);
                    o.add(p.name(), ref);
                }
                case OBJECT -> {
                    JsonObject child = new JsonObject();
                    fill(resource, p.type(), c, child, at);
                    o.add(p.name(), child);
                }
                case COLLECTION -> {
                    JsonArray a = o.has(p.name()) ? o.getAsJsonArray(p.name()) : new JsonArray();
                    if (p.type() == null) {
                        a.add(value(p, c.text()));
                    } else if (c.isLeaf() && p.type().properties().size() == 1) {
                        Property only = p.type().properties().get(0);
                        JsonObject item = new JsonObject();
                        item.add(only.name(), value(only, c.text()));
                        a.add(item);
                    } else if (!c.isLeaf()) {
                        JsonObject item = new JsonObject();
                        fill(resource, p.type(), c, item, at);
                        a.add(item);
                    } else {
                        unmapped.accept(resource, at);
                    }
                    o.add(p.name(), a);
                }
            }
        }
    }

    /** The JSON value of a leaf, typed by the spec. Unparsable text stays a string so the API names the problem. */
    static JsonElement value(Property p, String text) {
        ScalarType t = p.scalarType();
        if (p.kind() == Property.Kind.DESCRIPTOR || t == null) {
            return new JsonPrimitive(text);
        }
        try {
            switch (t) {
                case INT32, INT64 -> {
                    if (SCHOOL_YEAR_RANGE.matcher(text).matches()) {
                        return new JsonPrimitive(Long.parseLong(text.substring(5)));
                    }
                    return new JsonPrimitive(Long.parseLong(text));
                }
                case NUMBER -> {
                    return new JsonPrimitive(new BigDecimal(text));
                }
                case BOOLEAN -> {
                    if (text.equalsIgnoreCase("true") || text.equals("1")) {
                        return new JsonPrimitive(true);
                    }
                    if (text.equalsIgnoreCase("false") || text.equals("0")) {
                        return new JsonPrimitive(false);
                    }
                    return new JsonPrimitive(text);
                }
                default -> {
                    return new JsonPrimitive(text);
                }
            }
        } catch (NumberFormatException e) {
            return new JsonPrimitive(text);
        }
    }

    /** A leaf the object lacks but exactly one of its references has (e.g. {@code <SchoolYear>}). */
    private static boolean intoReference(ObjectType type, XmlNode leaf, JsonObject o) {
        Property only = null;
        Property field = null;
        for (Property p : type.properties()) {
            if (p.kind() == Property.Kind.REFERENCE) {
                Optional<Property> f = property(p.type(), leaf.name);
                if (f.isPresent()) {
                    if (only != null) {
                        return false; // ambiguous: several references have this field
                    }
                    only = p;
                    field = f.get();
                }
            }
        }
        if (only == null) {
            return false;
        }
        JsonObject ref = o.has(only.name()) ? o.getAsJsonObject(only.name()) : new JsonObject();
        ref.add(field.name(), value(field, leaf.text()));
        o.add(only.name(), ref);
        return true;
    }

    /** The leaf values under a reference's Identity wrapper (nested references included), matched by name. */
    private void leaves(String resource, ObjectType refType, XmlNode e, JsonObject ref, String path) {
        for (XmlNode c : e.children) {
            String at = path + "/" + c.name;
            if (c.isLeaf()) {
                Optional<Property> p = property(refType, c.name);
                if (p.isPresent()) {
                    ref.add(p.get().name(), value(p.get(), c.text()));
                } else {
                    unmapped.accept(resource, at);
                }
            } else {
                leaves(resource, refType, c, ref, at);
            }
        }
    }

    /**
     * The JSON property an XML element stands for: same name; name + "Descriptor"; a collection whose item type has
     * the element's name; a collection named as the plural.
     */
    static Optional<Property> property(ObjectType type, String xmlName) {
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
        Optional<Property> plural = type.propertyIgnoreCase(plural(camel));
        if (plural.isPresent()) {
            return plural;
        }
        return type.propertyIgnoreCase(plural(camel + "Descriptor"));
    }

    static String plural(String s) {
        String lower = s.toLowerCase(Locale.ROOT);
        if (lower.endsWith("y") && !lower.endsWith("ay") && !lower.endsWith("ey") && !lower.endsWith("oy")) {
            return s.substring(0, s.length() - 1) + "ies";
        }
        if (lower.endsWith("s") || lower.endsWith("x") || lower.endsWith("ch") || lower.endsWith("sh")) {
            return s + "es";
        }
        return s + "s";
    }
}
