package io.github.edfisdk.sandbox;

import com.google.gson.JsonArray;
import com.google.gson.JsonElement;
import com.google.gson.JsonObject;
import com.google.gson.JsonParser;
import com.google.gson.JsonPrimitive;
import com.google.gson.stream.JsonReader;
import com.google.gson.stream.JsonToken;
import io.github.edfisdk.model.DocumentValidator;
import io.github.edfisdk.model.DataStandardModel;
import io.github.edfisdk.model.KeyValues;
import io.github.edfisdk.model.Property;
import io.github.edfisdk.model.PropertyNames;
import io.github.edfisdk.model.PropertyPath;
import io.github.edfisdk.model.ResourceModel;
import io.github.edfisdk.model.ValidationError;
import java.io.StringReader;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.function.Predicate;

/** The data API, {@code /data/v3/{schema}/{resource}[/{id}]}: POST upsert, PUT, DELETE, GET by id and by query. */
final class ResourceEndpoints {
    static final int MAX_LIMIT = 500;

    private final DataStandardModel model;
    private final DocumentStore store;
    private final String baseUrl;

    ResourceEndpoints(DataStandardModel model, DocumentStore store, String baseUrl) {
        this.model = model;
        this.store = store;
        this.baseUrl = baseUrl;
    }

    /** @param rest the path after {@code /data/v3}, e.g. {@code /ed-fi/schools/abc...} */
    SandboxResponse handle(SandboxRequest req, String rest) {
        String path = rest.endsWith("/") ? rest.substring(0, rest.length() - 1) : rest;
        String[] parts = path.split("/");
        // parts: "", schema, collection[, id]
        if (parts.length < 3 || parts.length > 4) {
            throw ApiProblem.notFound("The specified data could not be found.");
        }
        ResourceModel r = model.resource("/" + parts[1] + "/" + parts[2])
                .orElseThrow(() -> ApiProblem.notFound("The specified data could not be found."));
        String id = parts.length == 4 ? parts[3] : null;
        try {
            return dispatch(r, id, req);
        } catch (ApiProblem p) {
            throw p.validationErrors != null ? p.about(r.name()) : p;
        }
    }

    private SandboxResponse dispatch(ResourceModel r, String id, SandboxRequest req) {
        switch (req.method()) {
            case "GET":
                if (id == null) {
                    return query(r, req);
                }
                // GET routes only a GUID ({id:guid}): any other text is an unknown URL.
                if (!isGuid(id)) {
                    throw ApiProblem.notFound("The specified data could not be found.");
                }
                return getById(r, normaliseId(id), req);
            case "POST":
                if (id != null) {
                    throw ApiProblem.methodNotAllowed("POST", true);
                }
                return post(r, req);
            case "PUT":
                if (id == null) {
                    throw ApiProblem.methodNotAllowed("PUT", false);
                }
                return put(r, routeId(id), req);
            case "DELETE":
                if (id == null) {
                    throw ApiProblem.methodNotAllowed("DELETE", false);
                }
                store.delete(r, routeId(id), req.header("if-match"));
                return SandboxResponse.empty(204);
            default:
                throw ApiProblem.methodNotAllowed(req.method(), id != null);
        }
    }

    /**
     * PUT and DELETE route {@code /{id}} for any text and bind it to a Guid: text that is not one fails model binding,
     * which ODS/API answers 400 with ASP.NET Core's message.
     */
    private static String routeId(String id) {
        if (!isGuid(id)) {
            throw ApiProblem.validation("$.id", "The value '" + id + "' is not valid.");
        }
        return normaliseId(id);
    }

    private SandboxResponse post(ResourceModel r, SandboxRequest req) {
        JsonObject body = readBody(req);
        for (Map.Entry<String, JsonElement> e : body.entrySet()) {
            if (e.getKey().equalsIgnoreCase("id") && !e.getValue().isJsonNull()) {
                throw ApiProblem.clientAssignedId();
            }
        }
        JsonObject clean = validateAndClean(r, body);
        DocumentStore.Upserted u = store.upsert(r, clean, req.header("if-match"));
        return SandboxResponse.empty(u.created() ? 201 : 200)
                .header("Location", baseUrl + "/data/v3" + r.path() + "/" + u.item().id())
                .header("ETag", u.item().etagHeader());
    }

    private SandboxResponse put(ResourceModel r, String id, SandboxRequest req) {
        JsonObject body = readBody(req);
        JsonObject clean = validateAndClean(r, body);
        StoredItem item = store.update(r, id, clean, req.header("if-match"));
        return SandboxResponse.empty(204).header("ETag", item.etagHeader());
    }

