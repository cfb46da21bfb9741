package io.github.edfisdk.load;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.github.edfisdk.client.EdFiClient;
import io.github.edfisdk.sandbox.EdFiSandbox;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A CSV mapping is checked against the file's header and the spec before anything is sent: a column the header does
 * not have, or a path the resource does not have, refuses the run naming the mapping file, the column and the path.
 */
class CsvMappingCheckTest {
    static EdFiSandbox sandbox;
    @TempDir
    static Path dir;
    static Path credentials;

    @BeforeAll
    static void start() throws Exception {
        sandbox = EdFiSandbox.builder().port(0).start();
        credentials = dir.resolve("edfi.properties");
        Files.writeString(credentials, "key=" + sandbox.key() + "\nsecret=" + sandbox.secret() + "\n");
    }

    @AfterAll
    static void stop() {
        sandbox.close();
    }

    /** A folder with a good JSON Lines file and a CSV file with the given mapping. */
    static Path inputs(String name, String columns) throws Exception {
        Path in = Files.createDirectories(dir.resolve(name));
        Files.writeString(in.resolve("a-students.jsonl"), "{\"_resource\":\"students\",\"studentUniqueId\":\"" + name
                + "-J\",\"firstName\":\"A\",\"lastSurname\":\"B\",\"birthDate\":\"2010-01-01\"}\n");
        Files.writeString(in.resolve("people.csv"), "StudentId,FirstName,LastName,BirthDate\n" + name
                + "-C,Ada,Lovelace,2010-01-01\n");
        Files.writeString(in.resolve("people.mapping.json"), "{\"resource\":\"students\",\"columns\":{" + columns + "}}");
        return in;
    }

    static long students() {
        try (EdFiClient c = EdFiClient.builder().baseUrl(sandbox.baseUrl()).credentials(sandbox.key(), sandbox.secret())
                .build()) {
            return c.documents().count("students", Map.of());
        }
    }

    static CliRunner load(Path in) {
        return CliRunner.run("load", in.toString(), "--base-url", sandbox.baseUrl(), "--credentials-file",
                credentials.toString());
    }

    @Test
    void aColumnTheHeaderDoesNotHaveRefusesTheRunBeforeAnythingIsSent() throws Exception {
        Path in = inputs("col", "\"StudentId\":\"studentUniqueId\",\"firstname\":\"firstName\","
                + "\"LastName\":\"lastSurname\",\"BirthDate\":\"birthDate\"");
        long before = students();
        CliRunner l = load(in);
        assertEquals(2, l.exitCode(), l.out() + l.err());
        assertTrue(l.err().contains(in.resolve("people.mapping.json").toString()) && l.err().contains("'firstname'")
                && l.err().contains("'FirstName'"), l.err());
        assertEquals(before, students(), "nothing sent, the good file's record included");
        CliRunner v = CliRunner.run("validate", in.toString());
        assertEquals(2, v.exitCode(), v.out() + v.err());
        assertTrue(v.err().contains("'firstname'"), v.err());
    }

    @Test
    void aPathTheResourceDoesNotHaveRefusesTheRunNamingMappingColumnAndPath() throws Exception {
        Path in = inputs("path", "\"StudentId\":\"studentUniqueId\",\"FirstName\":\"firstname\","
                + "\"LastName\":\"lastSurname\",\"BirthDate\":\"birthDate\"");
        long before = students();
        CliRunner l = load(in);
        assertEquals(2, l.exitCode(), l.out() + l.err());
        String mapping = in.resolve("people.mapping.json").toString();
        assertTrue(l.err().contains(mapping) && l.err().contains("column 'FirstName'")
                && l.err().contains("'firstname'") && l.err().contains("did you mean 'firstName'"), l.err());
        assertEquals(before, students(), "nothing sent");
        CliRunner v = CliRunner.run("validate", in.toString());
        assertEquals(2, v.exitCode(), v.out() + v.err());
    }

    @Test
    void nestedAndListPathsAreCheckedToo() throws Exception {
        Path in = inputs("nested", "\"StudentId\":\"studentUniqueId\",\"FirstName\":\"firstName\","
                + "\"LastName\":\"lastSurname\",\"BirthDate\":\"birthData.birthDate\"");
        CliRunner v = CliRunner.run("validate", in.toString());
        assertEquals(2, v.exitCode(), v.out() + v.err());
        assertTrue(v.err().contains("'birthData.birthDate'") && v.err().contains("'birthData'"), v.err());

        Path ok = inputs("lists", "\"StudentId\":\"studentUniqueId\",\"FirstName\":\"firstName\","
                + "\"LastName\":\"lastSurname\",\"BirthDate\":\"birthDate\"");
        Files.writeString(ok.resolve("people.mapping.json"), "{\"resource\":\"students\",\"columns\":{"
                + "\"StudentId\":\"studentUniqueId\",\"FirstName\":\"personalIdentificationDocuments[0].documentTitle\","
                + "\"LastName\":\"lastSurname\",\"BirthDate\":\"birthDate\"},\"constants\":{\"firstName\":\"X\"}}");
        CliRunner good = CliRunner.run("validate", ok.resolve("people.csv").toString());
        assertTrue(good.exitCode() != 2, good.out() + good.err());

        Files.writeString(ok.resolve("people.mapping.json"), "{\"resource\":\"students\",\"columns\":{"
                + "\"StudentId\":\"studentUniqueId\",\"FirstName\":\"firstName\",\"LastName\":\"lastSurname\","
                + "\"BirthDate\":\"birthDate\"},\"constants\":{\"birthCountry\":\"uri://ed-fi.org/CountryDescriptor#US\"}}");
        CliRunner constant = CliRunner.run("validate", ok.resolve("people.csv").toString());
        assertEquals(2, constant.exitCode(), constant.out() + constant.err());
        assertTrue(constant.err().contains("constant 'birthCountry'") && constant.err().contains("birthCountryDescriptor"),
                constant.err());
    }
}
