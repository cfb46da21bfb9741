package io.github.edfisdk.sandbox;

import com.google.gson.JsonElement;
import com.google.gson.JsonObject;
import com.google.gson.JsonParser;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.Base64;

/** Plain HTTP calls to a sandbox (no SDK code in between), with a token fetched once. */
final class RawHttp {
    final HttpClient http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();
    final String baseUrl;
    final String token;

    RawHttp(EdFiSandbox sb) {
        this(sb.baseUrl(), sb.key(), sb.secret());
    }

    RawHttp(String baseUrl, String key, String secret) {
        this.baseUrl = baseUrl;
        HttpResponse<String> r = send(HttpRequest.newBuilder(URI.create(baseUrl + "/oauth/token"))
                .header("Content-Type", "application/x-www-form-urlencoded")
                .header("Authorization", basic(key, secret))
                .POST(HttpRequest.BodyPublishers.ofString("grant_type=client_credentials")));
        this.token = JsonParser.parseString(r.body()).getAsJsonObject().get("access_token").getAsString();
    }

    static String basic(String key, String secret) {
        return "Basic " + Base64.getEncoder().encodeToString((key + ":" + secret).getBytes(StandardCharsets.UTF_8));
    }

    HttpResponse<String> get(String dataPath, String... headers) {
        return data("GET", dataPath, null, headers);
    }

    HttpResponse<String> post(String dataPath, String body, String... headers) {
        return data("POST", dataPath, body, headers);
    }

    HttpResponse<String> put(String dataPath, String body, String... headers) {
        return data("PUT", dataPath, body, headers);
    }

    HttpResponse<String> delete(String dataPath, String... headers) {
        return data("DELETE", dataPath, null, headers);
    }

    /** A call to {@code /data/v3 + dataPath} with the bearer token. */
    HttpResponse<String> data(String method, String dataPath, String body, String... headers) {
        HttpRequest.Builder b = HttpRequest.newBuilder(URI.create(baseUrl + "/data/v3" + dataPath))
                .header("Authorization", "Bearer " + token)
                .method(method, body == null ? HttpRequest.BodyPublishers.noBody() : HttpRequest.BodyPublishers.ofString(body));
        if (body != null) {
            b.header("Content-Type", "application/json");
        }
        for (int i = 0; i < headers.length; i += 2) {
            b.header(headers[i], headers[i + 1]);
        }
        return send(b);
    }

    HttpResponse<String> send(HttpRequest.Builder b) {
        try {
            return http.send(b.build(), HttpResponse.BodyHandlers.ofString());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    static JsonObject json(HttpResponse<String> r) {
        return JsonParser.parseString(r.body()).getAsJsonObject();
    }

    static JsonElement parse(HttpResponse<String> r) {
        return JsonParser.parseString(r.body());
    }

    /** The id at the end of a Location header. */
    static String id(HttpResponse<String> r) {
        String loc = r.headers().firstValue("Location").orElseThrow();
        return loc.substring(loc.lastIndexOf('/') + 1);
    }
}
