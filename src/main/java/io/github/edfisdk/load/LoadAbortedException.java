package io.github.edfisdk.load;

import java.io.IOException;

/**
 * The load stopped because the server could not be reached (the runtime's retries were spent on many records in a
 * row). Nothing that had not landed was recorded as landed, so the same command resumes where it stopped.
 */
public final class LoadAbortedException extends IOException {
    private final transient LoadReport partial;

    public LoadAbortedException(String message, Throwable cause, LoadReport partial) {
        super(message, cause);
        this.partial = partial;
    }

    /** The account up to the stop. */
    public LoadReport partialReport() {
        return partial;
    }
}
