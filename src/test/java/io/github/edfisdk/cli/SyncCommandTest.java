package io.github.edfisdk.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.github.edfisdk.client.EdFiClient;
import io.github.edfisdk.sandbox.SandboxExtension;
import io.github.edfisdk.sandbox.Seed;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

class SyncCommandTest {
    @RegisterExtension
    static SandboxExtension sandbox = SandboxExtension.builder().seed(Seed.POPULATED).build();

    private static String line(String key, String student, String begin) {
        return "{\"_sourceKey\":\"" + key + "\",\"beginDate\":\"" + begin + "\","
                + "\"educationOrganizationReference\":{\"educationOrganizationId\":255901},"
                + "\"programReference\":{\"educationOrganizationId\":255901,\"programName\":\"Career and Technical Education\","
                + "\"programTypeDescriptor\":\"uri://ed-fi.org/ProgramTypeDescriptor#Career and Technical Education\"},"
                + "\"studentReference\":{\"studentUniqueId\":\"" + student + "\"}}";
    }

    /** Each test starts from an empty scope (whatever the populated seed holds in it). */
    @BeforeEach
    void emptyScope() {
        try (EdFiClient c = EdFiClient.builder().baseUrl(sandbox.get().baseUrl())
                .credentials(sandbox.get().key(), sandbox.get().secret()).build()) {
            Map<String, String> scope = Map.of("programName", "Career and Technical Education");
            c.documents().query("studentProgramAssociations", scope).stream().toList()
                    .forEach(i -> c.documents().delete("studentProgramAssociations", i.get("id").getAsString()));
        }
    }

    private String[] sync(Path dir, Path source) {
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        CommandLine cl = EdFiCli.commandLine();
        cl.setOut(new PrintWriter(out));
        cl.setErr(new PrintWriter(err));
        int code = cl.execute("sync", "studentProgramAssociations", "--source", source.toString(),
                "--identity-map", dir.resolve("map.json").toString(),
                "--scope", "programName=Career and Technical Education",
                "--base-url", sandbox.get().baseUrl(), "--credentials-file", dir.resolve("creds.properties").toString());
        return new String[] {Integer.toString(code), out.toString(), err.toString()};
    }

    @Test
    void syncsThenFindsNothingToDoThenDeletesWhatLeftTheSource(@TempDir Path dir) throws Exception {
        Files.writeString(dir.resolve("creds.properties"),
                "key=" + sandbox.get().key() + "\nsecret=" + sandbox.get().secret() + "\n");
        Path source = dir.resolve("source.jsonl");
        Files.writeString(source, line("a", "604830", "2024-08-23") + "\n" + line("b", "604831", "2024-08-23") + "\n");

        String[] first = sync(dir, source);
        assertEquals("0", first[0], first[1] + first[2]);
        assertTrue(first[1].contains("posted 2, deleted 0"), first[1]);

        String[] second = sync(dir, source);
        assertTrue(second[1].contains("posted 0, deleted 0"), second[1]);

        Files.writeString(source, line("a", "604830", "2024-08-23") + "\n");
        String[] third = sync(dir, source);
        assertTrue(third[1].contains("posted 0, deleted 1"), third[1]);
        assertTrue(!(first[1] + first[2] + third[1] + third[2]).contains(sandbox.get().secret()), "secret never printed");
    }

    @Test
    void anUnreadableSourceLineStopsBeforeAnythingIsDeleted(@TempDir Path dir) throws Exception {
        Files.writeString(dir.resolve("creds.properties"),
                "key=" + sandbox.get().key() + "\nsecret=" + sandbox.get().secret() + "\n");
        Path source = dir.resolve("source.jsonl");
        Files.writeString(source, line("a", "604832", "2024-08-23") + "\n{broken\n");
        String[] r = sync(dir, source);
        assertEquals("1", r[0]);
        assertTrue(r[2].contains(source + ":2: not valid JSON"), r[2]);
        assertTrue(r[2].contains("nothing was sent"), r[2]);
    }
}
