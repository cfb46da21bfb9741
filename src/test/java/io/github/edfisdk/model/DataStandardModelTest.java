package io.github.edfisdk.model;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.google.gson.JsonObject;
import com.google.gson.JsonParser;
import java.util.List;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

class DataStandardModelTest {
    private final DataStandardModel ds5 = DataStandardModel.of(DataStandard.DS5);
    private final DataStandardModel ds4 = DataStandardModel.of(DataStandard.DS4);

    @Test
    void readsEveryResourceAndDescriptorOfBothDataStandards() {
        long ds5Resources = ds5.resources().stream().filter(r -> !r.isDescriptor()).count();
        long ds5Descriptors = ds5.resources().stream().filter(ResourceModel::isDescriptor).count();
        assertEquals(131, ds5Resources, "DS 5.1 resources spec has 131 POSTable resources");
        assertEquals(209, ds5Descriptors);
        assertTrue(ds4.resources().size() > 300, ds4.toString());
        assertTrue(ds4.resource("/tpdm/candidates").isPresent(), "DS 4.0 spec includes TPDM");
    }

    @Test
    void looksUpByNameCollectionPathAndSchemaIgnoringCase() {
        ResourceModel r = ds5.require("StudentCTEProgramAssociation");
        assertEquals("/ed-fi/studentCTEProgramAssociations", r.path());
        assertEquals(r, ds5.require("studentctEProgramAssociations"));
        assertEquals(r, ds5.require("/ed-fi/studentCTEProgramAssociations/"));
        assertEquals(r, ds5.require("edFi_studentCTEProgramAssociation"));
        assertFalse(ds5.resource("noSuchThings").isPresent());
    }

    @Test
    void identityOfStudentCteProgramAssociationComesFromTheSpec() {
        ResourceModel r = ds5.require("StudentCTEProgramAssociation");
        assertEquals(List.of("beginDate", "educationOrganizationReference.educationOrganizationId",
                        "programReference.educationOrganizationId", "programReference.programName",
                        "programReference.programTypeDescriptor", "studentReference.studentUniqueId"),
                r.identity().stream().map(PropertyPath::toString).collect(Collectors.toList()));
        assertEquals(PropertyPath.parse("programReference.educationOrganizationId"),
                r.queryParameters().get("programEducationOrganizationId"));
        assertEquals(PropertyPath.parse("studentReference.studentUniqueId"), r.queryParameters().get("studentUniqueId"));
        Property services = r.body().property("cteProgramServices").orElseThrow();
        assertTrue(services.isCollectionOfObjects());
        Property service = services.type().property("cteProgramServiceDescriptor").orElseThrow();
        assertEquals(Property.Kind.DESCRIPTOR, service.kind());
        assertTrue(service.identity());
        assertEquals("CTEProgramServiceDescriptor", service.descriptorName());
        assertEquals(ScalarType.INT64, r.body().property("educationOrganizationReference").orElseThrow()
                .type().property("educationOrganizationId").orElseThrow().scalarType());
        assertEquals(ScalarType.INT32, ds4.require("StudentCTEProgramAssociation").body()
                .property("educationOrganizationReference").orElseThrow().type()
                .property("educationOrganizationId").orElseThrow().scalarType());
    }

    @Test
    void nonIdentifyingReferencesAreNotPartOfTheKey() {
        ResourceModel offering = ds5.require("CourseOffering");
        assertFalse(offering.body().property("courseReference").orElseThrow().identity());
        assertTrue(offering.body().property("sessionReference").orElseThrow().identity());
        ResourceModel ssa = ds5.require("StudentSchoolAssociation");
        assertFalse(ssa.body().property("calendarReference").orElseThrow().identity());
        assertEquals(PropertyPath.parse("nextYearSchoolReference.schoolId"), ssa.queryParameters().get("nextYearSchoolId"));
        assertEquals(PropertyPath.parse("classOfSchoolYearTypeReference.schoolYear"),
                ssa.queryParameters().get("classOfSchoolYear"));
        ResourceModel grade = ds5.require("Grade");
        assertEquals(PropertyPath.parse("gradingPeriodReference.schoolYear"), grade.queryParameters().get("gradingPeriodSchoolYear"));
        assertEquals(2, grade.queryParameterPaths().get("schoolId").size(), "schoolId is unified across two references");
    }

    @Test
    void roleAndFieldSharingAWordAreCollapsedAsTheOdsDoes() {
        ResourceModel grade = ds4.require("Grade");
        assertEquals(PropertyPath.parse("gradingPeriodReference.periodSequence"),
                grade.queryParameters().get("gradingPeriodSequence"));
        assertTrue(grade.body().property("gradingPeriodReference").orElseThrow().identity());
        assertTrue(grade.identity().contains(PropertyPath.parse("gradingPeriodReference.periodSequence")));
    }

    @Test
    void everyIdentifyingReferenceOfBothDataStandardsMapsOntoQueryNames() {
        for (DataStandardModel m : List.of(ds4, ds5)) {
            for (ResourceModel r : m.resources()) {
                for (PropertyPath p : r.identity()) {
                    assertTrue(r.queryParameterPaths().values().stream().anyMatch(l -> l.contains(p)),
                            m.dataStandard() + " " + r.name() + ": identity " + p + " has no query name");
                }
            }
        }
    }