    private static JsonObject validateAndClean(ResourceModel r, JsonObject raw) {
        JsonObject body = PropertyNames.normalise(r.body(), raw);
        List<ValidationError> errors = DocumentValidator.get().validate(r, body);
        if (!errors.isEmpty()) {
            throw ApiProblem.validation(errors);
        }
        return DocumentCleaner.clean(r.body(), body);
    }

    private SandboxResponse getById(ResourceModel r, String id, SandboxRequest req) {
        StoredItem item = store.get(r, id);
        if (item == null) {
            throw ApiProblem.notFound("The specified item could not be found.");
        }
        String ifNoneMatch = req.header("if-none-match");
        if (ifNoneMatch != null && DocumentStore.etagMatchesHeader(ifNoneMatch, item)) {
            return SandboxResponse.empty(304).header("ETag", item.etagHeader());
        }
        return SandboxResponse.json(200, render(item).toString()).header("ETag", item.etagHeader());
    }

    private SandboxResponse query(ResourceModel r, SandboxRequest req) {
        int offset = 0;
        int limit = MAX_LIMIT;
        boolean totalCount = false;
        List<Predicate<StoredItem>> filters = new ArrayList<>();
        for (Map.Entry<String, String> q : req.query().entrySet()) {
            String name = q.getKey();
            String value = q.getValue();
            switch (name.toLowerCase(Locale.ROOT)) {
                case "offset" -> offset = offsetParameter(value);
                case "limit" -> limit = limitParameter(value);
                case "totalcount" -> totalCount = Boolean.parseBoolean(value.trim());
                case "id" -> {
                    // The id filter binds to a Guid property of the request model; other text fails model binding.
                    if (!isGuid(value.trim())) {
                        throw ApiProblem.validation("$.id", "The value '" + value + "' is not valid for Id.");
                    }
                    String id = normaliseId(value.trim());
                    filters.add(item -> item.id().equals(id));
                }
                // Change queries: the items whose last write's change version is in the window (both inclusive).
                case "minchangeversion" -> {
                    long min = ChangeQueryEndpoints.version(value, "MinChangeVersion");
                    filters.add(item -> item.changeVersion() >= min);
                }
                case "maxchangeversion" -> {
                    long max = ChangeQueryEndpoints.version(value, "MaxChangeVersion");
                    filters.add(item -> item.changeVersion() <= max);
                }
                default -> {
                    List<PropertyPath> paths = r.queryParameter(name);
                    if (!paths.isEmpty()) {
                        String wanted = KeyValues.canonical(new JsonPrimitive(value));
                        filters.add(item -> matches(paths, item.doc(), wanted));
                    }
                    // Parameters the resource does not have are ignored, as the API does.
                }
            }
        }
        Predicate<StoredItem> all = item -> {
            for (Predicate<StoredItem> f : filters) {
                if (!f.test(item)) {
                    return false;
                }
            }
            return true;
        };
        DocumentStore.Page page = store.query(r, all, offset, limit);
        JsonArray out = new JsonArray();
        for (StoredItem item : page.items()) {
            out.add(render(item));
        }
        SandboxResponse resp = SandboxResponse.json(200, out.toString());
        if (totalCount) {
            resp.header("Total-Count", Integer.toString(page.total()));
        }
        return resp;
    }

    /** A unified key name (schoolId of schoolReference and calendarReference) matches on whichever path is present. */
    private static boolean matches(List<PropertyPath> paths, JsonObject doc, String wanted) {
        for (PropertyPath p : paths) {
            JsonElement v = p.get(doc).orElse(null);
            if (v != null && v.isJsonPrimitive()) {
                return KeyValues.canonical(v).equals(wanted);
            }
        }
        return false;
    }

    /** The {@code offset} paging parameter, with ODS/API's answers (shared by collections and change queries). */
    static int offsetParameter(String value) {
        int offset = intParameter(value, "Offset");
        if (offset < 0) {
            throw ApiProblem.parameter("Offset cannot be a negative value.");
        }
        return offset;
    }

    /** The {@code limit} paging parameter, with ODS/API's answers (shared by collections and change queries). */
    static int limitParameter(String value) {
        int limit = intParameter(value, "Limit");
        if (limit < 0 || limit > MAX_LIMIT) {
            // ODS/API 7.x QueryParametersValidator.
            throw ApiProblem.parameter("Limit must be omitted or set to a value between 0 and " + MAX_LIMIT + ".")
                    .legacy("Limit must be omitted or set to a value between 1 and max value defined in"
                            + " configuration file (defaultPageSizeLimit).");
        }
        return limit;
    }

