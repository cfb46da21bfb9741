package io.github.edfisdk.client;

import java.util.List;
import java.util.Map;

/** 403 Forbidden: the client is authenticated but not allowed to do this (claim set, education organization). Never retried with a new token. */
public class AuthorizationException extends EdFiApiException {
    /** See {@link EdFiApiException#EdFiApiException(int, ProblemDetails, String, Map, Throwable)}. */
    public AuthorizationException(int status, ProblemDetails problem, String request, Map<String, List<String>> headers,
            Throwable cause) {
        super(status, problem, request, headers, cause);
    }
}
