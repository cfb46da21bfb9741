package io.github.edfisdk.model;

import com.google.gson.JsonObject;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/** One resource or descriptor endpoint of a Data Standard, with the model facts the SDK needs about it. */
public final class ResourceModel {
    private final String name;
    private final String schemaName;
    private final String projectSchema;
    private final String collection;
    private final boolean descriptor;
    private final ObjectType body;
    private final List<PropertyPath> identity;
    private final boolean keyUpdatable;
    private final Map<String, List<PropertyPath>> queryParameters;
    private final Map<String, List<PropertyPath>> queryParametersLower = new LinkedHashMap<>();
    private PropertyPath ownEducationOrganizationId;

    ResourceModel(String name, String schemaName, String projectSchema, String collection, boolean descriptor,
                  ObjectType body, List<PropertyPath> identity, boolean keyUpdatable,
                  Map<String, List<PropertyPath>> queryParameters) {
        this.name = name;
        this.schemaName = schemaName;
        this.projectSchema = projectSchema;
        this.collection = collection;
        this.descriptor = descriptor;
        this.body = body;
        this.identity = List.copyOf(identity);
        this.keyUpdatable = keyUpdatable;
        this.queryParameters = Collections.unmodifiableMap(new LinkedHashMap<>(queryParameters));
        queryParameters.forEach((k, v) -> queryParametersLower.put(k.toLowerCase(Locale.ROOT), v));
    }

    void markEducationOrganization(PropertyPath ownId) {
        this.ownEducationOrganizationId = ownId;
    }

    /** e.g. {@code StudentCTEProgramAssociation}, {@code ProgramTypeDescriptor}. */
    public String name() {
        return name;
    }

    /** The spec's schema name, e.g. {@code edFi_studentCTEProgramAssociation}. */
    public String schemaName() {
        return schemaName;
    }

    /** The URL schema segment, e.g. {@code ed-fi} or {@code tpdm}. */
    public String projectSchema() {
        return projectSchema;
    }

    /** The collection segment of the URL, e.g. {@code studentCTEProgramAssociations}. */
    public String collection() {
        return collection;
    }

    /** The path below the data API root, e.g. {@code /ed-fi/studentCTEProgramAssociations}. */
    public String path() {
        return "/" + projectSchema + "/" + collection;
    }

    public boolean isDescriptor() {
        return descriptor;
    }

    /** The body schema of POST and PUT (and of GET items, less the server fields). */
    public ObjectType body() {
        return body;
    }

    /** The identity paths, e.g. {@code beginDate}, {@code programReference.programName}. */
    public List<PropertyPath> identity() {
        return identity;
    }

    /** Whether PUT may change the natural key ({@code x-Ed-Fi-isUpdatable}). */
    public boolean keyUpdatable() {
        return keyUpdatable;
    }

    /**
     * Whether PUT may change the person's own unique id (Student, Staff, Parent, Contact). ODS/API keys these tables by
     * a surrogate USI and keeps {@code xUniqueId} as a plain column, so a PUT that changes it updates the person in
     * place (204) and every item that refers to the person shows the new id; Ed-Fi's key-change test suite expects it.
     */
    public boolean uniqueIdUpdatable() {
        if (identity.size() != 1 || identity.get(0).segments().size() != 1) {
            return false;
        }
        String own = Character.toLowerCase(name.charAt(0)) + name.substring(1) + "UniqueId";
        return identity.get(0).leaf().equals(own);
    }

    /** The natural key of a document of this resource. */
    public NaturalKey naturalKey(JsonObject doc) {
        return NaturalKey.of(this, doc);
    }

    /**
     * GET query parameter name to the path it filters on (the first path when one name is shared by several
     * references whose key values must match, e.g. {@code schoolId}).
     */
    public Map<String, PropertyPath> queryParameters() {
        Map<String, PropertyPath> out = new LinkedHashMap<>();
        queryParameters.forEach((k, v) -> out.put(k, v.get(0)));
        return out;
    }

    /** Every path each GET query parameter stands for (unified key fields map to several). */
    public Map<String, List<PropertyPath>> queryParameterPaths() {
        return queryParameters;
    }

    /** The paths a query parameter stands for, matching its name ignoring case (as the API does). */
    public List<PropertyPath> queryParameter(String name) {
        return queryParametersLower.getOrDefault(name.toLowerCase(Locale.ROOT), List.of());
    }

    /**
     * Refuses names that are not GET query parameters of this resource (paging ones included: callers page
     * themselves). The ODS ignores an unknown parameter and answers the whole collection, so a misspelt filter would
     * silently select everything.
     *
     * @throws IllegalArgumentException naming the unknown names and the valid ones
     */
    public void requireQueryParameters(java.util.Collection<String> names) {
        List<String> unknown = names.stream().filter(n -> queryParameter(n).isEmpty()).toList();
        if (!unknown.isEmpty()) {
            throw new IllegalArgumentException(collection + " has no query parameter " + String.join(", ",
                    unknown.stream().map(n -> "'" + n + "'").toList()) + " (the ODS would ignore it and answer every "
                    + "item); its query parameters are: " + String.join(", ", queryParameters.keySet()));
        }
    }

    /**
     * Where a key field of a reference to this resource lives in this resource's documents, e.g. for School
     * {@code schoolId -> schoolId} and {@code educationOrganizationId -> schoolId} (abstract education organization).
     */
    public Optional<PropertyPath> referenceFieldPath(String referenceField) {
        List<PropertyPath> paths = queryParameter(referenceField);
        if (!paths.isEmpty() && identity.contains(paths.get(0))) {
            return Optional.of(paths.get(0));
        }
        if (ownEducationOrganizationId != null && referenceField.equalsIgnoreCase("educationOrganizationId")) {
            return Optional.of(ownEducationOrganizationId);
        }
        return paths.isEmpty() ? Optional.empty() : Optional.of(paths.get(0));
    }

    /**
     * Every identity path a reference's key field fills in this resource's documents: {@link #referenceFieldPath}
     * and, for a unified key (CourseOffering's {@code schoolId} is in schoolReference and sessionReference), each
     * other identity path of the same query name. Empty when this resource has no place for the field.
     */
    public List<PropertyPath> referenceFieldPaths(String referenceField) {
        Optional<PropertyPath> path = referenceFieldPath(referenceField);
        if (path.isEmpty()) {
            return List.of();
        }
        List<PropertyPath> all = new ArrayList<>(List.of(path.get()));
        for (PropertyPath q : queryParameter(referenceField)) {
            if (!all.contains(q) && identity.contains(q)) {
                all.add(q);
            }
        }
        return List.copyOf(all);
    }

    /** For concrete education organizations (School, LocalEducationAgency...): the path of their own id. */
    public Optional<PropertyPath> educationOrganizationIdPath() {
        return Optional.ofNullable(ownEducationOrganizationId);
    }

    /** The top-level reference properties. */
    public List<Property> references() {
        List<Property> out = new ArrayList<>();
        for (Property p : body.properties()) {
            if (p.kind() == Property.Kind.REFERENCE) {
                out.add(p);
            }
        }
        return out;
    }

    @Override
    public String toString() {
        return name + " " + path() + " identity=" + identity;
    }
}
