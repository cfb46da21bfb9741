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
        /**
         * A value the table leaves out, taken from the suite's own page of the referenced resource, as the vendor's
         * system would hold it (send mode only; a warning).
         */
        INFERRED_VALUE,
        /**
         * A key value the table repeats from before an earlier step of the same record changed it: the step carries
         * the change forward and updates that item (a warning).
         */
        CARRIED_KEY,
        /** A cell the SDK reads otherwise than literally, e.g. a value split by {@code <br/>} (a warning). */
        TABLE_QUIRK,
        /** A descriptor value the Ed-Fi default set does not have: a defect of the table, never sent nor created. */
        NOT_A_DEFAULT_DESCRIPTOR,
        /** The scenario's column is empty. */
        NO_VALUES
    }

    /** Whether the problem is the table's (no option of the run can fix it), rather than a value the tester gives. */
    public boolean isTableDefect() {
        return kind != Kind.NEEDS_SYSTEM_VALUE;
    }

    @Override
    public String toString() {
        return (blocking ? "ERROR " : "WARNING ") + kind + (line > 0 ? " line " + line : "") + " " + property + ": "
                + message;
    }
}
