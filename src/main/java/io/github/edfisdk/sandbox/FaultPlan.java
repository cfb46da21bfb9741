package io.github.edfisdk.sandbox;

import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.SplittableRandom;

/**
 * Faults the sandbox injects into its answers, to prove that clients and loads survive them. Off by default
 * ({@link #none()}). Each share is the probability that one request gets that fault:
 *
 * <ul>
 *   <li>{@code 500}, {@code 503}: a problem body with that status, nothing stored ({@code 5xx} splits a share evenly);</li>
 *   <li>{@code 429}: {@code Retry-After: N} ({@link #retryAfter()}, default 1 s), nothing stored;</li>
 *   <li>{@code slow}: the answer is held back for {@link #delay()} (default 2 s) and then given normally;</li>
 *   <li>{@code drop-before}: the request body is read, then the connection is closed without an answer; nothing stored;</li>
 *   <li>{@code drop-after}: the request is carried out (a POST is stored) and then the connection is closed without
 *       an answer, as when a server commits and dies, or a proxy times out ({@code drop} splits a share evenly);</li>
 *   <li>{@code expire}: the caller's token is revoked, as if it had expired early, and the request answered 401.</li>
 * </ul>
 *
 * <p>Faults apply to {@code /data/v3} requests only, unless {@link Builder#tokenEndpoint(boolean)} or
 * {@link Builder#metadata(boolean)} widen them. The draw is seeded and depends only on the request (method, path,
 * body) and how many times that same request has arrived, not on the order in which concurrent requests arrive: the
 * same seed and the same input give the same faults on every run.
 *
 * <p>Text form (the CLI's {@code --faults}): {@code 5xx=0.10,429=0.05,drop=0.02,seed=42}; keys {@code 500},
 * {@code 503}, {@code 5xx}, {@code 429}, {@code retry-after} (seconds), {@code slow}, {@code delay} (ms),
 * {@code drop}, {@code drop-before}, {@code drop-after}, {@code expire}, {@code seed}, {@code token} and
 * {@code metadata} ({@code true}/{@code false}).
 */
public final class FaultPlan {
    /** What happens to one request. */
    public enum Fault {
        NONE, ERROR_500, ERROR_503, RATE_LIMIT_429, SLOW, DROP_BEFORE_COMMIT, DROP_AFTER_COMMIT, TOKEN_EXPIRED
    }

    private static final FaultPlan NONE = builder().build();

    private final double error500;
    private final double error503;
    private final double rateLimit;
    private final double slow;
    private final double dropBefore;
    private final double dropAfter;
    private final double expire;
    private final long seed;
    private final Duration retryAfter;
    private final Duration delay;
    private final boolean tokenEndpoint;
    private final boolean metadata;

    private FaultPlan(Builder b) {
        this.error500 = b.error500;
        this.error503 = b.error503;
        this.rateLimit = b.rateLimit;
        this.slow = b.slow;
        this.dropBefore = b.dropBefore;
        this.dropAfter = b.dropAfter;
        this.expire = b.expire;
        this.seed = b.seed;
        this.retryAfter = b.retryAfter;
        this.delay = b.delay;
        this.tokenEndpoint = b.tokenEndpoint;
        this.metadata = b.metadata;
        double sum = error500 + error503 + rateLimit + slow + dropBefore + dropAfter + expire;
        if (sum > 1.0 + 1e-9) {
            throw new IllegalArgumentException("the fault shares add up to " + sum + ", more than 1");
        }
    }

    /** No faults (the default of every sandbox). */
    public static FaultPlan none() {
        return NONE;
    }

    public static Builder builder() {
        return new Builder();
    }

