package io.github.edfisdk.cli;

import com.google.gson.JsonElement;
import com.google.gson.JsonObject;
import com.google.gson.JsonParseException;
import com.google.gson.JsonParser;
import io.github.edfisdk.client.EdFiException;
import io.github.edfisdk.model.DataStandardModel;
import io.github.edfisdk.model.ResourceModel;
import io.github.edfisdk.sync.SourceRecord;
import io.github.edfisdk.sync.SyncOperation;
import io.github.edfisdk.sync.SyncPlan;
import io.github.edfisdk.sync.SyncRefusedException;
import io.github.edfisdk.sync.Synchronizer;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.Callable;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/**
 * {@code ./edfi sync RESOURCE --source FILE --identity-map FILE --scope name=value...}: makes the ODS items in scope
 * match the source file (JSON Lines, each record with a {@code _sourceKey} field), as a SIS integration does.
 */
@Command(name = "sync", mixinStandardHelpOptions = true,
        description = {"Make the ODS match a source set for one resource and scope: post new and changed records, delete "
                + "items no longer in the source, natural key change = delete then post, identity map kept on disk.",
                "Source: JSON Lines, one Ed-Fi document per line with \"_sourceKey\" (your system's own key, once per file).",
                "Safety: the scope's names must be query parameters of the resource; ODS items outside the scope are "
                        + "never deleted; source records outside it are rejected; a run deleting more than "
                        + "--max-delete-share of the scope is refused.",
                "Exit codes: 0 in sync (or --dry-run planned, or --toggle off), 1 some steps failed or records were "
                        + "rejected (all reported) or the delete guard refused the run, 2 usage or connection error "
                        + "(a bad scope name or a source key given twice included: nothing was sent)."})
public final class SyncCommand implements Callable<Integer> {
    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    @Parameters(index = "0", paramLabel = "RESOURCE", description = "e.g. studentProgramAssociations")
    String resource;

    @Option(names = "--source", required = true, description = "The source records (JSON Lines with _sourceKey).")
    Path source;

    @Option(names = "--identity-map", required = true, description = "Source key to ODS id map (created when missing).")
    Path identityMap;

    @Option(names = "--scope", paramLabel = "NAME=VALUE", required = true,
            description = "GET query selecting the ODS items this source owns, e.g. programName=...; items it returns that "
                    + "no source record matches are deleted.")
    Map<String, String> scope = new LinkedHashMap<>();

    @Option(names = "--dry-run", description = "Print the plan (each POST and DELETE with its natural key) and send nothing.")
    boolean dryRun;

    @Option(names = "--max-delete-share", paramLabel = "SHARE", defaultValue = "0.5",
            description = "Refuse a run that deletes more than this share (0..1) of the items in scope (default: ${DEFAULT-VALUE}): "
                    + "an empty or truncated source would delete everything.")
    double maxDeleteShare;

    @Option(names = "--allow-mass-delete", description = "Delete any share of the scope (the source really shrank).")
    boolean allowMassDelete;

    @Option(names = "--toggle", paramLabel = "on|off", defaultValue = "on",
            description = "off: the resource is toggled OFF: nothing is sent, nothing deleted, data already sent "
                    + "remains in the ODS (seed 002's Resource Toggle). Default: ${DEFAULT-VALUE}.")
    String toggle;

    @CommandLine.Mixin
    ApiOptions api;

