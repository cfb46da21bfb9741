package io.github.edfisdk.client;

import io.github.edfisdk.model.DataStandard;
import io.github.edfisdk.model.DataStandardModel;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.ConcurrentHashMap;
import okhttp3.ConnectionSpec;
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
 *     TypedResource<EdFiStudent> students = client.resource(EdFiStudent.class);
 *     WriteResult w = students.post(student);                       // id, ETag, created
 *     students.all().forEach(s -> System.out.println(s.getStudentUniqueId()));   // every page
 *     List<EdFiStudent> page = client.ds5().students().getStudents().limit(25).execute(); // generated API
 *     WriteResult j = client.documents().post("/ed-fi/students", studentJson);            // JSON
 * }
 * }</pre>
 *
 * <p>Every call throws the SDK's unchecked exceptions ({@link EdFiApiException} subclasses with the problem details,
 * {@link EdFiConnectionException}); nothing needs wrapping. The server is discovered lazily from its root document
 * ({@code GET /}) on first use: data model version, token URL and data URL; building a client does no I/O.
 * Thread-safe and immutable once built (later changes to its builder do not reach it); share one instance.
 */
public final class EdFiClient implements AutoCloseable {
    /** The default limit of one response body: 64 MB. */
    public static final long DEFAULT_MAX_RESPONSE_BYTES = 64L * 1024 * 1024;
    /** The default limit of one call, retries and body included (unless the retry budget needs longer). */
    public static final Duration DEFAULT_CALL_TIMEOUT = Duration.ofMinutes(5);
    private final Settings settings;
    private final HttpUrl baseUrl;
    private final OkHttpClient plainHttp;
    private final OkHttpClient http;
    private final boolean ownsHttpClient;
    private final PerThreadConnections direct;
    private final DocumentClient documents;
    private final OAuthTokenProvider tokens;
    /** The client a {@link #withOptions} view was made from (it discovers the server once for both), else null. */
    private final EdFiClient parent;
    private final ChangeQueries changes;
    private volatile ApiRoot root;
    private volatile DataStandardModel model;
    private final Map<GeneratedPackage, Object> apis = new ConcurrentHashMap<>();
    private final Map<Class<?>, TypedResource<?>> resources = new ConcurrentHashMap<>();

    /**
     * What the builder held at {@link Builder#build()}: copied, so that later builder calls change nothing here
     * (the plain-http guard included).
     */
    private record Settings(String baseUrl, ClientCredentials credentials, String tokenUrl, DataStandard dataStandard,
                            DataStandardModel model, boolean modelFromServer, RetryPolicy retryPolicy,
                            RetryPolicy setupRetryPolicy, OverloadGate overloadGate,
                            Duration connectTimeout, Duration readTimeout, Duration writeTimeout, Duration callTimeout,
                            long maxResponseBytes, Duration tokenRefreshMargin, HttpLogger logger,
                            HttpLogger.Level logLevel, OkHttpClient httpClient, Clock clock, boolean allowInsecureHttp,
                            boolean perThreadConnections) {
    }

    private EdFiClient(Settings s) {
        this.settings = s;
        this.parent = null;
        this.baseUrl = HttpUrl.get(s.baseUrl);
        this.ownsHttpClient = s.httpClient == null;
        // Redirects are refused, not followed (RedirectRefusal), and every body is bounded (ResponseLimit): outermost,
        // so they judge the final answer.
        OkHttpClient.Builder start = s.httpClient != null ? s.httpClient.newBuilder() : new OkHttpClient.Builder();
        if (s.httpClient == null && plainHttpOnly(s)) {
            // Every URL this client calls is plain http (the root document's token and data URLs must be of the base
            // URL's origin, redirects are refused): no TLS set-up, whose trust store costs about 0.1 s of each start.
            start.connectionSpecs(List.of(ConnectionSpec.CLEARTEXT));
        }
        OkHttpClient base = start
                .connectTimeout(s.connectTimeout).readTimeout(s.readTimeout).writeTimeout(s.writeTimeout)
                .callTimeout(s.callTimeout != null ? s.callTimeout : defaultCallTimeout(s))
                .followRedirects(false).followSslRedirects(false)
                .addInterceptor(new RedirectRefusal())
                .addInterceptor(new ResponseLimit(s.maxResponseBytes))
                .build();
        // Token and root requests: retried and logged, never given a bearer token.
        this.plainHttp = logging(base.newBuilder()
                .addInterceptor(new RetryInterceptor(s.setupRetryPolicy != null ? s.setupRetryPolicy : s.retryPolicy)), s)
                .build();
        OkHttpClient.Builder data = base.newBuilder().addInterceptor(new RetryInterceptor(s.retryPolicy, s.overloadGate));
        if (s.credentials != null) {
            tokens = new OAuthTokenProvider(plainHttp,
                    () -> {
                        HttpUrl u = s.tokenUrl != null ? HttpUrl.get(s.tokenUrl) : SameOrigin.check(
                                HttpUrl.get(root().oauthUrl()), baseUrl, "token URL",
                                "EdFiClient.builder().tokenUrl(...) or edfi --token-url URL");
                        // The root document may name a plain-http token URL even when the base URL is https.
                        PlainHttpGuard.check(u, s.allowInsecureHttp, "allowInsecureHttp(true)");
                        return u;
                    },
                    s.credentials, s.tokenRefreshMargin, s.clock);
            data.addInterceptor(new OAuthInterceptor(tokens));
        } else {
            tokens = null;
        }
        logging(data, s);
        OkHttpClient withoutDirect = data.build();
        if (s.perThreadConnections && PerThreadConnections.applies(withoutDirect)) {
            direct = new PerThreadConnections(withoutDirect, s.maxResponseBytes);
            data.addInterceptor(direct); // last: below retries, OAuth and logging
        } else {
            direct = null;
        }
        this.http = data.build();
        this.documents = DocumentClient.withModel(http, () -> HttpUrl.get(root().dataUrl()), this::model);
        this.changes = new ChangeQueries(documents, () -> HttpUrl.get(root().dataUrl()));
    }

