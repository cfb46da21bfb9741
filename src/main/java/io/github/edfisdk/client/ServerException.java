package io.github.edfisdk.client;

import java.util.List;
import java.util.Map;

/** 5xx: the server failed, still failing after the retries the policy allows. */
public class ServerException extends EdFiApiException {
    /** See {@link EdFiApiException#EdFiApiException(int, ProblemDetails, String, Map, Throwable)}. */
    public ServerException(int status, ProblemDetails problem, String request, Map<String, List<String>> headers,
            Throwable cause) {
        super(status, problem, request, headers, cause);
    }
}
