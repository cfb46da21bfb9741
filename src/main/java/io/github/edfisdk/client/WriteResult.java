package io.github.edfisdk.client;

/**
 * The outcome of a POST or PUT.
 *
 * @param status  the HTTP status: 201 created, 200 updated (POST upsert), 204 (PUT)
 * @param id      the resource id (32 hex characters) from {@code Location} or the PUT URL; null if absent
 * @param etag    the {@code ETag} header as sent (quoted); usable as {@link RequestOptions.Builder#ifMatch(String)}
 * @param created whether a new item was created (201)
 */
public record WriteResult(int status, String id, String etag, boolean created) {
}
