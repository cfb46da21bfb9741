package io.github.edfisdk.client;

import com.google.gson.JsonArray;
import com.google.gson.JsonElement;
import com.google.gson.JsonObject;
import com.google.gson.JsonParser;
import java.io.IOException;
import io.github.edfisdk.model.DataStandard;
import io.github.edfisdk.model.DataStandardModel;
import io.github.edfisdk.model.NaturalKey;
import io.github.edfisdk.model.PropertyPath;
import io.github.edfisdk.model.ResourceModel;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.OptionalLong;
import java.util.function.Supplier;
import okhttp3.HttpUrl;
import okhttp3.MediaType;
import okhttp3.OkHttpClient;
import okhttp3.Request;
import okhttp3.RequestBody;
import okhttp3.Response;
import okhttp3.ResponseBody;

/**
 * JSON-level access to any Ed-Fi resource by path ({@code /ed-fi/students}, {@code ed-fi/students} or just
 * {@code students} for the {@code ed-fi} schema), for code that works on resources by name (loader, certification).
 * Documents are Gson {@link JsonObject} trees, so unknown fields and large numbers pass through unchanged. Errors
 * are thrown as {@link EdFiApiException} subclasses or {@link EdFiConnectionException}. Thread-safe.
 */
public final class DocumentClient {
    /** The largest page the ODS/API serves. */
    public static final int MAX_PAGE_SIZE = 500;

    private static final MediaType JSON = MediaType.get("application/json; charset=utf-8");

    private final OkHttpClient http;
    private final Supplier<HttpUrl> dataUrl;
    /** The URL of each resource path as given: building an HttpUrl (host canonicalisation, segments) costs per call. */
    private final Map<String, HttpUrl> resourceUrls = new ConcurrentHashMap<>();
    /** The Ed-Fi model of natural-key look-ups, resolved lazily. */
    private final Supplier<DataStandardModel> model;

    /**
     * @param http         the authenticated client (retry, OAuth and logging interceptors)
     * @param dataUrl      the data API URL ({@code …/data/v3/}), resolved lazily (discovery)
     * @param dataStandard the Data Standard of the server (its packaged model serves natural-key look-ups), resolved
     *                     lazily
     */
    public DocumentClient(OkHttpClient http, Supplier<HttpUrl> dataUrl, Supplier<DataStandard> dataStandard) {
        this(() -> DataStandardModel.of(dataStandard.get()), http, dataUrl);
    }

    private DocumentClient(Supplier<DataStandardModel> model, OkHttpClient http, Supplier<HttpUrl> dataUrl) {
        this.http = http;
        this.dataUrl = dataUrl;
        this.model = model;
    }

    /**
     * A client whose natural-key look-ups use {@code model} (the {@link EdFiClient}'s own: packaged, given or read from
     * the server), resolved lazily.
     */
    static DocumentClient withModel(OkHttpClient http, Supplier<HttpUrl> dataUrl, Supplier<DataStandardModel> model) {
        return new DocumentClient(model, http, dataUrl);
    }

    /** POST (upsert by natural key): 201 when created, 200 when an item with the same key was replaced. */
    public WriteResult post(String resourcePath, JsonObject document) {
        return post(resourcePath, document, RequestOptions.none());
    }

    /** {@link #post(String, JsonObject)} with per-request options. */
    public WriteResult post(String resourcePath, JsonObject document, RequestOptions options) {
        HttpUrl url = url(resourcePath, null);
        Request request = request(url, options).post(body(document)).build();
        try (Response response = execute(request)) {
            return WriteResult.of(response.code(), response.header("Location"), response.header("ETag"));
        }
    }

    /**
     * POST (upsert) of a document that is already JSON text: the bytes are sent as they are, without parsing or
     * serialising them again (the loader sends input lines it has validated this way).
     *
     * @param json a JSON object, UTF-8
     */
    public WriteResult post(String resourcePath, byte[] json, RequestOptions options) {
        Request request = request(url(resourcePath, null), options).post(RequestBody.create(json, JSON)).build();
        try (Response response = execute(request)) {
            return WriteResult.of(response.code(), response.header("Location"), response.header("ETag"));
        }
    }

    /**
     * POSTs a document that may come from a GET (server fields {@code id}, {@code _etag}, {@code _lastModifiedDate},
     * {@code link} are removed first): the ODS creates it or replaces the item with the same natural key.
     */
    public WriteResult createOrUpdateByNaturalKey(String resourcePath, JsonObject document) {
        return post(resourcePath, ServerFields.strip(document), RequestOptions.none());
    }