    /**
     * Reads the text form, e.g. {@code 5xx=0.10,429=0.05,drop=0.02,seed=42}.
     *
     * @throws IllegalArgumentException an unknown key or a value out of range, naming it
     */
    public static FaultPlan parse(String spec) {
        Builder b = builder();
        if (spec == null || spec.isBlank() || spec.trim().equalsIgnoreCase("none")) {
            return b.build();
        }
        for (String part : spec.split(",")) {
            String p = part.trim();
            if (p.isEmpty()) {
                continue;
            }
            int eq = p.indexOf('=');
            if (eq <= 0) {
                throw new IllegalArgumentException("fault '" + p + "' is not key=value (e.g. 5xx=0.10,429=0.05,drop=0.02,seed=42)");
            }
            String key = p.substring(0, eq).trim().toLowerCase(Locale.ROOT);
            String value = p.substring(eq + 1).trim();
            try {
                switch (key) {
                    case "500" -> b.error500(share(key, value));
                    case "503" -> b.error503(share(key, value));
                    case "5xx" -> {
                        double s = share(key, value);
                        b.error500(s / 2).error503(s / 2);
                    }
                    case "429" -> b.rateLimit(share(key, value));
                    case "slow" -> b.slow(share(key, value));
                    case "drop" -> {
                        double s = share(key, value);
                        b.dropBeforeCommit(s / 2).dropAfterCommit(s / 2);
                    }
                    case "drop-before" -> b.dropBeforeCommit(share(key, value));
                    case "drop-after" -> b.dropAfterCommit(share(key, value));
                    case "expire" -> b.tokenExpiry(share(key, value));
                    case "seed" -> b.seed(Long.parseLong(value));
                    case "retry-after" -> b.retryAfter(Duration.ofSeconds(Long.parseLong(value)));
                    case "delay" -> b.delay(Duration.ofMillis(Long.parseLong(value)));
                    case "token" -> b.tokenEndpoint(bool(key, value));
                    case "metadata" -> b.metadata(bool(key, value));
                    default -> throw new IllegalArgumentException("unknown fault '" + key + "'; known: 500, 503, 5xx, "
                            + "429, retry-after, slow, delay, drop, drop-before, drop-after, expire, seed, token, metadata");
                }
            } catch (NumberFormatException e) {
                throw new IllegalArgumentException("fault " + key + ": '" + value + "' is not a number");
            }
        }
        return b.build();
    }

    private static double share(String key, String value) {
        double d = Double.parseDouble(value);
        if (!(d >= 0 && d <= 1)) {
            throw new IllegalArgumentException("fault " + key + ": the share must be 0 to 1, was " + value);
        }
        return d;
    }

    private static boolean bool(String key, String value) {
        if (!value.equalsIgnoreCase("true") && !value.equalsIgnoreCase("false")) {
            throw new IllegalArgumentException("fault " + key + ": true or false, was '" + value + "'");
        }
        return Boolean.parseBoolean(value);
    }

    /** Whether any fault can happen. */
    public boolean active() {
        return error500 + error503 + rateLimit + slow + dropBefore + dropAfter + expire > 0;
    }

    /** Whether requests to this path may get faults ({@code /data/v3} always; token and metadata when asked). */
    boolean appliesTo(String path) {
        if (path.startsWith("/data/v3/")) {
            return true;
        }
        if (path.equals("/oauth/token") || path.equals("/oauth/token/")) {
            return tokenEndpoint;
        }
        return metadata;
    }

    /**
     * The fault of one request.
     *
     * @param requestHash a hash of the request (method, path, body)
     * @param occurrence  how many times the same request arrived before (0 the first time)
     */
    Fault draw(long requestHash, int occurrence) {
        double x = new SplittableRandom(seed * 0x9E3779B97F4A7C15L + requestHash * 31 + occurrence).nextDouble();
        double[] shares = {error500, error503, rateLimit, slow, dropBefore, dropAfter, expire};
        Fault[] faults = {Fault.ERROR_500, Fault.ERROR_503, Fault.RATE_LIMIT_429, Fault.SLOW, Fault.DROP_BEFORE_COMMIT,
                Fault.DROP_AFTER_COMMIT, Fault.TOKEN_EXPIRED};
        double edge = 0;
        for (int i = 0; i < shares.length; i++) {
            edge += shares[i];
            if (x < edge) {
                return faults[i];
            }
        }
        return Fault.NONE;
    }

