package io.github.edfisdk.client;

/** No usable answer arrived (connection refused or reset, timeout, DNS), after the retries the policy allows. */
public class EdFiConnectionException extends EdFiException {
    /** @param message what was attempted and how often; never contains secrets */
    public EdFiConnectionException(String message, Throwable cause) {
        super(message, cause);
    }
}
