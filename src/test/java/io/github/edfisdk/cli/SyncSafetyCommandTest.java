package io.github.edfisdk.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.google.gson.JsonParser;
import io.github.edfisdk.client.EdFiClient;
import io.github.edfisdk.sandbox.SandboxExtension;
import io.github.edfisdk.sandbox.Seed;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

/**
 * {@code edfi sync} must never delete what it does not own nor loop forever (issue 12). Each test makes its own
 * local education agency and programs in a sandbox with only the default descriptors, and syncs {@code programs}.
 */
class SyncSafetyCommandTest {
    @RegisterExtension
    static SandboxExtension sandbox = SandboxExtension.builder().seed(Seed.MINIMAL).build();
    private static final AtomicLong NEXT_LEA = new AtomicLong(7_770_001);
    private static final String CTE = "uri://ed-fi.org/ProgramTypeDescriptor#Career and Technical Education";
    @TempDir
    static Path dir;
    static EdFiClient client;

    @BeforeAll
    static void connect() throws Exception {
        Files.writeString(dir.resolve("creds.properties"),
                "key=" + sandbox.get().key() + "\nsecret=" + sandbox.get().secret() + "\n");
        client = EdFiClient.builder().baseUrl(sandbox.get().baseUrl())
                .credentials(sandbox.get().key(), sandbox.get().secret()).build();
    }

    @AfterAll
    static void close() {
        client.close();
    }

    /** A new local education agency, so each test owns its scope. */
    static long lea() {
        long id = NEXT_LEA.getAndIncrement();
        client.documents().post("localEducationAgencies", JsonParser.parseString(("{\"localEducationAgencyId\":%d,"
                + "\"nameOfInstitution\":\"Sync test LEA %d\",\"localEducationAgencyCategoryDescriptor\":"
                + "\"uri://ed-fi.org/LocalEducationAgencyCategoryDescriptor#Independent\",\"categories\":[{"
                + "\"educationOrganizationCategoryDescriptor\":\"uri://ed-fi.org/EducationOrganizationCategoryDescriptor"
                + "#Local Education Agency\"}]}").formatted(id, id)).getAsJsonObject());
        return id;
    }

    static String program(long lea, String name) {
        return "{\"educationOrganizationReference\":{\"educationOrganizationId\":" + lea + "},\"programName\":\""
                + name + "\",\"programTypeDescriptor\":\"" + CTE + "\"}";
    }

    static String line(String sourceKey, long lea, String name) {
        return "{\"_sourceKey\":\"" + sourceKey + "\"," + program(lea, name).substring(1);
    }

    static void inOds(long lea, String... names) {
        for (String n : names) {
            client.documents().post("programs", JsonParser.parseString(program(lea, n)).getAsJsonObject());
        }
    }

    static List<String> programsOf(long lea) {
        return client.documents().query("programs", Map.of("educationOrganizationId", Long.toString(lea))).stream()
                .map(o -> o.get("programName").getAsString()).sorted().toList();
    }

    static Path source(String name, String... lines) throws Exception {
        Path f = dir.resolve(name + ".jsonl");
        Files.writeString(f, lines.length == 0 ? "" : String.join("\n", lines) + "\n");
        return f;
    }

    record Run(int code, String out, String err) {
        String all() {
            return out + err;
        }
    }

    static Run sync(Path source, String... options) {
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        CommandLine cl = EdFiCli.commandLine();
        cl.setOut(new PrintWriter(out));
        cl.setErr(new PrintWriter(err));
        List<String> args = new ArrayList<>(List.of("sync", "programs", "--source", source.toString(),
                "--identity-map", source.resolveSibling(source.getFileName() + ".map.json").toString()));
        args.addAll(List.of(options));
        args.addAll(List.of("--base-url", sandbox.get().baseUrl(), "--credentials-file",
                dir.resolve("creds.properties").toString()));
        int code = cl.execute(args.toArray(String[]::new));
        return new Run(code, out.toString(), err.toString());
    }

    @Test
    void aScopeNameThatIsNotAQueryParameterIsRefusedBeforeAnythingIsDeleted() throws Exception {
        long lea = lea();
        inOds(lea, "P1", "P2", "P3");
        Path src = source("foo", line("a", lea, "P1"));
        Run foo = sync(src, "--scope", "foo=bar");
        assertEquals(2, foo.code(), foo.all());
        assertTrue(foo.err().contains("'foo'") && foo.err().contains("educationOrganizationId"), foo.err());
        Run school = sync(src, "--scope", "schoolId=" + lea);
        assertEquals(2, school.code(), school.all());
        assertTrue(school.err().contains("'schoolId'"), school.err());
        assertEquals(List.of("P1", "P2", "P3"), programsOf(lea));
    }