    @Test
    void abstractReferencesExpandToConcreteResources() {
        Property eo = ds5.require("StudentCTEProgramAssociation").body().property("educationOrganizationReference").orElseThrow();
        assertTrue(eo.referenceTargets().containsAll(List.of("School", "LocalEducationAgency", "StateEducationAgency")),
                eo.referenceTargets().toString());
        assertEquals(PropertyPath.of("schoolId"), ds5.require("School").referenceFieldPath("educationOrganizationId").orElseThrow());
        assertEquals(List.of("Program"),
                ds5.require("StudentCTEProgramAssociation").body().property("programReference").orElseThrow().referenceTargets());
        // A general student program association reference reaches StudentProgramAssociation and every specialisation.
        Property ref = ds5.require("StudentCompetencyObjective").body().property("generalStudentProgramAssociations")
                .orElseThrow().type().property("generalStudentProgramAssociationReference").orElseThrow();
        assertTrue(ref.referenceTargets().containsAll(List.of("StudentProgramAssociation", "StudentCTEProgramAssociation",
                "StudentSpecialEducationProgramAssociation")), ref.referenceTargets().toString());
    }

    @Test
    void roleNamedDescriptorsPointAtTheirDescriptor() {
        Property entry = ds5.require("StudentSchoolAssociation").body().property("entryGradeLevelDescriptor").orElseThrow();
        assertEquals("GradeLevelDescriptor", entry.descriptorName());
        assertTrue(ds5.require("StudentSchoolAssociation").body().property("entryGradeLevelDescriptor").orElseThrow().required());
    }

    @Test
    void keyUpdatableOnlyWhereThePutSaysSo() {
        assertTrue(ds5.require("StudentSchoolAssociation").keyUpdatable());
        assertTrue(ds5.require("Section").keyUpdatable());
        assertFalse(ds5.require("StudentCTEProgramAssociation").keyUpdatable());
    }

    @Test
    void naturalKeyIgnoresCaseOfStringsAndDescriptorsAndFormOfNumbers() {
        ResourceModel r = ds5.require("StudentCTEProgramAssociation");
        JsonObject a = JsonParser.parseString("{\"beginDate\":\"2024-08-23\",\"educationOrganizationReference\":"
                + "{\"educationOrganizationId\":255901},\"programReference\":{\"educationOrganizationId\":255901,"
                + "\"programName\":\"Career and Technical Education\",\"programTypeDescriptor\":"
                + "\"uri://ed-fi.org/ProgramTypeDescriptor#Career and Technical Education\"},"
                + "\"studentReference\":{\"studentUniqueId\":\"222222\"}}").getAsJsonObject();
        JsonObject b = a.deepCopy();
        b.getAsJsonObject("programReference").addProperty("programTypeDescriptor",
                "uri://ed-fi.org/ProgramTypeDescriptor#CAREER AND TECHNICAL EDUCATION");
        b.getAsJsonObject("educationOrganizationReference").addProperty("educationOrganizationId", "255901");
        assertEquals(r.naturalKey(a), r.naturalKey(b));
        assertTrue(r.naturalKey(a).isComplete());
        JsonObject c = a.deepCopy();
        c.addProperty("beginDate", "2024-08-24");
        assertNotEquals(r.naturalKey(a), r.naturalKey(c));
        c.remove("beginDate");
        assertEquals(List.of(PropertyPath.of("beginDate")), r.naturalKey(c).missing());
    }

    @Test
    void dependenciesAndDefaultDescriptors() {
        assertTrue(ds5.order(ds5.require("School")) < ds5.order(ds5.require("StudentSchoolAssociation")));
        DescriptorCatalog c = ds5.descriptorValues();
        assertTrue(c.contains("uri://ed-fi.org/ProgramTypeDescriptor#Career and Technical Education"));
        assertTrue(c.contains("URI://ED-FI.ORG/PROGRAMTYPEDESCRIPTOR#career and technical education"));
        assertFalse(c.contains("uri://ed-fi.org/ProgramTypeDescriptor#No Such Program"));
        assertTrue(c.values("TechnicalSkillsAssessmentDescriptor").stream().anyMatch(v -> v.codeValue().equals("Passed")));
        // Values belong to the descriptor their XML element names, whatever the file is called.
        assertTrue(c.values("TransportationPublicExpenseEligibilityTypeDescriptor").size() > 0);
    }

    @Test
    void descriptorUris() {
        DescriptorUri u = DescriptorUri.parse("uri://ed-fi.org/ProgramTypeDescriptor#Career and Technical Education");
        assertEquals("uri://ed-fi.org", u.namespace());
        assertEquals("ProgramTypeDescriptor", u.descriptorName());
        assertEquals("Career and Technical Education", u.codeValue());
        assertEquals(u, DescriptorUri.of("uri://ed-fi.org/", "ProgramTypeDescriptor", "Career and Technical Education"));
        assertTrue(DescriptorUri.sameCode("uri://x/ADescriptor#Passed", "passed"));
        assertFalse(DescriptorUri.isWellFormed("00"));
        assertFalse(DescriptorUri.isWellFormed("uri://ed-fi.org/CountryDescriptor#"));
        assertEquals("a#b", DescriptorUri.parse("uri://n/XDescriptor#a#b").codeValue());
    }
}
