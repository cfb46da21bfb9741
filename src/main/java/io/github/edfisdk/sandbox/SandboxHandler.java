package io.github.edfisdk.sandbox;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * All request handling in one place: routing, bearer-token checks, correlation ids, problem bodies, injected faults
 * ({@link FaultPlan}) and the request counts ({@link SandboxStats}). The HTTP server only converts to and from
 * {@link SandboxRequest} / {@link SandboxResponse}.
 */
final class SandboxHandler {
    private static final Logger LOG = Logger.getLogger(SandboxHandler.class.getName());
    /** Occurrence counters of the fault draw are forgotten past this many distinct requests (bounded memory). */
    private static final int MAX_REMEMBERED = 2_000_000;

    private final MetadataEndpoints metadata;
    private final TokenEndpoint tokenEndpoint;
    private final TokenService tokens;
    private final ResourceEndpoints resources;
    private final ChangeQueryEndpoints changeQueries;
    private volatile FaultPlan faults;
    private final SandboxStats stats;
    private final Map<Long, Integer> occurrences = new ConcurrentHashMap<>();
    /** Answer errors as ODS/API 6.1 does (Data Standard 4.0 mode): {"message": ...} instead of problem details. */
    private final boolean legacyErrors;

    SandboxHandler(MetadataEndpoints metadata, TokenEndpoint tokenEndpoint, TokenService tokens,
                   ResourceEndpoints resources, ChangeQueryEndpoints changeQueries, FaultPlan faults,
                   SandboxStats stats, boolean legacyErrors) {
        this.legacyErrors = legacyErrors;
        this.metadata = metadata;
        this.tokenEndpoint = tokenEndpoint;
        this.tokens = tokens;
        this.resources = resources;
        this.changeQueries = changeQueries;
        this.faults = faults;
        this.stats = stats;
    }

    void faults(FaultPlan plan) {
        this.faults = plan;
    }

    SandboxResponse handle(SandboxRequest req) {
        FaultPlan faults = this.faults;
        String correlationId = correlationId(req);
        FaultPlan.Fault fault = faults.active() && faults.appliesTo(req.path()) ? draw(req) : FaultPlan.Fault.NONE;
        SandboxResponse r;
        String outcome = null;
        switch (fault) {
            case ERROR_500 -> r = problem(ApiProblem.internal("An unexpected problem has occurred."), correlationId);
            case ERROR_503 -> r = problem(ApiProblem.unavailable(), correlationId);
            case RATE_LIMIT_429 -> r = problem(ApiProblem.tooManyRequests(), correlationId)
                    .header("Retry-After", Long.toString(faults.retryAfter().toSeconds()));
            case DROP_BEFORE_COMMIT -> {
                r = SandboxResponse.dropConnection();
                outcome = SandboxStats.DROPPED_BEFORE;
            }
            case TOKEN_EXPIRED -> {
                String token = bearer(req);
                if (token != null) {
                    tokens.revoke(token);
                }
                r = problem(ApiProblem.unauthenticated(), correlationId);
            }
            default -> {
                if (fault == FaultPlan.Fault.SLOW) {
                    sleep(faults.delay());
                }
                r = answer(req, correlationId);
                if (fault == FaultPlan.Fault.DROP_AFTER_COMMIT) {
                    outcome = SandboxStats.DROPPED_AFTER + " (" + r.status() + ")";
                    r = SandboxResponse.dropConnection();
                }
            }
        }
        if (outcome == null) {
            outcome = r.status() + (fault != FaultPlan.Fault.NONE && fault != FaultPlan.Fault.SLOW ? " injected" : "");
        }
        stats.record(kind(req), outcome);
        return r;
    }

    private SandboxResponse answer(SandboxRequest req, String correlationId) {
        try {
            return route(req);
        } catch (ApiProblem p) {
            return problem(p, correlationId);
        } catch (RuntimeException | StackOverflowError e) {
            // Logged here with its stack trace; the caller gets a generic problem with only the correlation id.
            LOG.log(Level.WARNING, req.method() + " " + req.path() + " failed (correlation id " + correlationId + ")", e);
            return problem(ApiProblem.internal("An unexpected problem has occurred."), correlationId);
        }
    }

