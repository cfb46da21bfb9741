package io.github.edfisdk.client;

import com.google.gson.JsonElement;
import com.google.gson.JsonObject;
import com.google.gson.JsonParser;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.concurrent.locks.ReentrantLock;
import java.util.function.Supplier;
import okhttp3.Credentials;
import okhttp3.FormBody;
import okhttp3.HttpUrl;
import okhttp3.OkHttpClient;
import okhttp3.Request;
import okhttp3.Response;
import okhttp3.ResponseBody;

/**
 * Gets OAuth2 client-credentials tokens (HTTP Basic key:secret, form {@code grant_type=client_credentials}) and
 * caches one. A token is renewed {@code refreshMargin} before it expires (at most half its lifetime early), and only
 * one thread at a time asks the token endpoint: the ODS caps active tokens per client (15 in ODS/API 7.3) and answers
 * 429 past the cap, so a burst of threads must share one token.
 */
public final class OAuthTokenProvider {
    private static final long DEFAULT_LIFETIME_SECONDS = 1800;

    private final OkHttpClient http;
    private final Supplier<HttpUrl> tokenUrl;
    private final ClientCredentials credentials;
    private final Duration refreshMargin;
    private final Clock clock;
    private final ReentrantLock refreshLock = new ReentrantLock();
    private volatile CachedToken current;

    /**
     * @param http          the client for the token endpoint (retries, logging; no bearer authentication)
     * @param tokenUrl      e.g. {@code http://host/oauth/token}
     * @param credentials   key and secret
     * @param refreshMargin how long before expiry a token is renewed
     * @param clock         time source (a fixed or offset clock in tests)
     */
    public OAuthTokenProvider(OkHttpClient http, HttpUrl tokenUrl, ClientCredentials credentials,
                              Duration refreshMargin, Clock clock) {
        this(http, () -> tokenUrl, credentials, refreshMargin, clock);
    }

    /** With a token URL found lazily (discovery of the root document). */
    OAuthTokenProvider(OkHttpClient http, Supplier<HttpUrl> tokenUrl, ClientCredentials credentials,
                       Duration refreshMargin, Clock clock) {
        this.http = http;
        this.tokenUrl = tokenUrl;
        this.credentials = credentials;
        this.refreshMargin = refreshMargin;
        this.clock = clock;
    }

    /**
     * A token valid for at least the refresh margin; fetched when there is none yet or it is about to expire.
     *
     * @throws TokenRequestException the token endpoint refused (bad key or secret: 401)
     * @throws IOException           the token endpoint could not be reached
     */
    public String token() throws IOException {
        CachedToken t = current;
        if (t != null && t.isFresh(clock.instant())) {
            return t.value;
        }
        refreshLock.lock();
        try {
            t = current;
            if (t != null && t.isFresh(clock.instant())) {
                return t.value; // another thread refreshed while this one waited
            }
            current = fetch();
            return current.value;
        } finally {
            refreshLock.unlock();
        }
    }

    /**
     * A new token after the server rejected {@code rejected} (401). When another thread already replaced it, that
     * newer token is returned without asking the token endpoint again.
     */
    public String refreshAfterRejection(String rejected) throws IOException {
        refreshLock.lock();
        try {
            CachedToken t = current;
            if (t != null && !t.value.equals(rejected) && t.isFresh(clock.instant())) {
                return t.value;
            }
            current = fetch();
            return current.value;
        } finally {
            refreshLock.unlock();
        }
    }

    private CachedToken fetch() throws IOException {
        HttpUrl tokenUrl = this.tokenUrl.get(); // may discover the root; its EdFiException propagates as is
        Request request = new Request.Builder()
                .url(tokenUrl)
                .header("Authorization", Credentials.basic(credentials.key(), credentials.secret(), StandardCharsets.UTF_8))
                .post(new FormBody.Builder().add("grant_type", "client_credentials").build())
                .build();
        Instant requestedAt = clock.instant();
        try (Response response = http.newCall(request).execute()) {
            ResponseBody body = response.body();
            String text = body == null ? "" : body.string();
            if (!response.isSuccessful()) {
                throw new TokenRequestException(tokenUrl.toString(), response.code(), text);
            }
            JsonObject json;
            try {
                JsonElement parsed = JsonParser.parseString(text);
                json = parsed.isJsonObject() ? parsed.getAsJsonObject() : null;
            } catch (RuntimeException e) {
                json = null;
            }
            if (json == null || !json.has("access_token") || json.get("access_token").isJsonNull()) {
                // Never echo the body: it may hold a token.
                throw new TokenRequestException(tokenUrl.toString(), response.code(),
                        "{\"error\":\"invalid_response\",\"error_description\":\"no access_token in the token response\"}");
            }
            long lifetime = json.has("expires_in") && json.get("expires_in").isJsonPrimitive()
                    ? json.get("expires_in").getAsLong() : DEFAULT_LIFETIME_SECONDS;
            Duration life = Duration.ofSeconds(Math.max(lifetime, 0));
            Duration margin = refreshMargin.compareTo(life.dividedBy(2)) > 0 ? life.dividedBy(2) : refreshMargin;
            return new CachedToken(json.get("access_token").getAsString(), requestedAt.plus(life).minus(margin));
        }
    }

    @Override
    public String toString() {
        return "OAuthTokenProvider[credentials=" + credentials + "]";
    }

    private static final class CachedToken {
        final String value;
        final Instant renewAt;

        CachedToken(String value, Instant renewAt) {
            this.value = value;
            this.renewAt = renewAt;
        }

        boolean isFresh(Instant now) {
            return now.isBefore(renewAt);
        }

        @Override
        public String toString() {
            return "CachedToken[****]";
        }
    }
}