    private static boolean plainHttpOnly(Settings s) {
        return !HttpUrl.get(s.baseUrl).isHttps() && (s.tokenUrl == null || !HttpUrl.get(s.tokenUrl).isHttps());
    }

    /** 5 minutes, or longer when the retry budget and one more read need it. */
    private static Duration defaultCallTimeout(Settings s) {
        Duration retries = s.retryPolicy.maxElapsed().plus(s.readTimeout);
        return retries.compareTo(DEFAULT_CALL_TIMEOUT) > 0 ? retries : DEFAULT_CALL_TIMEOUT;
    }

    /** A view of {@code parent} whose requests carry {@code options}: same connections, tokens and server. */
    private EdFiClient(EdFiClient parent, RequestOptions options) {
        this.settings = parent.settings;
        this.parent = parent;
        this.baseUrl = parent.baseUrl;
        this.ownsHttpClient = false;
        this.direct = null; // the parent's connections: closed with the parent
        this.plainHttp = parent.plainHttp;
        this.tokens = parent.tokens;
        OkHttpClient.Builder b = parent.http.newBuilder();
        b.interceptors().add(0, new RequestOptionsInterceptor(options)); // first, so the retry policy sees them
        this.http = b.build();
        this.documents = DocumentClient.withModel(http, () -> HttpUrl.get(root().dataUrl()), this::model);
        this.changes = new ChangeQueries(documents, () -> HttpUrl.get(root().dataUrl()));
    }

    /**
     * A view of this client whose every request, typed generated APIs included, carries {@code options} (a
     * correlation id, {@code If-Match}, no retry); options given to a single {@link DocumentClient} call take
     * precedence. The view shares this client's connections, tokens and discovered server; it holds no global or
     * thread state, so other callers of this client are not affected. Closing a view does nothing.
     *
     * <pre>{@code
     * EdFiClient traced = client.withOptions(RequestOptions.builder().correlationId("load-42").retry(false).build());
     * traced.call(() -> traced.ds5().students().postStudent(student).execute());
     * }</pre>
     */
    public EdFiClient withOptions(RequestOptions options) {
        Objects.requireNonNull(options, "options");
        return parent == null ? new EdFiClient(this, options) : new EdFiClient(parent, options.orElse(viewOptions()));
    }

    private RequestOptions viewOptions() {
        for (okhttp3.Interceptor i : http.interceptors()) {
            if (i instanceof RequestOptionsInterceptor r) {
                return r.options();
            }
        }
        return RequestOptions.none();
    }

    /**
     * Gets a token now (or finds the cached one fresh), so that refused credentials are reported before any work
     * starts rather than by the first data request.
     *
     * @throws AuthenticationException the token endpoint refused the key or secret (401)
     * @throws EdFiConnectionException the server cannot be reached
     * @throws IllegalStateException   the client has no credentials
     */
    public void authenticate() {
        if (tokens == null) {
            throw new IllegalStateException("The client has no credentials: EdFiClient.builder().credentials(key, secret)");
        }
        try {
            tokens.token();
        } catch (java.io.IOException e) {
            throw GeneratedApiErrors.fromIo(e, "token request");
        }
    }

