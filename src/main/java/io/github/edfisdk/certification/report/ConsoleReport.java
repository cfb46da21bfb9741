package io.github.edfisdk.certification.report;

import io.github.edfisdk.certification.check.PropertyCheck;
import io.github.edfisdk.certification.run.CertificationReport;
import io.github.edfisdk.certification.run.Outcome;
import io.github.edfisdk.certification.run.ScenarioResult;
import java.util.List;

/** The summary printed at the end of {@code edfi certify}: a table of steps, the failures in detail, the totals. */
public final class ConsoleReport {
    private ConsoleReport() {
    }

    /** One progress line for a step, as it finishes. */
    public static String line(ScenarioResult r) {
        return String.format("%-8s %s (%d ms)%s", r.outcome(), r.name(), r.millis(),
                r.outcome() == Outcome.PASSED ? "" : ": " + shorten(r.message(), 160));
    }

    public static String render(List<CertificationReport> runs) {
        StringBuilder sb = new StringBuilder();
        for (CertificationReport run : runs) {
            int width = run.results().stream().mapToInt(r -> r.page().resourceName().length()).max().orElse(10);
            width = Math.max(width, 4);
            sb.append('\n').append(run.suite().folder()).append(" against ").append(run.target()).append(" (")
                    .append(run.mode().label()).append(", school year ").append(run.context().schoolYear()).append(")\n");
            sb.append(String.format("%-" + width + "s  %-10s  %-8s  %s%n", "Page", "Scenario", "Result", "Checks"));
            for (ScenarioResult r : run.results()) {
                String checks = "";
                if (r.checks() != null) {
                    long pass = r.checks().checks().stream().filter(c -> !c.verdict().isFailure()
                            && c.verdict() != io.github.edfisdk.certification.check.Verdict.NOT_CHECKED).count();
                    checks = pass + " pass, " + r.checks().failures().size() + " fail, "
                            + r.checks().checks().stream().filter(c -> c.verdict()
                            == io.github.edfisdk.certification.check.Verdict.NOT_CHECKED).count() + " not checked";
                }
                sb.append(String.format("%-" + width + "s  %-10s  %-8s  %s%n", r.page().resourceName(),
                        r.scenario().number() + " " + r.scenario().verb(), r.outcome(), checks));
            }
            boolean header = false;
            for (ScenarioResult r : run.results()) {
                if (r.outcome() == Outcome.PASSED) {
                    continue;
                }
                if (!header) {
                    sb.append("\nNot passed:\n");
                    header = true;
                }
                sb.append("  ").append(r.name()).append(": ").append(r.outcome()).append(" - ")
                        .append(r.checks() == null ? r.message() : "").append('\n');
                if (r.checks() != null) {
                    for (PropertyCheck c : r.checks().failures()) {
                        sb.append("    ").append(c.verdict()).append(' ').append(c.reason()).append('\n');
                    }
                }
            }
            sb.append('\n').append(run.summaryLine()).append(" in ").append(run.duration().toMillis()).append(" ms\n");
        }
        return sb.toString();
    }

    private static String shorten(String s, int max) {
        return s.length() <= max ? s : s.substring(0, max - 3) + "...";
    }
}
