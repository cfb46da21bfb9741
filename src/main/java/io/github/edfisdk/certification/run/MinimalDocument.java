package io.github.edfisdk.certification.run;

import com.google.gson.JsonArray;
import com.google.gson.JsonElement;
import com.google.gson.JsonObject;
import com.google.gson.JsonPrimitive;
import io.github.edfisdk.certification.ScenarioContext;
import io.github.edfisdk.model.DescriptorValue;
import io.github.edfisdk.model.DataStandardModel;
import io.github.edfisdk.model.ObjectType;
import io.github.edfisdk.model.Property;
import io.github.edfisdk.model.ScalarType;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

/**
 * Fills the properties a Data Standard requires into a document that holds only its key values, so that a
 * prerequisite no scenario page creates (e.g. the enrollment of a student) can still be posted. Values are plain
 * and recognisable: strings say "Certification prerequisite", dates fall on August 1 of the school year, descriptors
 * take the first default Ed-Fi value. Required references are left to the caller (they need items that exist).
 */
final class MinimalDocument {
    static final String TEXT = "Certification prerequisite";

    private final DataStandardModel model;
    private final ScenarioContext context;

    MinimalDocument(DataStandardModel model, ScenarioContext context) {
        this.model = model;
        this.context = context;
    }

    /** Adds every required property {@code doc} lacks (except references), in objects and collection items too. */
    void fill(ObjectType type, JsonObject doc) {
        for (Property p : type.properties()) {
            if (!p.required() || (doc.has(p.name()) && !doc.get(p.name()).isJsonNull())) {
                continue;
            }
            switch (p.kind()) {
                case SCALAR -> doc.add(p.name(), scalar(p));
                case DESCRIPTOR -> descriptor(p.descriptorName()).ifPresent(v -> doc.addProperty(p.name(), v));
                case OBJECT -> {
                    JsonObject o = new JsonObject();
                    fill(p.type(), o);
                    doc.add(p.name(), o);
                }
                case COLLECTION -> {
                    JsonArray arr = new JsonArray();
                    if (p.type() != null) {
                        JsonObject item = new JsonObject();
                        fill(p.type(), item);
                        arr.add(item);
                    } else {
                        arr.add(scalar(p));
                    }
                    doc.add(p.name(), arr);
                }
                case REFERENCE -> {
                    // left to Prerequisites: the values must name an item that exists
                }
            }
        }
    }

    /** A plain value of the property's type (a school year for a property named like one). */
    JsonElement scalar(Property p) {
        ScalarType t = p.scalarType() == null ? ScalarType.STRING : p.scalarType();
        String name = p.name().toLowerCase(Locale.ROOT);
        return switch (t) {
            case INT32, INT64 -> new JsonPrimitive(name.contains("schoolyear") ? context.schoolYear() : 1);
            case NUMBER -> new JsonPrimitive(1);
            case BOOLEAN -> new JsonPrimitive(false);
            case DATE -> new JsonPrimitive(context.dateInSchoolYear(8, 1).toString());
            case DATE_TIME -> new JsonPrimitive(context.dateInSchoolYear(8, 1) + "T08:00:00Z");
            case TIME -> new JsonPrimitive("08:00:00");
            case STRING -> new JsonPrimitive(text(p));
        };
    }

    private static String text(Property p) {
        int max = p.maxLength().orElse(60);
        String v = p.name().toLowerCase(Locale.ROOT).endsWith("id")
                || p.name().toLowerCase(Locale.ROOT).endsWith("identifier")
                || p.name().toLowerCase(Locale.ROOT).endsWith("code") ? "CERT-1" : TEXT;
        return v.length() > max ? v.substring(0, max) : v;
    }

    /** The first default value of a descriptor, as a URI in the Ed-Fi namespace. */
    Optional<String> descriptor(String descriptorName) {
        if (descriptorName == null) {
            return Optional.empty();
        }
        List<DescriptorValue> values = model.descriptorValues().values(descriptorName);
        return values.isEmpty() ? Optional.empty() : Optional.of(values.get(0).uri());
    }
}
