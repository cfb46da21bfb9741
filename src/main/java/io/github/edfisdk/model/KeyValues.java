package io.github.edfisdk.model;

import com.google.gson.JsonElement;

/** The comparison form of single key values, shared by natural keys, queries and reference lookups. */
public final class KeyValues {
    private KeyValues() {
    }

    /**
     * The canonical text of a value as {@link NaturalKey} compares it: strings and descriptors ignoring case and
     * surrounding spaces, numbers by value ({@code 1} = {@code 1.0} = {@code "1"}).
     */
    public static String canonical(JsonElement value) {
        return NaturalKey.canonicalValue(value);
    }
}
