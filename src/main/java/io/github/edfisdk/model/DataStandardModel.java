package io.github.edfisdk.model;

import com.google.gson.JsonElement;
import com.google.gson.JsonObject;
import com.google.gson.JsonParser;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.Reader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Collections;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * The Ed-Fi model facts of one Data Standard, read from its specs once: resources and descriptors, their identity,
 * references (with abstract ones expanded), descriptor properties, required fields, lengths, updatable keys, the
 * dependency order and the default descriptor values. Shared by the sandbox, the validator, the loader and the
 * certification checks. Immutable and thread-safe.
 */
public final class DataStandardModel {
    /**
     * The usual order of the concrete education organizations (lookups try a School first). Which resources are
     * education organizations comes from the spec ({@link #educationOrganizations()}); this list only orders them,
     * and stands in for a spec that does not show the inheritance.
     */
    static final List<String> EDUCATION_ORGANIZATIONS = List.of("School", "LocalEducationAgency",
            "StateEducationAgency", "EducationServiceCenter", "CommunityOrganization", "CommunityProvider",
            "OrganizationDepartment", "PostSecondaryInstitution", "EducationOrganizationNetwork",
            "EducatorPreparationProgram");

    // Parsing both specs takes a few hundred milliseconds; every part of the SDK shares the immutable result.
    private static final Map<DataStandard, DataStandardModel> CACHE = Collections.synchronizedMap(new EnumMap<>(DataStandard.class));

    private final DataStandard dataStandard;
    private final List<ResourceModel> resources;
    private final Map<String, ResourceModel> byKey = new HashMap<>();
    private final List<Dependency> dependencies;
    private final List<String> educationOrganizations = new ArrayList<>();
    private volatile DescriptorCatalog descriptorValues;

    private DataStandardModel(DataStandard dataStandard, List<ResourceModel> resources, List<Dependency> dependencies) {
        this.dataStandard = dataStandard;
        this.resources = List.copyOf(resources);
        this.dependencies = List.copyOf(dependencies);
        for (ResourceModel r : resources) {
            for (String k : List.of(r.name(), r.collection(), r.path(), r.path().substring(1), r.schemaName())) {
                byKey.putIfAbsent(k.toLowerCase(Locale.ROOT), r);
            }
        }
    }

    /** The model of a Data Standard from the packaged (or {@code -Dedfi.shared.dir}) specs, read once per JVM. */
    public static DataStandardModel of(DataStandard ds) {
        DataStandardModel m = CACHE.get(ds);
        if (m == null) {
            synchronized (CACHE) {
                m = CACHE.get(ds);
                if (m == null) {
                    String dir = "openapi/" + ds.specFolder() + "/";
                    m = fromSpecs(ds, readJson(dir + "resources.json"), readJson(dir + "descriptors.json"),
                            readDependencies(dir + "dependencies.json"));
                    CACHE.put(ds, m);
                }
            }
        }
        return m;
    }

    /**
     * A model from specs the caller read, e.g. from a user's own ODS ({@code /metadata/data/v3/resources/swagger.json}).
     *
     * @param dependencies the {@code /metadata/data/v3/dependencies} list, or empty
     */
    public static DataStandardModel fromSpecs(DataStandard ds, JsonObject resourcesSpec, JsonObject descriptorsSpec,
                                      List<Dependency> dependencies) {
        Map<String, ObjectType> types = SpecReader.newTypeCache();
        // The spec's schema names lose Ed-Fi's casing of descriptor names (cteProgramServiceDescriptor); the default
        // descriptor files keep it (CTEProgramServiceDescriptor.xml, namespace uri://ed-fi.org/CTEProgramServiceDescriptor).
        Map<String, String> canonical = new HashMap<>();
        for (String file : SharedFiles.list("descriptors")) {
            if (file.endsWith(".xml")) {
                String n = file.substring(0, file.length() - 4);
                canonical.put(n.toLowerCase(Locale.ROOT), n);
            }
        }
        List<ResourceModel> all = new ArrayList<>();
        SpecReader resources = new SpecReader(resourcesSpec, types).canonicalNames(canonical);
        all.addAll(resources.read(resourcesSpec, false));
        List<SpecReader> readers = new ArrayList<>(List.of(resources));
        if (descriptorsSpec != null) {
            SpecReader descriptors = new SpecReader(descriptorsSpec, types).canonicalNames(canonical);
            Set<String> known = new java.util.HashSet<>();
            all.forEach(r -> known.add(r.path()));
            for (ResourceModel r : descriptors.read(descriptorsSpec, true)) {
                if (known.add(r.path())) {
                    all.add(r);
                }
            }
            readers.add(descriptors);
        }
        DataStandardModel model = new DataStandardModel(ds, all, dependencies);
        model.settle(readers);
        return model;
    }

