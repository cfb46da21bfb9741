package io.github.edfisdk.client;

import java.util.List;
import java.util.Map;

/**
 * What every generated {@code ApiException} (one class per invoker package, {@code io.github.edfisdk.ds4|ds5.*.invoker})
 * reports, so the runtime reads any of them without naming the four classes. Implemented through
 * {@code generator-templates/apiException.mustache}.
 */
public interface GeneratedApiError {
    /** @return the HTTP status, or 0 when no response arrived */
    int getCode();

    /** @return the response headers, or null */
    Map<String, List<String>> getResponseHeaders();

    /** @return the response body, or null */
    String getResponseBody();
}
