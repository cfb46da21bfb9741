package io.github.edfisdk.client;

import io.github.edfisdk.model.DataStandard;
import java.time.Clock;
import java.time.Duration;
import java.util.Objects;
import okhttp3.HttpUrl;
import okhttp3.OkHttpClient;

/**
 * The entry point to an Ed-Fi ODS/API: typed generated APIs ({@link #ds5()}, {@link #ds4()} and their descriptor
 * APIs) and JSON-level access to any resource ({@link #documents()}), all on one OkHttpClient with the SDK's
 * retry, OAuth and logging interceptors.
 *
 * <pre>{@code
 * try (EdFiClient client = EdFiClient.builder()
 *         .baseUrl("http://localhost:8765")            // root or …/data/v3
 *         .credentials(key, secret)
 *         .build()) {
 *     List<EdFiStudent> page = client.call(() -> client.ds5().students().getStudents().limit(25).execute());
 *     WriteResult w = client.documents().post("/ed-fi/students", studentJson);
 * }
 * }</pre>
 *
 * <p>The server is discovered lazily from its root document ({@code GET /}) on first use: data model version,
 * token URL and data URL. Thread-safe; share one instance.
 */
public final class EdFiClient implements AutoCloseable {
    private final Builder config;
    private final HttpUrl baseUrl;
    private final OkHttpClient plainHttp;
    private final OkHttpClient http;
    private final boolean ownsHttpClient;
    private final DocumentClient documents;
    private final ChangeQueries changes;
    private volatile ApiRoot root;
    private io.github.edfisdk.ds5.resources.invoker.Apis ds5;
    private io.github.edfisdk.ds5.descriptors.invoker.Apis ds5Descriptors;
    private io.github.edfisdk.ds4.resources.invoker.Apis ds4;
    private io.github.edfisdk.ds4.descriptors.invoker.Apis ds4Descriptors;

    private EdFiClient(Builder b) {
        this.config = b;
        this.baseUrl = HttpUrl.get(b.baseUrl);
        this.ownsHttpClient = b.httpClient == null;
        OkHttpClient base = (b.httpClient != null ? b.httpClient : new OkHttpClient()).newBuilder()
                .connectTimeout(b.connectTimeout).readTimeout(b.readTimeout).writeTimeout(b.writeTimeout)
                .callTimeout(b.callTimeout)
                .build();
        // Token and root requests: retried and logged, never given a bearer token.
        this.plainHttp = base.newBuilder()
                .addInterceptor(new RetryInterceptor(b.retryPolicy))
                .addInterceptor(new RedactingLoggingInterceptor(b.logger, b.logLevel))
                .build();
        OkHttpClient.Builder data = base.newBuilder().addInterceptor(new RetryInterceptor(b.retryPolicy));
        if (b.credentials != null) {
            OAuthTokenProvider tokens = new OAuthTokenProvider(plainHttp,
                    () -> {
                        HttpUrl u = b.tokenUrl != null ? HttpUrl.get(b.tokenUrl) : HttpUrl.get(root().oauthUrl());
                        // The root document may name a plain-http token URL even when the base URL is https.
                        PlainHttpGuard.check(u, b.allowInsecureHttp, "allowInsecureHttp(true)");
                        return u;
                    },
                    b.credentials, b.tokenRefreshMargin, b.clock);
            data.addInterceptor(new OAuthInterceptor(tokens));
        }
        this.http = data.addInterceptor(new RedactingLoggingInterceptor(b.logger, b.logLevel)).build();
        this.documents = new DocumentClient(http, () -> HttpUrl.get(root().dataUrl()), this::dataStandard);
        this.changes = new ChangeQueries(documents, () -> HttpUrl.get(root().dataUrl()));
    }

    /** A builder; {@code baseUrl} is required, {@code credentials} for every data call. */
    public static Builder builder() {
        return new Builder();
    }

    /** JSON-level access to any resource by path. */
    public DocumentClient documents() {
        return documents;
    }

    /** The change queries: available change versions, changed, deleted and re-keyed items, incremental sync. */
    public ChangeQueries changes() {
        return changes;
    }

    /**
     * The root document, read on first use and kept (a failed discovery is tried again on the next call).
     *
     * @throws EdFiConnectionException the server cannot be reached
     */
    public ApiRoot root() {
        ApiRoot r = root;
        if (r == null) {
            synchronized (this) {
                r = root;
                if (r == null) {
                    r = ApiRoot.discover(plainHttp, baseUrl);
                    root = r;
                }
            }
        }
        return r;
    }

    /**
     * The Data Standard in use: the one given to the builder, else the one the server reports.
     *
     * @throws IllegalStateException the server reports no (known) data model version and none was configured
     */
    public DataStandard dataStandard() {
        if (config.dataStandard != null) {
            return config.dataStandard;
        }
        return root().dataStandard().orElseThrow(() -> new IllegalStateException("The server at " + baseUrl
                + " reports no known Ed-Fi data model version (" + root().dataModelVersion()
                + "); set EdFiClient.builder().dataStandard(...)"));
    }

