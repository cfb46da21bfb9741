package io.github.edfisdk.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.github.edfisdk.profiles.ViolationSink;
import io.github.edfisdk.profiles.pa.PimsCteProfile;
import io.github.edfisdk.profiles.pa.PimsEducationOrganizationIds;
import io.github.edfisdk.profiles.pa.PimsFileReader;
import io.github.edfisdk.profiles.pa.PimsFiles;
import io.github.edfisdk.profiles.pa.PimsRecord;
import io.github.edfisdk.sandbox.EdFiSandbox;
import io.github.edfisdk.sandbox.Seed;
import java.io.BufferedWriter;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

/** {@code edfi validate --profile pa-pims-cte}, {@code edfi pims to-edfi / from-edfi}, end to end through a sandbox. */
class PimsCommandTest {

    record Run(int code, String out, String err) {
    }

    private static Run run(String... args) {
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        CommandLine cl = EdFiCli.commandLine();
        cl.setOut(new PrintWriter(out, true));
        cl.setErr(new PrintWriter(err, true));
        int code = cl.execute(args);
        return new Run(code, out.toString(), err.toString());
    }

    /** The line numbers reported for {@code file} ("FILE:LINE: ..."). */
    private static Set<Long> reportedLines(String text, Path file) {
        Set<Long> lines = new TreeSet<>();
        Matcher m = Pattern.compile("^" + Pattern.quote(file.toString()) + ":(\\d+): ", Pattern.MULTILINE).matcher(text);
        while (m.find()) {
            lines.add(Long.parseLong(m.group(1)));
        }
        return lines;
    }

    private static List<String> sortedRows(List<PimsRecord> rows) {
        return rows.stream().map(r -> String.join("|", r.values())).sorted().toList();
    }

    @Test
    void tenThousandRowsValidateConvertLoadExportAndComeBackFieldByField(@TempDir Path dir) throws Exception {
        Path pims = dir.resolve("CTE_STUDENT_FACT.csv");
        PimsFiles.Generated g = PimsFiles.write(pims, 10_000, ",");
        assertTrue(g.invalidLines().size() >= 100, "some invalid rows: " + g.invalidLines().size());

        // 1. validate: every invalid row reported, and only those
        Run v = run("validate", "--profile", "pa-pims-cte", "--school-year", "2026", pims.toString());
        assertEquals(1, v.code(), v.err());
        assertEquals(new TreeSet<>(g.invalidLines()), reportedLines(v.out(), pims));
        assertTrue(v.out().contains("10000 row(s): " + g.validRows().size() + " valid, " + g.invalidLines().size()
                + " invalid"), v.out().lines().reduce((a, b) -> b).orElse(""));
        assertTrue(v.out().contains(":14: Field 1 (SUBMITTING AUN): The unique, 9-digit Administrative Unit Number"),
                v.out().substring(0, Math.min(2000, v.out().length())));

        // 2. to-edfi: the valid rows become studentCTEProgramAssociations; programs and descriptors alongside
        Path edfi = dir.resolve("edfi");
        Files.createDirectories(edfi);
        Path associations = edfi.resolve("studentCTEProgramAssociations.jsonl");
        Run t = run("pims", "to-edfi", pims.toString(), "--out", associations.toString(),
                "--references-dir", edfi.toString());
        assertEquals(1, t.code(), t.err().lines().reduce((a, b) -> b).orElse(""));
        assertEquals(new TreeSet<>(g.invalidLines()), reportedLines(t.err(), pims));
        assertEquals(g.validRows().size(), Files.readAllLines(associations).size());

        // The ODS side the PIMS file refers to but does not carry: the schools and the students.
        try (BufferedWriter w = Files.newBufferedWriter(edfi.resolve("schools.jsonl"))) {
            for (String s : g.schools()) {
                String[] aunSchool = s.split("\\|");
                w.write("{\"schoolId\":" + PimsEducationOrganizationIds.school(aunSchool[0], aunSchool[1])
                        + ",\"nameOfInstitution\":\"CTC " + s + "\",\"educationOrganizationCategories\":[{"
                        + "\"educationOrganizationCategoryDescriptor\":\"uri://ed-fi.org/EducationOrganizationCategoryDescriptor#School\"}],"
                        + "\"gradeLevels\":[{\"gradeLevelDescriptor\":\"uri://ed-fi.org/GradeLevelDescriptor#Twelfth grade\"}]}\n");
            }
        }
        try (BufferedWriter w = Files.newBufferedWriter(edfi.resolve("students.jsonl"))) {
            for (String s : g.students()) {
                w.write("{\"studentUniqueId\":\"" + s + "\",\"firstName\":\"F" + s + "\",\"lastSurname\":\"L\","
                        + "\"birthDate\":\"2008-05-01\"}\n");
            }
        }

        try (EdFiSandbox sandbox = EdFiSandbox.builder().port(0).seed(Seed.MINIMAL).start()) {
            Path credentials = dir.resolve("edfi.properties");
            Files.writeString(credentials, "key=" + sandbox.key() + "\nsecret=" + sandbox.secret() + "\n");
            // 3. load in dependency order: descriptors, schools, students, programs, associations
            Run l = run("load", edfi.toString(), "--errors", dir.resolve("errors.jsonl").toString(),
                    "--base-url", sandbox.baseUrl(), "--credentials-file", credentials.toString());
            assertEquals(0, l.code(), l.out() + l.err());
            // 4. export
            Run e = run("export", "studentCTEProgramAssociations",
                    "--base-url", sandbox.baseUrl(), "--credentials-file", credentials.toString());
            assertEquals(0, e.code(), e.err());
            Path exported = dir.resolve("exported.jsonl");
            Files.writeString(exported, e.out());
            assertEquals(g.validRows().size(), e.out().lines().count());

            // 5. from-edfi: back to PIMS, equal to the valid input rows field by field
            Path back = dir.resolve("back.csv");
            Run f = run("pims", "from-edfi", exported.toString(), "--out", back.toString());
            assertEquals(0, f.code(), f.err());
            ViolationSink sink = ViolationSink.inMemory();
            List<PimsRecord> rows = PimsFileReader.readAll(back, sink);
            assertEquals(List.of(), sink.violations());
            assertEquals(sortedRows(g.validRows()), sortedRows(rows));
            assertEquals(List.of(), new PimsCteProfile().check(back).violations());
        }
    }

