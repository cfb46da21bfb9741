package io.github.edfisdk.sandbox;

import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * One HTTP request as the sandbox sees it, independent of the HTTP server that received it (so request handling,
 * and later fault injection, lives in one place).
 *
 * @param path    the decoded path, e.g. {@code /data/v3/ed-fi/schools}
 * @param query   decoded query parameters in order (the first value of each name is used)
 * @param headers header names in lower case
 */
public record SandboxRequest(String method, String path, Map<String, String> query,
                             Map<String, List<String>> headers, byte[] body) {
    /** The first value of a header, by name ignoring case, or null. */
    public String header(String name) {
        List<String> values = headers.get(name.toLowerCase(Locale.ROOT));
        return values == null || values.isEmpty() ? null : values.get(0);
    }
}
