package io.github.edfisdk.client;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.github.edfisdk.ds4.resources.model.EdFiSchool;
import io.github.edfisdk.ds5.descriptors.model.EdFiGradeLevelDescriptor;
import io.github.edfisdk.ds5.resources.model.EdFiStudent;
import io.github.edfisdk.ds5.resources.model.EdFiStudentCTEProgramAssociation;
import io.github.edfisdk.ds5.resources.model.EdFiStudentReference;
import io.github.edfisdk.sandbox.SandboxExtension;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Collectors;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/** The typed service layer ({@link EdFiClient#resource(Class)}) against the embedded sandbox over HTTP. */
class TypedResourceTest {
    @RegisterExtension
    static SandboxExtension sandbox = SandboxExtension.builder().build();

    static EdFiClient client;

    @BeforeAll
    static void connect() {
        client = EdFiClient.builder().baseUrl(sandbox.get().baseUrl())
                .credentials(sandbox.get().key(), sandbox.get().secret()).build();
    }

    @AfterAll
    static void close() {
        client.close();
    }

    private static EdFiStudent student(String id, String last) {
        return new EdFiStudent().studentUniqueId(id).firstName("Ada").lastSurname(last).birthDate(LocalDate.of(2010, 12, 10));
    }

    @Test
    void postReturnsIdAndEtagAndThePutUsesThem() {
        TypedResource<EdFiStudent> students = client.resource(EdFiStudent.class);
        assertEquals("/ed-fi/students", students.path());
        WriteResult created = students.post(student("TR-1", "Lovelace"));
        assertEquals(201, created.status());
        assertTrue(created.created());
        assertEquals(32, created.id().length(), created.id());
        assertNotNull(created.etag());

        EdFiStudent read = students.get(created.id());
        assertEquals("Lovelace", read.getLastSurname());
        assertEquals(created.id(), read.getId());

        WriteResult updated = students.put(created.id(), read.lastSurname("Byron"), created.etag());
        assertNotEquals(created.etag(), updated.etag());
        assertEquals("Byron", students.get(created.id()).getLastSurname());
        // The first ETag is stale now.
        assertThrows(PreconditionFailedException.class, () -> students.put(created.id(), read, created.etag()));

        WriteResult again = students.post(student("TR-1", "King"));
        assertEquals(200, again.status());
        assertFalse(again.created());
        assertEquals(created.id(), again.id());
    }

    @Test
    void naturalKeyUpsertAndFind() {
        TypedResource<EdFiStudent> students = client.resource(EdFiStudent.class);
        assertEquals(Optional.empty(), students.findByNaturalKey(student("TR-NK", "x")));
        WriteResult w = students.createOrUpdateByNaturalKey(student("TR-NK", "First"));
        assertTrue(w.created());
        EdFiStudent stored = students.findByNaturalKey(new EdFiStudent().studentUniqueId("tr-nk")).orElseThrow();
        assertEquals("First", stored.getLastSurname());
        // A GET result (with id, _etag, _lastModifiedDate) posted again: the server fields are left out, the item replaced.
        WriteResult again = students.createOrUpdateByNaturalKey(stored.lastSurname("Second"));
        assertEquals(200, again.status());
        assertEquals(w.id(), again.id());
        assertEquals("Second", students.get(w.id()).getLastSurname());
    }

    @Test
    void queriesPageThroughEveryItemTyped() {
        TypedResource<EdFiStudent> students = client.resource(EdFiStudent.class);
        for (int i = 0; i < 7; i++) {
            students.post(student("TR-P" + i, "Paged"));
        }
        List<EdFiStudent> paged = students.query(Map.of("lastSurname", "Paged"), 3).toList();
        assertEquals(7, paged.size());
        assertEquals(7, paged.stream().map(EdFiStudent::getStudentUniqueId).collect(Collectors.toSet()).size());
        assertEquals(7, students.count(Map.of("lastSurname", "Paged")));
        assertTrue(students.all().stream().count() >= 7);
    }

    @Test
    void errorsAreTheSdksTypedExceptions() {
        TypedResource<EdFiStudent> students = client.resource(EdFiStudent.class);
        ValidationException v = assertThrows(ValidationException.class,
                () -> students.post(new EdFiStudent().studentUniqueId("TR-BAD").firstName("No")));
        assertTrue(v.problem().validationErrors().containsKey("$.lastSurname"), v.problem().toString());
        assertThrows(NotFoundException.class, () -> students.get("0123456789abcdef0123456789abcdef"));
        assertEquals(Optional.empty(), students.find("0123456789abcdef0123456789abcdef"));
        WriteResult w = students.post(student("TR-DEL", "Gone"));
        students.delete(w.id());
        assertEquals(Optional.empty(), students.find(w.id()));
    }

    @Test
    void acronymResourcesAndDescriptorsResolveToo() {
        assertEquals("/ed-fi/studentCTEProgramAssociations", client.resource(EdFiStudentCTEProgramAssociation.class).path());
        TypedResource<EdFiGradeLevelDescriptor> grades = client.resource(EdFiGradeLevelDescriptor.class);
        assertEquals("/ed-fi/gradeLevelDescriptors", grades.path());
        assertTrue(grades.query(Map.of("codeValue", "Ninth grade")).stream().findFirst().isPresent());
    }

    @Test
    void classesThatAreNoResourceOfTheClientsDataStandardAreRefused() {
        IllegalArgumentException ref = assertThrows(IllegalArgumentException.class,
                () -> client.resource(EdFiStudentReference.class));
        assertTrue(ref.getMessage().contains("EdFiStudentReference"), ref.getMessage());
        IllegalArgumentException ds4 = assertThrows(IllegalArgumentException.class, () -> client.resource(EdFiSchool.class));
        assertTrue(ds4.getMessage().contains("another Data Standard"), ds4.getMessage());
        assertThrows(IllegalArgumentException.class, () -> client.resource(String.class));
    }
}
