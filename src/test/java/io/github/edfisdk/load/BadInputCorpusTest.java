package io.github.edfisdk.load;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.google.gson.JsonObject;
import com.google.gson.JsonParser;
import java.io.BufferedWriter;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * The bad-input corpus ({@code src/test/resources/bad-input/}): each file holds good records around bad ones.
 * {@code edfi validate} names the file, the line and the rule of every bad record and counts the good ones;
 * {@code edfi load} into a sandbox lands every good record, reports every bad one at its line, and exits 1.
 * The README's "What bad input gets" table lists the same cases.
 */
class BadInputCorpusTest {
    static final Path DIR = Path.of("src/test/resources/bad-input");

    /** file, good records, bad line, what the message says (offline validation). */
    static Stream<Arguments> cases() {
        return Stream.of(
                Arguments.of("students.malformed.jsonl", 2, 2, "malformed JSON: Unterminated object at line 1 column 49 path $.firstName"),
                Arguments.of("students.truncated.jsonl", 2, 3, "malformed JSON: Unterminated string at line 1 column 43 path $.firstName"),
                Arguments.of("students.crlf.jsonl", 2, 2, "[$.birthDate: The value '2010-02-30' is not valid for BirthDate: a date (yyyy-MM-dd) is expected.]"),
                Arguments.of("students.non-utf8.jsonl", 2, 2, "not valid UTF-8: byte 0xFC at byte column 63 (save the file as UTF-8)"),
                Arguments.of("students.wrong-types.jsonl", 2, 2, "[$.firstName: The value '{\"given\":\"A\"}' is not valid for FirstName: a string is expected.]"),
                Arguments.of("students.wrong-types.jsonl", 2, 3, "[$.birthDate: The value '20100101' is not valid for BirthDate: a date (yyyy-MM-dd) is expected.]"),
                Arguments.of("students.missing-required.jsonl", 2, 2, "[$.lastSurname: LastSurname is required.]"),
                Arguments.of("students.bad-dates.jsonl", 2, 2, "[$.birthDate: The value '2010-13-45' is not valid for BirthDate: a date (yyyy-MM-dd) is expected.]"),
                Arguments.of("students.bad-dates.jsonl", 2, 3, "[$.birthDate: The value '01/02/2010' is not valid for BirthDate: a date (yyyy-MM-dd) is expected.]"),
                Arguments.of("bad-descriptors.jsonl", 3, 4, "[$.entryGradeLevelDescriptor: 'uri://ed-fi.org/GradeLevelDescriptor#Thirteenth grade' is not a known GradeLevelDescriptor value"),
                Arguments.of("bad-descriptors.jsonl", 3, 5, "[$.entryGradeLevelDescriptor: GradeLevelDescriptor value '9' is not a valid value for use as a descriptor (a '#' is expected"),
                Arguments.of("unknown-resource.jsonl", 2, 2, "? unknown resource \"noSuchThings\" in _resource"),
                Arguments.of("widgets.jsonl", 0, 1, "? no resource: name the file after it (e.g. students.jsonl) or give \"_resource\" on each line"),
                Arguments.of("students.duplicate-keys.jsonl", 2, 2, "malformed JSON: duplicate member 'firstName' at $.firstName: give each member once"),
                Arguments.of("students.duplicate-keys.jsonl", 2, 4, "The natural key {\"studentUniqueId\":\"DK-3\"} was given before, at " + DIR.resolve("students.duplicate-keys.jsonl") + ":3."),
                Arguments.of("students-short-rows.csv", 2, 3, "Student expected 4 fields, found 2"),
                Arguments.of("students-short-rows.csv", 2, 4, "Student expected 4 fields, found 5"),
                Arguments.of("students-non-utf8.csv", 2, 3, "Student not valid UTF-8 (save the file as UTF-8)"),
                Arguments.of("not-well-formed.xml", 1, 16, "malformed XML at column 21: The element type \"FirstName\" must be terminated by the matching end-tag \"</FirstName>\"."));
    }

