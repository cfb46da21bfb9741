package io.github.edfisdk.client;

/** A call (all attempts and the whole response) took longer than {@code EdFiClient.Builder.callTimeout}. */
public class CallTimeoutException extends EdFiConnectionException {
    /** @param message the request, the limit and how to change it */
    public CallTimeoutException(String message, Throwable cause) {
        super(message, cause);
    }
}
