package io.github.edfisdk.load;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.google.gson.JsonObject;
import com.google.gson.JsonParser;
import io.github.edfisdk.load.csv.CsvFile;
import io.github.edfisdk.load.csv.CsvMapping;
import io.github.edfisdk.load.xml.InterchangeFile;
import io.github.edfisdk.model.DataStandard;
import io.github.edfisdk.model.DataStandardModel;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The readers: CSV with a mapping, XML interchanges, JSON Lines; and the resume journal. */
class InputFormatsTest {
    static final DataStandardModel DS5 = DataStandardModel.of(DataStandard.DS5);

    private static List<InputRecord> all(InputFile f) throws IOException {
        List<InputRecord> out = new ArrayList<>();
        f.read(r -> true, true, out::add);
        return out;
    }

    @Test
    void csvColumnsBecomeTypedJsonWithLineNumbers() throws IOException {
        Path csv = Path.of("src/test/resources/load/csv/students.csv");
        CsvFile f = new CsvFile(csv, CsvMapping.read(CsvMapping.sidecar(csv), DS5));
        List<InputRecord> recs = all(f);
        assertEquals(5, recs.size());
        assertEquals(JsonParser.parseString("""
                {"birthCountryDescriptor":"uri://ed-fi.org/CountryDescriptor#US","studentUniqueId":"C1",
                 "firstName":"Ada","lastSurname":"Lovelace","birthDate":"2010-01-01"}"""), recs.get(0).document());
        assertEquals("Grace \"Amazing\"", recs.get(1).document().get("firstName").getAsString());
        assertEquals("Hopper, Jr.", recs.get(1).document().get("lastSurname").getAsString());
        assertEquals(4, recs.get(2).line());
        assertEquals("not-a-date", recs.get(2).document().get("birthDate").getAsString()); // the API names the error
        assertEquals(5, recs.get(3).line());
        assertEquals("Multi\nLine", recs.get(3).document().get("firstName").getAsString());
        assertEquals(7, recs.get(4).line()); // after the two-line record
        assertFalse(recs.get(4).readable());
        assertTrue(recs.get(4).readError().contains("expected 6 fields, found 3"));
    }

    @Test
    void csvTypesNumbersBooleansAndBareDescriptorCodes(@TempDir Path dir) throws IOException {
        Path csv = dir.resolve("ssa.csv");
        Files.writeString(csv, "sid,school,entry,grade,repeat\nS1,255901001,2023-08-20,Ninth grade,false\n");
        Path mapping = dir.resolve("ssa.mapping.json");
        Files.writeString(mapping, """
                {"resource": "StudentSchoolAssociation", "columns": {"sid": "studentReference.studentUniqueId",
                 "school": "schoolReference.schoolId", "entry": "entryDate", "grade": "entryGradeLevelDescriptor",
                 "repeat": "repeatGradeIndicator"}, "descriptorNamespace": "uri://district.example.org"}""");
        JsonObject d = all(new CsvFile(csv, CsvMapping.read(mapping, DS5))).get(0).document();
        assertEquals(JsonParser.parseString("""
                {"studentReference":{"studentUniqueId":"S1"},"schoolReference":{"schoolId":255901001},
                 "entryDate":"2023-08-20",
                 "entryGradeLevelDescriptor":"uri://district.example.org/GradeLevelDescriptor#Ninth grade",
                 "repeatGradeIndicator":false}"""), d);
    }

    @Test
    void csvMappingErrorsNameTheFile(@TempDir Path dir) throws IOException {
        Path mapping = dir.resolve("x.mapping.json");
        Files.writeString(mapping, "{\"resource\": \"noSuchThing\", \"columns\": {\"a\": \"b\"}}");
        IOException e = org.junit.jupiter.api.Assertions.assertThrows(IOException.class, () -> CsvMapping.read(mapping, DS5));
        assertTrue(e.getMessage().contains(mapping.toString()) && e.getMessage().contains("noSuchThing"));
    }

