package io.github.edfisdk.client;

import java.util.List;
import java.util.Map;

/** 400 Bad Request: the document failed validation (see problem().validationErrors()), a parameter was invalid, or a key change is not supported. */
public class ValidationException extends EdFiApiException {
    /** See {@link EdFiApiException#EdFiApiException(int, ProblemDetails, String, Map, Throwable)}. */
    public ValidationException(int status, ProblemDetails problem, String request, Map<String, List<String>> headers,
            Throwable cause) {
        super(status, problem, request, headers, cause);
    }
}
