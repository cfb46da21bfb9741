package io.github.edfisdk.model;

import com.google.gson.JsonArray;
import com.google.gson.JsonElement;
import com.google.gson.JsonObject;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/**
 * Reads resources from an Ed-Fi spec (Swagger 2.0 of ODS/API 6.1 or OpenAPI 3.0 of 7.x) into {@link ResourceModel}s.
 * Reference targets and descriptor names are settled by {@link DataStandardModel} once every spec of the Data Standard is read.
 */
final class SpecReader {
    /** Paging and change-query parameters: not properties of the resource. */
    private static final Set<String> PAGING = Set.of("offset", "limit", "totalcount", "minchangeversion",
            "maxchangeversion", "pagetoken", "pagesize", "snapshotidentifier", "use-snapshot");

    private final JsonObject schemas;
    private final JsonObject parameters;
    private final Map<String, ObjectType> types;
    /** Reference properties waiting for their targets, with their reference schema names. */
    final List<PendingReference> pendingReferences = new ArrayList<>();
    /** Descriptor properties waiting for their descriptor names. */
    final List<Property> descriptorProperties = new ArrayList<>();

    record PendingReference(Property property, String referenceSchema) {
    }

    SpecReader(JsonObject spec, Map<String, ObjectType> sharedTypes) {
        JsonObject components = spec.has("components") ? spec.getAsJsonObject("components") : null;
        this.schemas = spec.has("definitions") ? spec.getAsJsonObject("definitions")
                : components != null && components.has("schemas") ? components.getAsJsonObject("schemas") : new JsonObject();
        this.parameters = spec.has("parameters") ? spec.getAsJsonObject("parameters")
                : components != null && components.has("parameters") ? components.getAsJsonObject("parameters") : new JsonObject();
        this.types = sharedTypes;
    }

    List<ResourceModel> read(JsonObject spec, boolean descriptorSpec) {
        List<ResourceModel> out = new ArrayList<>();
        JsonObject paths = spec.getAsJsonObject("paths");
        for (Map.Entry<String, JsonElement> e : paths.entrySet()) {
            String path = e.getKey();
            if (path.contains("{") || path.contains("/deletes") || path.contains("/keyChanges")) {
                continue;
            }
            JsonObject ops = e.getValue().getAsJsonObject();
            if (!ops.has("post")) {
                continue;
            }
            String schemaName = bodySchema(ops.getAsJsonObject("post"));
            if (schemaName == null || !schemas.has(schemaName)) {
                continue;
            }
            String[] seg = path.substring(1).split("/");
            if (seg.length != 2) {
                continue;
            }
            Map<String, Boolean> getParams = getParameters(ops.has("get") ? ops.getAsJsonObject("get") : null);
            boolean isDescriptor = descriptorSpec || schemaName.endsWith("Descriptor");
            if (isDescriptor) {
                descriptorIdentity(getParams);
            }
            Set<String> identityParams = new HashSet<>();
            getParams.forEach((k, v) -> {
                if (v) {
                    identityParams.add(k);
                }
            });
            ObjectType body = rootType(schemaName, getParams.keySet(), identityParams);
            boolean updatable = false;
            JsonElement byId = paths.get(path + "/{id}");
            if (byId != null && byId.getAsJsonObject().has("put")) {
                JsonElement u = byId.getAsJsonObject().getAsJsonObject("put").get("x-Ed-Fi-isUpdatable");
                updatable = u != null && u.getAsBoolean();
            }
            List<PropertyPath> identity = new ArrayList<>();
            for (Property p : body.properties()) {
                if (!p.identity() && !(isDescriptor && DESCRIPTOR_IDENTITY.contains(p.name()))) {
                    continue;
                }
                if (p.kind() == Property.Kind.REFERENCE) {
                    for (Property f : p.type().properties()) {
                        identity.add(PropertyPath.of(p.name(), f.name()));
                    }
                } else if (p.kind() == Property.Kind.SCALAR || p.kind() == Property.Kind.DESCRIPTOR) {
                    identity.add(PropertyPath.of(p.name()));
                }
            }
            Map<String, List<PropertyPath>> query = queryPaths(body, getParams.keySet());
            out.add(new ResourceModel(canonicalName(schemaName), schemaName, seg[0], seg[1], isDescriptor, body,
                    identity, updatable, query));
        }
        return out;
    }

