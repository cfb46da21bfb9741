package io.github.edfisdk.client;

import java.util.List;
import java.util.Map;

/** 409 Conflict: unresolved reference, dependent item exists, or non-unique identity. */
public class ConflictException extends EdFiApiException {
    /** See {@link EdFiApiException#EdFiApiException(int, ProblemDetails, String, Map, Throwable)}. */
    public ConflictException(int status, ProblemDetails problem, String request, Map<String, List<String>> headers,
            Throwable cause) {
        super(status, problem, request, headers, cause);
    }
}
