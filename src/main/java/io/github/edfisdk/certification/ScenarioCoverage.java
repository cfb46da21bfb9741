package io.github.edfisdk.certification;

import io.github.edfisdk.certification.build.PayloadProblem;
import io.github.edfisdk.certification.build.ScenarioPayload;
import io.github.edfisdk.certification.catalog.Suite;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;

/**
 * Which scenarios of a suite can be built in a context, and why the others cannot: every POST/PUT scenario of
 * every page is built once and accounted for.
 *
 * @param suite    the suite
 * @param payloads every scenario's payload, page by page
 */
public record ScenarioCoverage(Suite suite, List<ScenarioPayload> payloads) {
    public ScenarioCoverage {
        payloads = List.copyOf(payloads);
    }

    public static ScenarioCoverage of(Suite suite, ScenarioContext context) {
        List<ScenarioPayload> out = new ArrayList<>();
        for (PageScenarios page : CertificationScenarios.of(suite, context).pages()) {
            for (ScenarioStep step : page.scenarios()) {
                out.add(step.payload());
            }
        }
        return new ScenarioCoverage(suite, out);
    }

    public List<ScenarioPayload> complete() {
        return payloads.stream().filter(ScenarioPayload::isComplete).toList();
    }

    public List<ScenarioPayload> blocked() {
        return payloads.stream().filter(p -> !p.isComplete()).toList();
    }

    /** How many blocked scenarios have at least one blocking problem of each kind. */
    public Map<PayloadProblem.Kind, Integer> blockedByKind() {
        Map<PayloadProblem.Kind, Integer> m = new EnumMap<>(PayloadProblem.Kind.class);
        for (ScenarioPayload p : blocked()) {
            p.blockingProblems().stream().map(PayloadProblem::kind).distinct().forEach(k -> m.merge(k, 1, Integer::sum));
        }
        return m;
    }

    /** A markdown table: one line per blocked scenario with its blocking problems. */
    public String markdown() {
        StringBuilder sb = new StringBuilder();
        sb.append(suite.folder()).append(": ").append(complete().size()).append(" of ").append(payloads.size())
                .append(" scenarios can be built; blocked by ").append(blockedByKind()).append("\n\n");
        sb.append("| page | scenario | why it cannot be built |\n|---|---|---|\n");
        for (ScenarioPayload p : blocked()) {
            List<String> why = p.blockingProblems().stream()
                    .map(x -> x.kind() + " " + x.property() + (x.line() > 0 ? " (line " + x.line() + ")" : ""))
                    .distinct().toList();
            sb.append("| ").append(p.page().resourceName()).append(" | ").append(p.scenario().number()).append(' ')
                    .append(p.scenario().verb()).append(" | ").append(String.join("; ", why).replace("|", "\\|"))
                    .append(" |\n");
        }
        return sb.toString();
    }
}
