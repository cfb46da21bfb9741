package io.github.edfisdk.certification.catalog;

import io.github.edfisdk.model.ResourceModel;
import java.util.List;
import java.util.Optional;

/**
 * One parsed scenario page: the resource it certifies, the prerequisites, the steps and the table.
 *
 * @param suite         the suite (and so the Data Standard) the page belongs to
 * @param source        where the page was read from (packaged path or file path)
 * @param title         the H1, e.g. "v4 Student Program > StudentCTEProgramAssociation Scenarios"
 * @param resourceName  the resource named by the title, e.g. "StudentCTEProgramAssociation"
 * @param resource      the resource in the spec (the title's name, else the table's first container)
 * @param columns       the table header as written
 * @param prerequisites the bullet items under "Prerequisites"
 * @param steps         every step in order: one per scenario column, then the DELETE steps of the numbered list
 * @param rows          the table rows in page order
 * @param problems      what the parser could not make sense of (malformed rows, unresolved properties ...), each
 *                      naming the source and line
 */
public record ScenarioPage(Suite suite, String source, String title, String resourceName, ResourceModel resource,
                           List<String> columns, List<String> prerequisites, List<Scenario> steps,
                           List<TableRow> rows, List<String> problems) {
    public ScenarioPage {
        columns = List.copyOf(columns);
        prerequisites = List.copyOf(prerequisites);
        steps = List.copyOf(steps);
        rows = List.copyOf(rows);
        problems = List.copyOf(problems);
    }

    /** The POST/PUT scenarios, one per value column, in column order. */
    public List<Scenario> scenarios() {
        return steps.stream().filter(Scenario::hasColumn).toList();
    }

    /** The DELETE steps of the numbered list. */
    public List<Scenario> deleteSteps() {
        return steps.stream().filter(s -> s.verb() == Scenario.Verb.DELETE).toList();
    }

    /** The scenario with this number (POST, PUT or DELETE). */
    public Optional<Scenario> step(int number) {
        return steps.stream().filter(s -> s.number() == number).findFirst();
    }

    /** The POST/PUT scenario with this number, or an error naming the page and its scenarios. */
    public Scenario scenario(int number) {
        return scenarios().stream().filter(s -> s.number() == number).findFirst()
                .orElseThrow(() -> new IllegalArgumentException("No scenario " + number + " with a table column on "
                        + source + " (scenarios: " + scenarios().stream().map(s -> s.number() + " " + s.verb()).toList() + ")"));
    }

    /** The rows whose property could not be placed in the spec. */
    public List<TableRow> unresolvedRows() {
        return rows.stream().filter(r -> !r.resolution().isResolved()).toList();
    }
}
