package io.github.edfisdk.profiles;

import java.io.IOException;
import java.nio.file.Path;
import java.util.List;

/**
 * A state profile's rule checks over a file of records (the CLI's {@code ./edfi validate --profile ID FILE...}).
 * Implementations stream the file and report every violation; they never stop at the first bad record.
 */
public interface RecordProfile {
    /** Stable id used on the command line, e.g. "nm-cte", "pa-pims-cte". */
    String id();

    /** One line for help output. */
    String description();

    /** Checks every record of the file; an empty list means every record meets every rule. */
    List<RuleViolation> validate(Path file) throws IOException;

    /**
     * {@link #validate(Path)} with the counts a profile can give (e.g. a flat file's rows: valid, invalid), for the
     * CLI's summary line.
     */
    default FileCheck checkFile(Path file) throws IOException {
        return new FileCheck(validate(file), "");
    }

    /**
     * The violations of one file and, when the profile counts them, a short account of its records.
     *
     * @param counts e.g. "10000 row(s): 9897 valid, 103 invalid", or "" when the profile gives none
     */
    record FileCheck(List<RuleViolation> violations, String counts) {
        public FileCheck {
            violations = List.copyOf(violations);
        }
    }
}
