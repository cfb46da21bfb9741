package io.github.edfisdk.certification.catalog;

/**
 * One step of a page: a scenario column (POST or PUT) or a DELETE step that exists only in the page's numbered list.
 *
 * @param number      the scenario number (1-based, as on the page's numbered list)
 * @param verb        POST, PUT or DELETE
 * @param description the text of the numbered list item, or "" when the list has no item for it
 * @param header      the table column header as written (empty for DELETE steps)
 * @param column      the index of the scenario among the table's value columns (0-based), or -1 for DELETE steps
 */
public record Scenario(int number, Verb verb, String description, String header, int column) {
    /** The HTTP verb of a step. */
    public enum Verb { POST, PUT, DELETE }

    /** Whether the table has a value column for this step. */
    public boolean hasColumn() {
        return column >= 0;
    }

    @Override
    public String toString() {
        return "Scenario " + number + " " + verb + (description.isEmpty() ? "" : ": " + description);
    }
}
