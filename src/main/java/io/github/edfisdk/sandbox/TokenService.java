package io.github.edfisdk.sandbox;

import java.security.MessageDigest;
import java.security.SecureRandom;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.util.HexFormat;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/** Issues and checks the bearer tokens of the client-credentials grant. Tokens live in memory only. */
final class TokenService {
    private final SecureRandom random = new SecureRandom();
    private final Map<String, Long> expiryMillisByToken = new ConcurrentHashMap<>();
    private final byte[] key;
    private final byte[] secret;
    private final Duration lifetime;
    private final Clock clock;

    TokenService(String key, String secret, Duration lifetime, Clock clock) {
        this.key = key.getBytes(StandardCharsets.UTF_8);
        this.secret = secret.getBytes(StandardCharsets.UTF_8);
        this.lifetime = lifetime;
        this.clock = clock;
    }

    /** Constant-time comparison, so the answer time does not reveal how much of a secret matched. */
    boolean matches(String givenKey, String givenSecret) {
        return MessageDigest.isEqual(key, givenKey.getBytes(StandardCharsets.UTF_8))
                & MessageDigest.isEqual(secret, givenSecret.getBytes(StandardCharsets.UTF_8));
    }

    String issue() {
        byte[] b = new byte[16];
        random.nextBytes(b);
        String token = HexFormat.of().formatHex(b);
        expiryMillisByToken.put(token, clock.millis() + lifetime.toMillis());
        if (expiryMillisByToken.size() > 10_000) {
            long now = clock.millis();
            expiryMillisByToken.values().removeIf(exp -> exp <= now);
        }
        return token;
    }

    long lifetimeSeconds() {
        return lifetime.toSeconds();
    }

    boolean isValid(String token) {
        Long exp = expiryMillisByToken.get(token);
        if (exp == null) {
            return false;
        }
        if (exp <= clock.millis()) {
            expiryMillisByToken.remove(token);
            return false;
        }
        return true;
    }

    /** Makes one token invalid, as if it had expired (an injected early expiry). */
    void revoke(String token) {
        expiryMillisByToken.remove(token);
    }

    /** The tokens issued and not yet expired (for tests that check no output contains one). */
    java.util.Set<String> issuedTokens() {
        return java.util.Set.copyOf(expiryMillisByToken.keySet());
    }

    /** Makes every issued token invalid (tests of a client's refresh-on-401). */
    void revokeAll() {
        expiryMillisByToken.clear();
    }
}