    /** The logging interceptor, last in the chain; none at all when logging is off (it would cost every request). */
    private static OkHttpClient.Builder logging(OkHttpClient.Builder http, Settings s) {
        return s.logLevel == HttpLogger.Level.NONE ? http
                : http.addInterceptor(new RedactingLoggingInterceptor(s.logger, s.logLevel));
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
     * Typed access to the resource of a generated model class: writes that return the id and ETag, reads, natural-key
     * upsert and look-up, and auto-paging queries, all in the model's own class.
     *
     * <pre>{@code
     * TypedResource<EdFiStudent> students = client.resource(EdFiStudent.class);
     * WriteResult w = students.post(student);
     * for (EdFiStudent s : students.query(Map.of("lastSurname", "Lovelace"))) { ... }
     * }</pre>
     *
     * @param modelClass a generated resource or descriptor model, e.g. {@code EdFiStudent},
     *                   {@code EdFiStudentCTEProgramAssociation}, {@code EdFiGradeLevelDescriptor}
     * @throws IllegalArgumentException the class is not a generated model or names no resource of {@link #model()}
     */
    @SuppressWarnings("unchecked")
    public <T> TypedResource<T> resource(Class<T> modelClass) {
        return (TypedResource<T>) resources.computeIfAbsent(modelClass, c -> TypedResource.of(this, c));
    }

    /**
     * The root document, read on first use and kept (a failed discovery is tried again on the next call).
     *
     * @throws EdFiConnectionException the server cannot be reached
     */
    public ApiRoot root() {
        if (parent != null) {
            return parent.root();
        }
        ApiRoot r = root;
        if (r == null) {
            synchronized (this) {
                r = root;
                if (r == null) {
                    r = ApiRoot.discover(plainHttp, baseUrl);
                    // The bearer token goes with every data request: only to the base URL's origin.
                    SameOrigin.check(HttpUrl.get(r.dataUrl()), baseUrl, "data URL",
                            "give that data URL (…/data/v3) as the base URL");
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
        if (settings.dataStandard != null) {
            return settings.dataStandard;
        }
        if (settings.model != null) {
            return settings.model.dataStandard();
        }
        return root().dataStandard().orElseThrow(() -> new IllegalStateException("The server at " + baseUrl
                + " reports no known Ed-Fi data model version (" + root().dataModelVersion()
                + "); set EdFiClient.builder().dataStandard(...)"));
    }

    /**
     * The Ed-Fi model this client works with (identity for natural-key look-ups, references, descriptors, query
     * parameters), resolved on first use: the one given to {@link Builder#model(DataStandardModel)}; else, with
     * {@link Builder#modelFromServer()}, the one read from the server's own specs (its extensions included); else the
     * packaged model of {@link #dataStandard()}.
     */
    public DataStandardModel model() {
        DataStandardModel m = model;
        if (m == null) {
            synchronized (this) {
                m = model;
                if (m == null) {
                    m = settings.model != null ? settings.model
                            : settings.modelFromServer ? ServerModel.read(plainHttp, root(), dataStandard())
                            : DataStandardModel.of(dataStandard());
                    model = m;
                }
            }
        }
        return m;
    }

    /** The Data Standard 5.x resource APIs, e.g. {@code ds5().students()}, {@code ds5().studentCTEProgramAssociations()}. */
    public io.github.edfisdk.ds5.resources.invoker.Apis ds5() {
        return apis(GeneratedPackage.DS5_RESOURCES, DataStandard.DS5, io.github.edfisdk.ds5.resources.invoker.Apis.class);
    }

    /** The Data Standard 5.x descriptor APIs, e.g. {@code ds5Descriptors().gradeLevelDescriptors()}. */
    public io.github.edfisdk.ds5.descriptors.invoker.Apis ds5Descriptors() {
        return apis(GeneratedPackage.DS5_DESCRIPTORS, DataStandard.DS5, io.github.edfisdk.ds5.descriptors.invoker.Apis.class);
    }

    /** The Data Standard 4.0 resource APIs (ODS/API 6.1). */
    public io.github.edfisdk.ds4.resources.invoker.Apis ds4() {
        return apis(GeneratedPackage.DS4_RESOURCES, DataStandard.DS4, io.github.edfisdk.ds4.resources.invoker.Apis.class);
    }

    /** The Data Standard 4.0 descriptor APIs (ODS/API 6.1). */
    public io.github.edfisdk.ds4.descriptors.invoker.Apis ds4Descriptors() {
        return apis(GeneratedPackage.DS4_DESCRIPTORS, DataStandard.DS4, io.github.edfisdk.ds4.descriptors.invoker.Apis.class);
    }

    private <A> A apis(GeneratedPackage pkg, DataStandard expected, Class<A> type) {
        return type.cast(apis.computeIfAbsent(pkg, p -> {
            if (settings.dataStandard == null) {
                root().dataStandard().filter(reported -> reported != expected).ifPresent(reported -> {
                    throw new IllegalStateException("The server at " + baseUrl + " serves Ed-Fi data model "
                            + root().dataModelVersion() + " (" + reported + "); use client." + reported.name().toLowerCase()
                            + "() or set dataStandard(" + expected + ") to force " + expected);
                });
            }
            return p.apis(http, root().dataUrl().replaceAll("/+$", ""));
        }));
    }

    /** A call of a generated API (kept for code written before generated calls threw unchecked exceptions). */
    @FunctionalInterface
    @Deprecated
    public interface ApiCall<T> {
        /** @return the call's result */
        T execute() throws Exception;
    }

    /**
     * Runs a call and converts what it throws with {@link EdFiException#from(Exception)}.
     *
     * @deprecated generated calls throw the SDK's typed unchecked exceptions themselves; call them directly
     */
    @Deprecated
    public <T> T call(ApiCall<T> call) {
        try {
            return call.execute();
        } catch (Exception e) {
            throw EdFiException.from(e);
        }
    }

    /** A call without a result (kept for code written before generated calls threw unchecked exceptions). */
    @FunctionalInterface
    @Deprecated
    public interface ApiRun {
        /** Runs the call. */
        void execute() throws Exception;
    }

    /**
     * Like {@link #call(ApiCall)} for calls without a result.
     *
     * @deprecated generated calls throw the SDK's typed unchecked exceptions themselves; call them directly
     */
    @Deprecated
    public void run(ApiRun call) {
        try {
            call.execute();
        } catch (Exception e) {
            throw EdFiException.from(e);
        }
    }

    /**
     * The shared authenticated OkHttpClient (for requests the SDK has no method for). A client whose base and token URLs
     * are plain {@code http://} speaks no TLS (to call an {@code https://} URL as well, give {@link Builder#httpClient}).
     */
    public OkHttpClient httpClient() {
        return http;
    }

    /** Releases threads and connections, unless the OkHttpClient was supplied by the caller. */
    @Override
    public void close() {
        if (direct != null) {
            direct.close();
        }
        if (ownsHttpClient) {
            http.dispatcher().executorService().shutdown();
            http.connectionPool().evictAll();
        }
    }

    @Override
    public String toString() {
        return "EdFiClient[baseUrl=" + baseUrl + ", credentials=" + settings.credentials + ", retryPolicy="
                + settings.retryPolicy + "]";
    }

    /**
     * Configures an {@link EdFiClient}. Not thread-safe; {@link #build()} copies the settings, so a builder can be
     * changed and built again without touching clients built before. {@link #toString()} never shows the secret.
     */
    public static final class Builder {
        private String baseUrl;
        private ClientCredentials credentials;
        private String tokenUrl;
        private DataStandard dataStandard;
        private DataStandardModel model;
        private boolean modelFromServer;
        private RetryPolicy retryPolicy = RetryPolicy.defaults();
        private Duration connectTimeout = Duration.ofSeconds(10);
        private Duration readTimeout = Duration.ofSeconds(60);
        private Duration writeTimeout = Duration.ofSeconds(60);
        private Duration callTimeout;
        private long maxResponseBytes = DEFAULT_MAX_RESPONSE_BYTES;
        private Duration tokenRefreshMargin = Duration.ofSeconds(60);
        private HttpLogger logger = line -> { };
        private HttpLogger.Level logLevel = HttpLogger.Level.NONE;
        private OkHttpClient httpClient;
        private Clock clock = Clock.systemUTC();
        private boolean allowInsecureHttp;
        private boolean perThreadConnections;
        private OverloadGate overloadGate;
        private RetryPolicy setupRetryPolicy;

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

        /**
         * Overrides the token URL of the root document. Needed when the token endpoint is of another origin (scheme,
         * host, port) than the base URL: one the root document names there is refused.
         */
        public Builder tokenUrl(String tokenUrl) {
            this.tokenUrl = tokenUrl;
            return this;
        }

        /** Forces a Data Standard instead of the one the server reports. */
        public Builder dataStandard(DataStandard dataStandard) {
            this.dataStandard = dataStandard;
            return this;
        }

        /**
         * The Ed-Fi model this client uses (natural keys, references, descriptors), e.g. one built with
         * {@link DataStandardModel#fromSpecs} from your own ODS's specs with its extensions. Default: the packaged model
         * of the server's Data Standard.
         */
        public Builder model(DataStandardModel model) {
            this.model = Objects.requireNonNull(model, "model");
            this.modelFromServer = false;
            return this;
        }

        /**
         * Reads the model from the server's own specs ({@code /metadata/data/v3/resources/swagger.json}, the descriptors
         * and the dependency order) on first use instead of the packaged ones, so extensions ({@code _ext}, extra
         * resources) take part in natural-key look-ups and checks. No request is made until {@link EdFiClient#model()}
         * is needed.
         */
        public Builder modelFromServer() {
            this.modelFromServer = true;
            this.model = null;
            return this;
        }

        /** Retries of every request (default {@link RetryPolicy#defaults()}; {@link RetryPolicy#none()} to disable). */
        public Builder retryPolicy(RetryPolicy retryPolicy) {
            this.retryPolicy = Objects.requireNonNull(retryPolicy, "retryPolicy");
            return this;
        }

        /**
         * Passes every data request through {@code gate}: a 429/503 with {@code Retry-After} pauses all requests of
         * this client, and the requests in flight follow AIMD (default: none, requests go out as callers send them).
         * For bulk work such as {@code edfi load}.
         */
        public Builder overloadGate(OverloadGate gate) {
            this.overloadGate = gate;
            return this;
        }

        /**
         * Retries of the root document and token requests, when they should differ from {@link #retryPolicy}: a bulk
         * load gives each record minutes to get through, but a wrong URL should still be reported in seconds
         * (default: the {@link #retryPolicy}).
         */
        public Builder setupRetryPolicy(RetryPolicy retryPolicy) {
            this.setupRetryPolicy = retryPolicy;
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

        /**
         * The longest one call may take, all attempts and the whole response body included (default 5 minutes, or
         * the retry policy's {@code maxElapsed} plus the read timeout when that is longer; {@link Duration#ZERO}
         * for none). Past it the call fails with {@link CallTimeoutException}: a server that drips its answer a
         * byte at a time cannot hold an export or a load forever.
         */
        public Builder callTimeout(Duration timeout) {
            this.callTimeout = Objects.requireNonNull(timeout);
            return this;
        }

        /**
         * The largest response body read (default {@value EdFiClient#DEFAULT_MAX_RESPONSE_BYTES} bytes, far above
         * a page of 500 Ed-Fi documents); a larger or endless one fails with {@link ResponseTooLargeException}
         * instead of filling the heap.
         */
        public Builder maxResponseBytes(long bytes) {
            if (bytes < 1) {
                throw new IllegalArgumentException("maxResponseBytes must be positive");
            }
            this.maxResponseBytes = bytes;
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

        /**
         * Writes (POST, PUT, DELETE of up to 256 KiB) go over one HTTP/1.1 keep-alive connection per calling thread,
         * below the SDK's retry, OAuth and logging interceptors, instead of through OkHttp's connection pool (default
         * false). Meant for a fixed set of worker threads sending many small writes, as {@code edfi load} does: in its
         * benchmark the CPU of the sending threads fell by about half (OkHttp's pool woke its task thread after every
         * call and its locks were contended), CPU a server on the same machine gets back. Each thread keeps its
         * connection until {@link EdFiClient#close()}, so leave it off where many short-lived threads call the client.
         * Reads, larger bodies and clients with a proxy, network interceptors or cookies always use OkHttp.
         */
        public Builder perThreadConnections(boolean enabled) {
            this.perThreadConnections = enabled;
            return this;
        }

        /** Time source of token expiry (tests). */
        Builder clock(Clock clock) {
            this.clock = clock;
            return this;
        }

        /** The client; no request is made until it is used. Later changes to this builder do not affect it. */
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
            if (dataStandard != null && model != null && model.dataStandard() != dataStandard) {
                throw new IllegalStateException("dataStandard(" + dataStandard + ") and a model of "
                        + model.dataStandard() + " were both given");
            }
            return new EdFiClient(new Settings(baseUrl, credentials, tokenUrl, dataStandard, model, modelFromServer,
                    retryPolicy, setupRetryPolicy, overloadGate, connectTimeout, readTimeout, writeTimeout, callTimeout,
                    maxResponseBytes, tokenRefreshMargin, logger, logLevel, httpClient, clock, allowInsecureHttp,
                    perThreadConnections));
        }

        @Override
        public String toString() {
            return "EdFiClient.Builder[baseUrl=" + baseUrl + ", credentials=" + credentials + ", retryPolicy="
                    + retryPolicy + "]";
        }
    }
}