    /**
     * A descriptor's natural key is its namespace and code value: the ODS's edfi.Descriptor table has the alternate key
     * {@code Descriptor_AK UNIQUE (CodeValue, Namespace)}, and ODS/API 6.1 and 7.x both upsert and query descriptors by
     * them. The ODS/API 7.x spec marks both {@code x-Ed-Fi-isIdentity}; the Descriptors API 4.0 spec of ODS/API 6.1
     * marks only the surrogate {@code xDescriptorId} and leaves out the codeValue and namespace query parameters, which
     * made every value of a DS 4.0 descriptor one item (the last one read) and ignored a codeValue filter.
     */
    private static final List<String> DESCRIPTOR_IDENTITY = List.of("codeValue", "namespace");

    private static void descriptorIdentity(Map<String, Boolean> getParams) {
        for (String key : DESCRIPTOR_IDENTITY) {
            getParams.put(key, true);
        }
    }

    /** Canonical spellings by lower-case name (e.g. cteprogramservicedescriptor -> CTEProgramServiceDescriptor). */
    private Map<String, String> canonicalNames = Map.of();

    SpecReader canonicalNames(Map<String, String> names) {
        this.canonicalNames = names;
        return this;
    }

    static String resourceName(String schemaName) {
        int u = schemaName.indexOf('_');
        String base = u >= 0 ? schemaName.substring(u + 1) : schemaName;
        return Character.toUpperCase(base.charAt(0)) + base.substring(1);
    }

    private String canonicalName(String schemaName) {
        String n = resourceName(schemaName);
        return canonicalNames.getOrDefault(n.toLowerCase(Locale.ROOT), n);
    }

    private String bodySchema(JsonObject post) {
        if (post.has("parameters")) {
            for (JsonElement p : post.getAsJsonArray("parameters")) {
                JsonObject po = p.getAsJsonObject();
                if ("body".equals(str(po, "in")) && po.has("schema")) {
                    return refName(po.getAsJsonObject("schema"));
                }
            }
        }
        if (post.has("requestBody")) {
            JsonObject rb = post.getAsJsonObject("requestBody");
            if (rb.has("content")) {
                JsonObject content = rb.getAsJsonObject("content");
                for (Map.Entry<String, JsonElement> c : content.entrySet()) {
                    JsonObject mt = c.getValue().getAsJsonObject();
                    if (mt.has("schema")) {
                        return refName(mt.getAsJsonObject("schema"));
                    }
                }
            }
        }
        return null;
    }

    /** GET query parameter names (paging excluded) with their x-Ed-Fi-isIdentity flag. */
    private Map<String, Boolean> getParameters(JsonObject get) {
        Map<String, Boolean> out = new LinkedHashMap<>();
        if (get == null || !get.has("parameters")) {
            return out;
        }
        for (JsonElement p : get.getAsJsonArray("parameters")) {
            JsonObject po = p.getAsJsonObject();
            if (po.has("$ref")) {
                String n = refName(po);
                po = parameters.has(n) ? parameters.getAsJsonObject(n) : null;
            }
            if (po == null || !"query".equals(str(po, "in"))) {
                continue;
            }
            String name = str(po, "name");
            if (name == null || PAGING.contains(name.toLowerCase(Locale.ROOT))) {
                continue;
            }
            JsonElement id = po.get("x-Ed-Fi-isIdentity");
            out.put(name, id != null && id.getAsBoolean());
        }
        return out;
    }

    private ObjectType rootType(String schemaName, Set<String> allParams, Set<String> identityParams) {
        ObjectType t = new ObjectType(schemaName);
        JsonObject schema = schemas.getAsJsonObject(schemaName);
        Set<String> required = requiredOf(schema);
        for (Map.Entry<String, JsonElement> e : properties(schema).entrySet()) {
            Property p = property(e.getKey(), e.getValue().getAsJsonObject(), required.contains(e.getKey()),
                    allParams, identityParams);
            if (p != null) {
                t.add(p);
            }
        }
        return t;
    }

