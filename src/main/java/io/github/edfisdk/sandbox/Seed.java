package io.github.edfisdk.sandbox;

/** The data a sandbox starts with. */
public enum Seed {
    /** No items at all (not even descriptors): for tests that load everything themselves. */
    EMPTY,
    /** Every default Ed-Fi descriptor value and the school years 1991-2050. */
    MINIMAL,
    /** MINIMAL plus the Grand Bend education organizations, programs and students (LEA 255901 and its schools). */
    POPULATED;

    public static Seed parse(String text) {
        return valueOf(text.trim().toUpperCase(java.util.Locale.ROOT));
    }
}