    /** The Data Standard 5.x resource APIs, e.g. {@code ds5().students()}, {@code ds5().studentCteProgramAssociations()}. */
    public synchronized io.github.edfisdk.ds5.resources.invoker.Apis ds5() {
        if (ds5 == null) {
            ds5 = new io.github.edfisdk.ds5.resources.invoker.Apis(
                    configure(new io.github.edfisdk.ds5.resources.invoker.ApiClient(http), DataStandard.DS5));
        }
        return ds5;
    }

    /** The Data Standard 5.x descriptor APIs, e.g. {@code ds5Descriptors().gradeLevelDescriptors()}. */
    public synchronized io.github.edfisdk.ds5.descriptors.invoker.Apis ds5Descriptors() {
        if (ds5Descriptors == null) {
            ds5Descriptors = new io.github.edfisdk.ds5.descriptors.invoker.Apis(
                    configure(new io.github.edfisdk.ds5.descriptors.invoker.ApiClient(http), DataStandard.DS5));
        }
        return ds5Descriptors;
    }

    /** The Data Standard 4.0 resource APIs (ODS/API 6.1). */
    public synchronized io.github.edfisdk.ds4.resources.invoker.Apis ds4() {
        if (ds4 == null) {
            ds4 = new io.github.edfisdk.ds4.resources.invoker.Apis(
                    configure(new io.github.edfisdk.ds4.resources.invoker.ApiClient(http), DataStandard.DS4));
        }
        return ds4;
    }

    /** The Data Standard 4.0 descriptor APIs (ODS/API 6.1). */
    public synchronized io.github.edfisdk.ds4.descriptors.invoker.Apis ds4Descriptors() {
        if (ds4Descriptors == null) {
            ds4Descriptors = new io.github.edfisdk.ds4.descriptors.invoker.Apis(
                    configure(new io.github.edfisdk.ds4.descriptors.invoker.ApiClient(http), DataStandard.DS4));
        }
        return ds4Descriptors;
    }

    private <C> C configure(C apiClient, DataStandard expected) {
        if (config.dataStandard == null) {
            root().dataStandard().filter(reported -> reported != expected).ifPresent(reported -> {
                throw new IllegalStateException("The server at " + baseUrl + " serves Ed-Fi data model "
                        + root().dataModelVersion() + " (" + reported + "); use client." + reported.name().toLowerCase()
                        + "() or set dataStandard(" + expected + ") to force " + expected);
            });
        }
        String basePath = root().dataUrl().replaceAll("/+$", "");
        if (apiClient instanceof io.github.edfisdk.ds5.resources.invoker.ApiClient c) {
            c.setBasePath(basePath);
        } else if (apiClient instanceof io.github.edfisdk.ds5.descriptors.invoker.ApiClient c) {
            c.setBasePath(basePath);
        } else if (apiClient instanceof io.github.edfisdk.ds4.resources.invoker.ApiClient c) {
            c.setBasePath(basePath);
        } else if (apiClient instanceof io.github.edfisdk.ds4.descriptors.invoker.ApiClient c) {
            c.setBasePath(basePath);
        }
        return apiClient;
    }

    /** A call of a generated API; its {@code ApiException} is converted by {@link #call(ApiCall)}. */
    @FunctionalInterface
    public interface ApiCall<T> {
        /** @return the call's result */
        T execute() throws Exception;
    }

    /**
     * Runs a generated API call and turns its {@code ApiException} into the SDK's typed exceptions
     * ({@link EdFiException#from(Exception)}): {@code client.call(() -> api.getStudentsById(id).execute())}.
     */
    public <T> T call(ApiCall<T> call) {
        try {
            return call.execute();
        } catch (Exception e) {
            throw EdFiException.from(e);
        }
    }

    /** A generated API call without a result ({@code execute()} of POST, PUT, DELETE). */
    @FunctionalInterface
    public interface ApiRun {
        /** Runs the call. */
        void execute() throws Exception;
    }

    /**
     * Like {@link #call(ApiCall)} for calls without a result:
     * {@code client.run(() -> api.deleteStudentById(id).execute())}.
     */
    public void run(ApiRun call) {
        try {
            call.execute();
        } catch (Exception e) {
            throw EdFiException.from(e);
        }
    }

    /** The shared authenticated OkHttpClient (for requests the SDK has no method for). */
    public OkHttpClient httpClient() {
        return http;
    }

    /** Releases threads and connections, unless the OkHttpClient was supplied by the caller. */
    @Override
    public void close() {
        if (ownsHttpClient) {
            http.dispatcher().executorService().shutdown();
            http.connectionPool().evictAll();
        }
    }

    @Override
    public String toString() {
        return "EdFiClient[baseUrl=" + baseUrl + ", credentials=" + config.credentials + ", retryPolicy="
                + config.retryPolicy + "]";
    }