    /** Non-root object types are shared across resources (collection items, references, common types). */
    private ObjectType objectType(String schemaName) {
        ObjectType cached = types.get(schemaName);
        if (cached != null) {
            return cached;
        }
        ObjectType t = new ObjectType(schemaName);
        types.put(schemaName, t);
        JsonObject schema = schemas.has(schemaName) ? schemas.getAsJsonObject(schemaName) : new JsonObject();
        Set<String> required = requiredOf(schema);
        for (Map.Entry<String, JsonElement> e : properties(schema).entrySet()) {
            Property p = property(e.getKey(), e.getValue().getAsJsonObject(), required.contains(e.getKey()), null, null);
            if (p != null) {
                t.add(p);
            }
        }
        return t;
    }

    /**
     * @param allParams      for root properties: the GET query names, to decide whether a reference is identifying
     * @param identityParams for root properties: the identifying GET query names; null for non-root types
     */
    private Property property(String name, JsonObject s, boolean required, Set<String> allParams,
                              Set<String> identityParams) {
        if (name.equals("id") || name.equals("_etag") || name.equals("_lastModifiedDate") || name.equals("link")) {
            return null;
        }
        boolean idFlag = s.has("x-Ed-Fi-isIdentity") && s.get("x-Ed-Fi-isIdentity").getAsBoolean();
        Integer maxLength = s.has("maxLength") ? s.get("maxLength").getAsInt() : null;
        if (s.has("$ref")) {
            String ref = refName(s);
            if (ref.equals("link")) {
                return null;
            }
            ObjectType t = objectType(ref);
            if (ref.endsWith("Reference")) {
                boolean identity;
                if (identityParams != null) {
                    identity = !t.properties().isEmpty();
                    for (Property f : t.properties()) {
                        String flat = flattenedName(name, ref, f.name(), allParams);
                        if (!identityParams.contains(flat)) {
                            identity = false;
                            break;
                        }
                    }
                } else {
                    // Collection items: a required reference is the item's identity (e.g. bell schedule class periods).
                    identity = required || idFlag;
                }
                Property p = new Property(name, Property.Kind.REFERENCE, null, required, identity, null, t, null, List.of());
                pendingReferences.add(new PendingReference(p, ref));
                return p;
            }
            return new Property(name, Property.Kind.OBJECT, null, required, idFlag, null, t, null, List.of());
        }
        String type = str(s, "type");
        if ("array".equals(type)) {
            JsonObject items = s.getAsJsonObject("items");
            if (items != null && items.has("$ref")) {
                return new Property(name, Property.Kind.COLLECTION, null, required, idFlag, null,
                        objectType(refName(items)), null, List.of());
            }
            ScalarType st = items == null ? ScalarType.STRING : ScalarType.of(str(items, "type"), str(items, "format"));
            return new Property(name, Property.Kind.COLLECTION, st, required, idFlag, maxLength, null, null, List.of());
        }
        if ("object".equals(type) || s.has("properties")) {
            ObjectType t = new ObjectType(name);
            return new Property(name, Property.Kind.OBJECT, null, required, idFlag, null, t, null, List.of());
        }
        ScalarType st = ScalarType.of(type, str(s, "format"));
        if (st == ScalarType.STRING && name.endsWith("Descriptor") && name.length() > "Descriptor".length()) {
            // The descriptor is settled later against the Data Standard's descriptor names (role names like
            // entryGradeLevelDescriptor point at GradeLevelDescriptor).
            Property p = new Property(name, Property.Kind.DESCRIPTOR, ScalarType.STRING, required, idFlag, maxLength, null,
                    Character.toUpperCase(name.charAt(0)) + name.substring(1), List.of());
            descriptorProperties.add(p);
            return p;
        }
        Property p = new Property(name, Property.Kind.SCALAR, st, required, idFlag, maxLength, null, null, List.of());
        p.constrain(s.has("minLength") ? s.get("minLength").getAsInt() : null, decimal(s, "minimum"), decimal(s, "maximum"));
        return p;
    }

