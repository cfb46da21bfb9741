package io.github.edfisdk.client;

/** Receives the client's request log lines (e.g. {@code System.err::println} for a CLI {@code -v}). */
@FunctionalInterface
public interface HttpLogger {
    /** How much is logged. */
    enum Level {
        /** Nothing. */
        NONE,
        /** One line per request and per response: method, URL, status, time. */
        BASIC,
        /** BASIC plus headers, with credentials redacted. Bodies are never logged (they may hold tokens). */
        HEADERS
    }

    /** @param line one log line, already redacted */
    void log(String line);
}
