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
                "Source: JSON Lines, one Ed-Fi document per line with \"_sourceKey\" (your system's own key).",
                "Exit codes: 0 in sync, 1 some steps failed (all reported), 2 usage or connection error."})
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

    @CommandLine.Mixin
    ApiOptions api;

    @Override
    public Integer call() {
        PrintWriter out = spec.commandLine().getOut();
        PrintWriter err = spec.commandLine().getErr();
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
            Synchronizer.Result result = new Synchronizer(target.client().documents(), model, scope, identityMap)
                    .sync(records);
            for (Synchronizer.Step step : result.steps()) {
                SyncOperation op = step.operation();
                out.println((step.failed() ? "FAILED " : "") + op.kind() + " " + (op.sourceKey() == null ? "-" : op.sourceKey())
                        + ": " + op.reason() + (step.failed() ? " — " + step.error() : ""));
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
                    records.add(new SourceRecord(key, o));
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