    @Test
    void aSourceKeyGivenTwiceIsRefusedNamingBothLines() throws Exception {
        long lea = lea();
        Path src = source("dup", line("a", lea, "D1"), line("b", lea, "D2"), line("a", lea, "D3"));
        Run r = sync(src, "--scope", "educationOrganizationId=" + lea);
        assertEquals(2, r.code(), r.all());
        assertTrue(r.err().contains("'a'") && r.err().contains(src + ":1") && r.err().contains(src + ":3"), r.err());
        assertEquals(List.of(), programsOf(lea), "nothing sent");
    }

    @Test
    void aSourceRecordOutsideTheScopeIsRejectedAndNeverPosted() throws Exception {
        long lea = lea();
        long other = lea();
        Path src = source("outside", line("in", lea, "O1"), line("out", other, "O2"));
        Run r = sync(src, "--scope", "educationOrganizationId=" + lea);
        assertEquals(1, r.code(), r.all());
        assertTrue(r.out().contains("REJECTED out: Outside the scope (educationOrganizationId=" + lea + ")"), r.out());
        assertEquals(List.of("O1"), programsOf(lea));
        assertEquals(List.of(), programsOf(other));
    }

    @Test
    void anEmptySourceIsRefusedByTheDeleteGuardUnlessMassDeleteIsAllowed() throws Exception {
        long lea = lea();
        Path src = source("guard", line("a", lea, "G1"), line("b", lea, "G2"), line("c", lea, "G3"));
        assertEquals(0, sync(src, "--scope", "educationOrganizationId=" + lea).code());
        source("guard");
        Run refused = sync(src, "--scope", "educationOrganizationId=" + lea);
        assertEquals(1, refused.code(), refused.all());
        assertTrue(refused.out().contains("REFUSED: The plan deletes 3 of the 3 items in scope"), refused.out());
        assertEquals(List.of("G1", "G2", "G3"), programsOf(lea));

        source("guard", line("a", lea, "G1"));
        Run twoOfThree = sync(src, "--scope", "educationOrganizationId=" + lea, "--max-delete-share", "0.5");
        assertEquals(1, twoOfThree.code(), twoOfThree.all());
        assertEquals(List.of("G1", "G2", "G3"), programsOf(lea));

        Run allowed = sync(src, "--scope", "educationOrganizationId=" + lea, "--allow-mass-delete");
        assertEquals(0, allowed.code(), allowed.all());
        assertTrue(allowed.out().contains("posted 0, deleted 2"), allowed.out());
        assertEquals(List.of("G1"), programsOf(lea));
    }

    @Test
    void theDryRunPrintsEachStepWithItsNaturalKeyAndSendsNothing() throws Exception {
        long lea = lea();
        inOds(lea, "R1", "R2");
        Path src = source("dry", line("a", lea, "R1"), line("c", lea, "R3"));
        Run dry = sync(src, "--scope", "educationOrganizationId=" + lea, "--dry-run");
        assertEquals(0, dry.code(), dry.all());
        assertTrue(dry.out().contains("PLAN POST {") && dry.out().contains("\"programName\":\"R3\""), dry.out());
        assertTrue(dry.out().contains("PLAN DELETE {") && dry.out().contains("\"programName\":\"R2\""), dry.out());
        assertTrue(dry.out().contains("nothing was sent"), dry.out());
        assertEquals(List.of("R1", "R2"), programsOf(lea));
        assertFalse(Files.exists(src.resolveSibling("dry.jsonl.map.json")), "a dry run writes no identity map");
    }

    @Test
    void deletionsPrintTheirNaturalKeyReadably() throws Exception {
        long lea = lea();
        Path src = source("keys", line("a", lea, "K1"), line("b", lea, "K2"));
        assertEquals(0, sync(src, "--scope", "educationOrganizationId=" + lea).code());
        source("keys", line("a", lea, "K1"));
        Run r = sync(src, "--scope", "educationOrganizationId=" + lea);
        assertEquals(0, r.code(), r.all());
        String delete = r.out().lines().filter(l -> l.startsWith("DELETE")).findFirst().orElseThrow();
        assertTrue(delete.contains("\"programName\":\"K2\"") && delete.contains("(source key b)"), delete);
        assertFalse(r.out().contains("\u001f") || delete.startsWith("DELETE -"), delete);
    }

    @Test
    void aResourceToggledOffSendsNothingAndDeletesNothing() throws Exception {
        long lea = lea();
        Path src = source("toggle", line("a", lea, "T1"));
        assertEquals(0, sync(src, "--scope", "educationOrganizationId=" + lea).code());
        source("toggle", line("b", lea, "T2"));
        Run off = sync(src, "--scope", "educationOrganizationId=" + lea, "--toggle", "off");
        assertEquals(0, off.code(), off.all());
        assertTrue(off.out().contains("toggled OFF: 1 source records not sent, nothing deleted"), off.out());
        assertEquals(List.of("T1"), programsOf(lea), "sent data remains; no new data is sent");
    }
}
