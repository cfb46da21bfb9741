package io.github.edfisdk.sandbox;

import io.github.edfisdk.model.DataStandard;
import io.github.edfisdk.model.DataStandardModel;
import io.github.edfisdk.sandbox.seed.SandboxSeeder;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.Duration;
import java.util.HexFormat;
import java.util.Objects;
import java.util.concurrent.atomic.AtomicReference;

/**
 * An embedded Ed-Fi ODS/API: a real HTTP server that answers like ODS/API 7.x (Data Standard 5.1) or 6.1 (Data
 * Standard 4.0), driven by the same specs as the generated clients.
 *
 * <pre>{@code
 * try (EdFiSandbox sb = EdFiSandbox.builder().dataStandard(DataStandard.DS5).seed(Seed.POPULATED).start()) {
 *     String url = sb.baseUrl();   // http://127.0.0.1:PORT ; data API at url + "/data/v3"
 * }
 * }</pre>
 */
public final class EdFiSandbox implements AutoCloseable {
    private static final java.util.logging.Logger LOG = java.util.logging.Logger.getLogger(EdFiSandbox.class.getName());
    /** The default request body limit: 10 MB, far above any Ed-Fi document. */
    public static final long DEFAULT_MAX_REQUEST_BYTES = 10L * 1024 * 1024;
    /** The default time a client has to send one request (head and body). */
    public static final Duration DEFAULT_REQUEST_TIMEOUT = Duration.ofSeconds(30);
    private final DataStandard dataStandard;
    private final String key;
    private final String secret;
    private final boolean credentialsGenerated;
    private final DocumentStore store;
    private final SandboxHttpServer server;
    private final TokenService tokens;
    private final String baseUrl;
    private final Seed seed;
    private volatile FaultPlan faults;
    private final SandboxStats stats = new SandboxStats();
    private final SandboxHandler handler;

    private EdFiSandbox(Builder b) throws IOException {
        this.dataStandard = b.dataStandard;
        this.seed = b.seed;
        this.faults = b.faults;
        this.credentialsGenerated = b.key == null;
        this.key = b.key != null ? b.key : "sandbox-" + randomHex(6);
        this.secret = b.secret != null ? b.secret : randomHex(16);
        DataStandardModel model = DataStandardModel.of(dataStandard);
        this.store = new DocumentStore(model, b.dataDir == null ? null : new Journal(b.dataDir, dataStandard));
        this.tokens = new TokenService(key, secret, b.tokenLifetime, b.clock);
        // The handler needs the base URL (Location headers) and the server's port makes it: bind first, then wire.
        AtomicReference<SandboxHandler> handlerRef = new AtomicReference<>();
        try {
            SandboxSeeder.seed(model, b.seed, store::seed);
            store.replayJournal();
            this.server = new SandboxHttpServer(b.bindAddress, b.port, b.maxRequestBytes, b.requestTimeout, req -> {
                SandboxHandler h = handlerRef.get();
                return h == null ? SandboxResponse.text(503, "Starting") : h.handle(req);
            });
        } catch (IOException | RuntimeException e) {
            store.close(); // releases the data directory
            throw e;
        }
        String host = b.bindAddress.isAnyLocalAddress() ? "localhost" : b.bindAddress.getHostAddress();
        this.baseUrl = "http://" + host + ":" + server.port();
        this.handler = new SandboxHandler(new MetadataEndpoints(model, baseUrl), new TokenEndpoint(tokens), tokens,
                new ResourceEndpoints(model, store, baseUrl), new ChangeQueryEndpoints(model, store), faults, stats,
                dataStandard == DataStandard.DS4);
        handlerRef.set(handler);
        if (faults.active()) {
            LOG.warning("Ed-Fi sandbox at " + baseUrl + " injects faults: " + faults);
        }
    }

    /** A DS 5.1 sandbox with minimal data on a free port with generated credentials. */
    public static EdFiSandbox start() {
        return builder().start();
    }

    public static Builder builder() {
        return new Builder();
    }

    /** e.g. {@code http://127.0.0.1:8765}; the data API is at {@code baseUrl() + "/data/v3"}. */
    public String baseUrl() {
        return baseUrl;
    }

    /** {@code baseUrl() + "/data/v3"}, the base path of the generated clients. */
    public String dataUrl() {
        return baseUrl + "/data/v3";
    }

    /** {@code baseUrl() + "/oauth/token"}. */
    public String tokenUrl() {
        return baseUrl + "/oauth/token";
    }

    public int port() {
        return server.port();
    }

    public String key() {
        return key;
    }

    public String secret() {
        return secret;
    }

    /** Whether the key and secret were generated (then the CLI may print them; a user's secret is never echoed). */
    public boolean credentialsGenerated() {
        return credentialsGenerated;
    }

    public DataStandard dataStandard() {
        return dataStandard;
    }

    public Seed seed() {
        return seed;
    }

    /** The faults this sandbox injects ({@link FaultPlan#none()} by default). */
    public FaultPlan faults() {
        return faults;
    }

