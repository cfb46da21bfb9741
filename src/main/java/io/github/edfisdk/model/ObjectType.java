package io.github.edfisdk.model;

import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/** An object schema of the spec: a resource body, a reference, a common type or a collection item. */
public final class ObjectType {
    private final String name;
    private final Map<String, Property> properties = new LinkedHashMap<>();
    private final Map<String, Property> byLowerName = new LinkedHashMap<>();

    ObjectType(String name) {
        this.name = name;
    }

    void add(Property p) {
        properties.put(p.name(), p);
        byLowerName.put(p.name().toLowerCase(java.util.Locale.ROOT), p);
    }

    /** The schema name, e.g. {@code edFi_studentCTEProgramAssociationCTEProgramService}. */
    public String name() {
        return name;
    }

    public List<Property> properties() {
        return Collections.unmodifiableList(new ArrayList<>(properties.values()));
    }

    /** The property with exactly this JSON name. */
    public Optional<Property> property(String jsonName) {
        return Optional.ofNullable(properties.get(jsonName));
    }

    /** The property whose name matches ignoring case (for hand-written tables and query parameters). */
    public Optional<Property> propertyIgnoreCase(String name) {
        return Optional.ofNullable(byLowerName.get(name.toLowerCase(java.util.Locale.ROOT)));
    }

    /** The properties that make up the identity of an item of this type (collection items, references). */
    public List<Property> identityProperties() {
        List<Property> out = new ArrayList<>();
        for (Property p : properties.values()) {
            if (p.identity()) {
                out.add(p);
            }
        }
        return out;
    }

    @Override
    public String toString() {
        return name + properties.values();
    }
}