    @Override
    public Integer call() {
        PrintWriter out = spec.commandLine().getOut();
        PrintWriter err = spec.commandLine().getErr();
        if (!toggle.equalsIgnoreCase("on") && !toggle.equalsIgnoreCase("off")) {
            err.println("edfi sync: --toggle takes on or off, got '" + toggle + "'");
            return EdFiCli.USAGE;
        }
        boolean off = toggle.equalsIgnoreCase("off");
        List<SourceRecord> records = new ArrayList<>();
        try {
            if (!readSource(records, err)) {
                return EdFiCli.FAILED;
            }
        } catch (IOException e) {
            err.println("edfi sync: cannot read " + source + ": " + e.getMessage());
            return EdFiCli.USAGE;
        }
        try (ApiOptions.Target target = api.open(err)) {
            ResourceModel model = DataStandardModel.of(target.client().dataStandard()).require(resource);
            Synchronizer synchronizer = new Synchronizer(target.client().documents(), model, scope, identityMap)
                    .maxDeleteShare(maxDeleteShare).allowMassDelete(allowMassDelete).toggledOff(off);
            if (off) {
                SyncPlan plan = synchronizer.plan(records);
                out.printf("%s is toggled OFF: %d source records not sent, nothing deleted; data already sent remains"
                        + " in the ODS%n", model.collection(), plan.rejected().size());
                out.flush();
                return EdFiCli.OK;
            }
            if (dryRun) {
                SyncPlan plan = synchronizer.plan(records);
                printPlan(plan, out);
                Optional<String> refusal = synchronizer.refusal(plan);
                refusal.ifPresent(r -> out.println("A real run would be REFUSED: " + r));
                out.printf("dry run: would post %d, delete %d (%d of %d in scope for good), leave %d unchanged;"
                        + " rejected %d; nothing was sent%n", plan.of(SyncOperation.Kind.POST).size(),
                        plan.of(SyncOperation.Kind.DELETE).size(), plan.removals().size(), plan.scopeSize(),
                        plan.unchanged().size(), plan.rejected().size());
                out.flush();
                return plan.rejected().isEmpty() && refusal.isEmpty() ? EdFiCli.OK : EdFiCli.FAILED;
            }
            Synchronizer.Result result;
            try {
                result = synchronizer.sync(records);
            } catch (SyncRefusedException refused) {
                printPlan(refused.plan(), out);
                out.println("REFUSED: " + refused.getMessage() + " (--dry-run shows the plan; --allow-mass-delete"
                        + " or a higher --max-delete-share lets it run)");
                out.flush();
                return EdFiCli.FAILED;
            }
            warnOutsideScope(result.plan(), out);
            for (Synchronizer.Step step : result.steps()) {
                out.println((step.failed() ? "FAILED " : "") + step.operation().describe()
                        + (step.failed() ? " — " + step.error() : ""));
            }
            result.plan().rejected().forEach(r -> out.println("REJECTED " + r.sourceKey() + ": " + r.reason()));
            out.printf("posted %d, deleted %d, unchanged %d, rejected %d, failed %d%n",
                    result.count(SyncOperation.Kind.POST), result.count(SyncOperation.Kind.DELETE),
                    result.plan().unchanged().size(), result.plan().rejected().size(), result.failures().size());
            out.flush();
            return result.failures().isEmpty() && result.plan().rejected().isEmpty() ? EdFiCli.OK : EdFiCli.FAILED;
        } catch (IOException | IllegalArgumentException | EdFiException e) {
            err.println("edfi sync: " + TerminalText.of(e.getMessage()));
            return EdFiCli.USAGE;
        }
    }

    private static void printPlan(SyncPlan plan, PrintWriter out) {
        warnOutsideScope(plan, out);
        plan.operations().forEach(op -> out.println("PLAN " + op.describe()));
        plan.rejected().forEach(r -> out.println("REJECTED " + r.sourceKey() + ": " + r.reason()));
    }

    private static void warnOutsideScope(SyncPlan plan, PrintWriter out) {
        if (plan.outsideScope() > 0) {
            out.println("WARNING: the ODS answered " + plan.outsideScope() + " items outside the scope (it ignored a"
                    + " filter?): left alone, never deleted");
        }
    }

    /** Reads every line; a bad line is reported with its number and makes the run refuse to delete anything. */
    private boolean readSource(List<SourceRecord> records, PrintWriter err) throws IOException {
        boolean ok = true;
        try (BufferedReader r = Files.newBufferedReader(source, StandardCharsets.UTF_8)) {
            String line;
            int n = 0;
            while ((line = r.readLine()) != null) {
                n++;
                if (line.isBlank()) {
                    continue;
                }
                try {
                    JsonElement e = JsonParser.parseString(line);
                    JsonObject o = e.isJsonObject() ? e.getAsJsonObject() : null;
                    if (o == null || !o.has("_sourceKey") || !o.get("_sourceKey").isJsonPrimitive()) {
                        err.println(source + ":" + n + ": a source record is a JSON object with \"_sourceKey\"");
                        ok = false;
                        continue;
                    }
                    String key = o.remove("_sourceKey").getAsString();
                    records.add(new SourceRecord(key, o, source + ":" + n));
                } catch (JsonParseException ex) {
                    err.println(source + ":" + n + ": not valid JSON: " + ex.getMessage());
                    ok = false;
                }
            }
        }
        if (!ok) {
            // Deleting by absence is only safe over a complete source: a record we could not read would be deleted.
            err.println("edfi sync: nothing was sent: fix the lines above (an unreadable record would have been deleted)");
        }
        return ok;
    }
}
