package io.github.edfisdk.cli;

import com.google.gson.Gson;
import com.google.gson.JsonObject;
import io.github.edfisdk.model.DataStandard;
import io.github.edfisdk.profiles.JsonLinesRecords;
import io.github.edfisdk.profiles.RuleViolation;
import io.github.edfisdk.profiles.SchoolYear;
import io.github.edfisdk.profiles.pa.PimsCteProfile;
import io.github.edfisdk.profiles.pa.PimsCteProgramAssociations;
import io.github.edfisdk.profiles.pa.PimsDelimiter;
import io.github.edfisdk.profiles.pa.PimsFileWriter;
import io.github.edfisdk.profiles.pa.PimsRecord;
import java.io.BufferedWriter;
import java.io.IOException;
import java.io.OutputStreamWriter;
import java.io.PrintWriter;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/** {@code ./edfi pims to-edfi | from-edfi}: Pennsylvania PIMS "CTE Student Fact" files to and from Ed-Fi. */
@Command(name = "pims", mixinStandardHelpOptions = true,
        description = {"Convert Pennsylvania PIMS CTE Student Fact files (36 fields, comma, tab or pipe delimited, no "
                + "header) to Ed-Fi studentCTEProgramAssociations and back. The field mapping is in the README.",
                "Exit codes: 0 every row converted, 1 some rows invalid (all reported, none converted), 2 usage error."},
        subcommands = {PimsCommand.ToEdFi.class, PimsCommand.FromEdFi.class})
public final class PimsCommand implements Runnable {
    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    @Override
    public void run() {
        spec.commandLine().usage(spec.commandLine().getOut());
    }

    @Command(name = "to-edfi", mixinStandardHelpOptions = true,
            description = {"Validate a PIMS CTE Student Fact file against the pa-pims-cte rules and write its valid "
                    + "rows as JSON Lines of studentCTEProgramAssociations that `edfi load` accepts. Invalid rows are "
                    + "reported on standard error (FILE:LINE: FIELD: RULE) and not converted.",
                    "Exit codes: 0 all rows valid, 1 some rows invalid, 2 usage error."})
    static final class ToEdFi implements Callable<Integer> {
        @CommandLine.Spec
        CommandLine.Model.CommandSpec spec;

        @Parameters(index = "0", paramLabel = "FILE", description = "The PIMS file.")
        Path file;

        @Option(names = "--out", paramLabel = "FILE.jsonl", description = "Write the associations here (default: "
                + "standard output). Name it studentCTEProgramAssociations.jsonl for `edfi load`.")
        Path out;

        @Option(names = "--references-dir", paramLabel = "DIR", description = "Also write the programs (one per CIP "
                + "school and CIP) and the PIMS descriptor values the associations refer to, one JSON Lines file per "
                + "resource, for `edfi load DIR` before the associations.")
        Path referencesDir;

        @Option(names = "--data-standard", defaultValue = "5.1", description = "Ed-Fi Data Standard of the payloads. "
                + "Only 5.1: PIMS school ids (AUN + school number, 13 digits) need its 64-bit educationOrganizationId.")
        String dataStandard;

        @Option(names = "--namespace", defaultValue = PimsCteProgramAssociations.DEFAULT_NAMESPACE,
                description = "Namespace of the PIMS descriptor values. Default: ${DEFAULT-VALUE}.")
        String namespace;

        @Option(names = "--school-year", paramLabel = "YYYY", description = "Also check that SCHOOL YEAR DATE is the "
                + "last day of this school year (2026 = 2025-07-01..2026-06-30).")
        Integer schoolYear;

        @Override
        public Integer call() {
            PrintWriter err = spec.commandLine().getErr();
            PimsCteProgramAssociations mapping;
            try {
                if (DataStandard.parse(dataStandard) != DataStandard.DS5) {
                    err.println("edfi pims to-edfi: Data Standard " + dataStandard + " is not supported: PIMS school ids"
                            + " (AUN + CIP SCHOOL NUMBER, 13 digits) need the 64-bit educationOrganizationId of 5.1");
                    return EdFiCli.USAGE;
                }
                mapping = new PimsCteProgramAssociations(namespace);
            } catch (IllegalArgumentException e) {
                err.println("edfi pims to-edfi: " + TerminalText.of(e.getMessage()));
                return EdFiCli.USAGE;
            }
            if (!Files.isRegularFile(file)) {
                err.println("edfi pims to-edfi: " + file + ": no such file");
                return EdFiCli.USAGE;
            }
            PimsCteProfile profile = schoolYear == null ? new PimsCteProfile()
                    : new PimsCteProfile(SchoolYear.startingIn(schoolYear - 1));
            Gson gson = new Gson();
            try {
                PimsCteProfile.Result result = profile.check(file);
                result.violations().forEach(err::println);
                try (Writer w = open(out, spec.commandLine().getOut())) {
                    for (PimsRecord row : result.validRows()) {
                        w.write(gson.toJson(mapping.toEdFi(row)));
                        w.write('\n');
                    }
                }
                if (referencesDir != null) {
                    Files.createDirectories(referencesDir);
                    writeJsonLines(referencesDir.resolve("programs.jsonl"), mapping.programs(result.validRows()), gson);
                    for (Map.Entry<String, List<JsonObject>> d : mapping.descriptors().entrySet()) {
                        writeJsonLines(referencesDir.resolve(d.getKey() + ".jsonl"), d.getValue(), gson);
                    }
                }
                err.println(file + ": " + result.summary() + "; " + (result.rows() - result.invalidRows())
                        + " studentCTEProgramAssociations written" + (out == null ? "" : " to " + out));
                return result.invalidRows() == 0 ? EdFiCli.OK : EdFiCli.FAILED;
            } catch (IOException | UncheckedIOException e) {
                err.println("edfi pims to-edfi: " + TerminalText.of(e.getMessage()));
                return EdFiCli.USAGE;
            } finally {
                err.flush();
            }
        }
    }

