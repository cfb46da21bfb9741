package io.github.edfisdk.certification.run;

/** The outcome of one scenario step. */
public enum Outcome {
    /** Every check passed (for a DELETE: the item is gone). */
    PASSED,
    /** The item was read back and a check failed, or it was not found. */
    FAILED,
    /** The server refused a request of the step (its answer is in the result). */
    ERROR,
    /** The step could not be run: its payload cannot be built from the table, or it is superseded (verify-only). */
    NOT_RUN
}
