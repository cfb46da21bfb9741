package io.github.edfisdk.client;

/** A response body was larger than {@code EdFiClient.Builder.maxResponseBytes} (declared or as read). */
public class ResponseTooLargeException extends EdFiException {
    /** @param message the request, the limit and how to raise it */
    public ResponseTooLargeException(String message) {
        super(message, null);
    }
}
