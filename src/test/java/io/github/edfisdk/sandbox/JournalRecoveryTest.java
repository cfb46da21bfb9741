package io.github.edfisdk.sandbox;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.github.edfisdk.model.DataStandard;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** A damaged --data-dir journal never costs acknowledged writes: only a torn last line is dropped. */
class JournalRecoveryTest {
    @TempDir
    Path tmp;

    private Path dataDir() {
        return tmp.resolve("data");
    }

    private Path journal() {
        return dataDir().resolve(Journal.FILE_NAME);
    }

    private void write(int students) {
        try (EdFiSandbox sb = EdFiSandbox.builder().seed(Seed.MINIMAL).dataDir(dataDir()).start()) {
            RawHttp http = new RawHttp(sb);
            for (int i = 0; i < students; i++) {
                assertEquals(201, http.post("/ed-fi/students", SandboxWriteTest.student("J-" + i, "Kept")).statusCode());
            }
        }
    }

    private static int students(EdFiSandbox sb) {
        return RawHttp.parse(new RawHttp(sb).get("/ed-fi/students?limit=500")).getAsJsonArray().size();
    }

    private EdFiSandbox start() {
        return EdFiSandbox.builder().seed(Seed.MINIMAL).dataDir(dataDir()).start();
    }

    @Test
    void aCorruptLineInTheMiddleRefusesStartUpAndLeavesTheFileAsItWas() throws Exception {
        write(12);
        List<String> lines = new ArrayList<>(Files.readAllLines(journal()));
        lines.set(4, lines.get(4).replaceFirst("\\{", "[")); // one character on line 5
        Files.write(journal(), lines);
        byte[] before = Files.readAllBytes(journal());

        IllegalStateException e = assertThrows(IllegalStateException.class, this::start);
        assertTrue(e.getMessage().contains(journal() + " line 5"), e.getMessage());
        assertArrayEquals(before, Files.readAllBytes(journal()), "the journal is never cut");
        // After the line is repaired every record is there.
        lines.set(4, lines.get(4).replaceFirst("\\[", "{"));
        Files.write(journal(), lines);
        try (EdFiSandbox sb = start()) {
            assertEquals(12, students(sb));
        }
    }

    @Test
    void aLineOfTheWrongShapeNamesFileLineAndRule() throws Exception {
        write(3);
        List<String> lines = new ArrayList<>(Files.readAllLines(journal()));
        lines.add(1, "{\"op\":\"put\",\"resource\":\"Student\"}");
        Files.write(journal(), lines);

        IllegalStateException e = assertThrows(IllegalStateException.class, this::start);
        assertTrue(e.getMessage().contains(journal() + " line 2"), e.getMessage());
        assertTrue(e.getMessage().contains("\"id\""), e.getMessage());
        assertFalse(e.getMessage().contains("NullPointer") || e.getMessage().contains("java."), e.getMessage());
    }

    @Test
    void crlfLineEndsLoseNothingAcrossRestarts() throws Exception {
        write(10);
        String crlf = Files.readString(journal()).replace("\n", "\r\n");
        Files.writeString(journal(), crlf);
        for (int run = 0; run < 3; run++) {
            try (EdFiSandbox sb = start()) {
                assertEquals(10 + run, students(sb), "run " + run);
                assertEquals(201, new RawHttp(sb).post("/ed-fi/students",
                        SandboxWriteTest.student("CR-" + run, "New")).statusCode());
            }
        }
    }

    @Test
    void aTornLastLineIsDroppedButKeptAside() throws Exception {
        write(4);
        String torn = "{\"op\":\"put\",\"resource\":\"Student\",\"id\":\"ab";
        Files.writeString(journal(), torn, java.nio.file.StandardOpenOption.APPEND);
        try (EdFiSandbox sb = start()) {
            assertEquals(4, students(sb));
        }
        assertEquals(4, Files.readAllLines(journal()).size());
        try (var aside = Files.list(dataDir())) {
            assertTrue(aside.anyMatch(p -> p.getFileName().toString().startsWith(Journal.FILE_NAME + ".torn")
                    && readQuietly(p).equals(torn)), "the dropped bytes are kept for inspection");
        }
    }

    @Test
    void aDataFolderOfOneDataStandardIsRefusedUnderTheOther() {
        write(1);
        IllegalStateException e = assertThrows(IllegalStateException.class, () -> EdFiSandbox.builder()
                .dataStandard(DataStandard.DS4).seed(Seed.MINIMAL).dataDir(dataDir()).start());
        assertTrue(e.getMessage().contains("5.1") && e.getMessage().contains("4.0"), e.getMessage());
        try (EdFiSandbox sb = start()) { // and the folder still opens as DS 5.1
            assertEquals(1, students(sb));
        }
    }

    @Test
    void theJournalAndItsFolderAreReadableByTheOwnerOnly() throws Exception {
        write(1);
        assertEquals("rwx------", PosixFilePermissions.toString(Files.getPosixFilePermissions(dataDir())));
        assertEquals("rw-------", PosixFilePermissions.toString(Files.getPosixFilePermissions(journal())));
    }

    private static String readQuietly(Path p) {
        try {
            return new String(Files.readAllBytes(p), StandardCharsets.UTF_8);
        } catch (java.io.IOException e) {
            return "";
        }
    }
}
