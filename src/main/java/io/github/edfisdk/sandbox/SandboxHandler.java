package io.github.edfisdk.sandbox;

import java.util.UUID;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * All request handling in one place: routing, bearer-token checks, correlation ids and problem bodies. The HTTP server
 * only converts to and from {@link SandboxRequest} / {@link SandboxResponse}, so faults can later be injected here.
 */
final class SandboxHandler {
    private static final Logger LOG = Logger.getLogger(SandboxHandler.class.getName());

    private final MetadataEndpoints metadata;
    private final TokenEndpoint tokenEndpoint;
    private final TokenService tokens;
    private final ResourceEndpoints resources;

    SandboxHandler(MetadataEndpoints metadata, TokenEndpoint tokenEndpoint, TokenService tokens,
                   ResourceEndpoints resources) {
        this.metadata = metadata;
        this.tokenEndpoint = tokenEndpoint;
        this.tokens = tokens;
        this.resources = resources;
    }

    SandboxResponse handle(SandboxRequest req) {
        String correlationId = req.header("correlation-id");
        if (correlationId == null || correlationId.isBlank()) {
            correlationId = UUID.randomUUID().toString();
        }
        try {
            return route(req);
        } catch (ApiProblem p) {
            return problem(p, correlationId);
        } catch (RuntimeException e) {
            LOG.log(Level.WARNING, req.method() + " " + req.path() + " failed", e);
            return problem(ApiProblem.internal("An unexpected problem has occurred."), correlationId);
        }
    }

    private SandboxResponse route(SandboxRequest req) {
        String path = req.path();
        if (path.equals("/oauth/token") || path.equals("/oauth/token/")) {
            return tokenEndpoint.handle(req);
        }
        if (path.startsWith("/data/v3/")) {
            authenticate(req);
            return resources.handle(req, path.substring("/data/v3".length()));
        }
        if (req.method().equals("GET")) {
            SandboxResponse r = metadata.handle(req);
            if (r != null) {
                return r;
            }
        }
        throw ApiProblem.notFound("The specified data could not be found.");
    }

    private void authenticate(SandboxRequest req) {
        String auth = req.header("authorization");
        if (auth == null || !auth.regionMatches(true, 0, "Bearer ", 0, 7)
                || !tokens.isValid(auth.substring(7).trim())) {
            throw ApiProblem.unauthenticated();
        }
    }

    private static SandboxResponse problem(ApiProblem p, String correlationId) {
        SandboxResponse r = new SandboxResponse(p.status, "application/problem+json; charset=utf-8",
                p.toJson(correlationId).toString().getBytes(java.nio.charset.StandardCharsets.UTF_8));
        if (p.status == 401) {
            r.header("WWW-Authenticate", "Bearer");
        }
        return r;
    }
}