    public Duration retryAfter() {
        return retryAfter;
    }

    public Duration delay() {
        return delay;
    }

    public long seed() {
        return seed;
    }

    /** The text form ({@link #parse} reads it back). */
    @Override
    public String toString() {
        Map<String, Object> m = new LinkedHashMap<>();
        put(m, "500", error500);
        put(m, "503", error503);
        put(m, "429", rateLimit);
        put(m, "slow", slow);
        put(m, "drop-before", dropBefore);
        put(m, "drop-after", dropAfter);
        put(m, "expire", expire);
        if (m.isEmpty()) {
            return "none";
        }
        m.put("seed", seed);
        if (rateLimit > 0) {
            m.put("retry-after", retryAfter.toSeconds());
        }
        if (slow > 0) {
            m.put("delay", delay.toMillis());
        }
        if (tokenEndpoint) {
            m.put("token", true);
        }
        if (metadata) {
            m.put("metadata", true);
        }
        StringBuilder b = new StringBuilder();
        m.forEach((k, v) -> b.append(b.length() == 0 ? "" : ",").append(k).append('=').append(v));
        return b.toString();
    }

    private static void put(Map<String, Object> m, String key, double share) {
        if (share > 0) {
            m.put(key, share);
        }
    }

    /** Builds a {@link FaultPlan}; every share starts at 0. */
    public static final class Builder {
        private double error500;
        private double error503;
        private double rateLimit;
        private double slow;
        private double dropBefore;
        private double dropAfter;
        private double expire;
        private long seed = 1;
        private Duration retryAfter = Duration.ofSeconds(1);
        private Duration delay = Duration.ofSeconds(2);
        private boolean tokenEndpoint;
        private boolean metadata;

        private Builder() {
        }

        public Builder error500(double share) {
            this.error500 = check(share);
            return this;
        }

        public Builder error503(double share) {
            this.error503 = check(share);
            return this;
        }

        public Builder rateLimit(double share) {
            this.rateLimit = check(share);
            return this;
        }

        public Builder slow(double share) {
            this.slow = check(share);
            return this;
        }

        public Builder dropBeforeCommit(double share) {
            this.dropBefore = check(share);
            return this;
        }

        public Builder dropAfterCommit(double share) {
            this.dropAfter = check(share);
            return this;
        }

        public Builder tokenExpiry(double share) {
            this.expire = check(share);
            return this;
        }

        public Builder seed(long seed) {
            this.seed = seed;
            return this;
        }

        /** The {@code Retry-After} of a 429, whole seconds (default 1). */
        public Builder retryAfter(Duration retryAfter) {
            if (retryAfter.isNegative()) {
                throw new IllegalArgumentException("retry-after must not be negative");
            }
            this.retryAfter = retryAfter;
            return this;
        }

        /** How long a slow answer is held back (default 2 s). */
        public Builder delay(Duration delay) {
            if (delay.isNegative()) {
                throw new IllegalArgumentException("delay must not be negative");
            }
            this.delay = Objects.requireNonNull(delay);
            return this;
        }

        /** Whether {@code /oauth/token} gets faults too (default false). */
        public Builder tokenEndpoint(boolean on) {
            this.tokenEndpoint = on;
            return this;
        }

        /** Whether discovery and metadata documents get faults too (default false). */
        public Builder metadata(boolean on) {
            this.metadata = on;
            return this;
        }

        public FaultPlan build() {
            return new FaultPlan(this);
        }

        private static double check(double share) {
            if (!(share >= 0 && share <= 1)) {
                throw new IllegalArgumentException("a fault share must be 0 to 1, was " + share);
            }
            return share;
        }
    }
}
