package io.github.edfisdk.cli;

import io.github.edfisdk.client.EdFiException;
import io.github.edfisdk.load.ErrorLog;
import io.github.edfisdk.load.OfflineValidator;
import io.github.edfisdk.model.DataStandard;
import io.github.edfisdk.model.DataStandardModel;
import io.github.edfisdk.profiles.Profiles;
import io.github.edfisdk.profiles.RecordProfile;
import io.github.edfisdk.profiles.RuleViolation;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.util.ArrayList;
import java.util.Optional;
import java.util.stream.Stream;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/** {@code ./edfi validate PATH...}: checks input files against the spec without loading them. */
@Command(name = "validate", mixinStandardHelpOptions = true,
        description = {"Check input files offline: types, required, lengths, descriptor values, references resolvable "
                + "within the input (or on --base-url when given), duplicate natural keys.",
                "Offline, a reference to an item not in the input is a warning (\"unresolved offline\"), not an error, "
                        + "unless --references error.",
                "Exit codes: 0 all valid (warnings allowed), 1 some records invalid (all reported), 2 usage error."})
public final class ValidateCommand implements Callable<Integer> {
    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    @Parameters(arity = "1..*", paramLabel = "PATH", description = "Input files or folders.")
    List<Path> paths;

    @CommandLine.Mixin
    ApiOptions api;

    @Option(names = "--redact-values", description = "Leave record values (student data) out of failure messages and "
            + "the errors file; file, line, resource and JSON path still find the record.")
    boolean redactValues;

    @Option(names = "--errors", description = "Write invalid records here as JSON Lines (the load's error format).")
    Path errors;

    @Option(names = "--mapping", description = "The CSV mapping for every .csv input (default: x.mapping.json next to x.csv).")
    Path mapping;

    @Option(names = "--profile", paramLabel = "ID", description = "Check the files against a state profile's rules "
            + "instead: nm-cte, nm-early-childhood, in-curricular-material, pa-pims-cte.")
    String profile;

    @Option(names = "--references", paramLabel = "warn|error", description = "A reference to an item that is neither "
            + "in the input nor (with --base-url) on the target: warn = a warning listed once per distinct reference, the "
            + "record stays valid; error = the record is invalid. Default: warn offline (the item may be in the ODS "
            + "already), error with --base-url (it was looked up).")
    String references;

    @Option(names = "--school-year", paramLabel = "YYYY", description = "With --profile: also check the school-year "
            + "date rules (2025 = 2024-07-01..2025-06-30).")
    Integer schoolYear;

    @Override
    public Integer call() {
        if (profile != null) {
            return validateProfile();
        }
        PrintWriter out = spec.commandLine().getOut();
        PrintWriter err = spec.commandLine().getErr();
        ApiOptions.Target target = null;
        try (ErrorLog log = new ErrorLog(errors, f -> {
            synchronized (out) {
                out.println(TerminalText.of(f.describe()));
            }
        }, redactValues)) {
            OfflineValidator v;
            if (api.hasTarget()) {
                target = api.open(err);
                v = new OfflineValidator(DataStandardModel.of(target.client().dataStandard()), target.client().documents(), mapping);
            } else {
                v = new OfflineValidator(DataStandardModel.of(api.dataStandardOr(DataStandard.DS5)), null, mapping);
            }
            if (references != null) {
                switch (references.toLowerCase(java.util.Locale.ROOT)) {
                    case "warn" -> v.references(OfflineValidator.References.WARN);
                    case "error" -> v.references(OfflineValidator.References.ERROR);
                    default -> {
                        err.println("edfi validate: --references takes warn or error, got '" + references + "'");
                        return EdFiCli.USAGE;
                    }
                }
            }
            OfflineValidator.ValidationReport report = v.validate(paths, log);
            out.print(report.format());
            return report.exitCode();
        } catch (IOException | IllegalArgumentException | EdFiException e) {
            err.println("edfi validate: " + TerminalText.of(e.getMessage()));
            return EdFiCli.USAGE;
        } finally {
            out.flush();
            if (target != null) {
                target.close();
            }
        }
    }

    private int validateProfile() {
        PrintWriter out = spec.commandLine().getOut();
        PrintWriter err = spec.commandLine().getErr();
        Optional<RecordProfile> p = Profiles.byId(profile, schoolYear);
        if (p.isEmpty()) {
            err.println("edfi validate: unknown profile '" + profile + "'; known: "
                    + String.join(", ", Profiles.all(null).keySet()));
            return EdFiCli.USAGE;
        }
        int invalid = 0;
        try {
            for (Path path : files(paths)) {
                RecordProfile.FileCheck check = p.get().checkFile(path);
                List<RuleViolation> violations = check.violations();
                String counts = check.counts().isEmpty() ? "" : " (" + check.counts() + ")";
                violations.forEach(out::println);
                invalid += violations.size();
                out.println(path + ": " + (violations.isEmpty() ? "every record meets the " + profile + " rules"
                        : violations.size() + " rule violation(s)") + counts);
            }
        } catch (IOException | UncheckedIOException e) {
            err.println("edfi validate: " + TerminalText.of(e.getMessage()));
            return EdFiCli.USAGE;
        } finally {
            out.flush();
        }
        return invalid == 0 ? EdFiCli.OK : EdFiCli.FAILED;
    }

    private static List<Path> files(List<Path> paths) throws IOException {
        List<Path> out = new ArrayList<>();
        for (Path p : paths) {
            if (Files.isDirectory(p)) {
                try (Stream<Path> s = Files.list(p)) {
                    s.filter(Files::isRegularFile).sorted().forEach(out::add);
                }
            } else if (Files.isRegularFile(p)) {
                out.add(p);
            } else {
                throw new IOException(p + ": no such file");
            }
        }
        return out;
    }
}