    @Test
    void tabAndPipeFilesConvertToo(@TempDir Path dir) throws Exception {
        for (String d : List.of("\t", "|")) {
            Path pims = dir.resolve("cte" + (int) d.charAt(0) + ".txt");
            PimsFiles.Generated g = PimsFiles.write(pims, 60, d);
            Path out = dir.resolve("a" + (int) d.charAt(0) + ".jsonl");
            Run t = run("pims", "to-edfi", pims.toString(), "--out", out.toString());
            assertEquals(new TreeSet<>(g.invalidLines()), reportedLines(t.err(), pims));
            assertEquals(g.invalidLines().isEmpty() ? 0 : 1, t.code(), t.err());
            Path back = dir.resolve("b" + (int) d.charAt(0) + ".txt");
            Run f = run("pims", "from-edfi", out.toString(), "--out", back.toString(),
                    "--delimiter", d.equals("\t") ? "tab" : "pipe");
            assertEquals(0, f.code(), f.err());
            assertTrue(Files.readString(back).contains(d), "written with the asked delimiter");
            assertEquals(sortedRows(g.validRows()), sortedRows(PimsFileReader.readAll(back, ViolationSink.inMemory())));
        }
    }

    @Test
    void aValidFileExitsZeroAndWritesToStandardOutput(@TempDir Path dir) throws Exception {
        Path pims = dir.resolve("ok.csv");
        PimsFiles.Generated g = PimsFiles.write(pims, 13, ",");
        assertEquals(Set.of(), g.invalidLines());
        Run v = run("validate", "--profile", "pa-pims-cte", pims.toString());
        assertEquals(0, v.code(), v.out());
        assertTrue(v.out().contains("every record meets the pa-pims-cte rules (13 row(s): 13 valid, 0 invalid)"), v.out());
        Run t = run("pims", "to-edfi", pims.toString());
        assertEquals(0, t.code(), t.err());
        assertEquals(13, t.out().lines().count());
        assertTrue(t.out().startsWith("{\"beginDate\":\"2025-07-01\""), t.out());
    }

