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
}