    @ParameterizedTest(name = "{0}:{2}")
    @MethodSource("cases")
    void validateNamesFileLineAndRuleAndCountsTheGoodRecords(String file, int good, int line, String message) {
        Path p = DIR.resolve(file);
        CliRunner r = CliRunner.run("validate", p.toString());
        assertEquals(1, r.exitCode(), r.out() + r.err());
        String expectedLine = p + ":" + line + " ";
        assertTrue(r.out().lines().anyMatch(l -> l.startsWith(expectedLine) && l.contains(message)),
                "expected " + expectedLine + "... " + message + " in\n" + r.out());
        String total = r.out().lines().filter(l -> l.startsWith("TOTAL")).findFirst().orElseThrow();
        assertEquals(good, Long.parseLong(total.trim().split("\\s+")[1]), r.out());
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("loadCases")
    void loadLandsEveryGoodRecordAndReportsEveryBadLine(String file, int good, List<Long> badLines, @TempDir Path dir)
            throws IOException {
        Path errors = dir.resolve("errors.jsonl");
        CliRunner r = CliRunner.run("load", DIR.resolve(file).toString(), "--sandbox", "--errors", errors.toString());
        assertEquals(badLines.isEmpty() ? 0 : 1, r.exitCode(), r.out() + r.err());
        assertTrue(r.out().contains(good + " landed, " + badLines.size() + " failed, of " + (good + badLines.size())
                + " records"), r.out());
        Map<Long, JsonObject> byLine = new TreeMap<>();
        for (String l : Files.readAllLines(errors)) {
            JsonObject o = JsonParser.parseString(l).getAsJsonObject();
            assertEquals(DIR.resolve(file).toString(), o.get("source").getAsString());
            assertTrue(!o.get("message").getAsString().isBlank(), o.toString());
            byLine.put(o.get("line").getAsLong(), o);
        }
        assertEquals(badLines, List.copyOf(byLine.keySet()), byLine.toString());
    }

    static Stream<Arguments> loadCases() {
        return Stream.of(
                Arguments.of("students.malformed.jsonl", 2, List.of(2L)),
                Arguments.of("students.truncated.jsonl", 2, List.of(3L)),
                Arguments.of("students.bom.jsonl", 2, List.of()),
                Arguments.of("students.crlf.jsonl", 2, List.of(2L)),
                Arguments.of("students.non-utf8.jsonl", 2, List.of(2L)),
                Arguments.of("students.wrong-types.jsonl", 2, List.of(2L, 3L)),
                Arguments.of("students.missing-required.jsonl", 2, List.of(2L)),
                Arguments.of("students.bad-dates.jsonl", 2, List.of(2L, 3L)),
                Arguments.of("bad-descriptors.jsonl", 3, List.of(4L, 5L)),
                Arguments.of("unknown-resource.jsonl", 2, List.of(2L)),
                Arguments.of("students.duplicate-keys.jsonl", 3, List.of(2L)), // the second DK-3 is an upsert of the first
                Arguments.of("students-short-rows.csv", 2, List.of(3L, 4L)),
                Arguments.of("students-non-utf8.csv", 2, List.of(3L)),
                Arguments.of("not-well-formed.xml", 1, List.of(16L)));
    }

    @Test
    void aByteOrderMarkIsDroppedAndEveryRecordIsValid() {
        CliRunner r = CliRunner.run("validate", DIR.resolve("students.bom.jsonl").toString());
        assertEquals(0, r.exitCode(), r.out() + r.err());
        assertTrue(r.out().contains("TOTAL") && r.out().lines().anyMatch(l -> l.matches("TOTAL\\s+2\\s+0")), r.out());
    }

    @Test
    void aHugeLineIsReportedByItsLengthAndTheLinesAroundItLoad(@TempDir Path dir) throws IOException {
        Path file = dir.resolve("students.jsonl");
        try (BufferedWriter w = Files.newBufferedWriter(file, StandardCharsets.UTF_8)) {
            w.write(StudentFiles.line(1) + "\n");
            w.write("{\"studentUniqueId\":\"HUGE\",\"firstName\":\"");
            String chunk = "x".repeat(1 << 16);
            for (int i = 0; i < 160; i++) { // 10 MB, above the 8 MB line limit
                w.write(chunk);
            }
            w.write("\",\"lastSurname\":\"L\",\"birthDate\":\"2010-01-01\"}\n");
            w.write(StudentFiles.line(2) + "\n");
        }
        long length = Files.size(file) - StudentFiles.line(1).length() - StudentFiles.line(2).length() - 3;
        String expected = file + ":2 Student line is " + length + " bytes long, more than the limit of "
                + InputLines.MAX_LINE_BYTES + " bytes";
        CliRunner v = CliRunner.run("validate", file.toString());
        assertEquals(1, v.exitCode());
        assertTrue(v.out().contains(expected), v.out());
        CliRunner l = CliRunner.run("load", file.toString(), "--sandbox");
        assertEquals(1, l.exitCode(), l.out() + l.err());
        assertTrue(l.out().contains("2 landed, 1 failed, of 3 records"), l.out());
        assertTrue(l.out().contains(expected), l.out());
    }

    @Test
    void aCsvWhoseHeaderLacksAMappedColumnIsRefusedNamingFileAndColumn() {
        Path p = DIR.resolve("students-missing-column.csv");
        for (String command : List.of("validate", "load")) {
            CliRunner r = command.equals("load") ? CliRunner.run("load", p.toString(), "--sandbox")
                    : CliRunner.run("validate", p.toString());
            assertEquals(2, r.exitCode(), r.out() + r.err());
            assertTrue(r.err().contains(p + ": the mapping " + DIR.resolve("students-missing-column.mapping.json")
                    + " names column 'Last', which the header [Student ID, First, Birth date] does not have"), r.err());
        }
    }

    @Test
    void pimsRowsWithTheWrongFieldCountAreNamedByLineAndCount() {
        Path p = DIR.resolve("pims-cte-wrong-field-count.csv");
        CliRunner r = CliRunner.run("validate", "--profile", "pa-pims-cte", p.toString());
        assertEquals(1, r.exitCode(), r.out() + r.err());
        for (int[] row : new int[][] {{2, 35}, {3, 37}}) {
            assertTrue(r.out().lines().anyMatch(l -> l.contains(p + ":" + row[0]) && l.contains("36")
                    && l.contains(Integer.toString(row[1]))), "line " + row[0] + " in\n" + r.out());
        }
        assertTrue(r.out().lines().noneMatch(l -> l.contains(p + ":1 ") || l.contains(p + ":4 ")), r.out());
    }
}
