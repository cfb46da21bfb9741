package io.github.edfisdk.certification.build;

/**
 * Why a scenario payload is not exactly what the table describes.
 *
 * @param kind     what went wrong
 * @param line     the page line of the row (0 when not about a row)
 * @param property the row ("container | property") or JSON path concerned
 * @param message  what is missing or wrong, and what to do
 * @param blocking true when the payload cannot be sent as the table describes (a REQUIRED or CONDITIONAL value is
 *                 missing, or the spec requires a property the payload lacks); false for warnings (an OPTIONAL value
 *                 or a property the Data Standard does not have, which is left out)
 */
public record PayloadProblem(Kind kind, int line, String property, String message, boolean blocking) {
    /** The kinds of problems. */
    public enum Kind {
        /** The row names a property the Data Standard does not have; its value is not sent. */
        UNKNOWN_PROPERTY,
        /** The value is assigned by the tester's system and was not given. */
        NEEDS_SYSTEM_VALUE,
        /** The cell cannot be read as a value of the property's type, or is a placeholder with no value. */
        UNRESOLVED_VALUE,
        /** The spec requires a property the built payload lacks. */
        MISSING_REQUIRED,
        /** A reference key the table leaves out, taken from the same key elsewhere in the payload (a warning). */
        INFERRED_KEY,
        /** The scenario's column is empty. */
        NO_VALUES
    }

    @Override
    public String toString() {
        return (blocking ? "ERROR " : "WARNING ") + kind + (line > 0 ? " line " + line : "") + " " + property + ": "
                + message;
    }
}