    @Test
    void xmlGroupsReferencesCollectionsAndIdRefs(@TempDir Path dir) throws IOException {
        Path xml = dir.resolve("interchange.xml");
        Files.writeString(xml, """
                <?xml version="1.0" encoding="UTF-8"?>
                <InterchangeStudentParent xmlns="http://ed-fi.org/5.2.0">
                  <Student>
                    <StudentUniqueId>604821</StudentUniqueId>
                    <Name><FirstName>Tyrone</FirstName><LastSurname>Dyer</LastSurname></Name>
                    <BirthData><BirthDate>2014-11-13</BirthDate></BirthData>
                    <Unknown>x</Unknown>
                  </Student>
                  <Contact id="C_1">
                    <ContactUniqueId>778393</ContactUniqueId>
                    <Name><FirstName>Mary</FirstName><LastSurname>Dyer</LastSurname></Name>
                  </Contact>
                  <StudentContactAssociation>
                    <StudentReference><StudentIdentity><StudentUniqueId>604821</StudentUniqueId></StudentIdentity></StudentReference>
                    <ContactReference ref="C_1"/>
                    <Relation>uri://ed-fi.org/RelationDescriptor#Mother</Relation>
                    <LivesWith>true</LivesWith>
                  </StudentContactAssociation>
                  <Session>
                    <SessionName>Fall</SessionName>
                    <SchoolYear>2021-2022</SchoolYear>
                    <BeginDate>2021-08-23</BeginDate><EndDate>2021-12-17</EndDate>
                    <Term>uri://ed-fi.org/TermDescriptor#Fall Semester</Term>
                    <TotalInstructionalDays>81</TotalInstructionalDays>
                    <SchoolReference><SchoolIdentity><SchoolId>255901001</SchoolId></SchoolIdentity></SchoolReference>
                  </Session>
                  <NotAResource><A>1</A></NotAResource>
                </InterchangeStudentParent>
                """);
        InterchangeFile f = new InterchangeFile(xml, DS5);
        List<InputRecord> recs = all(f);
        assertEquals(4, recs.size());
        assertEquals(JsonParser.parseString("""
                {"studentUniqueId":"604821","firstName":"Tyrone","lastSurname":"Dyer","birthDate":"2014-11-13"}"""),
                recs.get(0).document());
        assertEquals(3, recs.get(0).line());
        assertEquals(JsonParser.parseString("""
                {"studentReference":{"studentUniqueId":"604821"},"contactReference":{"contactUniqueId":"778393"},
                 "relationDescriptor":"uri://ed-fi.org/RelationDescriptor#Mother","livesWith":true}"""),
                recs.get(2).document());
        assertEquals(JsonParser.parseString("""
                {"sessionName":"Fall","schoolYearTypeReference":{"schoolYear":2022},"beginDate":"2021-08-23",
                 "endDate":"2021-12-17","termDescriptor":"uri://ed-fi.org/TermDescriptor#Fall Semester",
                 "totalInstructionalDays":81,"schoolReference":{"schoolId":255901001}}"""), recs.get(3).document());
        assertEquals(1L, f.unmapped().get("Student: Student/Unknown"));
        assertEquals(1L, f.unmapped().get("NotAResource (no such resource in DS 5.1)"));
    }

    @Test
    void malformedXmlIsReportedAtItsLine(@TempDir Path dir) throws IOException {
        Path xml = dir.resolve("broken.xml");
        Files.writeString(xml, "<I>\n<Student><StudentUniqueId>1</StudentUniqueId></Student>\n<Student><Oops></Student>\n</I>\n");
        List<InputRecord> recs = all(new InterchangeFile(xml, DS5));
        assertEquals(2, recs.size());
        assertTrue(recs.get(0).readable());
        assertFalse(recs.get(1).readable());
        assertEquals(3, recs.get(1).line());
        assertTrue(recs.get(1).readError().startsWith("malformed XML"));
    }

