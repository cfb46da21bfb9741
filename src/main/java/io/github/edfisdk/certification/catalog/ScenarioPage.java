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

    /**
     * The POST scenario whose item a DELETE step removes: the only POST, else the POST whose description shares the
     * most words with the step's ("Delete the grade for the elementary student" -> "Create a Grade ... elementary
     * school student"); empty when two POSTs tie (the runner must ask).
     */
    public Optional<Scenario> deleteTarget(Scenario delete) {
        List<Scenario> posts = scenarios().stream().filter(s -> s.verb() == Scenario.Verb.POST).toList();
        if (posts.size() == 1) {
            return Optional.of(posts.get(0));
        }
        java.util.Set<String> words = words(delete.description());
        Scenario best = null;
        int bestScore = -1;
        boolean tie = false;
        for (Scenario p : posts) {
            java.util.Set<String> w = words(p.description());
            w.retainAll(words);
            if (w.size() > bestScore) {
                best = p;
                bestScore = w.size();
                tie = false;
            } else if (w.size() == bestScore) {
                tie = true;
            }
        }
        return tie || bestScore <= 0 ? Optional.empty() : Optional.ofNullable(best);
    }

    private static java.util.Set<String> words(String text) {
        java.util.Set<String> out = new java.util.HashSet<>();
        for (String w : text.toLowerCase(java.util.Locale.ROOT).split("[^a-z0-9]+")) {
            if (w.length() > 3 && !java.util.Set.of("create", "delete", "record", "with", "that", "from", "this")
                    .contains(w)) {
                out.add(w);
            }
        }
        return out;
    }

    /** The rows whose property could not be placed in the spec. */
    public List<TableRow> unresolvedRows() {
        return rows.stream().filter(r -> !r.resolution().isResolved()).toList();
    }
}
