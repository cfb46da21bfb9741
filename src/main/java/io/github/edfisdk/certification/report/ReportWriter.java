package io.github.edfisdk.certification.report;

import io.github.edfisdk.certification.run.CertificationReport;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

/** Writes {@code report.json}, {@code junit.xml}, {@code report.html} and {@code summary.txt} into a folder. */
public final class ReportWriter {
    public static final String JSON = "report.json";
    public static final String JUNIT = "junit.xml";
    public static final String HTML = "report.html";
    public static final String SUMMARY = "summary.txt";

    private ReportWriter() {
    }

    /** Writes the four reports (replacing earlier ones) and returns their paths. */
    public static List<Path> write(Path dir, List<CertificationReport> runs) throws IOException {
        Files.createDirectories(dir);
        List<Path> out = List.of(dir.resolve(SUMMARY), dir.resolve(JSON), dir.resolve(JUNIT), dir.resolve(HTML));
        Files.writeString(out.get(0), ConsoleReport.render(runs), StandardCharsets.UTF_8);
        Files.writeString(out.get(1), JsonReport.render(runs), StandardCharsets.UTF_8);
        Files.writeString(out.get(2), JUnitXmlReport.render(runs), StandardCharsets.UTF_8);
        Files.writeString(out.get(3), HtmlReport.render(runs), StandardCharsets.UTF_8);
        return out;
    }
}
