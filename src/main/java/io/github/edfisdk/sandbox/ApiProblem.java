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
    /** ODS/API 6.1's own text for this case, when it differs from the errors and detail; null otherwise. */
    private final String legacyMessage;
    /** The resource whose document failed validation (6.1 names it: "Validation of 'Student' failed."). */
    private final String resourceName;

    ApiProblem(int status, String type, String title, String detail, List<String> errors,
               List<ValidationError> validationErrors) {
        this(status, type, title, detail, errors, validationErrors, null, null);
    }

    private ApiProblem(int status, String type, String title, String detail, List<String> errors,
                       List<ValidationError> validationErrors, String legacyMessage, String resourceName) {
        super(detail, null, false, false);
        this.status = status;
        this.type = type;
        this.title = title;
        this.detail = detail;
        this.errors = errors;
        this.validationErrors = validationErrors;
        this.legacyMessage = legacyMessage;
        this.resourceName = resourceName;
    }

    /** The same problem with ODS/API 6.1's message for it. */
    ApiProblem legacy(String message) {
        return new ApiProblem(status, type, title, detail, errors, validationErrors, message, resourceName);
    }

    /** The same problem, about a document of this resource. */
    ApiProblem about(String resource) {
        return new ApiProblem(status, type, title, detail, errors, validationErrors, legacyMessage, resource);
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

    /** 405 with the ODS/API 7.x wording of DataManagementControllerBase (Ed-Fi-ODS), by method and URL form. */
    static ApiProblem methodNotAllowed(String method, boolean itemUrl) {
        String error;
        if (method.equals("POST") && itemUrl) {
            error = "Resource items can only be updated using PUT. To \"upsert\" an item in the resource collection using"
                    + " POST, remove the \"id\" from the route.";
        } else if (method.equals("PUT") && !itemUrl) {
            error = "Resource collections cannot be replaced. To \"upsert\" an item in the collection, use POST. To update"
                    + " a specific item, use PUT and include the \"id\" in the route.";
        } else if (method.equals("DELETE") && !itemUrl) {
            error = "Resource collections cannot be deleted. To delete a specific item, use DELETE and include the \"id\""
                    + " in the route.";
        } else {
            error = "The endpoint of the request does not support the '" + method + "' method.";
        }
        return new ApiProblem(405, "urn:ed-fi:api:method-not-allowed", "Method Not Allowed",
                "The request construction was invalid.", List.of(error), null);
    }

    /** An {@code id} in a POST body (ODS/API 7.x DataManagementControllerBase.Post). */
    static ApiProblem clientAssignedId() {
        return new ApiProblem(400, "urn:ed-fi:api:bad-request:data-validation-failed", "Data Validation Failed",
                "The request data was constructed incorrectly.", List.of("Resource identifiers cannot be assigned by the"
                + " client. The 'id' property should not be included in the request body."), null)
                .legacy("Resource identifiers cannot be assigned by the client.");
    }

    static ApiProblem unresolvedReference(String resourceName) {
        return new ApiProblem(409, "urn:ed-fi:api:data-conflict:unresolved-reference", "Unresolved Reference",
                "The referenced '" + resourceName + "' item does not exist.", null, null)
                .legacy("The value supplied for the related '" + resourceName.toLowerCase(java.util.Locale.ROOT)
                        + "' resource does not exist.");
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
                + " another client since it was last retrieved."), null)
                .legacy("Resource was modified by another consumer.");
    }

    static ApiProblem unauthenticated() {
        return unauthenticated("Invalid token");
    }

    /** 401 with the reason ODS/API 7.x gives (Ed-Fi's error knowledge base, AuthenticationFailureMessages). */
    static ApiProblem unauthenticated(String reason) {
        return new ApiProblem(401, "urn:ed-fi:api:security:authentication", "Authentication Failed",
                "The caller could not be authenticated.", List.of(reason), null);
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

    /**
     * The body ODS/API 6.1 answers instead (problem details came with 7.2): {@code {"message": "..."}}, as its
     * DataManagementControllerBase builds with ErrorTranslator.GetErrorMessage. Validation failures read
     * "Validation of 'Student' failed.\n\tLastSurname is required.\n".
     */
    JsonObject toLegacyJson() {
        JsonObject o = new JsonObject();
        o.addProperty("message", legacyMessage());
        return o;
    }

    String legacyMessage() {
        if (legacyMessage != null) {
            return legacyMessage;
        }
        if (validationErrors != null && !validationErrors.isEmpty()) {
            StringBuilder sb = new StringBuilder("Validation of '").append(resourceName == null ? "resource" : resourceName)
                    .append("' failed.\n");
            validationErrors.forEach(e -> sb.append('\t').append(e.message()).append('\n'));
            return sb.toString();
        }
        if (errors != null && !errors.isEmpty()) {
            return String.join(" ", errors);
        }
        return detail;
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
