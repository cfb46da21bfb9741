package io.github.edfisdk.cli;

import io.github.edfisdk.certification.ScenarioContext;
import io.github.edfisdk.certification.catalog.Suite;
import io.github.edfisdk.certification.report.ConsoleReport;
import io.github.edfisdk.certification.report.ReportWriter;
import io.github.edfisdk.certification.run.CertificationReport;
import io.github.edfisdk.certification.run.CertificationRunner;
import io.github.edfisdk.certification.run.RunMode;
import io.github.edfisdk.client.EdFiClient;
import io.github.edfisdk.client.EdFiConnectionException;
import io.github.edfisdk.client.EdFiException;
import io.github.edfisdk.sandbox.EdFiSandbox;
import io.github.edfisdk.sandbox.Seed;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.Callable;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/** {@code ./edfi certify}: runs the SIS certification scenarios and checks what the ODS holds, property by property. */
@Command(name = "certify", mixinStandardHelpOptions = true,
        description = {"Run Ed-Fi SIS certification scenarios against an ODS/API and check each item read back against "
                + "the scenario table, property by property.",
                "Without --base-url (or EDFI_BASE_URL) each suite runs against its own embedded sandbox seeded "
                        + "'populated' with the suite's Data Standard; without --suite, both suites run there (against "
                        + "a server: the suite of its Data Standard).",
                "Reports: summary.txt, report.json, junit.xml and report.html in --report-dir.",
                "Exit codes: 0 every step passed (page defects, reported as PAGE_DEFECT, do not count), 1 a step failed,"
                        + " errored or could not run, 2 usage or connection error."})
public final class CertifyCommand implements Callable<Integer> {
    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    @CommandLine.Mixin
    ServerOptions api;

    @Option(names = "--suite", paramLabel = "SUITE", description = "sis-v4 (Data Standard 4.0) or sis-v5 (Data Standard 5.1).")
    String suite;

    @Option(names = "--resource", paramLabel = "NAME", description = "Only this page (e.g. StudentCTEProgramAssociation); repeatable.")
    List<String> resources = new ArrayList<>();

    @Option(names = "--scenario", paramLabel = "N", description = "Only scenario N of each page; repeatable.")
    List<Integer> scenarios = new ArrayList<>();

    @Option(names = "--table", paramLabel = "FILE", description = "Run the scenario table in this file (the certification page format) instead of the suite's pages.")
    Path table;

    @Option(names = "--school-year", paramLabel = "YYYY", description = "[Current School Year], e.g. 2025 for 2024-2025 (default: the school year of today's date).")
    Integer schoolYear;

    @Option(names = "--namespace", paramLabel = "URI", description = "Descriptor namespace, e.g. uri://ed-fi.org (default) or your state's.")
    String namespace;

    @Option(names = "--mode", defaultValue = "send", description = "send (the SDK sends the table's data) or verify-only (your product sent it; only read and check). Default: ${DEFAULT-VALUE}.")
    String mode;

    @Option(names = "--system-value", paramLabel = "KEY=VALUE", description = "A value your system assigns, keyed by the page's suggested value (\"207220\"), the property path or the placeholder text; repeatable.")
    Map<String, String> systemValues = new LinkedHashMap<>();

    @Option(names = "--suggested-values", negatable = true, description = "Use the page's suggested value where a cell asks for a system value (default: on with --mode send, off with verify-only).")
    Boolean suggestedValues;

    @Option(names = "--report-dir", defaultValue = "certification-report", paramLabel = "DIR", description = "Where the reports go. Default: ${DEFAULT-VALUE}.")
    Path reportDir;

