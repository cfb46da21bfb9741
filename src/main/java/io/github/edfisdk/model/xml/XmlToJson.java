package io.github.edfisdk.model.xml;

import com.google.gson.JsonArray;
import com.google.gson.JsonElement;
import com.google.gson.JsonObject;
import com.google.gson.JsonPrimitive;
import io.github.edfisdk.model.ObjectType;
import io.github.edfisdk.model.Property;
import io.github.edfisdk.model.ResourceModel;
import io.github.edfisdk.model.ScalarType;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.function.BiConsumer;
import java.util.function.Function;
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
    private final Function<String, Map<String, String>> idIndex;

    /**
     * @param unmapped receives (resource, element path) of what does not map
     * @param idIndex  the identity leaves (lower-case name to text) of the record with an XML {@code id}, or null
     */
    XmlToJson(BiConsumer<String, String> unmapped, Function<String, Map<String, String>> idIndex) {
        this.unmapped = unmapped;
        this.idIndex = idIndex;
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
                Property[] viaItem = collectionItemHolding(type, c.name);
                if (viaItem != null) {
                    // <ClassPeriodReference> directly under <Section>: an item of classPeriods[{classPeriodReference}]
                    JsonArray a = o.has(viaItem[0].name()) ? o.getAsJsonArray(viaItem[0].name()) : new JsonArray();
                    JsonObject item = new JsonObject();
                    XmlNode holder = new XmlNode(element.name, element.line);
                    holder.children.add(c);
                    fill(resource, viaItem[0].type(), holder, item, path);
                    a.add(item);
                    o.add(viaItem[0].name(), a);
                    continue;
                }
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
                    } else if (c.children.size() == 1 && c.children.get(0).isLeaf()) {
                        o.add(p.name(), value(p, c.children.get(0).text())); // <AvailableCredits><Credits>1</Credits>
                    } else {
                        unmapped.accept(resource, at);
                    }
                }
                case REFERENCE -> {
                    JsonObject ref = o.has(p.name()) ? o.getAsJsonObject(p.name()) : new JsonObject();
                    if (c.ref != null && c.isLeaf()) {
                        fromIdRef(resource, p.type(), c, ref, at);
                    } else {
                        leaves(resource, p.type(), c, ref, at, new ArrayList<>(List.of(c.name)));
                    }
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
        int candidates = 0;
        for (Property p : type.properties()) {
            if (p.kind() == Property.Kind.REFERENCE) {
                Optional<Property> f = exact(p.type(), leaf.name);
                if (f.isPresent()) {
                    candidates++;
                    // Ambiguous (<SchoolYear> with a session and a school year reference): the reference that is
                    // nothing but this field is meant (schoolYearTypeReference).
                    if (only == null || fields(p.type()) == 1) {
                        only = p;
                        field = f.get();
                    }
                }
            }
        }
        if (candidates > 1 && fields(only.type()) != 1) {
            return false;
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
    private void leaves(String resource, ObjectType refType, XmlNode e, JsonObject ref, String path, List<String> refs) {
        for (XmlNode c : e.children) {
            String at = path + "/" + c.name;
            if (c.isLeaf()) {
                Optional<Property> p = referenceField(refType, c.name, refs, ref);
                if (p.isPresent()) {
                    if (!ref.has(p.get().name())) {
                        ref.add(p.get().name(), value(p.get(), c.text()));
                    }
                } else {
                    unmapped.accept(resource, at);
                }
            } else {
                boolean isRef = c.name.endsWith("Reference");
                if (isRef) {
                    refs.add(c.name);
                }
                leaves(resource, refType, c, ref, at, refs);
                if (isRef) {
                    refs.remove(refs.size() - 1);
                }
            }
        }
    }

    /**
     * The reference field of a leaf: same name; else prefixed by an enclosing reference
     * ({@code ProgramReference/.../EducationOrganizationId -> programEducationOrganizationId}); else the one field
     * not yet set whose name ends with the leaf's.
     */
    private static Optional<Property> referenceField(ObjectType refType, String leaf, List<String> refs, JsonObject set) {
        Optional<Property> p = exact(refType, leaf);
        if (p.isPresent()) {
            return p;
        }
        for (int i = refs.size() - 1; i >= 1; i--) {
            String r = refs.get(i);
            String prefix = r.substring(0, r.length() - "Reference".length());
            p = refType.propertyIgnoreCase(prefix + leaf);
            if (p.isPresent()) {
                return p;
            }
        }
        Property found = null;
        for (Property f : refType.properties()) {
            if (f.name().toLowerCase(Locale.ROOT).endsWith(leaf.toLowerCase(Locale.ROOT)) && !set.has(f.name())) {
                if (found != null) {
                    return Optional.empty();
                }
                found = f;
            }
        }
        return Optional.ofNullable(found);
    }

    /** A reference given as {@code ref="ID"}: its fields come from the identity of the record with that XML id. */
    private void fromIdRef(String resource, ObjectType refType, XmlNode c, JsonObject ref, String at) {
        Map<String, String> target = idIndex == null ? null : idIndex.apply(c.ref);
        if (target == null) {
            unmapped.accept(resource, at + "[@ref not found in the file]");
            return;
        }
        for (Property f : refType.properties()) {
            if (f.name().equals("link")) {
                continue;
            }
            String name = f.name().toLowerCase(Locale.ROOT);
            String v = target.get(name);
            if (v == null && name.endsWith("descriptor")) {
                v = target.get(name.substring(0, name.length() - "descriptor".length())); // <GradingPeriod>uri</GradingPeriod>
            }
            if (v != null) {
                ref.add(f.name(), value(f, v));
            }
        }
    }

    private static int fields(ObjectType t) {
        int n = 0;
        for (Property p : t.properties()) {
            if (!p.name().equals("link")) {
                n++;
            }
        }
        return n;
    }

    /** An array property whose items hold a property for this element: {@code [collection, itemProperty]}. */
    private static Property[] collectionItemHolding(ObjectType type, String xmlName) {
        for (Property p : type.properties()) {
            if (p.isCollectionOfObjects()) {
                Optional<Property> inner = exact(p.type(), xmlName);
                if (inner.isPresent() && inner.get().kind() == Property.Kind.REFERENCE) {
                    return new Property[] {p, inner.get()};
                }
            }
        }
        return null;
    }

    /**
     * The JSON property an XML element stands for: same name; name + "Descriptor"; a collection whose item type has
     * the element's name; a collection named as the plural.
     */
    static Optional<Property> property(ObjectType type, String xmlName) {
        Optional<Property> p = exact(type, xmlName);
        return p.isPresent() ? p : fuzzy(type, xmlName);
    }

    /**
     * Names that differ by a prefix: {@code FundFundDimensionReference -> fundDimensionReference},
     * {@code AssessmentPerformanceLevel -> performanceLevels}, {@code MaxNumericRating -> objectiveMaxNumericRating},
     * {@code ImmunizationDate -> dates}. Only when exactly one property fits.
     */
    private static Optional<Property> fuzzy(ObjectType type, String xmlName) {
        String x = xmlName.toLowerCase(Locale.ROOT);
        Property found = null;
        for (Property p : type.properties()) {
            String name = p.name().toLowerCase(Locale.ROOT);
            String singular = p.kind() == Property.Kind.COLLECTION ? singular(name) : name;
            boolean fits = (singular.length() >= 4 && x.endsWith(singular)) || (x.length() >= 4 && name.endsWith(x));
            if (fits) {
                if (found != null) {
                    return Optional.empty();
                }
                found = p;
            }
        }
        return Optional.ofNullable(found);
    }

    static String singular(String plural) {
        if (plural.endsWith("ies")) {
            return plural.substring(0, plural.length() - 3) + "y";
        }
        if (plural.endsWith("sses") || plural.endsWith("xes") || plural.endsWith("ches") || plural.endsWith("shes")) {
            return plural.substring(0, plural.length() - 2);
        }
        if (plural.endsWith("s")) {
            return plural.substring(0, plural.length() - 1);
        }
        return plural;
    }

    /** Same name, name + Descriptor, an array whose item type has the name, the plural. */
    static Optional<Property> exact(ObjectType type, String xmlName) {
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
