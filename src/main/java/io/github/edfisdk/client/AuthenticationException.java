package io.github.edfisdk.client;

import java.util.List;
import java.util.Map;

/** 401 Unauthorized: the key/secret was rejected by the token endpoint, or a token was rejected twice in a row. */
public class AuthenticationException extends EdFiApiException {
    /** See {@link EdFiApiException#EdFiApiException(int, ProblemDetails, String, Map, Throwable)}. */
    public AuthenticationException(int status, ProblemDetails problem, String request, Map<String, List<String>> headers,
            Throwable cause) {
        super(status, problem, request, headers, cause);
    }
}
