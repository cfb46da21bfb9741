package io.github.edfisdk.client;

import com.google.gson.Gson;
import com.google.gson.JsonElement;
import com.google.gson.JsonObject;
import io.github.edfisdk.model.DataStandardModel;
import io.github.edfisdk.model.ResourceModel;
import java.util.Map;
import java.util.Optional;

/**
 * One Ed-Fi resource in its generated model class: what {@link DocumentClient} does for JSON, with typed items.
 * Writes return a {@link WriteResult} (status, id, ETag, created); queries page automatically; natural-key upsert
 * and look-up use the identity of the client's {@link EdFiClient#model() model}. Items go through the model
 * package's own Gson, so unknown fields ({@code getAdditionalProperties()}) survive a read-modify-write.
 * Errors are the SDK's unchecked exceptions ({@link ValidationException}, {@link NotFoundException}, ...).
 * Get one with {@link EdFiClient#resource(Class)}; thread-safe.
 *
 * @param <T> the generated model class, e.g. {@code EdFiStudent}
 */
public final class TypedResource<T> {
    private final DocumentClient documents;
    private final ResourceModel resource;
    private final Class<T> type;
    private final Gson gson;

    private TypedResource(DocumentClient documents, ResourceModel resource, Class<T> type, Gson gson) {
        this.documents = documents;
        this.resource = resource;
        this.type = type;
        this.gson = gson;
    }

    static <T> TypedResource<T> of(EdFiClient client, Class<T> type) {
        GeneratedPackage pkg = GeneratedPackage.of(type);
        DataStandardModel model = client.model();
        boolean ds4Class = pkg == GeneratedPackage.DS4_RESOURCES || pkg == GeneratedPackage.DS4_DESCRIPTORS;
        if (ds4Class != (model.dataStandard() == io.github.edfisdk.model.DataStandard.DS4)) {
            throw new IllegalArgumentException(type.getName() + " is a model of another Data Standard than the client's ("
                    + model.dataStandard() + ")");
        }
        // Generated class names are the spec's schema names camel-cased: edFi_studentCTEProgramAssociation -> EdFiStudentCTEProgramAssociation.
        ResourceModel resource = model.resources().stream()
                .filter(r -> r.schemaName().replace("_", "").equalsIgnoreCase(type.getSimpleName()))
                .findFirst()
                .orElseThrow(() -> new IllegalArgumentException(type.getSimpleName() + " is not a resource or descriptor of "
                        + model.dataStandard() + " (a reference, a collection item or a request body class?)"));
        return new TypedResource<>(client.documents(), resource, type, pkg.gson());
    }

    /** The resource's model facts (path, identity, query parameters). */
    public ResourceModel model() {
        return resource;
    }

    /** The path below the data API, e.g. {@code /ed-fi/students}. */
    public String path() {
        return resource.path();
    }

    /** POST (an upsert by natural key in the ODS): 201 with the new id when created, 200 when it replaced an item. */
    public WriteResult post(T item) {
        return documents.post(path(), json(item));
    }

    /** {@link #post(Object)} with per-request options (correlation id, no retry). */
    public WriteResult post(T item, RequestOptions options) {
        return documents.post(path(), json(item), options);
    }

    /**
     * POSTs an item that may come from a GET (its server fields {@code id}, {@code _etag}, {@code _lastModifiedDate}
     * and {@code link} are left out): created, or the item with the same natural key is replaced.
     */
    public WriteResult createOrUpdateByNaturalKey(T item) {
        return documents.createOrUpdateByNaturalKey(path(), json(item));
    }

    /** The stored item with the same natural key as {@code item} (identity fields compared as the ODS does). */
    public Optional<T> findByNaturalKey(T item) {
        return documents.findByNaturalKey(path(), json(item)).map(this::item);
    }

    /** GET by id; {@link NotFoundException} when there is no such item. */
    public T get(String id) {
        return item(documents.get(path(), id));
    }

    /** GET by id; empty when there is no such item. */
    public Optional<T> find(String id) {
        return documents.find(path(), id).map(this::item);
    }

    /** PUT the whole item to {@code /{id}}: 204 with the new ETag. */
    public WriteResult put(String id, T item) {
        return documents.put(path(), id, json(item));
    }

    /** PUT only if the item still has the ETag {@code ifMatch} ({@link PreconditionFailedException} otherwise). */
    public WriteResult put(String id, T item, String ifMatch) {
        return documents.put(path(), id, json(item), ifMatch);
    }

    /** DELETE by id. */
    public void delete(String id) {
        documents.delete(path(), id);
    }

    /** Every item, fetched lazily 500 a page. */
    public Paginator<T> all() {
        return query(Map.of());
    }

    /** Every item matching {@code params} (the spec's query parameters, e.g. {@code schoolId}), 500 a page. */
    public Paginator<T> query(Map<String, String> params) {
        return query(params, DocumentClient.MAX_PAGE_SIZE);
    }

    /** Every item matching {@code params}, {@code pageSize} (1 to 500) per request. */
    public Paginator<T> query(Map<String, String> params, int pageSize) {
        return documents.query(path(), params, pageSize).map(this::item);
    }

    /** The number of items matching {@code params} (one request). */
    public long count(Map<String, String> params) {
        return documents.count(path(), params);
    }

    private JsonObject json(T item) {
        JsonElement tree = gson.toJsonTree(item, type);
        if (!tree.isJsonObject()) {
            throw new IllegalArgumentException("a " + type.getSimpleName() + " item is required, got " + tree);
        }
        return tree.getAsJsonObject();
    }

    private T item(JsonObject json) {
        return gson.fromJson(json, type);
    }
}
