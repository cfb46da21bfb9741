package io.github.edfisdk.certification.check;

/** The outcome of checking one property of a scenario. */
public enum Verdict {
    /** The actual value equals the expected one (or a system-assigned value is present). */
    PASS,
    /** A REQUIRED value (or one the spec requires when the table's level is blank) is missing. */
    MISSING_REQUIRED,
    /** The value is present but differs from the table's. */
    WRONG_VALUE,
    /** A collection item the table does not list. */
    UNEXPECTED,
    /** A property the scenario's description says to remove is still on the item. */
    NOT_REMOVED,
    /** Nothing to compare: no value in the table, an OPTIONAL or CONDITIONAL value not sent, or a cell that could
     *  not be resolved; the reason says which. */
    NOT_CHECKED;

    /** Whether the verdict fails the scenario. */
    public boolean isFailure() {
        return this == MISSING_REQUIRED || this == WRONG_VALUE || this == UNEXPECTED || this == NOT_REMOVED;
    }
}
