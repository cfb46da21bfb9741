package io.github.edfisdk.client;

import java.util.List;
import java.util.Map;

/** 429 Too Many Requests, still answered after the retries the policy allows (see retryAfter()). */
public class RateLimitException extends EdFiApiException {
    /** See {@link EdFiApiException#EdFiApiException(int, ProblemDetails, String, Map, Throwable)}. */
    public RateLimitException(int status, ProblemDetails problem, String request, Map<String, List<String>> headers,
            Throwable cause) {
        super(status, problem, request, headers, cause);
    }
}
