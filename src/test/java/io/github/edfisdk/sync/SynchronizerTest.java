package io.github.edfisdk.sync;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.google.gson.JsonObject;
import com.google.gson.JsonParser;
import io.github.edfisdk.client.EdFiClient;
import io.github.edfisdk.model.DataStandard;
import io.github.edfisdk.model.DataStandardModel;
import io.github.edfisdk.model.ResourceModel;
import io.github.edfisdk.sandbox.Seed;
import io.github.edfisdk.sandbox.SandboxExtension;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

/** The synchronizer against a real (embedded) ODS over HTTP. */
class SynchronizerTest {
    @RegisterExtension
    static SandboxExtension sandbox = SandboxExtension.builder().seed(Seed.POPULATED).build();

    private static final String PROGRAMS = "/ed-fi/studentProgramAssociations";
    private static final Map<String, String> SCOPE = Map.of("programName", "Career and Technical Education");

    @TempDir
    Path dir;
    private EdFiClient client;
    private Synchronizer sync;

    @BeforeEach
    void setUp() {
        client = EdFiClient.builder().baseUrl(sandbox.get().baseUrl())
                .credentials(sandbox.get().key(), sandbox.get().secret()).build();
        ResourceModel resource = DataStandardModel.of(DataStandard.DS5).require("StudentProgramAssociation");
        sync = new Synchronizer(client.documents(), resource, SCOPE, dir.resolve("identity-map.json"));
        // Each test starts from an empty scope.
        client.documents().query(PROGRAMS, SCOPE).stream().toList()
                .forEach(item -> client.documents().delete(PROGRAMS, item.get("id").getAsString()));
    }

    @AfterEach
    void tearDown() {
        client.close();
    }

    private static SourceRecord record(String sourceKey, String student, String beginDate) {
        JsonObject body = JsonParser.parseString("{"
                + "\"beginDate\":\"" + beginDate + "\","
                + "\"educationOrganizationReference\":{\"educationOrganizationId\":255901},"
                + "\"programReference\":{\"educationOrganizationId\":255901,\"programName\":\"Career and Technical Education\","
                + "\"programTypeDescriptor\":\"uri://ed-fi.org/ProgramTypeDescriptor#Career and Technical Education\"},"
                + "\"studentReference\":{\"studentUniqueId\":\"" + student + "\"}}").getAsJsonObject();
        return new SourceRecord(sourceKey, body);
    }

    private List<String> odsBeginDates(String student) {
        return client.documents().query(PROGRAMS, Map.of("programName", "Career and Technical Education",
                        "studentUniqueId", student)).stream()
                .map(o -> o.get("beginDate").getAsString()).sorted().collect(Collectors.toList());
    }

    @Test
    void aSecondRunOnTheSameSourceChangesNothing() {
        List<SourceRecord> source = List.of(record("p:1", "604822", "2024-08-23"), record("p:2", "604823", "2024-08-23"));
        Synchronizer.Result first = sync.sync(source);
        assertEquals(2, first.count(SyncOperation.Kind.POST), first.toString());
        assertTrue(first.failures().isEmpty(), first.failures().toString());

        Synchronizer.Result second = sync.sync(source);
        assertTrue(second.unchanged(), second.steps().toString());
        assertEquals(2, client.documents().count(PROGRAMS, SCOPE));
        assertTrue(Files.exists(dir.resolve("identity-map.json")));
    }

    @Test
    void aNaturalKeyChangeLeavesTheNewItemAndNotTheOld() {
        sync.sync(List.of(record("p:1", "604822", "2024-08-23")));
        Synchronizer.Result changed = sync.sync(List.of(record("p:1", "604822", "2024-09-03")));
        assertEquals(1, changed.count(SyncOperation.Kind.DELETE), changed.steps().toString());
        assertEquals(1, changed.count(SyncOperation.Kind.POST), changed.steps().toString());
        assertEquals(List.of("2024-09-03"), odsBeginDates("604822"));
    }

    @Test
    void aRecordDeletedFromTheSourceIsDeletedFromTheOds() {
        sync.sync(List.of(record("p:1", "604822", "2024-08-23"), record("p:2", "604823", "2024-08-23")));
        Synchronizer.Result afterDeletion = sync.sync(List.of(record("p:1", "604822", "2024-08-23")));
        assertEquals(1, afterDeletion.count(SyncOperation.Kind.DELETE), afterDeletion.steps().toString());
        assertEquals(List.of(), odsBeginDates("604823"));
        assertEquals(List.of("2024-08-23"), odsBeginDates("604822"));
    }

    @Test
    void anOdsItemDeletedBehindTheSynchronizersBackIsResent() {
        sync.sync(List.of(record("p:1", "604822", "2024-08-23")));
        client.documents().query(PROGRAMS, SCOPE).stream().toList()
                .forEach(item -> client.documents().delete(PROGRAMS, item.get("id").getAsString()));
        Synchronizer.Result repaired = sync.sync(List.of(record("p:1", "604822", "2024-08-23")));
        assertEquals(1, repaired.count(SyncOperation.Kind.POST), repaired.steps().toString());
        assertEquals(List.of("2024-08-23"), odsBeginDates("604822"));
    }

    @Test
    void anEmptySourceIsRefusedByTheDeleteGuardAndTheDryRunShowsThePlan() {
        sync.sync(List.of(record("p:1", "604822", "2024-08-23"), record("p:2", "604823", "2024-08-23")));
        SyncPlan dry = sync.plan(List.of());
        assertEquals(2, dry.removals().size());
        assertTrue(sync.refusal(dry).isPresent());
        SyncRefusedException refused = org.junit.jupiter.api.Assertions.assertThrows(SyncRefusedException.class,
                () -> sync.sync(List.of()));
        assertTrue(refused.getMessage().contains("deletes 2 of the 2 items in scope"), refused.getMessage());
        assertEquals(2, client.documents().count(PROGRAMS, SCOPE), "nothing deleted");

        Synchronizer.Result allowed = sync.allowMassDelete(true).sync(List.of());
        assertEquals(2, allowed.count(SyncOperation.Kind.DELETE), allowed.steps().toString());
        assertEquals(0, client.documents().count(PROGRAMS, SCOPE));
    }

    @Test
    void toggledOffSendsNothingAndDeletesNothing() {
        sync.sync(List.of(record("p:1", "604822", "2024-08-23")));
        Synchronizer.Result off = sync.toggledOff(true).sync(List.of(record("p:2", "604823", "2024-08-23")));
        assertTrue(off.steps().isEmpty());
        assertEquals(1, off.plan().rejected().size());
        assertEquals(List.of("2024-08-23"), odsBeginDates("604822"), "data already sent remains");
        assertEquals(List.of(), odsBeginDates("604823"), "no new data is sent");
    }

    @Test
    void aScopeNameTheResourceDoesNotHaveIsRefusedBeforeAnyRequest() {
        ResourceModel resource = DataStandardModel.of(DataStandard.DS5).require("StudentProgramAssociation");
        IllegalArgumentException e = org.junit.jupiter.api.Assertions.assertThrows(IllegalArgumentException.class,
                () -> new Synchronizer(client.documents(), resource, Map.of("foo", "bar"), dir.resolve("m.json")));
        assertTrue(e.getMessage().contains("'foo'"), e.getMessage());
    }
}
