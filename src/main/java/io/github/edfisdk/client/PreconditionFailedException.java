package io.github.edfisdk.client;

import java.util.List;
import java.util.Map;

/** 412 Precondition Failed: the If-Match ETag no longer matches (optimistic lock). */
public class PreconditionFailedException extends EdFiApiException {
    /** See {@link EdFiApiException#EdFiApiException(int, ProblemDetails, String, Map, Throwable)}. */
    public PreconditionFailedException(int status, ProblemDetails problem, String request, Map<String, List<String>> headers,
            Throwable cause) {
        super(status, problem, request, headers, cause);
    }
}
