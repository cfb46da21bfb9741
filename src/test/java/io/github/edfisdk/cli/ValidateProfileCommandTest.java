package io.github.edfisdk.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.google.gson.JsonObject;
import io.github.edfisdk.model.DataStandard;
import io.github.edfisdk.profiles.SchoolYear;
import io.github.edfisdk.profiles.nm.NmCteEnrollment;
import io.github.edfisdk.profiles.nm.NmCteProgramAssociations;
import io.github.edfisdk.profiles.nm.NmDistrict;
import io.github.edfisdk.profiles.nm.NmStudent;
import io.github.edfisdk.profiles.nm.PowerSchoolEnrollment;
import io.github.edfisdk.profiles.nm.PowerSchoolSchool;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

class ValidateProfileCommandTest {

    private static String[] run(String... args) {
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        CommandLine cl = EdFiCli.commandLine();
        cl.setOut(new PrintWriter(out));
        cl.setErr(new PrintWriter(err));
        int code = cl.execute(args);
        return new String[] {Integer.toString(code), out.toString(), err.toString()};
    }

    private static JsonObject goodNmCteRecord() {
        NmDistrict district = new NmDistrict(1, List.of(PowerSchoolSchool.of(50, 0)));
        NmCteProgramAssociations cte = new NmCteProgramAssociations(district, SchoolYear.startingIn(2024), DataStandard.DS5,
                NmCteProgramAssociations.ED_FI_NAMESPACE);
        return cte.publish(List.of(new NmCteEnrollment(NmStudent.published("604822"),
                PowerSchoolEnrollment.active(50, LocalDate.of(2024, 8, 14)), true, null))).payloads().get(0);
    }

    @Test
    void reportsEachViolationWithFileLineAndRuleAndExitsOne(@TempDir Path dir) throws Exception {
        JsonObject good = goodNmCteRecord();
        JsonObject bad = good.deepCopy();
        bad.getAsJsonObject("educationOrganizationReference").addProperty("educationOrganizationId", 255901);
        Path file = dir.resolve("studentCTEProgramAssociations.jsonl");
        Files.writeString(file, good + "\n" + bad + "\n{not json\n");

        String[] r = run("validate", "--profile", "nm-cte", "--school-year", "2025", file.toString());
        assertEquals("1", r[0], r[1] + r[2]);
        assertTrue(r[1].contains(file + ":2: $.educationOrganizationReference.educationOrganizationId"), r[1]);
        assertTrue(r[1].contains(file + ":3:"), r[1]);
        assertTrue(!r[1].contains(file + ":1:"), "the good record on line 1 is not reported: " + r[1]);
    }

    @Test
    void aFileThatMeetsEveryRuleExitsZero(@TempDir Path dir) throws Exception {
        Path file = dir.resolve("ok.jsonl");
        Files.writeString(file, goodNmCteRecord() + "\n");
        String[] r = run("validate", "--profile", "nm-cte", file.toString());
        assertEquals("0", r[0], r[1] + r[2]);
        assertTrue(r[1].contains("every record meets the nm-cte rules"), r[1]);
    }

    @Test
    void anUnknownProfileIsAUsageError(@TempDir Path dir) throws Exception {
        Path file = dir.resolve("ok.jsonl");
        Files.writeString(file, "{}\n");
        String[] r = run("validate", "--profile", "tx-nothing", file.toString());
        assertEquals("2", r[0]);
        assertTrue(r[2].contains("unknown profile 'tx-nothing'; known: nm-cte"), r[2]);
    }
}