    /**
     * The caller's correlation id: the {@code correlation-id} header, else a {@code correlationId} query parameter
     * (ODS/API reads both), else a new one.
     */
    private static String correlationId(SandboxRequest req) {
        String id = req.header("correlation-id");
        if (id == null || id.isBlank()) {
            for (Map.Entry<String, String> q : req.query().entrySet()) {
                if (q.getKey().equalsIgnoreCase("correlationId") && !q.getValue().isBlank()) {
                    return q.getValue();
                }
            }
            return UUID.randomUUID().toString();
        }
        return id;
    }

    private FaultPlan.Fault draw(SandboxRequest req) {
        long h = hash(req);
        if (occurrences.size() > MAX_REMEMBERED) {
            occurrences.clear();
        }
        int n = occurrences.merge(h, 1, Integer::sum) - 1;
        return faults.draw(h, n);
    }

    /** FNV-1a over method, path and body: the same request gets the same hash in every run. */
    private static long hash(SandboxRequest req) {
        long h = 0xcbf29ce484222325L;
        for (byte b : (req.method() + " " + req.path() + "\n").getBytes(StandardCharsets.UTF_8)) {
            h = (h ^ (b & 0xff)) * 0x100000001b3L;
        }
        byte[] body = req.body();
        if (body != null) {
            for (byte b : body) {
                h = (h ^ (b & 0xff)) * 0x100000001b3L;
            }
        }
        return h;
    }

    private static String kind(SandboxRequest req) {
        String p = req.path();
        if (p.startsWith("/data/v3/")) {
            return req.method();
        }
        return p.equals("/oauth/token") || p.equals("/oauth/token/") ? "TOKEN" : "OTHER";
    }

    private static void sleep(Duration d) {
        try {
            Thread.sleep(d.toMillis());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private SandboxResponse route(SandboxRequest req) {
        String path = req.path();
        if (path.equals("/oauth/token") || path.equals("/oauth/token/")) {
            return tokenEndpoint.handle(req);
        }
        if (path.startsWith("/data/v3/")) {
            authenticate(req);
            SandboxResponse tracked = changeQueries.handleTracked(req, path.substring("/data/v3".length()));
            return tracked != null ? tracked : resources.handle(req, path.substring("/data/v3".length()));
        }
        if (ChangeQueryEndpoints.isChangeQueriesPath(path)) {
            authenticate(req);
            return changeQueries.handle(req);
        }
        if (req.method().equals("GET")) {
            SandboxResponse r = metadata.handle(req);
            if (r != null) {
                return r;
            }
        }
        throw ApiProblem.notFound("The specified data could not be found.");
    }

    /** The bearer token of the request, or null when the Authorization header is missing or not a bearer token. */
    private static String bearer(SandboxRequest req) {
        String auth = req.header("authorization");
        if (auth == null || auth.length() < 7 || !auth.regionMatches(true, 0, "Bearer ", 0, 7)) {
            return null;
        }
        String token = auth.substring(7).trim();
        return token.isEmpty() ? null : token;
    }

    /** The reasons of ODS/API 7.x (Ed-Fi's error knowledge base and AuthenticationFailureMessages), in its order. */
    private void authenticate(SandboxRequest req) {
        String auth = req.header("authorization");
        if (auth == null || auth.isBlank()) {
            throw ApiProblem.unauthenticated("Authorization header is missing.");
        }
        String value = auth.strip();
        int space = value.indexOf(' ');
        String scheme = space < 0 ? value : value.substring(0, space);
        if (!scheme.equalsIgnoreCase("Bearer")) {
            throw ApiProblem.unauthenticated("Unknown Authorization header scheme.");
        }
        String token = space < 0 ? "" : value.substring(space + 1).strip();
        if (token.isEmpty()) {
            throw ApiProblem.unauthenticated("Missing Authorization header bearer token value.");
        }
        if (!token.chars().allMatch(c -> c > 0x20 && c < 0x7f)) {
            throw ApiProblem.unauthenticated("Invalid Authorization header.");
        }
        if (!tokens.isValid(token)) {
            throw ApiProblem.unauthenticated("Invalid token");
        }
    }

    private SandboxResponse problem(ApiProblem p, String correlationId) {
        SandboxResponse r = legacyErrors
                ? new SandboxResponse(p.status, "application/json; charset=utf-8",
                        p.toLegacyJson().toString().getBytes(StandardCharsets.UTF_8))
                : new SandboxResponse(p.status, "application/problem+json; charset=utf-8",
                        p.toJson(correlationId).toString().getBytes(StandardCharsets.UTF_8));
        if (p.status == 401) {
            r.header("WWW-Authenticate", "Bearer");
        }
        return r;
    }
}
