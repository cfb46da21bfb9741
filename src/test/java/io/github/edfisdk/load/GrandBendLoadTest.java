package io.github.edfisdk.load;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.github.edfisdk.client.EdFiClient;
import io.github.edfisdk.model.DataStandard;
import io.github.edfisdk.model.SharedFiles;
import io.github.edfisdk.model.DataStandardModel;
import io.github.edfisdk.sandbox.EdFiSandbox;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The Grand Bend sample (Data Standard 5.2 interchanges) loads into an empty {@code minimal} DS 5.1 sandbox with no
 * failures, and a second run sends nothing.
 */
class GrandBendLoadTest {

    @Test
    void grandBendLoadsWithoutFailuresAndTheRerunSendsNothing(@TempDir Path dir) throws Exception {
        Path shared = SharedFiles.sharedDir().orElseThrow().resolve("edfi");
        Path grandBend = shared.resolve("sample-data/grand-bend");
        List<Path> inputs = List.of(grandBend);
        Path state = dir.resolve("state");
        try (EdFiSandbox sandbox = EdFiSandbox.builder().port(0).start();
             EdFiClient client = EdFiClient.builder().baseUrl(sandbox.baseUrl())
                     .credentials(sandbox.key(), sandbox.secret()).build()) {
            LoadReport first = Loader.builder().client(client).stateDir(state).errorsFile(dir.resolve("errors.jsonl"))
                    .build().load(inputs);
            assertEquals(0, first.failedTotal(), () -> first.format() + first.failures());
            assertTrue(first.created() > 17_000, first.format());
            assertEquals(960, client.documents().count("students", Map.of()));
            assertEquals(1872, client.documents().count("studentContactAssociations", Map.of())); // ref= IDREFs
            assertEquals(532, client.documents().count("sections", Map.of()));
            assertTrue(first.unmapped().containsKey("StudentAssessmentRegistration (no such resource in DS 5.1)"),
                    first.unmapped().toString());

            LoadReport second = Loader.builder().client(client).stateDir(state).build().load(inputs);
            assertEquals(0, second.requests(), second.format());
            assertEquals(0, second.failedTotal());
            assertEquals(first.records(), second.unchanged(), second.format());
            assertTrue(Files.size(dir.resolve("errors.jsonl")) == 0);
        }
    }

    @Test
    void validateFindsOnlyTheSamplesDuplicateCourseOffering() throws Exception {
        Path shared = SharedFiles.sharedDir().orElseThrow().resolve("edfi");
        List<Path> inputs = List.of(shared.resolve("sample-data/grand-bend"));
        try (ErrorLog log = new ErrorLog(null, null)) {
            OfflineValidator.ValidationReport r = new OfflineValidator(DataStandardModel.of(DataStandard.DS5), null, null)
                    .validate(inputs, log);
            // Every reference resolves within the input (unified keys such as a course offering's two schoolIds
            // included) and every descriptor is known; the sample gives one course offering twice.
            assertEquals(1, r.invalid(), log.failures().toString());
            RecordFailure f = log.failures().get(0);
            assertEquals("CourseOffering", f.resource());
            assertEquals(RecordFailure.DUPLICATE_KEY, f.problemType());
        }
    }
}
