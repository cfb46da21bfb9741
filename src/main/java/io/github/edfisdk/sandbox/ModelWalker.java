package io.github.edfisdk.sandbox;

import com.google.gson.JsonElement;
import com.google.gson.JsonObject;
import io.github.edfisdk.model.ObjectType;
import io.github.edfisdk.model.Property;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/** Visits the references and descriptor values of a document, at any depth (collections and embedded objects). */
final class ModelWalker {
    interface ReferenceVisitor {
        void visit(Property reference, JsonObject value, String path);
    }

    interface DescriptorVisitor {
        void visit(Property descriptor, String value, String path);
    }

    private static final Map<ObjectType, Property[]> PROPERTIES = new ConcurrentHashMap<>();

    private ModelWalker() {
    }

    static Property[] properties(ObjectType t) {
        return PROPERTIES.computeIfAbsent(t, x -> x.properties().toArray(new Property[0]));
    }

    static void references(ObjectType type, JsonObject doc, String path, ReferenceVisitor v) {
        for (Property p : properties(type)) {
            JsonElement e = doc.get(p.name());
            if (e == null || e.isJsonNull()) {
                continue;
            }
            switch (p.kind()) {
                case REFERENCE -> {
                    if (e.isJsonObject()) {
                        v.visit(p, e.getAsJsonObject(), path + "." + p.name());
                    }
                }
                case OBJECT -> {
                    if (e.isJsonObject()) {
                        references(p.type(), e.getAsJsonObject(), path + "." + p.name(), v);
                    }
                }
                case COLLECTION -> {
                    if (p.type() != null && e.isJsonArray()) {
                        int i = 0;
                        for (JsonElement item : e.getAsJsonArray()) {
                            if (item.isJsonObject()) {
                                references(p.type(), item.getAsJsonObject(), path + "." + p.name() + "[" + i + "]", v);
                            }
                            i++;
                        }
                    }
                }
                default -> {
                }
            }
        }
    }

    static void descriptors(ObjectType type, JsonObject doc, String path, DescriptorVisitor v) {
        for (Property p : properties(type)) {
            JsonElement e = doc.get(p.name());
            if (e == null || e.isJsonNull()) {
                continue;
            }
            switch (p.kind()) {
                case DESCRIPTOR -> {
                    if (e.isJsonPrimitive()) {
                        v.visit(p, e.getAsString(), path + "." + p.name());
                    }
                }
                case OBJECT, REFERENCE -> {
                    if (e.isJsonObject()) {
                        descriptors(p.type(), e.getAsJsonObject(), path + "." + p.name(), v);
                    }
                }
                case COLLECTION -> {
                    if (p.type() != null && e.isJsonArray()) {
                        int i = 0;
                        for (JsonElement item : e.getAsJsonArray()) {
                            if (item.isJsonObject()) {
                                descriptors(p.type(), item.getAsJsonObject(), path + "." + p.name() + "[" + i + "]", v);
                            }
                            i++;
                        }
                    }
                }
                default -> {
                }
            }
        }
    }

    static List<Property> referenceFields(Property reference) {
        return List.of(properties(reference.type()));
    }
}