    @Test
    void jsonLinesResourceFromFileNameOrField(@TempDir Path dir) throws IOException {
        Path f = dir.resolve("studentSchoolAssociations.jsonl");
        Files.writeString(f, "{\"entryDate\":\"2023-01-01\"}\n\n{\"_resource\":\"students\",\"studentUniqueId\":\"1\"}\n");
        JsonLinesFile in = new JsonLinesFile(f, DS5);
        assertEquals(2, in.resources().size());
        List<InputRecord> recs = all(in);
        assertEquals("StudentSchoolAssociation", recs.get(0).resource().name());
        assertEquals("Student", recs.get(1).resource().name());
        assertEquals(3, recs.get(1).line());
        assertNull(recs.get(1).document().get("_resource"));
    }

    @Test
    void aJsonLinesRecordKeepsTheBytesOfItsLineUnlessItWasChanged(@TempDir Path dir) throws IOException {
        // Issue 14: the loader sends these bytes instead of serialising the parsed document again.
        String first = "{ \"studentUniqueId\" : \"1\", \"firstName\":\"A<B\" }";
        String accented = "{\"studentUniqueId\":\"2\",\"firstName\":\"Zoë\"}";
        String crlf = "{\"studentUniqueId\":\"3\"}";
        Path f = dir.resolve("students.jsonl");
        ByteArrayOutputStream file = new ByteArrayOutputStream();
        file.write(new byte[] {(byte) 0xEF, (byte) 0xBB, (byte) 0xBF}); // byte-order mark: not part of the record
        file.write((first + "\n" + accented + "\n" + "{\"_resource\":\"students\",\"studentUniqueId\":\"4\"}\n" + crlf
                + "\r\n").getBytes(StandardCharsets.UTF_8));
        Files.write(f, file.toByteArray());
        List<InputRecord> recs = all(new JsonLinesFile(f, DS5));
        assertEquals(4, recs.size());
        assertArrayEquals(first.getBytes(StandardCharsets.UTF_8), recs.get(0).json());
        assertEquals("A<B", recs.get(0).document().get("firstName").getAsString());
        assertArrayEquals(accented.getBytes(StandardCharsets.UTF_8), recs.get(1).json());
        assertEquals("Zoë", recs.get(1).document().get("firstName").getAsString());
        assertNull(recs.get(2).json(), "_resource was removed: the document is not the line any more");
        assertArrayEquals(crlf.getBytes(StandardCharsets.UTF_8), recs.get(3).json());
    }

    @Test
    void journalReplaysAndIgnoresATornLastLine(@TempDir Path dir) throws IOException {
        try (LandedJournal j = LandedJournal.open(dir)) {
            j.record(1L, 11L, "Student", "Student|studentUniqueId=1");
            j.record(2L, 22L, "Student", "Student|studentUniqueId=2");
        }
        Path file = dir.resolve(LandedJournal.FILE_NAME);
        Files.writeString(file, Files.readString(file) + "00000000000000", java.nio.file.StandardOpenOption.TRUNCATE_EXISTING);
        try (LandedJournal j = LandedJournal.open(dir)) {
            assertEquals(2, j.size());
            assertEquals(1, j.tornLines());
            assertTrue(j.landedUnchanged(1L, 11L));
            assertFalse(j.landedUnchanged(2L, 23L)); // changed content is sent again
            assertTrue(j.landed(2L));
            j.record(3L, 33L, "Student", "Student|studentUniqueId=3");
        }
        try (LandedJournal j = LandedJournal.open(dir)) {
            assertEquals(3, j.size()); // the record after the torn line starts on a line of its own
            assertTrue(j.landedUnchanged(3L, 33L));
        }
    }

    @Test
    void longLongMapGrows() {
        LongLongMap m = new LongLongMap();
        for (long i = 0; i < 100_000; i++) {
            m.put(i * 7919, i);
        }
        assertEquals(100_000, m.size());
        for (long i = 0; i < 100_000; i++) {
            assertEquals(i, m.get(i * 7919, -1));
        }
        assertEquals(-1, m.get(-5, -1));
    }
}
