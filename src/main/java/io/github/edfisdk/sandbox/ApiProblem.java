package io.github.edfisdk.sandbox;

import com.google.gson.JsonArray;
import com.google.gson.JsonObject;
import io.github.edfisdk.model.ValidationError;
import java.util.List;

/**
 * An RFC 7807 problem the sandbox answers with, with the Ed-Fi ODS/API's types, titles and details. Thrown by the
 * request handling code and rendered in one place ({@link SandboxHandler}).
 */
final class ApiProblem extends RuntimeException {
    final int status;
    final String type;
    final String title;
    final String detail;
    final List<String> errors;
    final List<ValidationError> validationErrors;

    ApiProblem(int status, String type, String title, String detail, List<String> errors,
               List<ValidationError> validationErrors) {
        super(detail, null, false, false);
        this.status = status;
        this.type = type;
        this.title = title;
        this.detail = detail;
        this.errors = errors;
        this.validationErrors = validationErrors;
    }

    static ApiProblem validation(List<ValidationError> errors) {
        return new ApiProblem(400, "urn:ed-fi:api:bad-request:data-validation-failed", "Data Validation Failed",
                "Data validation failed. See 'validationErrors' for details.", null, errors);
    }

    static ApiProblem validation(String path, String message) {
        return validation(List.of(new ValidationError(path, message)));
    }

    static ApiProblem badRequest(String error) {
        return new ApiProblem(400, "urn:ed-fi:api:bad-request", "Bad Request",
                "The request could not be processed. See 'errors' for details.", List.of(error), null);
    }

    static ApiProblem parameter(String error) {
        return new ApiProblem(400, "urn:ed-fi:api:bad-request:parameter-validation-failed", "Parameter Validation Failed",
                "The request parameters could not be processed. See 'errors' for details.", List.of(error), null);
    }

    static ApiProblem notFound(String detail) {
        return new ApiProblem(404, "urn:ed-fi:api:not-found", "Not Found", detail, null, null);
    }

    static ApiProblem methodNotAllowed(String method) {
        return new ApiProblem(405, "urn:ed-fi:api:method-not-allowed", "Method Not Allowed",
                "The request method " + method + " is not supported for this resource URL.", null, null);
    }

    static ApiProblem unresolvedReference(String resourceName) {
        return new ApiProblem(409, "urn:ed-fi:api:data-conflict:unresolved-reference", "Unresolved Reference",
                "The referenced '" + resourceName + "' item does not exist.", null, null);
    }

    static ApiProblem dependentItem(String referrerName) {
        return new ApiProblem(409, "urn:ed-fi:api:data-conflict:dependent-item-exists", "Dependent Item Exists",
                "The requested action cannot be performed because this item is referenced by an existing '"
                        + referrerName + "' item.", null, null);
    }

    static ApiProblem nonUniqueIdentity(String resourceName) {
        return new ApiProblem(409, "urn:ed-fi:api:data-conflict:non-unique-identity", "Identifying Values Are Not Unique",
                "The identifying value(s) of the item are the same as another item that already exists.",
                List.of("A natural key conflict occurred when attempting to update the " + resourceName
                        + " item: another item already has these identifying values."), null);
    }

    static ApiProblem keyChangeNotSupported(String resourceName) {
        return new ApiProblem(400, "urn:ed-fi:api:bad-request:data-validation-failed:key-change-not-supported",
                "Key Change Not Supported", "Identifying values for the " + resourceName
                + " data cannot be changed. Delete and recreate the item instead.", null, null);
    }

    static ApiProblem optimisticLock() {
        return new ApiProblem(412, "urn:ed-fi:api:optimistic-lock-failed", "Optimistic Lock Failed",
                "The item has been modified by another user.", List.of("The resource item's etag value does not match"
                + " what was specified in the 'If-Match' request header indicating that it has been modified by"
                + " another client since it was last retrieved."), null);
    }

    static ApiProblem unauthenticated() {
        return new ApiProblem(401, "urn:ed-fi:api:security:authentication", "Authentication Failed",
                "The caller could not be authenticated.", List.of("Invalid token"), null);
    }

    static ApiProblem unavailable() {
        return new ApiProblem(503, "urn:ed-fi:api:service-unavailable", "Service Unavailable",
                "The service is temporarily unavailable. Try again later.", null, null);
    }

    static ApiProblem tooManyRequests() {
        return new ApiProblem(429, "urn:ed-fi:api:too-many-requests", "Too Many Requests",
                "The request rate limit has been exceeded. Try again after the time in the Retry-After header.", null, null);
    }

    static ApiProblem tooLarge(long limit) {
        return new ApiProblem(413, "urn:ed-fi:api:bad-request:request-too-large", "Request Too Large",
                "The request body is larger than the limit of " + limit + " bytes.", null, null);
    }

    static ApiProblem requestTimeout(java.time.Duration limit) {
        return new ApiProblem(408, "urn:ed-fi:api:bad-request:request-timeout", "Request Timeout",
                "The request did not arrive within " + limit.toMillis() + " ms; the connection is closed.", null, null);
    }

    static ApiProblem headTooLarge(int limit) {
        return new ApiProblem(431, "urn:ed-fi:api:bad-request:request-header-too-large",
                "Request Header Fields Too Large",
                "The request line and headers are larger than the limit of " + limit + " bytes.", null, null);
    }

    /** A client's text for a message: at most 100 characters, control characters as {@code ?}. */
    static String printable(String text) {
        String t = text.length() > 100 ? text.substring(0, 100) + "..." : text;
        return t.replaceAll("\\p{Cntrl}", "?");
    }

    static ApiProblem internal(String detail) {
        return new ApiProblem(500, "urn:ed-fi:api:system-error", "System Error", detail, null, null);
    }

    /** The detail with the errors, for logs and seed warnings. */
    @Override
    public String getMessage() {
        return detail + (validationErrors != null ? " " + validationErrors : "") + (errors != null ? " " + errors : "");
    }

    /** The problem body; null members are omitted, as the API does. */
    JsonObject toJson(String correlationId) {
        JsonObject o = new JsonObject();
        o.addProperty("detail", detail);
        o.addProperty("type", type);
        o.addProperty("title", title);
        o.addProperty("status", status);
        o.addProperty("correlationId", correlationId);
        if (validationErrors != null) {
            JsonObject v = new JsonObject();
            for (ValidationError e : validationErrors) {
                JsonArray list = v.has(e.path()) ? v.getAsJsonArray(e.path()) : new JsonArray();
                list.add(e.message());
                v.add(e.path(), list);
            }
            o.add("validationErrors", v);
        }
        if (errors != null) {
            JsonArray a = new JsonArray();
            errors.forEach(a::add);
            o.add("errors", a);
        }
        return o;
    }
}
