package io.github.edfisdk.client;

import java.util.List;
import java.util.Map;

/** 404 Not Found: no item with that id. */
public class NotFoundException extends EdFiApiException {
    /** See {@link EdFiApiException#EdFiApiException(int, ProblemDetails, String, Map, Throwable)}. */
    public NotFoundException(int status, ProblemDetails problem, String request, Map<String, List<String>> headers,
            Throwable cause) {
        super(status, problem, request, headers, cause);
    }
}
