package io.github.edfisdk.certification.run;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.github.edfisdk.certification.catalog.Suite;
import io.github.edfisdk.client.EdFiClient;
import io.github.edfisdk.client.RetryPolicy;
import io.github.edfisdk.model.DataStandard;
import io.github.edfisdk.model.DataStandardModel;
import io.github.edfisdk.model.ResourceModel;
import io.github.edfisdk.sandbox.EdFiSandbox;
import io.github.edfisdk.sandbox.FaultPlan;
import io.github.edfisdk.sandbox.Seed;
import java.time.Duration;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

/**
 * A whole suite through injected faults (5xx, 429, connections dropped before and after the write, early token
 * expiry) ends exactly as without them: the same outcome for every step and the same number of items of every
 * resource (a retried POST is an upsert, a retried DELETE finds the item gone).
 */
class CertificationUnderFaultsTest {
    @Test
    void aSuiteUnderFaultsGivesTheSameResultsAndTheSameItemsAsWithout() {
        Run clean = run(FaultPlan.none());
        Run faulty = run(FaultPlan.parse("5xx=0.10,429=0.05,drop=0.04,expire=0.01,retry-after=0,seed=7"));
        System.out.println("certification under faults: " + faulty.report.summaryLine() + "; requests that reached"
                + " the sandbox " + faulty.requests + " (without faults " + clean.requests + ")");
        assertEquals(outcomes(clean.report), outcomes(faulty.report));
        assertEquals(clean.items, faulty.items, "no duplicate and no missing item");
        assertTrue(faulty.requests > clean.requests * 11 / 10, "faults were injected: " + faulty.requests);
    }

    record Run(CertificationReport report, Map<String, Long> items, long requests) {
    }

    static Run run(FaultPlan faults) {
        try (EdFiSandbox sb = EdFiSandbox.builder().dataStandard(DataStandard.DS4).seed(Seed.POPULATED).port(0)
                .faults(faults).start();
             EdFiClient client = EdFiClient.builder().baseUrl(sb.baseUrl()).credentials(sb.key(), sb.secret())
                     .retryPolicy(RetryPolicy.builder().maxAttempts(10).baseDelay(Duration.ofMillis(1))
                             .maxDelay(Duration.ofMillis(20)).build())
                     .build()) {
            CertificationReport report = CertificationRunner.builder().client(client).suite(Suite.SIS_V4)
                    .context(CertificationRunnerTest.SEND).build().run();
            long requests = sb.stats().snapshot().values().stream().flatMap(m -> m.values().stream())
                    .mapToLong(Long::longValue).sum();
            sb.injectFaults(FaultPlan.none());
            Map<String, Long> items = new TreeMap<>();
            for (ResourceModel r : DataStandardModel.of(DataStandard.DS4).resources()) {
                if (!r.isDescriptor()) {
                    long n = client.documents().count(r.path(), Map.of());
                    if (n > 0) {
                        items.put(r.name(), n);
                    }
                }
            }
            return new Run(report, items, requests);
        }
    }

    static Map<String, Outcome> outcomes(CertificationReport r) {
        return r.results().stream().collect(Collectors.toMap(x -> x.name(), ScenarioResult::outcome, (a, b) -> a,
                TreeMap::new));
    }
}
