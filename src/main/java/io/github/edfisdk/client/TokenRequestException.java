package io.github.edfisdk.client;

import java.io.IOException;

/**
 * The OAuth token endpoint refused to issue a token. An {@link IOException} because it happens inside an OkHttp
 * interceptor; the client turns it into an {@link AuthenticationException} (401) or the matching
 * {@link EdFiApiException}. The message holds the status and the OAuth error code, never the credentials.
 */
public final class TokenRequestException extends IOException {
    private final int status;
    private final String body;
    private final String tokenUrl;

    TokenRequestException(String tokenUrl, int status, String body) {
        super("Token request to " + tokenUrl + " failed: " + status + " " + ProblemDetails.parse(body).summary());
        this.status = status;
        this.body = body;
        this.tokenUrl = tokenUrl;
    }

    /** The token endpoint's status, e.g. 401 for an unknown key or wrong secret. */
    public int status() { return status; }

    /** The token endpoint's error body, e.g. {@code {"error":"invalid_client"}}. */
    public String body() { return body; }

    /** The token URL. */
    public String tokenUrl() { return tokenUrl; }
}
