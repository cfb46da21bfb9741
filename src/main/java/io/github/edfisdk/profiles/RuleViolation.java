package io.github.edfisdk.profiles;

/**
 * One broken rule of a state profile, located precisely enough to fix the source record.
 *
 * @param file   the file the record came from (as given by the user), or "-" for records built in memory
 * @param line   1-based line (or row) number in that file, 0 when not from a file
 * @param field  the field or JSON path that breaks the rule, e.g. "CIP CODE" or "$.educationOrganizationReference"
 * @param rule   a short stable rule id, e.g. "pims.cip-code.format"
 * @param message the rule in the seed document's wording, with the offending value
 */
public record RuleViolation(String file, long line, String field, String rule, String message) {
    @Override
    public String toString() {
        return file + ":" + line + ": " + field + ": " + message + " [" + rule + "]";
    }
}
