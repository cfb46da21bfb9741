package io.github.edfisdk.client;

import com.google.gson.JsonElement;
import com.google.gson.JsonObject;
import com.google.gson.JsonParser;
import io.github.edfisdk.model.DataStandard;
import java.io.IOException;
import java.util.List;
import java.util.Optional;
import okhttp3.HttpUrl;
import okhttp3.OkHttpClient;
import okhttp3.Request;
import okhttp3.Response;
import okhttp3.ResponseBody;

/**
 * What the ODS/API root document ({@code GET /}, no authentication) says about the server: its version, the Ed-Fi
 * data model version, and where the token endpoint and the data API are.
 *
 * @param apiVersion       the ODS/API version, e.g. {@code 7.2}; null if not reported
 * @param dataModelVersion the Ed-Fi data model version, e.g. {@code 5.1.0}; null if not reported
 * @param oauthUrl         the token endpoint, e.g. {@code http://host/oauth/token}
 * @param dataUrl          the data API, e.g. {@code http://host/data/v3/} (always ends with {@code /})
 */
public record ApiRoot(String apiVersion, String dataModelVersion, String oauthUrl, String dataUrl) {

    /** The Data Standard of {@link #dataModelVersion()}, when reported and known to the SDK. */
    public Optional<DataStandard> dataStandard() {
        if (dataModelVersion == null) {
            return Optional.empty();
        }
        try {
            return Optional.of(DataStandard.parse(dataModelVersion));
        } catch (IllegalArgumentException unknown) {
            return Optional.empty();
        }
    }

    /**
     * Reads the root document.
     *
     * @param http    a client without bearer authentication
     * @param baseUrl the root ({@code http://host:port}) or the data URL ({@code http://host:port/data/v3})
     * @throws EdFiConnectionException the server could not be reached
     * @throws EdFiApiException        the root answered an error and {@code baseUrl} was not a data URL
     */
    public static ApiRoot discover(OkHttpClient http, HttpUrl baseUrl) {
        List<String> segments = baseUrl.pathSegments();
        int data = -1;
        for (int i = 0; i + 1 < segments.size(); i++) {
            if (segments.get(i).equals("data") && segments.get(i + 1).equals("v3")) {
                data = i;
                break;
            }
        }
        HttpUrl root = data < 0 ? withTrailingSlash(baseUrl) : prefix(baseUrl, data);
        HttpUrl givenDataUrl = data < 0 ? null : withTrailingSlash(baseUrl);
        Request request = new Request.Builder().url(root).header("Accept", "application/json").get().build();
        try (Response response = http.newCall(request).execute()) {
            ResponseBody body = response.body();
            String text = body == null ? "" : body.string();
            JsonObject json = response.isSuccessful() ? parseObject(text) : null;
            if (json == null) {
                if (givenDataUrl != null) {
                    // Some deployments hide the root document; the data URL and the conventional token path still work.
                    return new ApiRoot(null, null, root.resolve("oauth/token").toString(), givenDataUrl.toString());
                }
                if (!response.isSuccessful()) {
                    throw EdFiApiException.of(response.code(), text, "GET " + root, response.headers().toMultimap(), null);
                }
                throw new EdFiException("GET " + root + " did not return the Ed-Fi root document (JSON with "
                        + "dataModels and urls); pass the data URL (…/data/v3) as baseUrl", null);
            }
            JsonObject urls = json.has("urls") && json.get("urls").isJsonObject() ? json.getAsJsonObject("urls") : new JsonObject();
            String oauth = string(urls, "oauth");
            String dataApi = givenDataUrl != null ? givenDataUrl.toString() : string(urls, "dataManagementApi");
            return new ApiRoot(string(json, "version"), edFiModelVersion(json),
                    oauth != null ? oauth : root.resolve("oauth/token").toString(),
                    dataApi != null ? withTrailingSlash(HttpUrl.get(dataApi)).toString() : root.resolve("data/v3/").toString());
        } catch (IOException e) {
            if (ResponseLimit.isCallTimeout(e)) {
                throw ResponseLimit.callTimeout(e, "GET " + root);
            }
            throw new EdFiConnectionException("GET " + root + ": cannot reach the Ed-Fi API: " + e.getMessage(), e);
        }
    }

    private static String edFiModelVersion(JsonObject json) {
        JsonElement models = json.get("dataModels");
        if (models == null || !models.isJsonArray()) {
            return null;
        }
        String first = null;
        for (JsonElement model : models.getAsJsonArray()) {
            if (!model.isJsonObject()) {
                continue;
            }
            String version = string(model.getAsJsonObject(), "version");
            if ("Ed-Fi".equalsIgnoreCase(string(model.getAsJsonObject(), "name"))) {
                return version; // extensions (TPDM, state) report their own versions; the Ed-Fi one decides
            }
            first = first == null ? version : first;
        }
        return first;
    }

    private static JsonObject parseObject(String text) {
        try {
            JsonElement e = JsonParser.parseString(text);
            return e.isJsonObject() ? e.getAsJsonObject() : null;
        } catch (RuntimeException notJson) {
            return null;
        }
    }

    private static String string(JsonObject o, String name) {
        JsonElement e = o.get(name);
        return e != null && e.isJsonPrimitive() ? e.getAsString() : null;
    }

    private static HttpUrl prefix(HttpUrl url, int segmentCount) {
        HttpUrl.Builder b = url.newBuilder().encodedPath("/").query(null).fragment(null);
        for (int i = 0; i < segmentCount; i++) {
            b.addPathSegment(url.pathSegments().get(i));
        }
        return withTrailingSlash(b.build());
    }

    static HttpUrl withTrailingSlash(HttpUrl url) {
        String path = url.encodedPath();
        return path.endsWith("/") ? url : url.newBuilder().encodedPath(path + "/").build();
    }
}