    @Override
    public Integer call() {
        PrintWriter out = spec.commandLine().getOut();
        PrintWriter err = spec.commandLine().getErr();
        RunMode runMode;
        List<Suite> suites;
        ScenarioContext context;
        try {
            runMode = RunMode.parse(mode);
            context = context(runMode);
            if (table != null && !Files.isRegularFile(table)) {
                throw new IllegalArgumentException("no such table file: " + table);
            }
            suites = suites();
            if (suites.isEmpty() && api.url() == null) {
                suites = suitesWithTheSelection();
            }
            // Unknown pages and scenarios are usage errors, found before any server is started or called.
            for (Suite s : suites) {
                CertificationRunner.selectPages(s, resources, table, scenarios);
            }
        } catch (IllegalArgumentException | UncheckedIOException e) {
            err.println("edfi certify: " + TerminalText.of(e.getMessage()));
            return EdFiCli.USAGE;
        }
        List<CertificationReport> runs = new ArrayList<>();
        try {
            if (api.url() != null) {
                try (ServerOptions.Target target = api.open(err)) {
                    EdFiClient client = target.client();
                    Suite s = suites.isEmpty() ? suiteOf(client) : suites.get(0);
                    runs.add(run(client, s, runMode, context, out));
                }
            } else {
                if (runMode == RunMode.VERIFY_ONLY) {
                    err.println("edfi certify: --mode verify-only checks data your product sent: give --base-url (or EDFI_BASE_URL)");
                    return EdFiCli.USAGE;
                }
                for (Suite s : suites) {
                    try (EdFiSandbox sb = EdFiSandbox.builder().dataStandard(s.dataStandard()).seed(Seed.POPULATED)
                            .port(0).start();
                         EdFiClient client = EdFiClient.builder().baseUrl(sb.baseUrl())
                                 .credentials(sb.key(), sb.secret()).build()) {
                        err.println("Embedded sandbox (Data Standard " + s.dataStandard().version() + ", seed populated) at "
                                + sb.baseUrl());
                        runs.add(run(client, s, runMode, context, out));
                    }
                }
            }
        } catch (EdFiConnectionException e) {
            err.println("edfi certify: cannot reach the server: " + TerminalText.of(e.getMessage()));
            return EdFiCli.USAGE;
        } catch (IllegalArgumentException | EdFiException | IOException | UncheckedIOException e) {
            err.println("edfi certify: " + TerminalText.of(e.getMessage()));
            return EdFiCli.USAGE;
        }
        try {
            List<Path> files = ReportWriter.write(reportDir, runs);
            out.println("Reports: " + String.join(", ", files.stream().map(Path::toString).toList()));
        } catch (IOException e) {
            err.println("edfi certify: cannot write the reports to " + reportDir + ": " + e.getMessage());
            return EdFiCli.USAGE;
        }
        out.flush();
        return runs.stream().allMatch(CertificationReport::passed) ? EdFiCli.OK : EdFiCli.FAILED;
    }

    private CertificationReport run(EdFiClient client, Suite s, RunMode runMode, ScenarioContext context,
                                    PrintWriter out) {
        CertificationRunner runner = CertificationRunner.builder().client(client).suite(s).context(context)
                .mode(runMode).resources(resources).table(table).scenarios(scenarios)
                .listener(r -> {
                    out.println(ConsoleReport.line(r));
                    out.flush();
                })
                .build();
        out.println(ConsoleReport.header(s, client.root().dataUrl(), runMode, context.schoolYear()));
        out.flush();
        CertificationReport report = runner.run();
        out.print(ConsoleReport.footer(report));
        out.println();
        out.flush();
        return report;
    }

    private ScenarioContext context(RunMode runMode) {
        ScenarioContext.Builder b = ScenarioContext.defaults().toBuilder();
        if (schoolYear != null) {
            b.schoolYear(schoolYear);
        }
        if (namespace != null) {
            if (!namespace.startsWith("uri://")) {
                throw new IllegalArgumentException("--namespace must look like uri://ed-fi.org, was '" + namespace + "'");
            }
            b.descriptorNamespace(namespace);
        }
        b.acceptSuggestedSystemValues(suggestedValues != null ? suggestedValues : runMode == RunMode.SEND);
        // In a dry run the SDK is the vendor's system: it assigns what the table leaves to the system.
        b.generateSystemValues(runMode == RunMode.SEND && (suggestedValues == null || suggestedValues));
        systemValues.forEach(b::systemValue);
        return b.build();
    }

    /** The suites asked for: --suite, else the one a --table names in its title, else none (decided later). */
    private List<Suite> suites() {
        if (suite != null) {
            return List.of(Suite.parse(suite));
        }
        if (table != null) {
            try {
                for (String line : Files.readAllLines(table, StandardCharsets.UTF_8)) {
                    String l = line.trim().toLowerCase(Locale.ROOT);
                    if (l.startsWith("# ")) {
                        if (l.startsWith("# v4 ")) {
                            return List.of(Suite.SIS_V4);
                        }
                        if (l.startsWith("# v5 ")) {
                            return List.of(Suite.SIS_V5);
                        }
                        break;
                    }
                }
            } catch (IOException e) {
                throw new UncheckedIOException("cannot read " + table, e);
            }
            throw new IllegalArgumentException(table + " does not say its suite in its title (# v4 ... or # v5 ...): give --suite");
        }
        return List.of();
    }

    /** Both suites, less one that lacks a page or scenario asked for (e.g. Contact is only in sis-v5). */
    private List<Suite> suitesWithTheSelection() {
        List<Suite> out = new ArrayList<>();
        IllegalArgumentException first = null;
        for (Suite s : Suite.values()) {
            try {
                CertificationRunner.selectPages(s, resources, table, scenarios);
                out.add(s);
            } catch (IllegalArgumentException e) {
                first = first == null ? e : first;
            }
        }
        if (out.isEmpty()) {
            throw first;
        }
        return out;
    }

    private static Suite suiteOf(EdFiClient client) {
        return switch (client.dataStandard()) {
            case DS4 -> Suite.SIS_V4;
            case DS5 -> Suite.SIS_V5;
        };
    }
}