    private static int intParameter(String value, String name) {
        try {
            return Integer.parseInt(value.trim());
        } catch (NumberFormatException e) {
            throw ApiProblem.parameter("The value '" + value + "' is not valid for " + name + ".");
        }
    }

    /** The GET form of an item: id first, the document with a link on every reference, then _etag and _lastModifiedDate. */
    JsonObject render(StoredItem item) {
        JsonObject o = new JsonObject();
        o.addProperty("id", item.id());
        JsonObject withLinks = withLinks(item.resource().body(), item.doc());
        withLinks.entrySet().forEach(e -> o.add(e.getKey(), e.getValue()));
        o.addProperty("_etag", Long.toString(item.etag()));
        // ODS/API 6.x returns it too (added by ODS-5326), although only the 7.x specs list it (ODS-5805).
        o.addProperty("_lastModifiedDate", item.lastModified().toString());
        return o;
    }

    private JsonObject withLinks(io.github.edfisdk.model.ObjectType type, JsonObject doc) {
        JsonObject out = new JsonObject();
        for (Map.Entry<String, JsonElement> e : doc.entrySet()) {
            Property p = type.property(e.getKey()).orElse(null);
            JsonElement v = e.getValue();
            if (p == null) {
                out.add(e.getKey(), v);
                continue;
            }
            switch (p.kind()) {
                case REFERENCE -> {
                    JsonObject ref = v.getAsJsonObject().deepCopy();
                    StoredItem target = store.referenced(p, ref);
                    if (target != null) {
                        JsonObject link = new JsonObject();
                        link.addProperty("rel", target.resource().name());
                        link.addProperty("href", target.resource().path() + "/" + target.id());
                        ref.add("link", link);
                    }
                    out.add(e.getKey(), ref);
                }
                case OBJECT -> out.add(e.getKey(), withLinks(p.type(), v.getAsJsonObject()));
                case COLLECTION -> {
                    if (p.type() == null) {
                        out.add(e.getKey(), v);
                    } else {
                        JsonArray a = new JsonArray();
                        for (JsonElement item : v.getAsJsonArray()) {
                            a.add(withLinks(p.type(), item.getAsJsonObject()));
                        }
                        out.add(e.getKey(), a);
                    }
                }
                default -> out.add(e.getKey(), v);
            }
        }
        return out;
    }

    /** Parses the body; an empty body, malformed JSON or a non-object is a 400 with the API's message. */
    private static JsonObject readBody(SandboxRequest req) {
        byte[] bytes = req.body();
        String text = bytes == null ? "" : Utf8Body.decode(bytes);
        if (text.isBlank()) {
            throw ApiProblem.badRequest("A non-empty request body is required.");
        }
        JsonElement e;
        try {
            JsonReader reader = new JsonReader(new StringReader(text));
            reader.setStrictness(com.google.gson.Strictness.LEGACY_STRICT);
            e = JsonParser.parseReader(reader);
            if (reader.peek() != JsonToken.END_DOCUMENT) {
                throw new com.google.gson.JsonSyntaxException("Unexpected content after the JSON value at "
                        + reader.getPath());
            }
        } catch (RuntimeException | java.io.IOException ex) {
            // The parser's words only, never a Java class name or Gson's advice to Java callers.
            throw ApiProblem.badRequest("The request body is not valid JSON: "
                    + io.github.edfisdk.model.StrictJson.parserWords(ex));
        }
        if (!e.isJsonObject()) {
            throw ApiProblem.badRequest("The request body must be a JSON object.");
        }
        return e.getAsJsonObject();
    }

    private static final java.util.regex.Pattern GUID = java.util.regex.Pattern.compile(
            "[0-9a-fA-F]{32}|[0-9a-fA-F]{8}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{12}"
                    + "|\\{[0-9a-fA-F]{8}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{12}}"
                    + "|\\([0-9a-fA-F]{8}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{12}\\)");

    /** The forms .NET's Guid parsing accepts (N, D, B and P). */
    static boolean isGuid(String id) {
        return GUID.matcher(id).matches();
    }

    /** Ids are 32 hex digits; a GUID with dashes, braces or upper case is the same id. */
    private static String normaliseId(String id) {
        return id.replaceAll("[-{}()]", "").toLowerCase(Locale.ROOT);
    }
}