    private static java.math.BigDecimal decimal(JsonObject s, String key) {
        return s.has(key) && s.get(key).isJsonPrimitive() ? s.get(key).getAsBigDecimal() : null;
    }

    /**
     * The GET query name the ODS gives a reference's key field: {@code programReference.educationOrganizationId} is
     * {@code programEducationOrganizationId}, {@code nextYearSchoolReference.schoolId} is {@code nextYearSchoolId},
     * {@code schoolReference.schoolId} is {@code schoolId}.
     */
    static String flattenedName(String referenceProperty, String referenceSchema, String field, Set<String> params) {
        String base = referenceProperty.endsWith("Reference")
                ? referenceProperty.substring(0, referenceProperty.length() - "Reference".length()) : referenceProperty;
        String cap = Character.toUpperCase(field.charAt(0)) + field.substring(1);
        List<String> candidates = new ArrayList<>();
        candidates.add(base + cap);
        String entity = resourceName(referenceSchema.substring(0, referenceSchema.length() - "Reference".length()));
        if (base.length() > entity.length() && base.toLowerCase(Locale.ROOT).endsWith(entity.toLowerCase(Locale.ROOT))) {
            candidates.add(base.substring(0, base.length() - entity.length()) + cap);
        }
        // The ODS drops a word the role and the field share: gradingPeriodReference.periodSequence is gradingPeriodSequence.
        for (int i = 1; i < cap.length(); i++) {
            if (Character.isUpperCase(cap.charAt(i)) && base.endsWith(cap.substring(0, i))) {
                candidates.add(base + cap.substring(i));
            }
        }
        candidates.add(field);
        if (params != null) {
            for (String c : candidates) {
                if (params.contains(c)) {
                    return c;
                }
            }
        }
        return field;
    }

    private Map<String, List<PropertyPath>> queryPaths(ObjectType body, Set<String> params) {
        Map<String, List<PropertyPath>> out = new LinkedHashMap<>();
        out.computeIfAbsent("id", k -> new ArrayList<>()).add(PropertyPath.of("id"));
        for (Property p : body.properties()) {
            if ((p.kind() == Property.Kind.SCALAR || p.kind() == Property.Kind.DESCRIPTOR) && params.contains(p.name())) {
                out.computeIfAbsent(p.name(), k -> new ArrayList<>()).add(PropertyPath.of(p.name()));
            } else if (p.kind() == Property.Kind.REFERENCE) {
                for (Property f : p.type().properties()) {
                    String flat = flattenedName(p.name(), p.type().name(), f.name(), params);
                    if (params.contains(flat)) {
                        out.computeIfAbsent(flat, k -> new ArrayList<>()).add(PropertyPath.of(p.name(), f.name()));
                    }
                }
            }
        }
        return out;
    }

    private static Map<String, JsonElement> properties(JsonObject schema) {
        Map<String, JsonElement> out = new LinkedHashMap<>();
        if (schema.has("properties")) {
            for (Map.Entry<String, JsonElement> e : schema.getAsJsonObject("properties").entrySet()) {
                out.put(e.getKey(), e.getValue());
            }
        }
        return out;
    }

    private static Set<String> requiredOf(JsonObject schema) {
        Set<String> out = new HashSet<>();
        if (schema.has("required")) {
            JsonArray r = schema.getAsJsonArray("required");
            r.forEach(x -> out.add(x.getAsString()));
        }
        return out;
    }

    private static String refName(JsonObject o) {
        String ref = str(o, "$ref");
        return ref == null ? null : ref.substring(ref.lastIndexOf('/') + 1);
    }

    private static String str(JsonObject o, String key) {
        JsonElement e = o.get(key);
        return e == null || e.isJsonNull() ? null : e.getAsString();
    }

    static Map<String, ObjectType> newTypeCache() {
        return new HashMap<>();
    }
}
