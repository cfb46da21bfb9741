package io.github.edfisdk.certification.run;

import java.util.Locale;

/** What the runner does with the scenarios. */
public enum RunMode {
    /** The SDK sends each scenario's payload (creating missing prerequisites), reads the item back and checks it. */
    SEND,
    /** The vendor's product sent the data; the runner only reads each item by its natural key and checks it. */
    VERIFY_ONLY;

    /** "send" or "verify-only". */
    public static RunMode parse(String text) {
        return switch (text.trim().toLowerCase(Locale.ROOT).replace('_', '-')) {
            case "send" -> SEND;
            case "verify-only", "verify" -> VERIFY_ONLY;
            default -> throw new IllegalArgumentException("Unknown mode '" + text + "': use send or verify-only");
        };
    }

    /** "send" or "verify-only". */
    public String label() {
        return this == SEND ? "send" : "verify-only";
    }
}