    @Command(name = "from-edfi", mixinStandardHelpOptions = true,
            description = {"Write studentCTEProgramAssociations (JSON Lines, as `edfi export "
                    + "studentCTEProgramAssociations` writes them) as a PIMS CTE Student Fact file. Records that do not "
                    + "follow the mapping, or whose row breaks a pa-pims-cte rule, are reported on standard error and "
                    + "not written. Rows end as the input's lines do (CRLF or LF).",
                    "Exit codes: 0 every record written, 1 some records not written, 2 usage error."})
    static final class FromEdFi implements Callable<Integer> {
        @CommandLine.Spec
        CommandLine.Model.CommandSpec spec;

        @Parameters(index = "0", paramLabel = "FILE.jsonl", description = "studentCTEProgramAssociations as JSON Lines.")
        Path file;

        @Option(names = "--out", paramLabel = "FILE", description = "Write the PIMS file here (default: standard output).")
        Path out;

        @Option(names = "--delimiter", defaultValue = "comma", description = "comma, tab or pipe. Default: ${DEFAULT-VALUE}.")
        String delimiter;

        @Option(names = "--namespace", defaultValue = PimsCteProgramAssociations.DEFAULT_NAMESPACE,
                description = "Namespace of the PIMS descriptor values. Default: ${DEFAULT-VALUE}.")
        String namespace;

        @Override
        public Integer call() {
            PrintWriter err = spec.commandLine().getErr();
            PimsCteProgramAssociations mapping;
            PimsDelimiter d;
            try {
                mapping = new PimsCteProgramAssociations(namespace);
                d = PimsDelimiter.parse(delimiter);
            } catch (IllegalArgumentException e) {
                err.println("edfi pims from-edfi: --delimiter is comma, tab or pipe and --namespace a uri://...; "
                        + e.getMessage());
                return EdFiCli.USAGE;
            }
            if (!Files.isRegularFile(file)) {
                err.println("edfi pims from-edfi: " + file + ": no such file");
                return EdFiCli.USAGE;
            }
            List<PimsRecord> rows = new ArrayList<>();
            try {
                // Lines that are not JSON objects come back as jsonl.malformed; the others go through the mapping.
                List<RuleViolation> unreadable = JsonLinesRecords.check(file, (record, sink) -> {
                    try {
                        rows.add(mapping.fromEdFi(record, sink.file(), sink.line()));
                    } catch (IllegalArgumentException | IllegalStateException e) {
                        // The mapping says "$.path: what is wrong".
                        String m = String.valueOf(e.getMessage());
                        int colon = m.indexOf(": ");
                        boolean path = m.startsWith("$") && colon > 0;
                        sink.report(path ? m.substring(0, colon) : "$", "pims.mapping", path ? m.substring(colon + 2) : m);
                    }
                });
                unreadable.forEach(err::println);
                long unconvertible = unreadable.size();
                long records = rows.size() + unconvertible;
                PimsCteProfile.Result result = new PimsCteProfile().check(rows);
                result.violations().forEach(err::println);
                try (Writer w = open(out, spec.commandLine().getOut())) {
                    // The PIMS file keeps the line end of the input: LF in, LF out; CRLF in, CRLF out.
                    PimsFileWriter pims = new PimsFileWriter(w, d, PimsFileWriter.lineEndOf(file));
                    for (PimsRecord row : result.validRows()) {
                        pims.write(row);
                    }
                }
                long written = result.validRows().size();
                err.println(file + ": " + records + " record(s): " + written + " PIMS row(s) written"
                        + (out == null ? "" : " to " + out) + ", " + unconvertible + " not following the mapping, "
                        + result.invalidRows() + " breaking pa-pims-cte rules");
                return written == records ? EdFiCli.OK : EdFiCli.FAILED;
            } catch (IOException | UncheckedIOException e) {
                err.println("edfi pims from-edfi: " + TerminalText.of(e.getMessage()));
                return EdFiCli.USAGE;
            } finally {
                err.flush();
            }
        }
    }

    /** The file, or the command's standard output (left open). */
    private static Writer open(Path file, PrintWriter stdout) throws IOException {
        if (file == null) {
            return new java.io.FilterWriter(stdout) {
                @Override
                public void close() {
                    stdout.flush();
                }
            };
        }
        if (file.getParent() != null) {
            Files.createDirectories(file.getParent());
        }
        return new BufferedWriter(new OutputStreamWriter(Files.newOutputStream(file), StandardCharsets.UTF_8));
    }

    private static void writeJsonLines(Path file, List<JsonObject> items, Gson gson) throws IOException {
        try (Writer w = Files.newBufferedWriter(file, StandardCharsets.UTF_8)) {
            for (JsonObject o : items) {
                w.write(gson.toJson(o));
                w.write('\n');
            }
        }
    }
}
