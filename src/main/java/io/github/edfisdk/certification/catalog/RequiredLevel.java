package io.github.edfisdk.certification.catalog;

import java.util.Locale;

/** The requirement column of a scenario table. */
public enum RequiredLevel {
    /** The element must be supplied. */
    REQUIRED,
    /** The element is required if and only if a standard installation of the product has it. */
    CONDITIONAL,
    /** The element may be omitted. */
    OPTIONAL,
    /** The cell is empty (e.g. the school-food-service StudentReference row); the spec's required flag applies. */
    UNSPECIFIED;

    static RequiredLevel parse(String cell) {
        String t = cell.replace("*", "").trim().toUpperCase(Locale.ROOT);
        if (t.startsWith("REQ")) {
            return REQUIRED;
        }
        if (t.startsWith("COND")) {
            return CONDITIONAL;
        }
        if (t.startsWith("OPT")) {
            return OPTIONAL;
        }
        return UNSPECIFIED;
    }
}