    /**
     * The stored item with the same natural key as {@code document} (identity fields of the Data Standard's model,
     * descriptor values and strings compared ignoring case), found with the GET query parameters of the spec.
     *
     * @param document a document carrying at least its identity fields
     * @throws IllegalArgumentException the resource is unknown or {@code document} lacks identity fields
     */
    public Optional<JsonObject> findByNaturalKey(String resourcePath, JsonObject document) {
        ResourceModel resource = model.get().require(resourcePath);
        NaturalKey key = resource.naturalKey(document);
        if (!key.isComplete()) {
            throw new IllegalArgumentException(resource.name() + ": the document lacks identity fields " + key.missing());
        }
        Map<String, String> params = new LinkedHashMap<>();
        for (PropertyPath identity : resource.identity()) {
            resource.queryParameterPaths().entrySet().stream()
                    .filter(e -> e.getValue().contains(identity))
                    .findFirst()
                    .ifPresent(e -> identity.get(document)
                            .filter(JsonElement::isJsonPrimitive)
                            .ifPresent(v -> params.putIfAbsent(e.getKey(), v.getAsString())));
        }
        return query(resourcePath, params).stream().filter(item -> resource.naturalKey(item).equals(key)).findFirst();
    }

    /** PUT the whole document to {@code /{id}}; 204 with the new ETag. */
    public WriteResult put(String resourcePath, String id, JsonObject document) {
        return put(resourcePath, id, document, RequestOptions.none());
    }

    /** PUT only if the item still has {@code ifMatch} as its ETag ({@link PreconditionFailedException} otherwise). */
    public WriteResult put(String resourcePath, String id, JsonObject document, String ifMatch) {
        return put(resourcePath, id, document, RequestOptions.builder().ifMatch(ifMatch).build());
    }

    /** PUT with per-request options. */
    public WriteResult put(String resourcePath, String id, JsonObject document, RequestOptions options) {
        Request request = request(url(resourcePath, id), options).put(body(document)).build();
        try (Response response = execute(request)) {
            return new WriteResult(response.code(), id, response.header("ETag"), false);
        }
    }

    /** GET by id; {@link NotFoundException} when there is no such item. */
    public JsonObject get(String resourcePath, String id) {
        return get(resourcePath, id, RequestOptions.none());
    }

    /** GET by id with per-request options. */
    public JsonObject get(String resourcePath, String id, RequestOptions options) {
        Request request = request(url(resourcePath, id), options).get().build();
        try (Response response = execute(request)) {
            return object(request, readBody(request, response));
        }
    }

    /** GET of another URL of the same API (e.g. the change queries' availableChangeVersions), as a JSON object. */
    JsonObject getObject(HttpUrl url) {
        Request request = request(url, RequestOptions.none()).get().build();
        try (Response response = execute(request)) {
            return object(request, readBody(request, response));
        }
    }

    /** GET by id; empty when there is no such item (404). */
    public Optional<JsonObject> find(String resourcePath, String id) {
        try {
            return Optional.of(get(resourcePath, id));
        } catch (NotFoundException e) {
            return Optional.empty();
        }
    }

    /** DELETE by id. */
    public void delete(String resourcePath, String id) {
        delete(resourcePath, id, RequestOptions.none());
    }

    /** DELETE by id with per-request options (e.g. {@code If-Match}). */
    public void delete(String resourcePath, String id, RequestOptions options) {
        Request request = request(url(resourcePath, id), options).delete().build();
        execute(request).close();
    }

    /** All items matching {@code params} (query names of the spec), {@value #MAX_PAGE_SIZE} per request. */
    public Paginator<JsonObject> query(String resourcePath, Map<String, String> params) {
        return query(resourcePath, params, MAX_PAGE_SIZE);
    }

    /**
     * All items matching {@code params}, fetched lazily page by page ({@code offset}/{@code limit}); the first page
     * asks for {@code totalCount} so paging stops without an extra empty request.
     *
     * @param params   query parameters, e.g. {@code studentUniqueId=604822}; not {@code offset}/{@code limit}
     * @param pageSize items per request, 1 to 500
     */
    public Paginator<JsonObject> query(String resourcePath, Map<String, String> params, int pageSize) {
        if (pageSize > MAX_PAGE_SIZE) {
            throw new IllegalArgumentException("pageSize must be at most " + MAX_PAGE_SIZE + ", was " + pageSize);
        }
        for (String reserved : List.of("offset", "limit", "totalCount")) {
            if (params.keySet().stream().anyMatch(reserved::equalsIgnoreCase)) {
                throw new IllegalArgumentException("'" + reserved + "' is managed by the paginator; pass pageSize instead");
            }
        }
        Map<String, String> query = Map.copyOf(params);
        return Paginator.counted(pageSize, (offset, limit) -> page(resourcePath, query, offset, limit));
    }

    /** The number of items matching {@code params} (one request: {@code limit=0&totalCount=true}). */
    public long count(String resourcePath, Map<String, String> params) {
        HttpUrl.Builder url = url(resourcePath, null).newBuilder();
        params.forEach(url::addQueryParameter);
        url.addQueryParameter("limit", "0").addQueryParameter("totalCount", "true");
        Request request = request(url.build(), RequestOptions.none()).get().build();
        try (Response response = execute(request)) {
            String total = response.header("Total-Count");
            if (total == null) {
                throw new EdFiException("GET " + request.url() + ": the server sent no Total-Count header", null);
            }
            return Long.parseLong(total.trim());
        }
    }

