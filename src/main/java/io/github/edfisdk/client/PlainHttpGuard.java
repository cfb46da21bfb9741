package io.github.edfisdk.client;

import java.util.Locale;
import okhttp3.HttpUrl;

/**
 * Refuses to send credentials over plain {@code http://} to another machine: the secret (token request) and every
 * bearer token would cross the network unencrypted. Loopback targets ({@code localhost}, {@code 127.0.0.0/8},
 * {@code ::1}) are allowed, as the embedded sandbox runs there. Judged from the URL alone (no DNS lookup).
 */
public final class PlainHttpGuard {
    private PlainHttpGuard() {
    }

    /** Whether the host is a loopback name or address literal. */
    public static boolean isLoopback(String host) {
        String h = host.toLowerCase(Locale.ROOT);
        if (h.startsWith("[") && h.endsWith("]")) {
            h = h.substring(1, h.length() - 1);
        }
        if (h.equals("localhost") || h.endsWith(".localhost") || h.equals("::1") || h.equals("0:0:0:0:0:0:0:1")) {
            return true;
        }
        String[] parts = h.split("\\.");
        if (parts.length != 4 || !parts[0].equals("127")) {
            return false;
        }
        for (String p : parts) {
            if (!p.matches("\\d{1,3}") || Integer.parseInt(p) > 255) {
                return false;
            }
        }
        return true;
    }

    /** Whether credentials may be sent to this URL: https, or http to a loopback host. */
    public static boolean permits(HttpUrl url) {
        return url.isHttps() || isLoopback(url.host());
    }

    /**
     * @throws IllegalArgumentException the URL is plain http to a non-loopback host and that was not allowed
     */
    static void check(HttpUrl url, boolean allowInsecureHttp, String howToAllow) {
        if (!allowInsecureHttp && !permits(url)) {
            throw new IllegalArgumentException("refusing to send credentials over plain http to " + url.host()
                    + ": the secret and tokens would travel unencrypted; use https://, or " + howToAllow);
        }
    }
}
