package io.github.edfisdk.model;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.google.gson.JsonObject;
import com.google.gson.JsonParser;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The offline checks of a document against its resource model, with the API's paths and messages. */
class DocumentValidatorTest {
    private static final DataStandardModel DS5 = DataStandardModel.of(DataStandard.DS5);
    private static final DocumentValidator V = DocumentValidator.get();

    private static List<ValidationError> validate(String resource, String json) {
        return V.validate(DS5.require(resource), JsonParser.parseString(json).getAsJsonObject());
    }

    private static final String CTE = "{\"beginDate\":\"2024-08-23\",\"educationOrganizationReference\":{\"educationOrganizationId\":255901},"
            + "\"programReference\":{\"educationOrganizationId\":255901,\"programName\":\"Career and Technical Education\","
            + "\"programTypeDescriptor\":\"uri://ed-fi.org/ProgramTypeDescriptor#Career and Technical Education\"},"
            + "\"studentReference\":{\"studentUniqueId\":\"1\"}}";

    @Test
    void aValidDocumentHasNoErrors() {
        assertEquals(List.of(), validate("StudentCTEProgramAssociation", CTE));
        assertEquals(List.of(), validate("studentCTEProgramAssociations", CTE.replace("255901}", "\"255901\"}")));
    }

    @Test
    void requiredScalarsReferencesAndCollections() {
        assertEquals(List.of(new ValidationError("$.lastSurname", "LastSurname is required.")),
                validate("Student", "{\"studentUniqueId\":\"1\",\"firstName\":\"A\",\"birthDate\":\"2010-01-01\"}"));
        assertEquals(List.of(new ValidationError("$.studentReference", "StudentReference is required.")),
                validate("StudentCTEProgramAssociation", CTE.replace("\"studentReference\":{\"studentUniqueId\":\"1\"}",
                        "\"studentReference\":{}")));
        List<ValidationError> school = validate("School", "{\"schoolId\":1,\"nameOfInstitution\":\"X\",\"gradeLevels\":[],"
                + "\"educationOrganizationCategories\":[{\"educationOrganizationCategoryDescriptor\":\"uri://ed-fi.org/E#School\"}]}");
        // ODS/API names the collection by its item entity (SchoolGradeLevel), as in "BellScheduleClassPeriods must have ...".
        assertEquals(List.of(new ValidationError("$.gradeLevels", "SchoolGradeLevels must have at least one item.")), school);
    }

    @Test
    void emptyStringsAndLengths() {
        List<ValidationError> e = validate("Student", "{\"studentUniqueId\":\"1\",\"firstName\":\" \",\"lastSurname\":\""
                + "y".repeat(76) + "\",\"birthDate\":\"2010-01-01\"}");
        assertEquals(List.of(new ValidationError("$.firstName", "FirstName is required and should not be left empty."),
                new ValidationError("$.lastSurname", "LastSurname must be at most 75 characters in length.")), e);
    }

    @Test
    void partialReferenceListsTheMissingKeyFields() {
        List<ValidationError> e = validate("Section", "{\"sectionIdentifier\":\"S\",\"courseOfferingReference\":"
                + "{\"localCourseCode\":\"A\",\"sessionName\":\"Fall\"}}");
        assertEquals(List.of(new ValidationError("$.courseOfferingReference",
                "CourseOfferingReference is missing the following properties: SchoolId, SchoolYear")), e);
    }

    @Test
    void duplicateCollectionItemsUseOrdinals() {
        String item = "{\"gradeLevelDescriptor\":\"uri://ed-fi.org/GradeLevelDescriptor#Ninth grade\"}";
        String other = "{\"gradeLevelDescriptor\":\"uri://ed-fi.org/GradeLevelDescriptor#Tenth grade\"}";
        List<ValidationError> e = validate("School", "{\"schoolId\":1,\"nameOfInstitution\":\"X\",\"gradeLevels\":["
                + item + "," + other + "," + item.toUpperCase().replace("GRADELEVELDESCRIPTOR\"", "gradeLevelDescriptor\"") + "],"
                + "\"educationOrganizationCategories\":[{\"educationOrganizationCategoryDescriptor\":\"uri://ed-fi.org/E#School\"}]}");
        assertEquals(List.of(new ValidationError("$.gradeLevels", "The 3rd item of the gradeLevels has the same"
                + " identifying values as another item earlier in the list.")), e);
        assertEquals("1st 2nd 3rd 4th 11th 12th 13th 21st 22nd 101st 111th", String.join(" ",
                List.of(1, 2, 3, 4, 11, 12, 13, 21, 22, 101, 111).stream().map(DocumentValidator::ordinal).toList()));
    }

