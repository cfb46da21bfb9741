package io.github.edfisdk.certification.report;

import io.github.edfisdk.certification.catalog.ScenarioPage;
import io.github.edfisdk.certification.check.PropertyCheck;
import io.github.edfisdk.certification.run.CertificationReport;
import io.github.edfisdk.certification.run.Outcome;
import io.github.edfisdk.certification.run.ScenarioResult;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * {@code junit.xml} in the format CI servers read (Surefire's): one {@code testsuite} per page, one
 * {@code testcase} per scenario step; FAILED is a failure, ERROR an error, PAGE_DEFECT and NOT_RUN skipped (the
 * message says which).
 */
public final class JUnitXmlReport {
    private JUnitXmlReport() {
    }

    public static String render(List<CertificationReport> runs) {
        StringBuilder sb = new StringBuilder("<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n<testsuites name=\"Ed-Fi SIS certification\">\n");
        for (CertificationReport run : runs) {
            Map<ScenarioPage, List<ScenarioResult>> byPage = new LinkedHashMap<>();
            run.results().forEach(r -> byPage.computeIfAbsent(r.page(), p -> new java.util.ArrayList<>()).add(r));
            for (Map.Entry<ScenarioPage, List<ScenarioResult>> e : byPage.entrySet()) {
                List<ScenarioResult> rs = e.getValue();
                String suiteName = run.suite().folder() + "." + e.getKey().resourceName();
                sb.append("  <testsuite name=\"").append(attr(suiteName)).append("\" tests=\"").append(rs.size())
                        .append("\" failures=\"").append(count(rs, Outcome.FAILED))
                        .append("\" errors=\"").append(count(rs, Outcome.ERROR))
                        .append("\" skipped=\"").append(count(rs, Outcome.NOT_RUN) + count(rs, Outcome.PAGE_DEFECT))
                        .append("\" time=\"").append(seconds(rs.stream().mapToLong(ScenarioResult::millis).sum()))
                        .append("\" timestamp=\"").append(run.startedAt().toString(), 0, 19).append("\">\n");
                for (ScenarioResult r : rs) {
                    sb.append("    <testcase classname=\"").append(attr(suiteName)).append("\" name=\"")
                            .append(attr("Scenario " + r.scenario().number() + " " + r.scenario().verb()
                                    + (r.scenario().description().isEmpty() ? "" : ": " + r.scenario().description())))
                            .append("\" time=\"").append(seconds(r.millis())).append("\"");
                    switch (r.outcome()) {
                        case PASSED -> sb.append("/>\n");
                        case FAILED -> sb.append(">\n      <failure message=\"").append(attr(r.message()))
                                .append("\" type=\"CheckFailed\">").append(text(details(r))).append("</failure>\n    </testcase>\n");
                        case ERROR -> sb.append(">\n      <error message=\"").append(attr(r.message()))
                                .append("\" type=\"RequestRefused\">").append(text(details(r))).append("</error>\n    </testcase>\n");
                        case NOT_RUN, PAGE_DEFECT -> sb.append(">\n      <skipped message=\"")
                                .append(attr(r.outcome() + ": " + r.message())).append("\"/>\n    </testcase>\n");
                    }
                }
                sb.append("  </testsuite>\n");
            }
        }
        return sb.append("</testsuites>\n").toString();
    }

    private static String details(ScenarioResult r) {
        StringBuilder sb = new StringBuilder(r.message());
        if (r.checks() != null) {
            for (PropertyCheck c : r.checks().failures()) {
                sb.append('\n').append(c.verdict()).append(' ').append(c.path()).append(": expected '")
                        .append(c.expected()).append("', actual ").append(c.actual() == null ? "missing" : "'" + c.actual() + "'")
                        .append(" - ").append(c.reason());
            }
        }
        r.prerequisites().stream().filter(a -> !a.created()).forEach(a -> sb.append('\n').append(a));
        return sb.toString();
    }

    private static long count(List<ScenarioResult> rs, Outcome o) {
        return rs.stream().filter(r -> r.outcome() == o).count();
    }

    private static String seconds(long millis) {
        return String.format(Locale.ROOT, "%.3f", millis / 1000.0);
    }

    static String attr(String s) {
        return text(s).replace("\"", "&quot;").replace("\n", "&#10;");
    }

    static String text(String s) {
        StringBuilder sb = new StringBuilder(s.length());
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            switch (c) {
                case '&' -> sb.append("&amp;");
                case '<' -> sb.append("&lt;");
                case '>' -> sb.append("&gt;");
                default -> {
                    // XML 1.0 forbids most control characters.
                    if (c >= 0x20 || c == '\n' || c == '\t' || c == '\r') {
                        sb.append(c);
                    }
                }
            }
        }
        return sb.toString();
    }
}
