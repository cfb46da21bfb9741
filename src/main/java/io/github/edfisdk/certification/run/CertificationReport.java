package io.github.edfisdk.certification.run;

import io.github.edfisdk.certification.ScenarioContext;
import io.github.edfisdk.certification.catalog.Suite;
import java.time.Duration;
import java.time.Instant;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;

/**
 * The results of one certification run.
 *
 * @param suite     the suite
 * @param target    the API root the run talked to (never credentials)
 * @param mode      send or verify-only
 * @param context   school year, namespace, system values
 * @param startedAt when the run started
 * @param duration  how long it took
 * @param results   one per scenario step run or accounted for, in run order
 */
public record CertificationReport(Suite suite, String target, RunMode mode, ScenarioContext context,
                                  Instant startedAt, Duration duration, List<ScenarioResult> results) {
    public CertificationReport {
        results = List.copyOf(results);
    }

    public Map<Outcome, Integer> counts() {
        Map<Outcome, Integer> m = new EnumMap<>(Outcome.class);
        for (Outcome o : Outcome.values()) {
            m.put(o, 0);
        }
        results.forEach(r -> m.merge(r.outcome(), 1, Integer::sum));
        return m;
    }

    /** Whether every step passed, but for the page defects (which the product cannot act on). */
    public boolean passed() {
        return results.stream().allMatch(r -> r.outcome() == Outcome.PASSED || r.outcome() == Outcome.PAGE_DEFECT);
    }

    /** "sis-v4: 120 passed, 2 failed, 0 errors, 8 page defects, 0 not run (161 scenario steps)". */
    public String summaryLine() {
        Map<Outcome, Integer> c = counts();
        return suite.folder() + ": " + c.get(Outcome.PASSED) + " passed, " + c.get(Outcome.FAILED) + " failed, "
                + c.get(Outcome.ERROR) + " errors, " + c.get(Outcome.PAGE_DEFECT) + " page defects, "
                + c.get(Outcome.NOT_RUN) + " not run (" + results.size() + " scenario steps)";
    }
}
