package io.github.edfisdk.client;

import com.google.gson.JsonElement;
import com.google.gson.JsonObject;
import com.google.gson.JsonParser;
import io.github.edfisdk.model.DataStandard;
import io.github.edfisdk.model.DataStandardModel;
import io.github.edfisdk.model.Dependency;
import java.io.IOException;
import java.util.List;
import okhttp3.HttpUrl;
import okhttp3.OkHttpClient;
import okhttp3.Request;
import okhttp3.Response;
import okhttp3.ResponseBody;

/**
 * Reads a server's own model from its metadata (no authentication in the ODS/API):
 * {@code /metadata/data/v3/resources/swagger.json}, {@code .../descriptors/swagger.json} and
 * {@code .../dependencies}, so a client sees the server's extensions.
 */
final class ServerModel {
    private ServerModel() {
    }

    static DataStandardModel read(OkHttpClient http, ApiRoot root, DataStandard ds) {
        HttpUrl data = HttpUrl.get(root.dataUrl());
        String path = data.encodedPath();
        int at = path.indexOf("/data/");
        String prefix = (at >= 0 ? path.substring(0, at) : "") + "/metadata/data/v3/";
        JsonObject resources = object(get(http, data.newBuilder().encodedPath(prefix + "resources/swagger.json").build(), true));
        JsonElement descriptors = get(http, data.newBuilder().encodedPath(prefix + "descriptors/swagger.json").build(), false);
        JsonElement dependencies = get(http, data.newBuilder().encodedPath(prefix + "dependencies").build(), false);
        List<Dependency> order = dependencies == null ? List.of() : DataStandardModel.parseDependencies(dependencies);
        if (order.isEmpty()) {
            order = DataStandardModel.of(ds).dependencies();
        }
        return DataStandardModel.fromSpecs(ds, resources, descriptors == null ? null : object(descriptors), order);
    }

    /** The JSON at {@code url}; null for a missing optional document. */
    private static JsonElement get(OkHttpClient http, HttpUrl url, boolean required) {
        Request request = new Request.Builder().url(url).header("Accept", "application/json").get().build();
        try (Response response = http.newCall(request).execute()) {
            ResponseBody body = response.body();
            String text = body == null ? "" : body.string();
            if (!response.isSuccessful()) {
                if (!required && response.code() == 404) {
                    return null;
                }
                throw EdFiApiException.of(response.code(), text, "GET " + url, response.headers().toMultimap(), null);
            }
            return JsonParser.parseString(text);
        } catch (IOException e) {
            throw new EdFiConnectionException("GET " + url + ": cannot read the server's metadata: " + e.getMessage(), e);
        } catch (RuntimeException e) {
            if (e instanceof EdFiException sdk) {
                throw sdk;
            }
            throw new EdFiException("GET " + url + ": the server's metadata is not JSON: " + e.getMessage(), e);
        }
    }

    private static JsonObject object(JsonElement e) {
        if (!e.isJsonObject()) {
            throw new EdFiException("the server's OpenAPI metadata is not a JSON object", null);
        }
        return e.getAsJsonObject();
    }
}
