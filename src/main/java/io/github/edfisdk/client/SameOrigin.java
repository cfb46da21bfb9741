package io.github.edfisdk.client;

import okhttp3.HttpUrl;

/**
 * The token and data URLs a server's root document names must be of the base URL's origin (scheme, host, port):
 * otherwise whoever controls the root document (or a proxy in front of it) could send the key and secret, or the
 * bearer tokens, anywhere. A URL the user names explicitly ({@code tokenUrl(...)}, a data URL as base URL) is trusted.
 */
final class SameOrigin {
    private SameOrigin() {
    }

    static boolean same(HttpUrl a, HttpUrl b) {
        return a.scheme().equals(b.scheme()) && a.port() == b.port() && (a.host().equalsIgnoreCase(b.host())
                || (isThisMachine(a.host()) && isThisMachine(b.host())));
    }

    /**
     * {@code localhost}, {@code 127.0.0.1} and {@code ::1} name the same machine (a sandbox reports 127.0.0.1 to a
     * client that called it localhost); other loopback addresses such as 127.0.0.2 stay distinct origins.
     */
    private static boolean isThisMachine(String host) {
        String h = host.toLowerCase(java.util.Locale.ROOT);
        return h.equals("localhost") || h.equals("127.0.0.1") || h.equals("::1") || h.equals("[::1]");
    }

    /** @throws EdFiException {@code url} is of another origin than {@code base} */
    static HttpUrl check(HttpUrl url, HttpUrl base, String what, String howToTrust) {
        if (!same(url, base)) {
            throw new EdFiException("The root document of " + base.scheme() + "://" + base.host() + ":" + base.port()
                    + " names the " + what + " " + url + ", of another origin (scheme, host, port); the SDK does not"
                    + " send credentials or tokens there unless you name it: " + howToTrust, null);
        }
        return url;
    }
}
