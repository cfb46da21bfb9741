package io.github.edfisdk.client;

import java.util.List;
import java.util.Map;

/**
 * The outcome of a POST or PUT.
 *
 * @param status  the HTTP status: 201 created, 200 updated (POST upsert), 204 (PUT)
 * @param id      the resource id (32 hex characters) from {@code Location} or the PUT URL; null if absent
 * @param etag    the {@code ETag} header as sent (quoted); usable as {@link RequestOptions.Builder#ifMatch(String)}
 * @param created whether a new item was created (201)
 */
public record WriteResult(int status, String id, String etag, boolean created) {

    /**
     * The result of a generated API's {@code executeWithHttpInfo()}:
     * {@code WriteResult.of(r.getStatusCode(), r.getHeaders())}.
     *
     * @param status  the status code
     * @param headers the response headers (any name case)
     */
    public static WriteResult of(int status, Map<String, List<String>> headers) {
        return new WriteResult(status, idFromLocation(header(headers, "Location")), header(headers, "ETag"), status == 201);
    }

    /** From a POST's {@code Location} and {@code ETag} headers (either may be null). */
    static WriteResult of(int status, String location, String etag) {
        return new WriteResult(status, idFromLocation(location), etag, status == 201);
    }

    private static String header(Map<String, List<String>> headers, String name) {
        if (headers == null) {
            return null;
        }
        for (Map.Entry<String, List<String>> e : headers.entrySet()) {
            if (name.equalsIgnoreCase(e.getKey()) && e.getValue() != null && !e.getValue().isEmpty()) {
                return e.getValue().get(0);
            }
        }
        return null;
    }

    /** The last path segment of a {@code Location} header: {@code …/ed-fi/students/{id}}. */
    static String idFromLocation(String location) {
        if (location == null || location.isBlank()) {
            return null;
        }
        String l = location.strip();
        int query = l.indexOf('?');
        if (query >= 0) {
            l = l.substring(0, query);
        }
        while (l.endsWith("/")) {
            l = l.substring(0, l.length() - 1);
        }
        return l.substring(l.lastIndexOf('/') + 1);
    }
}