    /** Resolves what needs every resource known: reference targets, descriptor names, education organizations. */
    private void settle(List<SpecReader> readers) {
        Map<String, String> descriptorNames = new HashMap<>();
        Map<String, ResourceModel> bySchema = new HashMap<>();
        for (ResourceModel r : resources) {
            bySchema.put(r.schemaName(), r);
            if (r.isDescriptor()) {
                descriptorNames.put(r.name().toLowerCase(Locale.ROOT), r.name());
            }
        }
        educationOrganizations.addAll(deriveEducationOrganizations());
        for (String eo : educationOrganizations) {
            resource(eo).ifPresent(r -> {
                String idName = Character.toLowerCase(eo.charAt(0)) + eo.substring(1) + "Id";
                for (PropertyPath p : r.identity()) {
                    if (p.segments().size() == 1 && p.leaf().equals(idName)) {
                        r.markEducationOrganization(p);
                    }
                }
                if (r.educationOrganizationIdPath().isEmpty() && r.identity().size() == 1) {
                    r.markEducationOrganization(r.identity().get(0));
                }
            });
        }
        for (SpecReader reader : readers) {
            for (Property p : reader.descriptorProperties) {
                p.settleDescriptorName(descriptorFor(p.descriptorName(), descriptorNames));
            }
            for (SpecReader.PendingReference pr : reader.pendingReferences) {
                String targetSchema = pr.referenceSchema().substring(0, pr.referenceSchema().length() - "Reference".length());
                ResourceModel target = bySchema.get(targetSchema);
                if (target != null) {
                    pr.property().settleReferenceTargets(List.of(target.name()));
                } else {
                    pr.property().settleReferenceTargets(abstractTargets(SpecReader.resourceName(targetSchema), pr.property()));
                }
            }
        }
    }

    /** Role-named descriptor properties ({@code entryGradeLevelDescriptor}) use the longest known suffix. */
    private static String descriptorFor(String capitalised, Map<String, String> known) {
        String exact = known.get(capitalised.toLowerCase(Locale.ROOT));
        if (exact != null) {
            return exact;
        }
        for (int i = 1; i < capitalised.length(); i++) {
            if (Character.isUpperCase(capitalised.charAt(i))) {
                String suffix = known.get(capitalised.substring(i).toLowerCase(Locale.ROOT));
                if (suffix != null) {
                    return suffix;
                }
            }
        }
        return capitalised;
    }

    private List<String> abstractTargets(String abstractName, Property reference) {
        List<String> out = new ArrayList<>();
        if (abstractName.equals("EducationOrganization")) {
            return List.copyOf(educationOrganizations);
        }
        // e.g. GeneralStudentProgramAssociation: every resource whose query names cover the reference's key fields
        // and whose name fits (StudentProgramAssociation and its specialisations).
        String concrete = abstractName.startsWith("General") ? abstractName.substring("General".length()) : abstractName;
        int program = concrete.indexOf("Program");
        String tail = program >= 0 ? concrete.substring(program) : concrete;
        String head = program > 0 ? concrete.substring(0, program) : "";
        for (ResourceModel r : resources) {
            if (r.isDescriptor() || !r.name().startsWith(head) || !r.name().endsWith(tail)) {
                continue;
            }
            boolean covers = true;
            for (Property f : reference.type().properties()) {
                if (r.queryParameter(f.name()).isEmpty()) {
                    covers = false;
                    break;
                }
            }
            if (covers) {
                out.add(r.name());
            }
        }
        return out;
    }

    public DataStandard dataStandard() {
        return dataStandard;
    }

    /**
     * The concrete education organizations of this Data Standard: the resources an abstract
     * {@code educationOrganizationReference} may point to (School, LocalEducationAgency, StateEducationAgency...).
     */
    public List<String> educationOrganizations() {
        return Collections.unmodifiableList(educationOrganizations);
    }