    @Test
    void fromEdFiReportsRecordsThatDoNotFollowTheMapping(@TempDir Path dir) throws Exception {
        Path in = dir.resolve("x.jsonl");
        Files.writeString(in, "{\"beginDate\":\"2025-07-01\"}\nnot json\n");
        Run f = run("pims", "from-edfi", in.toString());
        assertEquals(1, f.code());
        assertTrue(f.err().contains(in + ":1: $.educationOrganizationReference: required object is missing"), f.err());
        assertTrue(f.err().contains(in + ":2: $: Line is not valid JSON: unexpected text at line 1 column 1 path $"),
                f.err());
        assertEquals("", f.out());
    }

    /** A valid secondary row of PAsecureID 1000000009, school 1234, CIP 015999. */
    private static final String SECONDARY_ROW = "123456789,2026-06-30,1000000009,1234,1234,015999,70,2026-06-30,,30,N/A,"
            + "N,Y,N,N,N,N,540.00,50.00,1.00,,N,,,,,,Y,,Y,Y,,N,PRE,,";
    /** A valid AAP row of PAsecureID 1000000017, school 1234, CIP 470604. */
    private static final String ADULT_ROW = "123456789,2026-06-30,1000000017,1234,1234,470604,80,2026-06-30,,80,N/A,"
            + "N,N,N,N,N,N,120.50,45.00,0.00,,N,,,,Y,,N/A,,N,N,,N,APP,ASSOC,12.50";

    @Test
    void toEdFiNeverWritesTwoAssociationsWithOneNaturalKey(@TempDir Path dir) throws Exception {
        // Line 4: the AAP row of line 1's student, school, CIP and year. Both rows meet every row rule, and both
        // become the same Ed-Fi association (same student, school, program, beginDate): one would overwrite the other.
        Path pims = dir.resolve("twins.csv");
        String twin = ADULT_ROW.replace("1000000017", "1000000009").replace("470604", "015999");
        Files.writeString(pims, SECONDARY_ROW + "\n" + ADULT_ROW + "\n"
                + SECONDARY_ROW.replace("1000000009", "1000000025") + "\n" + twin + "\n");
        Run t = run("pims", "to-edfi", pims.toString());
        assertEquals(1, t.code(), t.err());
        assertEquals(Set.of(4L), reportedLines(t.err(), pims), t.err());
        assertTrue(t.err().contains("line 1"), t.err());
        List<String> written = t.out().lines().toList();
        assertEquals(3, written.size(), t.out());
        var model = io.github.edfisdk.model.DataStandardModel.of(io.github.edfisdk.model.DataStandard.DS5)
                .resource("studentCTEProgramAssociations").orElseThrow();
        assertEquals(3, written.stream().map(l -> model.naturalKey(com.google.gson.JsonParser.parseString(l)
                .getAsJsonObject()).canonical()).distinct().count());
    }

    @Test
    void fromEdFiKeepsTheInputsLineEnding(@TempDir Path dir) throws Exception {
        Path pims = dir.resolve("two.csv");
        Files.writeString(pims, SECONDARY_ROW + "\n" + ADULT_ROW + "\n");
        Run t = run("pims", "to-edfi", pims.toString());
        assertEquals(0, t.code(), t.err());
        for (String ending : List.of("\n", "\r\n")) {
            Path in = dir.resolve("in" + ending.length() + ".jsonl");
            Files.writeString(in, String.join(ending, t.out().lines().toList()) + ending);
            Path back = dir.resolve("back" + ending.length() + ".csv");
            Run f = run("pims", "from-edfi", in.toString(), "--out", back.toString());
            assertEquals(0, f.code(), f.err());
            assertEquals(SECONDARY_ROW + ending + ADULT_ROW + ending, Files.readString(back));
            Run stdout = run("pims", "from-edfi", in.toString());
            assertEquals(SECONDARY_ROW + ending + ADULT_ROW + ending, stdout.out());
        }
    }

    @Test
    void usageErrorsExitTwo(@TempDir Path dir) throws Exception {
        Path pims = dir.resolve("ok.csv");
        PimsFiles.write(pims, 3, ",");
        Run ds4 = run("pims", "to-edfi", pims.toString(), "--data-standard", "4.0");
        assertEquals(2, ds4.code());
        assertTrue(ds4.err().contains("64-bit educationOrganizationId"), ds4.err());
        assertEquals(2, run("pims", "to-edfi", dir.resolve("missing.csv").toString()).code());
        assertEquals(2, run("pims", "from-edfi", pims.toString(), "--delimiter", "semicolon").code());
        assertEquals(2, run("pims", "to-edfi").code());
    }
}
