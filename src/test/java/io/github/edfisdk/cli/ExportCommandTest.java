package io.github.edfisdk.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
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
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

/** {@code edfi export} against an embedded sandbox: a filter the resource does not have must not export everything. */
class ExportCommandTest {
    @RegisterExtension
    static SandboxExtension sandbox = SandboxExtension.builder().seed(Seed.MINIMAL).build();
    @TempDir
    static Path dir;

    @BeforeAll
    static void students() throws Exception {
        Files.writeString(dir.resolve("creds.properties"),
                "key=" + sandbox.get().key() + "\nsecret=" + sandbox.get().secret() + "\n");
        try (EdFiClient c = EdFiClient.builder().baseUrl(sandbox.get().baseUrl())
                .credentials(sandbox.get().key(), sandbox.get().secret()).build()) {
            for (String[] s : List.of(new String[] {"EX1", "Smith"}, new String[] {"EX2", "Jones"})) {
                c.documents().post("students", JsonParser.parseString("{\"studentUniqueId\":\"" + s[0]
                        + "\",\"firstName\":\"A\",\"lastSurname\":\"" + s[1] + "\",\"birthDate\":\"2010-01-01\"}")
                        .getAsJsonObject());
            }
        }
    }

    private static String[] export(String... args) {
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        CommandLine cl = EdFiCli.commandLine();
        cl.setOut(new PrintWriter(out));
        cl.setErr(new PrintWriter(err));
        List<String> all = new ArrayList<>(List.of("export", "students"));
        all.addAll(List.of(args));
        all.addAll(List.of("--base-url", sandbox.get().baseUrl(), "--credentials-file",
                dir.resolve("creds.properties").toString()));
        int code = cl.execute(all.toArray(String[]::new));
        return new String[] {Integer.toString(code), out.toString(), err.toString()};
    }

    @Test
    void aQueryNameTheResourceDoesNotHaveIsRefusedNamingTheValidOnes() {
        String[] r = export("--query", "lastName=Smith");
        assertEquals("2", r[0], r[1] + r[2]);
        assertEquals("", r[1], "nothing exported");
        assertTrue(r[2].contains("'lastName'") && r[2].contains("lastSurname"), r[2]);
    }

    @Test
    void aQueryNameOfTheSpecFiltersIgnoringCase() {
        String[] r = export("--query", "LastSurname=Smith");
        assertEquals("0", r[0], r[1] + r[2]);
        assertEquals(1, r[1].lines().count(), r[1]);
        assertTrue(r[1].contains("\"EX1\""), r[1]);
    }
}
