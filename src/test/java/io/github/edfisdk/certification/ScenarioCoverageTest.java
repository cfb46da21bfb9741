package io.github.edfisdk.certification;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.github.edfisdk.certification.build.PayloadProblem;
import io.github.edfisdk.certification.build.ScenarioPayload;
import io.github.edfisdk.certification.catalog.ScenarioCatalog;
import io.github.edfisdk.certification.catalog.Suite;
import org.junit.jupiter.api.Test;

/** Builds every scenario of both suites; every one is accounted for, and every blocked one says why. */
class ScenarioCoverageTest {
    @Test
    void everyScenarioIsBuiltOrExplained() {
        for (boolean accept : new boolean[]{false, true}) {
            ScenarioContext ctx = ScenarioContext.builder().schoolYear(2025).acceptSuggestedSystemValues(accept).build();
            for (Suite s : Suite.values()) {
                ScenarioCoverage c = ScenarioCoverage.of(s, ctx);
                int columns = ScenarioCatalog.of(s).pages().stream().mapToInt(p -> p.scenarios().size()).sum();
                assertEquals(columns, c.payloads().size());
                assertEquals(columns, c.complete().size() + c.blocked().size());
                for (ScenarioPayload p : c.blocked()) {
                    assertFalse(p.blockingProblems().isEmpty());
                    for (PayloadProblem x : p.blockingProblems()) {
                        assertFalse(x.message().isBlank(), x.toString());
                    }
                }
                for (ScenarioPayload p : c.complete()) {
                    assertTrue(p.json().size() > 0, p.toString());
                }
                if (System.getProperty("coverage.print") != null) {
                    System.out.println("accept=" + accept + "\n" + c.markdown());
                }
                // With suggested system values most of the suite builds; without, the system values block many.
                assertTrue(accept ? c.complete().size() > columns * 3 / 4 : c.complete().size() > columns / 4,
                        s + " accept=" + accept + ": " + c.complete().size() + "/" + columns);
            }
        }
    }
}
