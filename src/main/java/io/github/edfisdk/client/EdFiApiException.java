package io.github.edfisdk.client;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;

/**
 * The server answered with an error status. Subclasses name the common cases so callers can catch what they
 * handle ({@link ValidationException} 400, {@link AuthenticationException} 401, {@link AuthorizationException} 403,
 * {@link NotFoundException} 404, {@link ConflictException} 409, {@link PreconditionFailedException} 412,
 * {@link RateLimitException} 429, {@link ServerException} 5xx); other statuses are plain {@code EdFiApiException}.
 */
public class EdFiApiException extends EdFiException {
    private final int status;
    private final ProblemDetails problem;
    private final String request;
    private final Map<String, List<String>> headers;

    /**
     * @param status  the HTTP status
     * @param problem the parsed body
     * @param request "METHOD url" of the failed request, or null when unknown
     * @param headers the response headers (case-insensitive names); may be null
     */
    public EdFiApiException(int status, ProblemDetails problem, String request, Map<String, List<String>> headers,
                            Throwable cause) {
        super(message(status, problem, request), cause);
        this.status = status;
        this.problem = problem;
        this.request = request;
        Map<String, List<String>> copy = new TreeMap<>(String.CASE_INSENSITIVE_ORDER);
        if (headers != null) {
            headers.forEach((k, v) -> {
                if (k != null) {
                    copy.put(k, List.copyOf(v));
                }
            });
        }
        this.headers = copy;
    }

    /**
     * Builds the exception type that matches {@code status}.
     *
     * @param status  the HTTP status (400 or more)
     * @param body    the response body (problem details or anything else)
     * @param request "METHOD url", or null
     * @param headers response headers, or null
     * @param cause   the original exception, or null
     */
    public static EdFiApiException of(int status, String body, String request, Map<String, List<String>> headers,
                                      Throwable cause) {
        ProblemDetails p = ProblemDetails.parse(body);
        switch (status) {
            case 400: return new ValidationException(status, p, request, headers, cause);
            case 401: return new AuthenticationException(status, p, request, headers, cause);
            case 403: return new AuthorizationException(status, p, request, headers, cause);
            case 404: return new NotFoundException(status, p, request, headers, cause);
            case 409: return new ConflictException(status, p, request, headers, cause);
            case 412: return new PreconditionFailedException(status, p, request, headers, cause);
            case 429: return new RateLimitException(status, p, request, headers, cause);
            default:
                return status >= 500
                        ? new ServerException(status, p, request, headers, cause)
                        : new EdFiApiException(status, p, request, headers, cause);
        }
    }

    private static String message(int status, ProblemDetails problem, String request) {
        String summary = problem == null ? "" : problem.summary();
        return (request == null ? "" : request + ": ") + status + (summary.isEmpty() ? "" : " " + summary);
    }

    /** The HTTP status, e.g. 400. */
    public int status() { return status; }

    /** The parsed error body; never null. */
    public ProblemDetails problem() { return problem; }

    /** "METHOD url" of the request that failed, when known. */
    public Optional<String> request() { return Optional.ofNullable(request); }

    /** First value of a response header (case-insensitive name). */
    public Optional<String> header(String name) {
        List<String> values = headers.get(name);
        return values == null || values.isEmpty() ? Optional.empty() : Optional.of(values.get(0));
    }

    /** The server's {@code Retry-After}, when it sent one (seconds or an HTTP date). */
    public Optional<Duration> retryAfter() {
        return header("Retry-After").flatMap(value -> RetryAfter.parse(value, java.time.Clock.systemUTC()));
    }
}
