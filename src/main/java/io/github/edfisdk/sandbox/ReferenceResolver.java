package io.github.edfisdk.sandbox;

import com.google.gson.JsonElement;
import com.google.gson.JsonObject;
import io.github.edfisdk.model.DataStandardModel;
import io.github.edfisdk.model.NaturalKey;
import io.github.edfisdk.model.Property;
import io.github.edfisdk.model.PropertyPath;
import io.github.edfisdk.model.ResourceModel;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Predicate;

/**
 * Turns a reference object into the natural keys of the items it may point to: one for a concrete reference, one per
 * concrete resource for an abstract one ({@code educationOrganizationReference} may be a School, a
 * LocalEducationAgency...; a general student program association may be any of its specialisations).
 */
final class ReferenceResolver {
    /** How the fields of one reference map onto one target resource's identity paths. */
    private record Mapping(ResourceModel target, String[] fields, PropertyPath[][] targetPaths) {
    }

    private final DataStandardModel model;
    private final Map<Property, List<Mapping>> mappings = new ConcurrentHashMap<>();

    ReferenceResolver(DataStandardModel model) {
        this.model = model;
    }

    /**
     * The key of the first target item that exists, or null when none does.
     *
     * @param exists tells whether an item with a canonical key is stored
     */
    String resolve(Property reference, JsonObject value, Predicate<String> exists) {
        for (Mapping m : mappings(reference)) {
            String key = keyOf(m, value);
            if (key != null && exists.test(key)) {
                return key;
            }
        }
        return null;
    }

    /** The key a reference designates in one particular target resource, or null. */
    String keyFor(Property reference, JsonObject value, ResourceModel target) {
        for (Mapping m : mappings(reference)) {
            if (m.target == target) {
                return keyOf(m, value);
            }
        }
        return null;
    }

    /** Sets the reference's fields from the target document's key values (after the target's key changed). */
    void copyKeyFields(Property reference, JsonObject value, ResourceModel target, JsonObject targetDoc) {
        for (Mapping m : mappings(reference)) {
            if (m.target == target) {
                for (int i = 0; i < m.fields.length; i++) {
                    JsonElement v = m.targetPaths[i][0].get(targetDoc).orElse(null);
                    if (v != null) {
                        value.add(m.fields[i], v.deepCopy());
                    }
                }
                return;
            }
        }
    }

    /** The name the API uses for a reference's target: the concrete resource, or the abstract one (EducationOrganization). */
    String targetName(Property reference) {
        List<String> targets = reference.referenceTargets();
        if (targets.size() == 1) {
            return targets.get(0);
        }
        String schema = reference.type().name();
        int underscore = schema.indexOf('_');
        String base = schema.substring(underscore + 1);
        if (base.endsWith("Reference")) {
            base = base.substring(0, base.length() - "Reference".length());
        }
        return Character.toUpperCase(base.charAt(0)) + base.substring(1);
    }

    private List<Mapping> mappings(Property reference) {
        return mappings.computeIfAbsent(reference, p -> {
            List<Mapping> out = new ArrayList<>();
            List<Property> fields = ModelWalker.referenceFields(p);
            for (String targetName : p.referenceTargets()) {
                Optional<ResourceModel> target = model.resource(targetName);
                if (target.isEmpty()) {
                    continue;
                }
                List<String> names = new ArrayList<>();
                List<PropertyPath[]> paths = new ArrayList<>();
                for (Property field : fields) {
                    List<PropertyPath> all = target.get().referenceFieldPaths(field.name());
                    if (all.isEmpty()) {
                        // A field the target's identity does not name (e.g. DS 4.0 Grade's gradingPeriodSequence,
                        // which the model does not count as identity): the key built from the others decides.
                        continue;
                    }
                    names.add(field.name());
                    paths.add(all.toArray(new PropertyPath[0]));
                }
                out.add(new Mapping(target.get(), names.toArray(new String[0]), paths.toArray(new PropertyPath[0][])));
            }
            return List.copyOf(out);
        });
    }

    private static String keyOf(Mapping m, JsonObject value) {
        JsonObject doc = new JsonObject();
        for (int i = 0; i < m.fields.length; i++) {
            JsonElement v = value.get(m.fields[i]);
            if (v == null || v.isJsonNull()) {
                return null;
            }
            for (PropertyPath p : m.targetPaths[i]) {
                p.put(doc, v);
            }
        }
        NaturalKey key = m.target.naturalKey(doc);
        return key.isComplete() ? key.canonical() : null;
    }

}
