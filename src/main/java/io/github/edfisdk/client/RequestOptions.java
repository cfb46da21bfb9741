package io.github.edfisdk.client;

import java.util.Optional;

/**
 * Options of one request (stripe style): a correlation id the server echoes in its logs and problem bodies, an
 * {@code If-Match} ETag for optimistic locking, and a retry override. Immutable; {@link #none()} is the default.
 * Give them to one {@link DocumentClient} call, or to {@link EdFiClient#withOptions} for a view whose every request
 * (the typed generated APIs included) carries them.
 */
public final class RequestOptions {
    private static final RequestOptions NONE = builder().build();

    private final String correlationId;
    private final String ifMatch;
    private final Boolean retry;

    private RequestOptions(Builder b) {
        this.correlationId = b.correlationId;
        this.ifMatch = b.ifMatch;
        this.retry = b.retry;
    }

    /** No options. */
    public static RequestOptions none() { return NONE; }

    /** A new builder. */
    public static Builder builder() { return new Builder(); }

    /** Sent as the {@code correlation-id} header. */
    public Optional<String> correlationId() { return Optional.ofNullable(correlationId); }

    /** Sent as {@code If-Match} (quoted as an HTTP entity tag). */
    public Optional<String> ifMatch() { return Optional.ofNullable(ifMatch); }

    /** {@code null}: the client's {@link RetryPolicy}; {@code false}: one attempt only; {@code true}: the policy. */
    public Boolean retry() { return retry; }

    /** These options, each one not set here taken from {@code defaults}. */
    public RequestOptions orElse(RequestOptions defaults) {
        Builder b = builder();
        b.correlationId = correlationId != null ? correlationId : defaults.correlationId;
        b.ifMatch = ifMatch != null ? ifMatch : defaults.ifMatch;
        b.retry = retry != null ? retry : defaults.retry;
        return b.build();
    }

    /** The {@code If-Match} value: an ETag as the header gives it ({@code "abc"}) or as {@code _etag} has it ({@code abc}). */
    static String quoteEtag(String etag) {
        String e = etag.trim();
        return e.startsWith("\"") || e.startsWith("W/\"") ? e : "\"" + e + "\"";
    }

    @Override
    public String toString() {
        return "RequestOptions[correlationId=" + correlationId + ", ifMatch=" + ifMatch + ", retry=" + retry + "]";
    }

    /** Builds {@link RequestOptions}. */
    public static final class Builder {
        private String correlationId;
        private String ifMatch;
        private Boolean retry;

        private Builder() {
        }

        /** The {@code correlation-id} header value. */
        public Builder correlationId(String correlationId) {
            this.correlationId = correlationId;
            return this;
        }

        /** Only write when the item still has this ETag (412 {@link PreconditionFailedException} otherwise). */
        public Builder ifMatch(String etag) {
            this.ifMatch = etag;
            return this;
        }

        /** {@code false} sends the request once even when the client's policy retries. */
        public Builder retry(boolean retry) {
            this.retry = retry;
            return this;
        }

        /** The immutable options. */
        public RequestOptions build() {
            return new RequestOptions(this);
        }
    }
}
