package io.github.edfisdk.certification.run;

import com.google.gson.JsonArray;
import com.google.gson.JsonElement;
import com.google.gson.JsonObject;
import io.github.edfisdk.certification.ScenarioContext;
import io.github.edfisdk.certification.build.ScenarioBuilder;
import io.github.edfisdk.certification.build.ScenarioPayload;
import io.github.edfisdk.certification.catalog.Scenario;
import io.github.edfisdk.certification.catalog.ScenarioCatalog;
import io.github.edfisdk.certification.catalog.ScenarioPage;
import io.github.edfisdk.client.DocumentClient;
import io.github.edfisdk.client.EdFiApiException;
import io.github.edfisdk.client.EdFiException;
import io.github.edfisdk.model.DescriptorUri;
import io.github.edfisdk.model.DescriptorValue;
import io.github.edfisdk.model.DataStandardModel;
import io.github.edfisdk.model.NaturalKey;
import io.github.edfisdk.model.ObjectType;
import io.github.edfisdk.model.Property;
import io.github.edfisdk.model.PropertyPath;
import io.github.edfisdk.model.ResourceModel;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * Makes sure what a scenario payload refers to exists before it is sent, creating only what is missing, deepest
 * first: every referenced item (a student, a program, a section ...), every descriptor value it uses, and, when the
 * page's prerequisites ask for it, the student's enrollment (StudentSchoolAssociation), without which a real ODS's
 * relationship-based authorization refuses student data. In the {@code uri://ed-fi.org} namespace only Ed-Fi's own
 * default values are created (from its descriptor files, as Ed-Fi defines them), never another value; in another
 * namespace ({@code --namespace}) the vendor's values are created as the pages name them.
 *
 * <p>A missing item is created from the suite's own scenario pages when one of their POST scenarios has the same
 * natural key (the Student page creates students 111111 and 222222 that the other pages use); otherwise from a
 * minimal document holding the key and the values the Data Standard requires ({@link MinimalDocument}). Each
 * creation is recorded as a {@link PrerequisiteAction} for the report.
 */
final class Prerequisites {
    private static final int MAX_DEPTH = 8;

    private final DocumentClient documents;
    private final DataStandardModel model;
    private final ScenarioContext context;
    private final ScenarioCatalog catalog;
    private final MinimalDocument minimal;
    private final Set<String> present = new HashSet<>();
    private Map<String, ScenarioPayload> catalogPosts;
    private List<PrerequisiteAction> actions = new ArrayList<>();

    Prerequisites(DocumentClient documents, DataStandardModel model, ScenarioContext context, ScenarioCatalog catalog) {
        this.documents = documents;
        this.model = model;
        this.context = context;
        this.catalog = catalog;
        this.minimal = new MinimalDocument(model, context);
    }

    /** Creates what {@code payload} needs; returns what was created (or failed to be) for it. */
    List<PrerequisiteAction> ensure(ScenarioPayload payload) {
        actions = new ArrayList<>();
        ResourceModel resource = payload.page().resource();
        JsonObject body = payload.json();
        ensureReferences(resource.body(), body, 0);
        ensureDescriptors(resource.body(), body);
        if (needsEnrollment(payload.page()) && !resource.name().equals("StudentSchoolAssociation")) {
            ensureEnrollment(body);
        }
        return List.copyOf(actions);
    }

    /** Whether the page lists the student's enrollment among its prerequisites. */
    static boolean needsEnrollment(ScenarioPage page) {
        return page.prerequisites().stream().map(s -> s.toLowerCase(Locale.ROOT))
                .anyMatch(s -> s.contains("enrollment") || s.contains("student school association"));
    }

    private void ensureReferences(ObjectType type, JsonObject obj, int depth) {
        for (Property p : type.properties()) {
            JsonElement v = obj.get(p.name());
            if (v == null || v.isJsonNull() || p.type() == null) {
                continue;
            }
            if (p.kind() == Property.Kind.REFERENCE && v.isJsonObject()) {
                ensureReferenced(p, v.getAsJsonObject(), depth);
            } else if (v.isJsonObject()) {
                ensureReferences(p.type(), v.getAsJsonObject(), depth);
            } else if (v.isJsonArray()) {
                for (JsonElement item : v.getAsJsonArray()) {
                    if (item.isJsonObject()) {
                        ensureReferences(p.type(), item.getAsJsonObject(), depth);
                    }
                }
            }
        }
    }

    private void ensureReferenced(Property reference, JsonObject keys, int depth) {
        List<ResourceModel> targets = new ArrayList<>();
        for (String name : reference.referenceTargets()) {
            model.resource(name).ifPresent(targets::add);
        }
        // An abstract reference (educationOrganizationReference) is satisfied by any concrete target with the key.
        List<ResourceModel> candidates = new ArrayList<>();
        for (ResourceModel t : targets) {
            JsonObject doc = targetDocument(t, keys);
            if (doc == null || !t.naturalKey(doc).isComplete()) {
                continue;
            }
            if (exists(t, doc)) {
                return;
            }
            candidates.add(t);
        }
        if (candidates.isEmpty()) {
            return; // partial reference: the server's answer reports it
        }
        ResourceModel chosen = candidates.stream().filter(t -> t.name().equals("School")).findFirst()
                .orElse(candidates.get(0));
        create(chosen, targetDocument(chosen, keys), depth + 1);
    }

    private boolean exists(ResourceModel t, JsonObject keyDocument) {
        String canonical = t.naturalKey(keyDocument).canonical();
        if (present.contains(canonical)) {
            return true;
        }
        try {
            if (documents.findByNaturalKey(t.path(), keyDocument).isPresent()) {
                present.add(canonical);
                return true;
            }
        } catch (IllegalArgumentException e) {
            return false;
        }
        return false;
    }

    /** Creates an item with the given key: from a scenario page with that key, else a minimal document. */
    private void create(ResourceModel t, JsonObject keyDocument, int depth) {
        NaturalKey key = t.naturalKey(keyDocument);
        if (depth > MAX_DEPTH) {
            actions.add(PrerequisiteAction.failed(t.name(), key.values().toString(), "", "references nest deeper than "
                    + MAX_DEPTH + " levels"));
            return;
        }
        ScenarioPayload fromPage = catalogPosts().get(key.canonical());
        JsonObject body;
        String source;
        if (fromPage != null) {
            body = fromPage.json();
            source = fromPage.page().resourceName() + " scenario " + fromPage.scenario().number();
        } else {
            body = synthesize(t, keyDocument, depth);
            source = "minimal document";
        }
        ensureReferences(t.body(), body, depth);
        ensureDescriptors(t.body(), body);
        post(t, body, key.values().toString(), source);
        present.add(key.canonical());
    }

    private JsonObject synthesize(ResourceModel t, JsonObject keyDocument, int depth) {
        JsonObject body = keyDocument.deepCopy();
        minimal.fill(t.body(), body);
        for (Property p : t.body().properties()) {
            if (p.kind() != Property.Kind.REFERENCE || !p.required() || body.has(p.name())) {
                continue;
            }
            body.add(p.name(), referenceValues(p, body));
        }
        return body;
    }

    /**
     * Key values for a required reference of a synthesized document: from same-named values the document holds
     * (Ed-Fi unifies them), else from an item of the target that exists, else plain values (then created too).
     */
    private JsonObject referenceValues(Property reference, JsonObject body) {
        JsonObject ref = new JsonObject();
        boolean complete = true;
        for (Property f : reference.type().properties()) {
            JsonElement same = body.get(f.name());
            if (same != null && same.isJsonPrimitive()) {
                ref.add(f.name(), same);
            } else if (f.required()) {
                complete = false;
            }
        }
        if (complete) {
            return ref;
        }
        for (String name : reference.referenceTargets()) {
            Optional<ResourceModel> t = model.resource(name);
            if (t.isEmpty()) {
                continue;
            }
            Optional<JsonObject> any = documents.query(t.get().path(), Map.of(), 1).stream().findFirst();
            if (any.isPresent()) {
                JsonObject out = new JsonObject();
                for (Property f : reference.type().properties()) {
                    t.get().referenceFieldPath(f.name()).flatMap(path -> path.get(any.get()))
                            .ifPresent(v -> out.add(f.name(), v));
                }
                return out;
            }
        }
        for (Property f : reference.type().properties()) {
            if (!ref.has(f.name()) && f.required()) {
                if (f.kind() == Property.Kind.DESCRIPTOR) {
                    minimal.descriptor(f.descriptorName()).ifPresent(v -> ref.addProperty(f.name(), v));
                } else {
                    ref.add(f.name(), minimal.scalar(f));
                }
            }
        }
        return ref;
    }

    /** Creates descriptor values the body uses that the ODS lacks (e.g. in a namespace of the vendor's). */
    private void ensureDescriptors(ObjectType type, JsonObject obj) {
        for (Property p : type.properties()) {
            JsonElement v = obj.get(p.name());
            if (v == null || v.isJsonNull()) {
                continue;
            }
            if (p.kind() == Property.Kind.DESCRIPTOR && v.isJsonPrimitive()) {
                ensureDescriptor(p.descriptorName(), v.getAsString());
            } else if (p.type() != null && v.isJsonObject()) {
                ensureDescriptors(p.type(), v.getAsJsonObject());
            } else if (p.type() != null && v.isJsonArray()) {
                for (JsonElement item : v.getAsJsonArray()) {
                    if (item.isJsonObject()) {
                        ensureDescriptors(p.type(), item.getAsJsonObject());
                    }
                }
            }
        }
    }

    private void ensureDescriptor(String descriptorName, String uri) {
        if (descriptorName == null || !DescriptorUri.isWellFormed(uri)) {
            return;
        }
        Optional<ResourceModel> d = model.resource(descriptorName);
        if (d.isEmpty()) {
            return;
        }
        DescriptorUri parsed = DescriptorUri.parse(uri);
        JsonObject doc = new JsonObject();
        doc.addProperty("namespace", parsed.descriptorNamespace());
        doc.addProperty("codeValue", parsed.codeValue());
        if (exists(d.get(), doc)) {
            return;
        }
        if (parsed.descriptorNamespace().toLowerCase(Locale.ROOT).startsWith(ScenarioContext.ED_FI_NAMESPACE + "/")) {
            // Ed-Fi's namespace holds Ed-Fi's default values only: one the ODS lacks is created as Ed-Fi defines it,
            // any other value is never invented there.
            Optional<DescriptorValue> edFi = model.descriptorValues().values(descriptorName).stream()
                    .filter(v -> v.codeValue().equalsIgnoreCase(parsed.codeValue())).findFirst();
            if (edFi.isEmpty()) {
                actions.add(PrerequisiteAction.failed(d.get().name(), uri, "descriptor value", "not an Ed-Fi default"
                        + " value; the SDK creates values only in another namespace"));
                present.add(d.get().naturalKey(doc).canonical()); // reported once
                return;
            }
            doc.addProperty("codeValue", edFi.get().codeValue());
            doc.addProperty("shortDescription", edFi.get().shortDescription());
            if (edFi.get().description() != null && !edFi.get().description().isBlank()) {
                doc.addProperty("description", edFi.get().description());
            }
            post(d.get(), doc, uri, "Ed-Fi default descriptor value");
            present.add(d.get().naturalKey(doc).canonical());
            return;
        }
        doc.addProperty("shortDescription", parsed.codeValue().length() > 75 ? parsed.codeValue().substring(0, 75)
                : parsed.codeValue());
        post(d.get(), doc, uri, "descriptor value");
        present.add(d.get().naturalKey(doc).canonical());
    }

    /** A StudentSchoolAssociation for the payload's student, if the student has none. */
    private void ensureEnrollment(JsonObject body) {
        Optional<ResourceModel> ssa = model.resource("StudentSchoolAssociation");
        String student = PropertyPath.of("studentReference", "studentUniqueId").get(body)
                .filter(JsonElement::isJsonPrimitive).map(JsonElement::getAsString).orElse(null);
        if (ssa.isEmpty() || student == null || present.contains("enrollment|" + student)) {
            return;
        }
        if (documents.query(ssa.get().path(), Map.of("studentUniqueId", student), 1).stream().findFirst().isPresent()) {
            present.add("enrollment|" + student);
            return;
        }
        ScenarioPayload fromPage = catalogPosts().values().stream()
                .filter(p -> p.page().resource() == ssa.get())
                .filter(p -> PropertyPath.of("studentReference", "studentUniqueId").get(p.json())
                        .map(v -> v.getAsString().equalsIgnoreCase(student)).orElse(false))
                .findFirst().orElse(null);
        if (fromPage != null) {
            create(ssa.get(), fromPage.json(), 1);
        } else {
            Optional<String> school = schoolFor(body);
            if (school.isEmpty()) {
                actions.add(PrerequisiteAction.failed("StudentSchoolAssociation", "student " + student, "",
                        "no school in the ODS to enroll the student in"));
                return;
            }
            JsonObject key = new JsonObject();
            JsonObject s = new JsonObject();
            s.addProperty("studentUniqueId", student);
            key.add("studentReference", s);
            JsonObject sc = new JsonObject();
            sc.addProperty("schoolId", Long.parseLong(school.get()));
            key.add("schoolReference", sc);
            key.addProperty("entryDate", context.dateInSchoolYear(8, 1).toString());
            create(ssa.get(), key, 1);
        }
        present.add("enrollment|" + student);
    }

    /** The school a student of this payload is enrolled in: a schoolId it holds, else a school of its organization. */
    private Optional<String> schoolFor(JsonObject body) {
        Optional<String> direct = findValue(body, "schoolId");
        if (direct.isPresent()) {
            return direct;
        }
        Optional<String> eo = findValue(body, "educationOrganizationId");
        ResourceModel schools = model.require("School");
        if (eo.isPresent()) {
            if (documents.query(schools.path(), Map.of("schoolId", eo.get()), 1).stream().findFirst().isPresent()) {
                return eo;
            }
            Optional<JsonObject> underLea = documents.query(schools.path(), Map.of("localEducationAgencyId", eo.get()), 1)
                    .stream().findFirst();
            if (underLea.isPresent()) {
                return Optional.of(underLea.get().get("schoolId").getAsString());
            }
        }
        return documents.query(schools.path(), Map.of(), 1).stream().findFirst()
                .map(o -> o.get("schoolId").getAsString());
    }

    private static Optional<String> findValue(JsonElement e, String name) {
        if (e.isJsonObject()) {
            for (Map.Entry<String, JsonElement> m : e.getAsJsonObject().entrySet()) {
                if (m.getKey().equals(name) && m.getValue().isJsonPrimitive()) {
                    return Optional.of(m.getValue().getAsString());
                }
            }
            for (Map.Entry<String, JsonElement> m : e.getAsJsonObject().entrySet()) {
                Optional<String> inner = findValue(m.getValue(), name);
                if (inner.isPresent()) {
                    return inner;
                }
            }
        } else if (e.isJsonArray()) {
            for (JsonElement item : (JsonArray) e) {
                Optional<String> inner = findValue(item, name);
                if (inner.isPresent()) {
                    return inner;
                }
            }
        }
        return Optional.empty();
    }

    private void post(ResourceModel t, JsonObject body, String key, String source) {
        try {
            documents.post(t.path(), body);
            actions.add(PrerequisiteAction.created(t.name(), key, source));
        } catch (EdFiApiException e) {
            actions.add(PrerequisiteAction.failed(t.name(), key, source, e.status() + " " + e.problem().summary()));
        } catch (EdFiException e) {
            actions.add(PrerequisiteAction.failed(t.name(), key, source, e.getMessage()));
        }
    }

    /** The document of {@code t} holding a reference's key values where {@code t} keeps them; null if one has no place. */
    private static JsonObject targetDocument(ResourceModel t, JsonObject referenceKeys) {
        JsonObject doc = new JsonObject();
        for (Map.Entry<String, JsonElement> e : referenceKeys.entrySet()) {
            if (!e.getValue().isJsonPrimitive()) {
                continue; // link
            }
            List<PropertyPath> paths = t.referenceFieldPaths(e.getKey());
            if (paths.isEmpty()) {
                return null;
            }
            paths.forEach(p -> p.put(doc, e.getValue()));
        }
        return doc;
    }

    /** The complete POST payloads of the suite's pages by natural key (first page and scenario wins). */
    private Map<String, ScenarioPayload> catalogPosts() {
        if (catalogPosts == null) {
            Map<String, ScenarioPayload> m = new LinkedHashMap<>();
            Map<ScenarioPage, ScenarioBuilder> builders = new HashMap<>();
            for (ScenarioPage page : catalog.pages()) {
                if (page.resource() == null) {
                    continue;
                }
                ScenarioBuilder b = builders.computeIfAbsent(page, p -> new ScenarioBuilder(p, context));
                for (Scenario s : page.scenarios()) {
                    if (s.verb() != Scenario.Verb.POST) {
                        continue;
                    }
                    ScenarioPayload p = b.build(s);
                    NaturalKey k = p.naturalKey();
                    if (p.isComplete() && k.isComplete()) {
                        m.putIfAbsent(k.canonical(), p);
                    }
                }
            }
            catalogPosts = m;
        }
        return catalogPosts;
    }
}