    /** Configures an {@link EdFiClient}. Not thread-safe; {@link #toString()} never shows the secret. */
    public static final class Builder {
        private String baseUrl;
        private ClientCredentials credentials;
        private String tokenUrl;
        private DataStandard dataStandard;
        private RetryPolicy retryPolicy = RetryPolicy.defaults();
        private Duration connectTimeout = Duration.ofSeconds(10);
        private Duration readTimeout = Duration.ofSeconds(60);
        private Duration writeTimeout = Duration.ofSeconds(60);
        private Duration callTimeout = Duration.ZERO;
        private Duration tokenRefreshMargin = Duration.ofSeconds(60);
        private HttpLogger logger = line -> { };
        private HttpLogger.Level logLevel = HttpLogger.Level.NONE;
        private OkHttpClient httpClient;
        private Clock clock = Clock.systemUTC();
        private boolean allowInsecureHttp;

        private Builder() {
        }

        /** The API root ({@code http://host:port}) or its data URL ({@code http://host:port/data/v3}). */
        public Builder baseUrl(String baseUrl) {
            HttpUrl parsed = HttpUrl.parse(Objects.requireNonNull(baseUrl, "baseUrl").strip());
            if (parsed == null) {
                throw new IllegalArgumentException("baseUrl is not an http(s) URL: " + baseUrl);
            }
            this.baseUrl = parsed.toString();
            return this;
        }

        /** The API client key and secret (OAuth2 client credentials). */
        public Builder credentials(String key, String secret) {
            this.credentials = new ClientCredentials(key, secret);
            return this;
        }

        /** Overrides the token URL of the root document. */
        public Builder tokenUrl(String tokenUrl) {
            this.tokenUrl = tokenUrl;
            return this;
        }

        /** Forces a Data Standard instead of the one the server reports. */
        public Builder dataStandard(DataStandard dataStandard) {
            this.dataStandard = dataStandard;
            return this;
        }

        /** Retries of every request (default {@link RetryPolicy#defaults()}; {@link RetryPolicy#none()} to disable). */
        public Builder retryPolicy(RetryPolicy retryPolicy) {
            this.retryPolicy = Objects.requireNonNull(retryPolicy, "retryPolicy");
            return this;
        }

        /** Time to establish a connection (default 10 s). */
        public Builder connectTimeout(Duration timeout) {
            this.connectTimeout = Objects.requireNonNull(timeout);
            return this;
        }

        /** Time between bytes of a response (default 60 s). */
        public Builder readTimeout(Duration timeout) {
            this.readTimeout = Objects.requireNonNull(timeout);
            return this;
        }

        /** Time between bytes of a request body (default 60 s). */
        public Builder writeTimeout(Duration timeout) {
            this.writeTimeout = Objects.requireNonNull(timeout);
            return this;
        }

        /** Whole-call limit including retries (default none: the retry policy's budget applies). */
        public Builder callTimeout(Duration timeout) {
            this.callTimeout = Objects.requireNonNull(timeout);
            return this;
        }

        /** How long before expiry a token is renewed (default 60 s; at most half the token lifetime is used). */
        public Builder tokenRefreshMargin(Duration margin) {
            this.tokenRefreshMargin = Objects.requireNonNull(margin);
            return this;
        }

        /** Request logging with credentials redacted, e.g. {@code logger(System.err::println, Level.BASIC)}. */
        public Builder logger(HttpLogger logger, HttpLogger.Level level) {
            this.logger = Objects.requireNonNull(logger);
            this.logLevel = Objects.requireNonNull(level);
            return this;
        }

        /** A caller-owned OkHttpClient to derive from (shares its connection pool and dispatcher). */
        public Builder httpClient(OkHttpClient httpClient) {
            this.httpClient = httpClient;
            return this;
        }

        /**
         * Allows credentials over plain {@code http://} to a host other than loopback (default false: {@link #build()}
         * refuses, because the secret and the tokens would cross the network unencrypted).
         */
        public Builder allowInsecureHttp(boolean allow) {
            this.allowInsecureHttp = allow;
            return this;
        }

        /** Time source of token expiry (tests). */
        Builder clock(Clock clock) {
            this.clock = clock;
            return this;
        }

        /** The client; no request is made until it is used. */
        public EdFiClient build() {
            if (baseUrl == null) {
                throw new IllegalStateException("baseUrl is required, e.g. http://localhost:8765");
            }
            if (credentials != null) {
                PlainHttpGuard.check(HttpUrl.get(baseUrl), allowInsecureHttp, "allowInsecureHttp(true)");
                if (tokenUrl != null) {
                    PlainHttpGuard.check(HttpUrl.get(tokenUrl), allowInsecureHttp, "allowInsecureHttp(true)");
                }
            }
            return new EdFiClient(this);
        }

        @Override
        public String toString() {
            return "EdFiClient.Builder[baseUrl=" + baseUrl + ", credentials=" + credentials + ", retryPolicy="
                    + retryPolicy + "]";
        }
    }
}
