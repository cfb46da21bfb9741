package io.github.edfisdk.certification.catalog;

import java.util.List;

/**
 * One value cell of a scenario column.
 *
 * @param raw     the cell as written (trimmed)
 * @param parts   the values in the cell, cleaned of markdown ({@code **}, backticks, escapes, mailto links); several
 *                when the cell lists them with {@code <br/>}; empty when the cell is empty
 * @param changed whether the cell (or part of it) is bold, the pages' marker for a value an update changes
 */
public record Cell(String raw, List<String> parts, boolean changed) {
    public Cell {
        parts = List.copyOf(parts);
    }

    public boolean isEmpty() {
        return parts.isEmpty();
    }
}
