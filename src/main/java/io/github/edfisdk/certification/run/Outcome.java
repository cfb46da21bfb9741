package io.github.edfisdk.certification.run;

/** The outcome of one scenario step. */
public enum Outcome {
    /** Every check passed (for a DELETE: the item is gone). */
    PASSED,
    /** The item was read back and a check failed, or it was not found. */
    FAILED,
    /** The server refused a request of the step (its answer is in the result). */
    ERROR,
    /**
     * The page itself is wrong where this step needs it (an empty column, a value it does not give or gives wrongly,
     * a descriptor value Ed-Fi does not define): nothing the run or the product can act on. Reported with the page's
     * line, and does not fail the run.
     */
    PAGE_DEFECT,
    /**
     * The step could not be run: it needs a value the tester gives (a system value), the step it builds on was not
     * run, or it is superseded (verify-only).
     */
    NOT_RUN
}