    /**
     * The spec has no abstract EducationOrganization resource, but every concrete one carries the abstract entity's
     * collections, whose item schemas keep its name ({@code edFi_educationOrganizationCategory} in LocalEducationAgency's
     * {@code categories}, School's {@code educationOrganizationCategories}). Those resources are the education
     * organizations, in the usual order (School first), extension ones after.
     */
    private List<String> deriveEducationOrganizations() {
        List<String> found = new ArrayList<>();
        for (ResourceModel r : resources) {
            if (!r.isDescriptor() && r.body().properties().stream().anyMatch(p -> p.kind() == Property.Kind.COLLECTION
                    && p.type() != null && p.type().name().toLowerCase(Locale.ROOT).endsWith("_educationorganizationcategory"))) {
                found.add(r.name());
            }
        }
        if (found.isEmpty()) {
            EDUCATION_ORGANIZATIONS.forEach(eo -> resource(eo).ifPresent(r -> found.add(r.name())));
        }
        found.sort(java.util.Comparator.comparingInt(n -> {
            int i = EDUCATION_ORGANIZATIONS.indexOf(n);
            return i < 0 ? EDUCATION_ORGANIZATIONS.size() : i;
        }));
        return found;
    }

    /** Every resource and descriptor endpoint. */
    public List<ResourceModel> resources() {
        return resources;
    }

    /**
     * A resource by name ({@code StudentCTEProgramAssociation}), collection ({@code studentCTEProgramAssociations}),
     * path ({@code /ed-fi/studentCTEProgramAssociations}) or schema name; case-insensitive.
     */
    public Optional<ResourceModel> resource(String nameOrPath) {
        if (nameOrPath == null) {
            return Optional.empty();
        }
        String k = nameOrPath.trim().toLowerCase(Locale.ROOT);
        if (k.startsWith("/data/v3")) {
            k = k.substring("/data/v3".length());
        }
        if (k.endsWith("/")) {
            k = k.substring(0, k.length() - 1);
        }
        return Optional.ofNullable(byKey.get(k));
    }

    /** Like {@link #resource(String)} but fails with the list of near names when unknown. */
    public ResourceModel require(String nameOrPath) {
        return resource(nameOrPath).orElseThrow(() -> new IllegalArgumentException("Unknown resource '" + nameOrPath
                + "' in Data Standard " + dataStandard.version()));
    }

    /** The {@code /metadata/data/v3/dependencies} entries in order. */
    public List<Dependency> dependencies() {
        return dependencies;
    }

    /** The load order level of a resource (first Create entry), or {@link Integer#MAX_VALUE} when not listed. */
    public int order(ResourceModel r) {
        for (Dependency d : dependencies) {
            if (d.path().equalsIgnoreCase(r.path())) {
                return d.order();
            }
        }
        return Integer.MAX_VALUE;
    }

    /** The default Ed-Fi descriptor values (read on first use). */
    public DescriptorCatalog descriptorValues() {
        DescriptorCatalog c = descriptorValues;
        if (c == null) {
            synchronized (this) {
                c = descriptorValues;
                if (c == null) {
                    List<String> names = new ArrayList<>();
                    resources.stream().filter(ResourceModel::isDescriptor).forEach(r -> names.add(r.name()));
                    c = DescriptorCatalog.load(names);
                    descriptorValues = c;
                }
            }
        }
        return c;
    }

    private static JsonObject readJson(String file) {
        try (InputStream in = SharedFiles.open(file); Reader r = new InputStreamReader(in, StandardCharsets.UTF_8)) {
            return JsonParser.parseReader(r).getAsJsonObject();
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot read " + file, e);
        }
    }

    /** Reads a {@code /metadata/data/v3/dependencies} document. */
    public static List<Dependency> readDependencies(String file) {
        if (!SharedFiles.exists(file)) {
            return List.of();
        }
        try (InputStream in = SharedFiles.open(file); Reader r = new InputStreamReader(in, StandardCharsets.UTF_8)) {
            return parseDependencies(JsonParser.parseReader(r));
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot read " + file, e);
        }
    }

    /** Parses the dependencies JSON array. */
    public static List<Dependency> parseDependencies(JsonElement json) {
        List<Dependency> out = new ArrayList<>();
        for (JsonElement e : json.getAsJsonArray()) {
            JsonObject o = e.getAsJsonObject();
            List<String> ops = new ArrayList<>();
            if (o.has("operations")) {
                o.getAsJsonArray("operations").forEach(x -> ops.add(x.getAsString()));
            }
            out.add(new Dependency(o.get("resource").getAsString(), o.get("order").getAsInt(), ops));
        }
        return out;
    }

    @Override
    public String toString() {
        Map<String, Integer> counts = new LinkedHashMap<>();
        counts.put("resources", (int) resources.stream().filter(r -> !r.isDescriptor()).count());
        counts.put("descriptors", (int) resources.stream().filter(ResourceModel::isDescriptor).count());
        return "DataStandardModel[" + dataStandard.version() + " " + counts + "]";
    }
}