    private Paginator.Page<JsonObject> page(String resourcePath, Map<String, String> params, int offset, int limit) {
        HttpUrl.Builder url = url(resourcePath, null).newBuilder();
        params.forEach(url::addQueryParameter);
        url.addQueryParameter("offset", Integer.toString(offset)).addQueryParameter("limit", Integer.toString(limit));
        if (offset == 0) {
            url.addQueryParameter("totalCount", "true");
        }
        Request request = request(url.build(), RequestOptions.none()).get().build();
        try (Response response = execute(request)) {
            JsonElement body = parse(request, readBody(request, response));
            if (!body.isJsonArray()) {
                throw new EdFiException("GET " + request.url() + ": expected a JSON array, got " + kind(body), null);
            }
            List<JsonObject> items = new ArrayList<>();
            for (JsonElement item : (JsonArray) body) {
                items.add(item.getAsJsonObject());
            }
            String total = response.header("Total-Count");
            OptionalLong totalCount = total == null ? OptionalLong.empty() : OptionalLong.of(Long.parseLong(total.trim()));
            return new Paginator.Page<>(items, totalCount);
        }
    }

    private HttpUrl url(String resourcePath, String id) {
        HttpUrl resource = resourceUrls.get(resourcePath);
        if (resource == null) {
            resource = resourceUrl(resourcePath);
            resourceUrls.put(resourcePath, resource);
        }
        if (id == null) {
            return resource;
        }
        if (id.isBlank()) {
            throw new IllegalArgumentException("The resource id must not be blank");
        }
        return resource.newBuilder().addPathSegment(id).build();
    }

    private HttpUrl resourceUrl(String resourcePath) {
        String path = resourcePath.strip();
        while (path.startsWith("/")) {
            path = path.substring(1);
        }
        while (path.endsWith("/")) {
            path = path.substring(0, path.length() - 1);
        }
        if (path.isEmpty()) {
            throw new IllegalArgumentException("A resource path is required, e.g. /ed-fi/students");
        }
        if (!path.contains("/")) {
            path = "ed-fi/" + path;
        }
        HttpUrl.Builder b = dataUrl.get().newBuilder();
        for (String segment : path.split("/")) {
            b.addPathSegment(segment);
        }
        return b.build(); // addPathSegment replaces the empty segment of the base's trailing slash
    }

    private static Request.Builder request(HttpUrl url, RequestOptions options) {
        Request.Builder b = new Request.Builder().url(url).header("Accept", "application/json")
                .tag(RequestOptions.class, options);
        options.correlationId().ifPresent(c -> b.header("correlation-id", c));
        options.ifMatch().ifPresent(e -> b.header("If-Match", RequestOptions.quoteEtag(e)));
        return b;
    }

    private static RequestBody body(JsonObject document) {
        return RequestBody.create(document.toString(), JSON);
    }

    private Response execute(Request request) {
        Response response;
        try {
            response = http.newCall(request).execute();
        } catch (IOException e) {
            throw GeneratedApiErrors.fromIo(e, request.method() + " " + request.url());
        }
        if (response.isSuccessful()) {
            return response;
        }
        try (response) {
            String body = readBody(request, response);
            throw EdFiApiException.of(response.code(), body, request.method() + " " + request.url(),
                    response.headers().toMultimap(), null);
        }
    }

    private static String readBody(Request request, Response response) {
        ResponseBody body = response.body();
        try {
            return body == null ? "" : body.string();
        } catch (IOException e) {
            if (ResponseLimit.isCallTimeout(e)) {
                throw GeneratedApiErrors.fromIo(e, request.method() + " " + request.url());
            }
            throw new EdFiConnectionException(request.method() + " " + request.url() + ": reading the response failed: "
                    + e.getMessage(), e);
        }
    }

    private static JsonObject object(Request request, String text) {
        JsonElement e = parse(request, text);
        if (!e.isJsonObject()) {
            throw new EdFiException(request.method() + " " + request.url() + ": expected a JSON object, got " + kind(e), null);
        }
        return e.getAsJsonObject();
    }

    private static JsonElement parse(Request request, String text) {
        try {
            return JsonParser.parseString(text);
        } catch (RuntimeException e) {
            throw new EdFiException(request.method() + " " + request.url() + ": the response is not JSON: "
                    + io.github.edfisdk.model.StrictJson.parserWords(e), e);
        }
    }

    private static String kind(JsonElement e) {
        return e.isJsonArray() ? "an array" : e.isJsonObject() ? "an object" : e.isJsonNull() ? "null" : "a value";
    }
}
