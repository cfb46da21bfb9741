package io.github.edfisdk.profiles.pa;

import static io.github.edfisdk.profiles.pa.PimsField.*;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.google.gson.JsonObject;
import io.github.edfisdk.model.DataStandard;
import io.github.edfisdk.profiles.SpecShapes;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The documented PIMS to Ed-Fi field mapping (README, "Pennsylvania — PIMS CTE Student Fact"). */
class PimsCteProgramAssociationsTest {
    final PimsCteProgramAssociations mapping = new PimsCteProgramAssociations();

    @Test
    void mapsTheFieldsWithAnEdFiHomeToEdFiProperties() {
        JsonObject doc = mapping.toEdFi(PimsCteProfileTest.SECONDARY);
        assertEquals("2025-07-01", doc.get("beginDate").getAsString());
        assertEquals("2026-06-30", doc.get("endDate").getAsString());
        assertEquals(1234567891234L, doc.getAsJsonObject("educationOrganizationReference")
                .get("educationOrganizationId").getAsLong());
        JsonObject program = doc.getAsJsonObject("programReference");
        assertEquals(1234567891234L, program.get("educationOrganizationId").getAsLong());
        assertEquals("CTE 01.5999", program.get("programName").getAsString());
        assertEquals("uri://ed-fi.org/ProgramTypeDescriptor#Career and Technical Education",
                program.get("programTypeDescriptor").getAsString());
        assertEquals("1000000009", doc.getAsJsonObject("studentReference").get("studentUniqueId").getAsString());
        var services = doc.getAsJsonArray("cteProgramServices");
        assertEquals(2, services.size(), services.toString()); // delivery method + internship (field 13 = Y)
        assertEquals("uri://pims.pa.gov/CTEProgramServiceDescriptor#70",
                services.get(0).getAsJsonObject().get("cteProgramServiceDescriptor").getAsString());
        assertTrue(services.get(0).getAsJsonObject().get("primaryIndicator").getAsBoolean());
        assertEquals("01.5999", services.get(0).getAsJsonObject().get("cipCode").getAsString());
        assertEquals("uri://pims.pa.gov/CTEProgramServiceDescriptor#Internship",
                services.get(1).getAsJsonObject().get("cteProgramServiceDescriptor").getAsString());
        assertEquals("uri://pims.pa.gov/TechnicalSkillsAssessmentDescriptor#Y",
                doc.get("technicalSkillsAssessmentDescriptor").getAsString());
        String statuses = doc.getAsJsonArray("programParticipationStatuses").toString();
        assertTrue(statuses.contains("{\"participationStatusDescriptor\":\"uri://pims.pa.gov/"
                + "ParticipationStatusDescriptor#Number of Program Hours Completed\",\"statusBeginDate\":\"2025-07-01\","
                + "\"designatedBy\":\"9999.99\"}"), statuses);
        // empty PIMS fields (26, 35, 36 here) have no entry
        assertEquals(7, doc.getAsJsonArray("programParticipationStatuses").size(), statuses);
    }

    @Test
    void payloadsProgramsAndDescriptorsMatchTheDataStandard51Schemas() {
        for (PimsRecord r : List.of(PimsCteProfileTest.SECONDARY, PimsCteProfileTest.ADULT)) {
            assertEquals(List.of(), SpecShapes.problems(DataStandard.DS5, "edFi_studentCTEProgramAssociation",
                    mapping.toEdFi(r)));
        }
        for (JsonObject p : mapping.programs(List.of(PimsCteProfileTest.SECONDARY, PimsCteProfileTest.ADULT))) {
            assertEquals(List.of(), SpecShapes.problems(DataStandard.DS5, "edFi_program", p));
        }
        assertEquals(2, mapping.programs(List.of(PimsCteProfileTest.SECONDARY, PimsCteProfileTest.SECONDARY,
                PimsCteProfileTest.ADULT)).size());
        var d = mapping.descriptors();
        assertEquals(List.of("cteProgramServiceDescriptors", "participationStatusDescriptors",
                "technicalSkillsAssessmentDescriptors"), List.copyOf(d.keySet()));
        assertEquals(11, d.get("cteProgramServiceDescriptors").size());
        assertEquals("uri://pims.pa.gov/ParticipationStatusDescriptor",
                d.get("participationStatusDescriptors").get(0).get("namespace").getAsString());
    }

    @Test
    void everyRowComesBackFieldByField() {
        for (PimsRecord r : List.of(PimsCteProfileTest.SECONDARY, PimsCteProfileTest.ADULT,
                PimsCteProfileTest.SECONDARY.with(PELL_GRANT, "N").with(DEGREE_AWARDED, "BACCA"),
                PimsCteProfileTest.ADULT.with(CIP_CODE, "010301").with(PERCENT_COMPLETE, "1.00")
                        .with(PROGRAM_HOURS, "12").with(REGISTERED_APPRENTICE, "Y").with(SIMULATED_WORK_ENVIRONMENT, "Y"))) {
            assertEquals(List.of(), new PimsCteProfile().check(r));
            assertEquals(r.values(), mapping.fromEdFi(mapping.toEdFi(r), "x.jsonl", 1).values());
        }
    }

    @Test
    void aRecordThatDoesNotFollowTheMappingIsRefusedNamingThePath() {
        JsonObject doc = mapping.toEdFi(PimsCteProfileTest.SECONDARY);
        doc.getAsJsonArray("cteProgramServices").get(0).getAsJsonObject()
                .addProperty("cteProgramServiceDescriptor", "uri://ed-fi.org/CTEProgramServiceDescriptor#Other");
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> mapping.fromEdFi(doc, "x.jsonl", 1));
        assertTrue(e.getMessage().startsWith("$.cteProgramServices[0].cteProgramServiceDescriptor"), e.getMessage());
        JsonObject noSchool = mapping.toEdFi(PimsCteProfileTest.SECONDARY);
        noSchool.remove("educationOrganizationReference");
        assertThrows(IllegalArgumentException.class, () -> mapping.fromEdFi(noSchool, "x.jsonl", 1));
    }

    @Test
    void schoolIdsAreAunThenSchoolNumberAndReversible() {
        long id = PimsEducationOrganizationIds.school("012345678", "0042");
        assertEquals(123456780042L, id);
        assertEquals("012345678", PimsEducationOrganizationIds.aunOf(id));
        assertEquals("0042", PimsEducationOrganizationIds.schoolNumberOf(id));
        assertThrows(IllegalArgumentException.class, () -> PimsEducationOrganizationIds.school("1234", "1"));
    }
}
