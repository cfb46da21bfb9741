package io.github.edfisdk.sandbox;

import com.google.gson.JsonElement;
import com.google.gson.JsonObject;
import io.github.edfisdk.model.EdFiModel;
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
    private record Mapping(ResourceModel target, String[] fields, PropertyPath[] targetPaths) {
    }

    private final EdFiModel model;
    private final Map<Property, List<Mapping>> mappings = new ConcurrentHashMap<>();

    ReferenceResolver(EdFiModel model) {
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
                String[] names = new String[fields.size()];
                PropertyPath[] paths = new PropertyPath[fields.size()];
                boolean complete = true;
                for (int i = 0; i < fields.size(); i++) {
                    names[i] = fields.get(i).name();
                    Optional<PropertyPath> path = target.get().referenceFieldPath(names[i]);
                    if (path.isEmpty()) {
                        complete = false;
                        break;
                    }
                    paths[i] = path.get();
                }
                if (complete) {
                    out.add(new Mapping(target.get(), names, paths));
                }
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
            put(doc, m.targetPaths[i], v);
        }
        NaturalKey key = m.target.naturalKey(doc);
        return key.isComplete() ? key.canonical() : null;
    }

    private static void put(JsonObject doc, PropertyPath path, JsonElement v) {
        JsonObject at = doc;
        List<String> segs = path.segments();
        for (int i = 0; i < segs.size() - 1; i++) {
            JsonElement next = at.get(segs.get(i));
            if (next == null || !next.isJsonObject()) {
                next = new JsonObject();
                at.add(segs.get(i), next);
            }
            at = next.getAsJsonObject();
        }
        at.add(segs.get(segs.size() - 1), v);
    }
}