    /** Changes the faults from the next request on ({@link FaultPlan#none()} turns them off). */
    public void injectFaults(FaultPlan plan) {
        this.faults = Objects.requireNonNull(plan);
        handler.faults(plan);
    }

    /** The requests that reached this sandbox so far, by kind and outcome. */
    public SandboxStats stats() {
        return stats;
    }

    /**
     * The tokens issued and still valid: for tests that check no output of a run contains one. A sandbox's
     * tokens are test credentials; a real server has no such method.
     */
    public java.util.Set<String> issuedTokens() {
        return tokens.issuedTokens();
    }

    /**
     * Waits until no request is queued or being answered (e.g. after a client was killed, for the requests it had
     * already sent), instead of sleeping for a guessed time.
     *
     * @return false if requests were still in progress after {@code timeout}
     */
    public boolean awaitIdle(Duration timeout) throws InterruptedException {
        return server.awaitIdle(timeout);
    }

    /** Invalidates every issued token, as if they had expired (to test a client's refresh). */
    public void expireAllTokens() {
        tokens.revokeAll();
    }

    @Override
    public void close() {
        server.close();
        store.close();
        LOG.fine("Ed-Fi sandbox at " + baseUrl + " stopped; requests: " + stats.summary());
    }

    private static String randomHex(int bytes) {
        byte[] b = new byte[bytes];
        new SecureRandom().nextBytes(b);
        return HexFormat.of().formatHex(b);
    }

    /** Options of a sandbox; every one has a default. */
    public static final class Builder {
        private DataStandard dataStandard = DataStandard.DS5;
        private Seed seed = Seed.MINIMAL;
        private int port = 0;
        private InetAddress bindAddress = InetAddress.getLoopbackAddress();
        private String key;
        private String secret;
        private Path dataDir;
        private Duration tokenLifetime = Duration.ofMinutes(30);
        private FaultPlan faults = FaultPlan.none();
        private long maxRequestBytes = DEFAULT_MAX_REQUEST_BYTES;
        private Duration requestTimeout = DEFAULT_REQUEST_TIMEOUT;
        private Clock clock = Clock.systemUTC();

        private Builder() {
        }

        /** The time source of token expiry (tests move it instead of sleeping). */
        Builder clock(Clock clock) {
            this.clock = Objects.requireNonNull(clock);
            return this;
        }

        public Builder dataStandard(DataStandard ds) {
            this.dataStandard = Objects.requireNonNull(ds);
            return this;
        }

        public Builder seed(Seed seed) {
            this.seed = Objects.requireNonNull(seed);
            return this;
        }

        /** 0 (the default) picks a free port. */
        public Builder port(int port) {
            this.port = port;
            return this;
        }

        /** The loopback address by default (the sandbox is not meant to be reachable from other machines). */
        public Builder bindAddress(InetAddress address) {
            this.bindAddress = Objects.requireNonNull(address);
            return this;
        }

        /** The client key and secret; generated when not given. */
        public Builder credentials(String key, String secret) {
            if (key == null || key.isEmpty() || secret == null || secret.isEmpty()) {
                throw new IllegalArgumentException("key and secret must not be empty");
            }
            this.key = key;
            this.secret = secret;
            return this;
        }

        /** Keeps data in a journal in this folder across restarts; in memory only when not set. */
        public Builder dataDir(Path dir) {
            this.dataDir = dir;
            return this;
        }

        /** How long tokens live (30 minutes by default, as the ODS/API). */
        public Builder tokenLifetime(Duration lifetime) {
            if (lifetime.isNegative() || lifetime.isZero()) {
                throw new IllegalArgumentException("token lifetime must be positive");
            }
            this.tokenLifetime = lifetime;
            return this;
        }

        /** Faults to inject into answers (none by default), e.g. {@code FaultPlan.parse("5xx=0.1,429=0.05,seed=7")}. */
        public Builder faults(FaultPlan faults) {
            this.faults = Objects.requireNonNull(faults);
            return this;
        }

        /** Request bodies above this size are answered 413 (default 10 MB). */
        public Builder maxRequestBytes(long bytes) {
            if (bytes < 1) {
                throw new IllegalArgumentException("the request size limit must be positive");
            }
            this.maxRequestBytes = bytes;
            return this;
        }

        /**
         * How long a client may take to send one request, head and body (default 30 s). A slower one gets 408 and
         * its connection is closed, so stalled or drip-fed connections cannot hold the server.
         */
        public Builder requestTimeout(Duration timeout) {
            if (timeout.isNegative() || timeout.isZero()) {
                throw new IllegalArgumentException("the request timeout must be positive");
            }
            this.requestTimeout = timeout;
            return this;
        }

        public EdFiSandbox start() {
            try {
                return new EdFiSandbox(this);
            } catch (IOException e) {
                throw new UncheckedIOException("Cannot start the sandbox on port " + port + ": " + e.getMessage(), e);
            }
        }
    }
}
