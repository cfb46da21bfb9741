package io.github.edfisdk.certification.report;

import io.github.edfisdk.certification.catalog.Suite;
import io.github.edfisdk.certification.check.PropertyCheck;
import io.github.edfisdk.certification.check.Verdict;
import io.github.edfisdk.certification.run.CertificationReport;
import io.github.edfisdk.certification.run.Outcome;
import io.github.edfisdk.certification.run.RunMode;
import io.github.edfisdk.certification.run.ScenarioResult;
import java.util.List;

/**
 * What {@code edfi certify} prints: per suite, a header, one line per step as it finishes, then what did not pass
 * and the totals; {@code summary.txt} holds the same with a table of every step.
 */
public final class ConsoleReport {
    private ConsoleReport() {
    }

    /** One progress line for a step, as it finishes. */
    public static String line(ScenarioResult r) {
        return String.format("%-8s %s (%d ms)%s", r.outcome(), r.name(), r.millis(),
                r.outcome() == Outcome.PASSED ? "" : ": " + shorten(r.message(), 160));
    }

    /** "sis-v4 against http://.../data/v3/ (send, school year 2025)": printed before the suite's steps. */
    public static String header(Suite suite, String target, RunMode mode, int schoolYear) {
        return suite.folder() + " against " + target + " (" + mode.label() + ", school year " + schoolYear + ")";
    }

    /** The whole summary ({@code summary.txt}): per suite, a table of every step, then {@link #footer}. */
    public static String render(List<CertificationReport> runs) {
        StringBuilder sb = new StringBuilder();
        for (CertificationReport run : runs) {
            int width = run.results().stream().mapToInt(r -> r.page().resourceName().length()).max().orElse(10);
            width = Math.max(width, 4);
            sb.append('\n').append(header(run.suite(), run.target(), run.mode(), run.context().schoolYear()))
                    .append('\n');
            sb.append(String.format("%-" + width + "s  %-10s  %-11s  %s%n", "Page", "Scenario", "Result", "Checks"));
            for (ScenarioResult r : run.results()) {
                String checks = "";
                if (r.checks() != null) {
                    long pass = r.checks().checks().stream().filter(c -> !c.verdict().isFailure()
                            && c.verdict() != Verdict.NOT_CHECKED).count();
                    checks = pass + " pass, " + r.checks().failures().size() + " fail, "
                            + r.checks().checks().stream().filter(c -> c.verdict() == Verdict.NOT_CHECKED).count()
                            + " not checked";
                }
                sb.append(String.format("%-" + width + "s  %-10s  %-11s  %s%n", r.page().resourceName(),
                        r.scenario().number() + " " + r.scenario().verb(), r.outcome(), checks));
            }
            sb.append(footer(run));
        }
        return sb.toString();
    }

    /**
     * What did not pass, in detail (page defects apart: they do not fail the run), and the totals: printed after
     * a suite's steps.
     */
    public static String footer(CertificationReport run) {
        StringBuilder sb = new StringBuilder();
        section(sb, run, "Page defects (the page is wrong here, nothing to fix in the product; they do not fail the"
                + " run):", r -> r.outcome() == Outcome.PAGE_DEFECT);
        section(sb, run, "Not passed:", r -> r.outcome() != Outcome.PASSED && r.outcome() != Outcome.PAGE_DEFECT);
        sb.append('\n').append(run.summaryLine()).append(" in ").append(run.duration().toMillis()).append(" ms\n");
        return sb.toString();
    }

    private static void section(StringBuilder sb, CertificationReport run, String title,
                                java.util.function.Predicate<ScenarioResult> which) {
        boolean header = false;
        for (ScenarioResult r : run.results()) {
            if (!which.test(r)) {
                continue;
            }
            if (!header) {
                sb.append('\n').append(title).append('\n');
                header = true;
            }
            sb.append("  ").append(r.name()).append(": ").append(r.outcome()).append(" - ")
                    .append(r.checks() == null || r.checks().passed() ? r.message() : "").append('\n');
            if (r.checks() != null) {
                for (PropertyCheck c : r.checks().failures()) {
                    sb.append("    ").append(c.verdict()).append(' ').append(c.reason()).append('\n');
                }
            }
        }
    }

    private static String shorten(String s, int max) {
        return s.length() <= max ? s : s.substring(0, max - 3) + "...";
    }
}
