package io.github.edfisdk.certification.check;

import io.github.edfisdk.certification.catalog.Scenario;
import io.github.edfisdk.certification.catalog.ScenarioPage;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;

/** The checks of one scenario against one item read back from an ODS. */
public record CheckReport(ScenarioPage page, Scenario scenario, List<PropertyCheck> checks) {
    public CheckReport {
        checks = List.copyOf(checks);
    }

    /** True when no check failed. */
    public boolean passed() {
        return checks.stream().noneMatch(c -> c.verdict().isFailure());
    }

    public List<PropertyCheck> failures() {
        return checks.stream().filter(c -> c.verdict().isFailure()).toList();
    }

    /** The check of a property path (first match), e.g. "programReference.programName". */
    public java.util.Optional<PropertyCheck> check(String path) {
        return checks.stream().filter(c -> c.path().equals(path)).findFirst();
    }

    public Map<Verdict, Integer> counts() {
        Map<Verdict, Integer> m = new EnumMap<>(Verdict.class);
        checks.forEach(c -> m.merge(c.verdict(), 1, Integer::sum));
        return m;
    }

    @Override
    public String toString() {
        StringBuilder sb = new StringBuilder(page.resourceName() + " " + scenario + ": "
                + (passed() ? "PASSED " : "FAILED ") + counts());
        failures().forEach(f -> sb.append("\n  ").append(f));
        return sb.toString();
    }
}