    @Test
    void conflictingUnifiedKeyValues() {
        List<ValidationError> e = validate("CourseOffering", "{\"localCourseCode\":\"A\",\"courseReference\":{\"courseCode\":\"C\","
                + "\"educationOrganizationId\":1},\"schoolReference\":{\"schoolId\":10},\"sessionReference\":{\"schoolId\":11,"
                + "\"schoolYear\":2025,\"sessionName\":\"Fall\"}}");
        assertEquals(2, e.size(), e.toString());
        assertEquals("$.schoolReference.schoolId", e.get(0).path());
        assertEquals("$.sessionReference.schoolId", e.get(1).path());
        assertEquals("All values supplied for 'schoolId' must match. Review all references (including those higher up in"
                + " the resource's data) and align the following conflicting values: '10', '11'", e.get(0).message());
        assertEquals(List.of(), validate("CourseOffering", "{\"localCourseCode\":\"A\",\"courseReference\":{\"courseCode\":\"C\","
                + "\"educationOrganizationId\":1},\"schoolReference\":{\"schoolId\":10},\"sessionReference\":{\"schoolId\":\"10\","
                + "\"schoolYear\":2025,\"sessionName\":\"Fall\"}}"));
    }

    @Test
    void descriptorFormat() {
        List<ValidationError> e = validate("Student", "{\"studentUniqueId\":\"1\",\"firstName\":\"A\",\"lastSurname\":\"B\","
                + "\"birthDate\":\"2010-01-01\",\"birthCountryDescriptor\":\"00\"}");
        assertEquals(List.of(new ValidationError("$.birthCountryDescriptor", "CountryDescriptor value '00' is not a valid value"
                + " for use as a descriptor (a '#' is expected to delineate the namespace and code value portions).")), e);
    }

    @Test
    void typesAcceptTheApisSpellings() {
        assertEquals(List.of(), validate("ClassPeriod", "{\"classPeriodName\":\"P\",\"schoolReference\":{\"schoolId\":\"12\"},"
                + "\"officialAttendancePeriod\":1}"));
        List<ValidationError> e = validate("ClassPeriod", "{\"classPeriodName\":\"P\",\"schoolReference\":{\"schoolId\":1.5},"
                + "\"officialAttendancePeriod\":\"yes\"}");
        assertEquals(2, e.size(), e.toString());
        assertEquals("$.schoolReference.schoolId", e.get(0).path());
        assertEquals("The value 'yes' is not valid for OfficialAttendancePeriod: a boolean is expected.", e.get(1).message());
        assertTrue(validate("Student", "{\"studentUniqueId\":\"1\",\"firstName\":\"A\",\"lastSurname\":\"B\","
                + "\"birthDate\":\"2010-13-45x\"}").get(0).message().contains("a date (yyyy-MM-dd) is expected"));
        assertEquals(1, validate("Student", "{\"studentUniqueId\":\"1\",\"firstName\":\"A\",\"lastSurname\":\"B\","
                + "\"birthDate\":\"2010-02-30\"}").size(), "a date that does not exist");
    }

    @Test
    void unknownPropertiesAreIgnored() {
        JsonObject doc = JsonParser.parseString(CTE).getAsJsonObject();
        doc.addProperty("somethingElse", 1);
        doc.addProperty("_etag", "x");
        assertEquals(List.of(), V.validate(DS5.require("StudentCTEProgramAssociation"), doc));
    }

    @Test
    void ds4ShapesValidateAgainstTheDs4Model() {
        DataStandardModel ds4 = DataStandardModel.of(DataStandard.DS4);
        JsonObject doc = JsonParser.parseString(CTE).getAsJsonObject();
        doc.add("ctePrograms", JsonParser.parseString("[{\"careerPathwayDescriptor\":\"\"}]"));
        assertEquals(List.of(new ValidationError("$.ctePrograms[0].careerPathwayDescriptor",
                "CareerPathwayDescriptor is required and should not be left empty.")),
                V.validate(ds4.require("StudentCTEProgramAssociation"), doc));
    }
}
