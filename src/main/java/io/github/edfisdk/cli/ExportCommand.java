package io.github.edfisdk.cli;

import io.github.edfisdk.client.EdFiException;
import io.github.edfisdk.load.Exporter;
import io.github.edfisdk.model.DataStandardModel;
import io.github.edfisdk.model.ResourceModel;
import java.io.IOException;
import java.io.PrintWriter;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/** {@code ./edfi export RESOURCE}: every item of a resource as JSON Lines on standard output. */
@Command(name = "export", mixinStandardHelpOptions = true,
        description = {"Write every item of a resource (all pages) as JSON Lines to standard output, without server "
                + "fields unless --keep-server-fields, so the output loads back with `edfi load`.",
                "Exit codes: 0 done, 2 usage or connection error (a --query name the resource does not have included: "
                        + "the ODS would ignore it and answer every item)."})
public final class ExportCommand implements Callable<Integer> {
    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    @Parameters(index = "0", paramLabel = "RESOURCE", description = "e.g. students, studentSchoolAssociations, /ed-fi/schools")
    String resource;

    @Option(names = "--query", paramLabel = "NAME=VALUE", description = "A query parameter of the spec (repeatable), e.g. --query schoolId=255901001")
    List<String> query = List.of();

    @Option(names = "--keep-server-fields", description = "Keep id, _etag, _lastModifiedDate and links.")
    boolean keepServerFields;

    @CommandLine.Mixin
    ApiOptions api;

    @Override
    public Integer call() {
        PrintWriter out = spec.commandLine().getOut();
        PrintWriter err = spec.commandLine().getErr();
        Map<String, String> params = new LinkedHashMap<>();
        for (String q : query) {
            int eq = q.indexOf('=');
            if (eq <= 0) {
                err.println("edfi export: --query takes NAME=VALUE, got '" + q + "'");
                return EdFiCli.USAGE;
            }
            params.put(q.substring(0, eq), q.substring(eq + 1));
        }
        try (ApiOptions.Target target = api.open(err)) {
            DataStandardModel model = DataStandardModel.of(target.client().dataStandard());
            ResourceModel r = model.resource(resource).orElse(null);
            if (r == null) {
                err.println("edfi export: unknown resource '" + resource + "' in Data Standard " + model.dataStandard().version());
                return EdFiCli.USAGE;
            }
            long n = new Exporter(target.client().documents()).export(r, params, keepServerFields, out);
            err.println(n + " " + r.collection() + " exported");
            return EdFiCli.OK;
        } catch (IOException | IllegalArgumentException | EdFiException e) {
            err.println("edfi export: " + TerminalText.of(e.getMessage()));
            return EdFiCli.USAGE;
        }
    }
}
