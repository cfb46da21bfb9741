package io.github.edfisdk.certification.catalog;

import java.util.List;

/**
 * One row of a scenario table.
 *
 * @param line         the 1-based line of the row in the page
 * @param container    column 1 as written (resource, reference, collection item or type name)
 * @param propertyName column 2 as written
 * @param isCollection column 3 as written (not reliable, see TABLE-FORMAT-NOTES)
 * @param dataType     column 4 as written, cleaned of escapes
 * @param required     column 5
 * @param cells        one cell per scenario column
 * @param occurrence   0 for the first row with this (container, property), 1 for the next ... (repeated rows are
 *                     several items of one collection)
 * @param resolution   where the property sits in the spec
 */
public record TableRow(int line, String container, String propertyName, String isCollection, String dataType,
                       RequiredLevel required, List<Cell> cells, int occurrence, PropertyResolution resolution) {
    public TableRow {
        cells = List.copyOf(cells);
    }

    /** The cell of a scenario column (0-based). */
    public Cell cell(int column) {
        return cells.get(column);
    }

    /** "container | property" as the table writes it, for messages. */
    public String label() {
        return container + " | " + propertyName;
    }

    /** Whether every scenario cell is empty (a declaration row or an unused optional row). */
    public boolean isEmpty() {
        return cells.stream().allMatch(Cell::isEmpty);
    }
}
