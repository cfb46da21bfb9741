package io.github.edfisdk.certification.report;

import io.github.edfisdk.certification.build.PayloadProblem;
import io.github.edfisdk.certification.check.PropertyCheck;
import io.github.edfisdk.certification.run.CertificationReport;
import io.github.edfisdk.certification.run.Outcome;
import io.github.edfisdk.certification.run.PrerequisiteAction;
import io.github.edfisdk.certification.run.ScenarioResult;
import java.util.List;
import java.util.Locale;

/**
 * {@code report.html}: one self-contained page (inline style, no script, no external resource) for a person: the
 * totals, a table of every scenario step, and per step its property checks (expected, actual, verdict, reason),
 * what the runner created for it and what the table could not give.
 */
public final class HtmlReport {
    private HtmlReport() {
    }

    public static String render(List<CertificationReport> runs) {
        StringBuilder sb = new StringBuilder();
        sb.append("<!DOCTYPE html>\n<html lang=\"en\"><head><meta charset=\"utf-8\"><title>Ed-Fi SIS certification report</title>\n")
                .append("<style>body{font-family:system-ui,sans-serif;margin:2em;color:#222}table{border-collapse:collapse;margin:.5em 0 1.5em}"
                        + "table{width:100%}td,th{border:1px solid #ccc;padding:3px 8px;text-align:left;vertical-align:top;font-size:14px}td.w{overflow-wrap:anywhere}"
                        + "th{background:#f3f3f3}.PASSED,.PASS{background:#e6f4ea}.FAILED,.WRONG_VALUE,.MISSING_REQUIRED,.UNEXPECTED,.NOT_REMOVED{background:#fde7e7}"
                        + ".ERROR{background:#fff0d9}.NOT_RUN,.PAGE_DEFECT,.NOT_CHECKED{background:#f1f1f1;color:#555}code{font-size:13px}"
                        + "details{margin:.3em 0 1em 1em}summary{cursor:pointer}pre{white-space:pre-wrap;word-break:break-all}</style></head><body>\n")
                .append("<h1>Ed-Fi SIS certification report</h1>\n");
        for (CertificationReport run : runs) {
            sb.append("<h2>").append(esc(run.suite().folder())).append(" (Data Standard ")
                    .append(esc(run.suite().dataStandard().version())).append(")</h2>\n<p>")
                    .append(esc(run.summaryLine())).append("<br>Target <code>").append(esc(run.target()))
                    .append("</code>, mode ").append(esc(run.mode().label())).append(", school year ")
                    .append(run.context().schoolYear()).append(", namespace <code>")
                    .append(esc(run.context().descriptorNamespace())).append("</code>, started ")
                    .append(esc(run.startedAt().toString())).append(", ").append(run.duration().toMillis()).append(" ms</p>\n");
            sb.append("<table><tr><th>Page</th><th>Scenario</th><th>Result</th><th>Why</th></tr>\n");
            int i = 0;
            for (ScenarioResult r : run.results()) {
                sb.append("<tr class=\"").append(r.outcome()).append("\"><td>").append(esc(r.page().resourceName()))
                        .append("</td><td><a href=\"#").append(anchor(run, i)).append("\">").append(r.scenario().number())
                        .append(' ').append(r.scenario().verb()).append("</a></td><td>").append(r.outcome())
                        .append("</td><td>").append(esc(r.message())).append("</td></tr>\n");
                i++;
            }
            sb.append("</table>\n");
            i = 0;
            for (ScenarioResult r : run.results()) {
                sb.append("<h3 id=\"").append(anchor(run, i++)).append("\">").append(esc(r.name())).append(" — ")
                        .append(r.outcome()).append("</h3>\n<p>").append(esc(r.scenario().description()))
                        .append("<br><small>").append(esc(r.page().source())).append("</small></p>\n");
                if (r.checks() != null) {
                    sb.append("<table><tr><th>Property</th><th>Required</th><th>Expected</th><th>Actual</th><th>Verdict</th><th>Reason</th></tr>\n");
                    for (PropertyCheck c : r.checks().checks()) {
                        sb.append("<tr class=\"").append(c.verdict()).append("\"><td><code>").append(esc(c.path()))
                                .append("</code></td><td>").append(esc(c.level().name().toLowerCase(Locale.ROOT)))
                                .append("</td><td class=\"w\">").append(esc(c.expected())).append("</td><td class=\"w\">")
                                .append(esc(c.actual() == null ? "—" : c.actual())).append("</td><td>").append(c.verdict())
                                .append("</td><td class=\"w\">").append(esc(c.reason())).append("</td></tr>\n");
                    }
                    sb.append("</table>\n");
                } else {
                    sb.append("<p>").append(esc(r.message())).append("</p>\n");
                }
                if (!r.prerequisites().isEmpty()) {
                    sb.append("<details><summary>Prerequisites created (").append(r.prerequisites().size())
                            .append(")</summary><ul>");
                    for (PrerequisiteAction a : r.prerequisites()) {
                        sb.append("<li>").append(esc(a.toString())).append("</li>");
                    }
                    sb.append("</ul></details>\n");
                }
                if (!r.problems().isEmpty()) {
                    sb.append("<details><summary>What the table could not give (").append(r.problems().size())
                            .append(")</summary><ul>");
                    for (PayloadProblem p : r.problems()) {
                        sb.append("<li>").append(esc(p.toString())).append("</li>");
                    }
                    sb.append("</ul></details>\n");
                }
                if (r.sent() != null) {
                    sb.append("<details><summary>Body sent</summary><pre>").append(esc(r.sent().toString()))
                            .append("</pre></details>\n");
                }
                if (r.actual() != null && r.outcome() != Outcome.PASSED) {
                    sb.append("<details><summary>Item read back</summary><pre>").append(esc(r.actual().toString()))
                            .append("</pre></details>\n");
                }
            }
        }
        return sb.append("</body></html>\n").toString();
    }

    private static String anchor(CertificationReport run, int i) {
        return run.suite().folder() + "-" + i;
    }

    static String esc(String s) {
        if (s == null) {
            return "";
        }
        return s.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;").replace("\"", "&quot;");
    }
}
