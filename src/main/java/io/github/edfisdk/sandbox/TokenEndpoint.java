package io.github.edfisdk.sandbox;

import com.google.gson.JsonElement;
import com.google.gson.JsonObject;
import com.google.gson.JsonParser;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.TreeMap;
import java.util.Map;

/** {@code POST /oauth/token}: the client-credentials grant with the ODS/API's answers and error codes. */
final class TokenEndpoint {
    private final TokenService tokens;

    TokenEndpoint(TokenService tokens) {
        this.tokens = tokens;
    }

    SandboxResponse handle(SandboxRequest req) {
        if (!req.method().equals("POST")) {
            return error(405, "invalid_request");
        }
        String contentType = req.header("content-type");
        if (contentType == null || contentType.isBlank()) {
            return SandboxResponse.empty(415);
        }
        Map<String, String> form;
        try {
            form = contentType.toLowerCase().startsWith("application/json") ? json(req.body()) : form(req.body());
        } catch (IllegalArgumentException badEncoding) {
            // RFC 6749 5.2: a malformed request is invalid_request (it was a 500)
            return error(400, "invalid_request");
        }
        String basicKey = null;
        String basicSecret = null;
        String auth = req.header("authorization");
        if (auth != null && auth.regionMatches(true, 0, "Basic ", 0, 6)) {
            try {
                String decoded = new String(Base64.getDecoder().decode(auth.substring(6).trim()), StandardCharsets.UTF_8);
                int colon = decoded.indexOf(':');
                if (colon >= 0) {
                    basicKey = decoded.substring(0, colon);
                    basicSecret = decoded.substring(colon + 1);
                }
            } catch (IllegalArgumentException e) {
                return error(401, "invalid_client");
            }
        }
        String bodyKey = form.get("client_id");
        String bodySecret = form.get("client_secret");
        if (basicKey != null && (bodyKey != null || bodySecret != null)) {
            return error(400, "invalid_client");
        }
        String key = basicKey != null ? basicKey : bodyKey;
        String secret = basicKey != null ? basicSecret : bodySecret;
        String grant = form.get("grant_type");
        if (grant == null || !grant.equals("client_credentials")) {
            return error(400, "unsupported_grant_type");
        }
        if (key == null || secret == null || key.isEmpty()) {
            return error(401, "invalid_request");
        }
        String scope = form.get("scope");
        if (scope != null && !scope.isBlank() && !scope.trim().matches("\\d+")) {
            return error(400, "invalid_scope");
        }
        if (!tokens.matches(key, secret)) {
            return error(401, "invalid_client");
        }
        JsonObject body = new JsonObject();
        body.addProperty("access_token", tokens.issue());
        body.addProperty("expires_in", tokens.lifetimeSeconds());
        body.addProperty("token_type", "bearer");
        if (scope != null && !scope.isBlank()) {
            body.addProperty("scope", scope.trim());
        }
        return SandboxResponse.json(200, body.toString()).header("Cache-Control", "no-store");
    }

    private static SandboxResponse error(int status, String code) {
        JsonObject o = new JsonObject();
        o.addProperty("error", code);
        return SandboxResponse.json(status, o.toString());
    }

    /** Field names match ignoring case, as ODS/API's token request binding does ({@code Grant_Type}, {@code Client_Id}). */
    private static Map<String, String> form(byte[] body) {
        Map<String, String> out = new TreeMap<>(String.CASE_INSENSITIVE_ORDER);
        out.putAll(UrlCoding.decodeForm(new String(body, StandardCharsets.ISO_8859_1)));
        return out;
    }

    private static Map<String, String> json(byte[] body) {
        Map<String, String> out = new TreeMap<>(String.CASE_INSENSITIVE_ORDER);
        try {
            JsonElement e = JsonParser.parseString(new String(body, StandardCharsets.UTF_8));
            if (e.isJsonObject()) {
                e.getAsJsonObject().entrySet().forEach(en -> {
                    if (en.getValue().isJsonPrimitive()) {
                        out.put(en.getKey(), en.getValue().getAsString());
                    }
                });
            }
        } catch (RuntimeException ignored) {
            // An unreadable body has no grant type: answered as unsupported_grant_type.
        }
        return out;
    }
}
