package io.github.edfisdk.client;

import java.util.Objects;

/** An Ed-Fi API client key and secret. Neither is ever shown by {@link #toString()}. */
public final class ClientCredentials {
    private final String key;
    private final String secret;

    /**
     * @param key    the client key (client_id)
     * @param secret the client secret
     */
    public ClientCredentials(String key, String secret) {
        this.key = Objects.requireNonNull(key, "key");
        this.secret = Objects.requireNonNull(secret, "secret");
        if (key.isBlank() || secret.isBlank()) {
            throw new IllegalArgumentException("The client key and secret must not be blank");
        }
    }

    String key() { return key; }

    String secret() { return secret; }

    @Override
    public String toString() {
        return "ClientCredentials[key=****, secret=****]";
    }
}
