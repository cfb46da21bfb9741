package io.github.edfisdk.sandbox;

import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Map;

/** One HTTP answer of the sandbox: status, headers and body bytes. */
public final class SandboxResponse {
    private final int status;
    private final Map<String, String> headers = new LinkedHashMap<>();
    private final byte[] body;
    private boolean dropConnection;

    SandboxResponse(int status, String contentType, byte[] body) {
        this.status = status;
        this.body = body == null ? new byte[0] : body;
        if (contentType != null) {
            headers.put("Content-Type", contentType);
        }
    }

    static SandboxResponse empty(int status) {
        return new SandboxResponse(status, null, null);
    }

    static SandboxResponse json(int status, String json) {
        return new SandboxResponse(status, "application/json; charset=utf-8", json.getBytes(StandardCharsets.UTF_8));
    }

    static SandboxResponse text(int status, String text) {
        return new SandboxResponse(status, "text/plain; charset=utf-8", text.getBytes(StandardCharsets.UTF_8));
    }

    /** No answer at all: the server closes the connection (an injected fault). */
    static SandboxResponse dropConnection() {
        SandboxResponse r = new SandboxResponse(0, null, null);
        r.dropConnection = true;
        return r;
    }

    /** Whether the connection is to be closed without an answer. */
    public boolean dropsConnection() {
        return dropConnection;
    }

    SandboxResponse header(String name, String value) {
        headers.put(name, value);
        return this;
    }

    public int status() {
        return status;
    }

    public Map<String, String> headers() {
        return headers;
    }

    public byte[] body() {
        return body;
    }
}
