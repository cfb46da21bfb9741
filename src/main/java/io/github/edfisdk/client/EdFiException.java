package io.github.edfisdk.client;

/**
 * Base of every exception the SDK's runtime throws: an {@link EdFiApiException} when the server answered with an
 * error status, an {@link EdFiConnectionException} when no answer arrived. Unchecked, so that paging streams and
 * lambdas can use the client directly.
 */
public class EdFiException extends RuntimeException {
    /** @param message what failed; never contains a key, secret or token */
    public EdFiException(String message, Throwable cause) {
        super(message, cause);
    }

    /**
     * Converts what a generated API ({@code io.github.edfisdk.ds4|ds5...api}) or a page function threw into the
     * SDK's typed exceptions: a generated {@code ApiException} with an HTTP status becomes the matching
     * {@link EdFiApiException} subclass (with {@link ProblemDetails}); one without a status (I/O failure) becomes an
     * {@link EdFiConnectionException}. SDK exceptions are returned unchanged.
     *
     * @param e the exception caught around a generated API call
     * @return the typed exception to throw
     */
    public static EdFiException from(Exception e) {
        return GeneratedApiErrors.convert(e, null);
    }

    /**
     * Like {@link #from(Exception)}, naming the request in the message ({@code "POST http://…/ed-fi/students: 400 …"});
     * the generated {@code SdkApiClient} calls this for every failed call.
     *
     * @param request "METHOD url" of the failed request, or null
     */
    public static EdFiException from(Exception e, String request) {
        return GeneratedApiErrors.convert(e, request);
    }
}
