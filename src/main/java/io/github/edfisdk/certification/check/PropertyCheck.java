package io.github.edfisdk.certification.check;

import io.github.edfisdk.certification.catalog.RequiredLevel;

/**
 * The check of one property (or one collection item).
 *
 * @param path     the JSON path with item indexes of the expected item, e.g. {@code cteProgramServices[0].cipCode}
 * @param level    the table's required level (UNSPECIFIED for extra items)
 * @param line     the page line of the row, 0 for extra items
 * @param expected the expected value as the table means it (descriptor code value, ISO date ...), or "" when none
 * @param actual   the actual value as read (JSON text), or null when missing
 * @param verdict  the outcome
 * @param reason   why, in words that name the property, expected and actual
 */
public record PropertyCheck(String path, RequiredLevel level, int line, String expected, String actual,
                            Verdict verdict, String reason) {
    @Override
    public String toString() {
        return verdict + " " + path + ": " + reason;
    }
}
