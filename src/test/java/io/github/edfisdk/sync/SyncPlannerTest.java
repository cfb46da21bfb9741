package io.github.edfisdk.sync;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.google.gson.JsonObject;
import com.google.gson.JsonParser;
import io.github.edfisdk.model.DataStandard;
import io.github.edfisdk.model.DataStandardModel;
import io.github.edfisdk.sync.SyncOperation.Kind;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The synchronizer rules of Infinite Campus's Ed-Fi sync (seed 002), on studentProgramAssociation documents. */
class SyncPlannerTest {
    static final DocumentKey KEY = DocumentKey.of(DataStandardModel.of(DataStandard.DS5).require("StudentProgramAssociation"));
    final SyncPlanner planner = new SyncPlanner(KEY,
            item -> item.getAsJsonObject("programReference").get("programName").getAsString()
                    .equals("Curricular Material Reimbursement"));

    static JsonObject spa(String student, String begin, String program) {
        return JsonParser.parseString("""
                {"beginDate":"%s","educationOrganizationReference":{"educationOrganizationId":1053855470},
                 "programReference":{"educationOrganizationId":1088000000,"programName":"%s",
                   "programTypeDescriptor":"uri://doe.in.gov/ProgramTypeDescriptor#%s"},
                 "studentReference":{"studentUniqueId":"%s"}}""".formatted(begin, program, program, student))
                .getAsJsonObject();
    }

    static JsonObject cmr(String student, String begin) {
        return spa(student, begin, "Curricular Material Reimbursement");
    }

    /** The document as the ODS returns it: with id, _etag and reference links. */
    static JsonObject inOds(String id, JsonObject doc) {
        JsonObject item = doc.deepCopy();
        item.addProperty("id", id);
        item.addProperty("_etag", "5250168731208835353");
        JsonObject link = new JsonObject();
        link.addProperty("rel", "Student");
        link.addProperty("href", "/ed-fi/students/abc");
        item.getAsJsonObject("studentReference").add("link", link);
        return item;
    }

    static IdentityMap map(String... sourceKeyIdDoc) {
        IdentityMap m = IdentityMap.empty();
        for (int i = 0; i < sourceKeyIdDoc.length; i += 3) {
            m.put(sourceKeyIdDoc[i], sourceKeyIdDoc[i + 1], sourceKeyIdDoc[i + 2]);
        }
        return m;
    }

    static List<Kind> kinds(SyncPlan plan) {
        return plan.operations().stream().map(SyncOperation::kind).toList();
    }

    @Test
    void newRecordIsPosted() {
        SyncPlan plan = planner.plan(List.of(new SourceRecord("p1", cmr("1", "2024-08-01"))), List.of(),
                IdentityMap.empty());
        assertEquals(List.of(Kind.POST), kinds(plan));
        assertEquals("New record: not in the ODS.", plan.operations().get(0).reason());
    }

    @Test
    void unchangedRecordIsNotSentAgain() {
        JsonObject doc = cmr("1", "2024-08-01");
        SyncPlan plan = planner.plan(List.of(new SourceRecord("p1", doc)), List.of(inOds("a", doc)),
                map("p1", "a", KEY.of(doc)));
        assertEquals(List.of(), plan.operations());
        assertEquals(List.of("p1"), plan.unchanged());
    }

    @Test
    void changedRecordIsPostedAgain() {
        JsonObject doc = cmr("1", "2024-08-01");
        JsonObject ended = doc.deepCopy();
        ended.addProperty("endDate", "2025-01-31");
        SyncPlan plan = planner.plan(List.of(new SourceRecord("p1", ended)), List.of(inOds("a", doc)),
                map("p1", "a", KEY.of(doc)));
        assertEquals(List.of(Kind.POST), kinds(plan));
        assertEquals("a", plan.operations().get(0).odsId());
        assertTrue(plan.operations().get(0).reason().startsWith("Changed"));
    }

    @Test
    void naturalKeyChangeIsDeleteThenPost() {
        JsonObject before = cmr("1", "2024-08-01");
        JsonObject after = cmr("1", "2024-08-15");
        SyncPlan plan = planner.plan(List.of(new SourceRecord("p1", after)), List.of(inOds("a", before)),
                map("p1", "a", KEY.of(before)));
        assertEquals(List.of(Kind.DELETE, Kind.POST), kinds(plan));
        assertEquals("a", plan.operations().get(0).odsId());
        assertEquals(KEY.of(after), plan.operations().get(1).naturalKey());
    }

    @Test
    void deletedSourceRecordIsDeletedFromTheOds() {
        JsonObject doc = cmr("1", "2024-08-01");
        SyncPlan plan = planner.plan(List.of(), List.of(inOds("a", doc)), map("p1", "a", KEY.of(doc)));
        assertEquals(List.of(Kind.DELETE), kinds(plan));
        assertEquals("p1", plan.operations().get(0).sourceKey());
        assertTrue(plan.operations().get(0).reason().contains("deleted or no longer overlaps"));
    }

    @Test
    void resyncForgetsMappingsWhoseOdsItemIsGoneAndPostsAgain() {
        JsonObject doc = cmr("1", "2024-08-01");
        SyncPlan plan = planner.plan(List.of(new SourceRecord("p1", doc)), List.of(), map("p1", "a", KEY.of(doc)));
        assertEquals(List.of(Kind.FORGET_MAPPING, Kind.POST), kinds(plan));
        assertEquals("The record is in the identity map but not in the ODS.", plan.operations().get(0).reason());
    }

    @Test
    void resyncDeletesOdsItemsWithNoSourceRecordNorMapping() {
        SyncPlan plan = planner.plan(List.of(), List.of(inOds("z", cmr("9", "2024-08-01"))), IdentityMap.empty());
        assertEquals(List.of(Kind.DELETE), kinds(plan));
        assertTrue(plan.operations().get(0).reason().contains("no matching record in the source nor in the identity"));
    }

    @Test
    void odsItemsOutsideTheScopeAreNeverTouched() {
        JsonObject other = spa("1", "2024-08-01", "Homeless");
        SyncPlan plan = planner.plan(List.of(), List.of(inOds("h", other)), IdentityMap.empty());
        assertEquals(List.of(), plan.operations());
    }

    @Test
    void unmappedRecordAlreadyInTheOdsIsMappedNotSent() {
        JsonObject doc = cmr("1", "2024-08-01");
        JsonObject upperCase = doc.deepCopy();
        upperCase.getAsJsonObject("programReference").addProperty("programTypeDescriptor",
                "uri://doe.in.gov/ProgramTypeDescriptor#CURRICULAR MATERIAL REIMBURSEMENT");
        SyncPlan plan = planner.plan(List.of(new SourceRecord("p1", doc)), List.of(inOds("a", doc)),
                IdentityMap.empty());
        assertEquals(List.of(Kind.MAP), kinds(plan));
        assertEquals("a", plan.operations().get(0).odsId());
        // the natural key ignores case, the content does not: a case correction is sent
        SyncPlan corrected = planner.plan(List.of(new SourceRecord("p1", doc)), List.of(inOds("a", upperCase)),
                IdentityMap.empty());
        assertEquals(List.of(Kind.POST), kinds(corrected));
    }

    @Test
    void twoSourceRecordsWithTheSameStartDateKeepOne() {
        JsonObject doc = cmr("1", "2024-08-01");
        SyncPlan plan = planner.plan(List.of(new SourceRecord("meal", doc), new SourceRecord("ses", doc.deepCopy())),
                List.of(), IdentityMap.empty());
        assertEquals(List.of(Kind.POST), kinds(plan));
        assertEquals("ses", plan.rejected().get(0).sourceKey());
    }

    @Test
    void aGoneSourceWhoseItemAnotherRecordNowMatchesIsForgottenNotDeleted() {
        JsonObject doc = cmr("1", "2024-08-01");
        SyncPlan plan = planner.plan(List.of(new SourceRecord("new", doc)), List.of(inOds("a", doc)),
                map("old", "a", KEY.of(doc)));
        assertEquals(List.of(Kind.FORGET_MAPPING, Kind.MAP), kinds(plan));
        assertEquals("old", plan.operations().get(0).sourceKey());
    }

    @Test
    void pathKeysMatchTheModelsIdentity() {
        DocumentKey paths = DocumentKey.ofPaths("beginDate", "educationOrganizationReference.educationOrganizationId",
                "programReference.educationOrganizationId", "programReference.programName",
                "programReference.programTypeDescriptor", "studentReference.studentUniqueId");
        JsonObject a = cmr("1", "2024-08-01");
        JsonObject b = cmr("1", "2024-08-01");
        b.getAsJsonObject("programReference").addProperty("programName", "CURRICULAR Material Reimbursement");
        assertEquals(paths.of(a), paths.of(b));
        assertEquals(KEY.of(a), KEY.of(b));
        b.addProperty("beginDate", "2024-08-02");
        assertTrue(!paths.of(a).equals(paths.of(b)) && !KEY.of(a).equals(KEY.of(b)));
    }

    @Test
    void toggledOffResourceSendsAndDeletesNothing() {
        SyncPlan plan = planner.planDisabled(List.of(new SourceRecord("p1", cmr("1", "2024-08-01"))));
        assertEquals(List.of(), plan.operations());
        assertTrue(plan.rejected().get(0).reason().contains("toggled OFF"));
    }

    @Test
    void applyingAKeyChangePlanLeavesTheMapPointingAtTheNewItemAndASecondPlanIsEmpty() {
        JsonObject before = cmr("1", "2024-08-01");
        JsonObject after = cmr("1", "2024-08-15");
        IdentityMap m = map("p1", "a", KEY.of(before));
        SyncPlan plan = planner.plan(List.of(new SourceRecord("p1", after)), List.of(inOds("a", before)), m);
        for (SyncOperation op : plan.operations()) {
            m.apply(op, op.kind() == Kind.POST ? "b" : null);
        }
        assertEquals(new IdentityMap.Entry("b", KEY.of(after)), m.get("p1").orElseThrow());
        SyncPlan again = planner.plan(List.of(new SourceRecord("p1", after)), List.of(inOds("b", after)), m);
        assertEquals(List.of(), again.operations());
        assertEquals(List.of("p1"), again.unchanged());
        assertThrows(IllegalArgumentException.class, () -> m.apply(plan.of(Kind.POST).get(0), null));
    }

    @Test
    void itemsTheServerReturnsOutsideTheScopeAreNeverDeletedNorMatched() {
        // The ODS ignores a query parameter it does not know; whatever it answers, the scope decides ownership.
        SyncScope scope = new SyncScope(DataStandardModel.of(DataStandard.DS5).require("StudentProgramAssociation"),
                java.util.Map.of("programName", "curricular material REIMBURSEMENT"));
        SyncPlanner scoped = new SyncPlanner(KEY, scope);
        JsonObject mine = cmr("1", "2024-08-01");
        JsonObject other = spa("2", "2024-08-01", "Textbook Opt-Out");
        SyncPlan plan = scoped.plan(List.of(), List.of(inOds("a", mine), inOds("b", other)), IdentityMap.empty());
        assertEquals(List.of(Kind.DELETE), kinds(plan));
        assertEquals("a", plan.operations().get(0).odsId());
        assertEquals(1, plan.scopeSize());
        assertEquals(1, plan.outsideScope());
    }

    @Test
    void aSourceRecordOutsideTheScopeIsRejectedAndItsItemKept() {
        JsonObject before = cmr("1", "2024-08-01");
        JsonObject moved = spa("1", "2024-08-01", "Textbook Opt-Out");
        SyncPlan plan = planner.plan(List.of(new SourceRecord("p1", moved, "src.jsonl:4")), List.of(inOds("a", before)),
                map("p1", "a", KEY.of(before)));
        assertEquals(List.of(), kinds(plan), "nothing posted, the item it stood for not deleted");
        assertTrue(plan.rejected().get(0).reason().startsWith("Outside the scope")
                && plan.rejected().get(0).reason().contains("src.jsonl:4"), plan.rejected().toString());
    }

    @Test
    void aSourceKeyGivenTwiceIsRefusedBeforePlanning() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> planner.plan(List.of(
                new SourceRecord("p1", cmr("1", "2024-08-01"), "s.jsonl:1"),
                new SourceRecord("p1", cmr("2", "2024-08-01"), "s.jsonl:7")), List.of(), IdentityMap.empty()));
        assertTrue(e.getMessage().contains("'p1'") && e.getMessage().contains("s.jsonl:1 and s.jsonl:7"), e.getMessage());
    }

    @Test
    void removalsLeaveOutTheDeleteHalfOfAKeyChangeAndKeysReadWithoutControlCharacters() {
        JsonObject before = cmr("1", "2024-08-01");
        JsonObject after = cmr("1", "2024-08-15");
        JsonObject gone = cmr("2", "2024-08-01");
        SyncPlan plan = planner.plan(List.of(new SourceRecord("p1", after)),
                List.of(inOds("a", before), inOds("b", gone)), map("p1", "a", KEY.of(before), "p2", "b", KEY.of(gone)));
        assertEquals(2, plan.of(Kind.DELETE).size());
        assertEquals(List.of("b"), plan.removals().stream().map(SyncOperation::odsId).toList());
        for (SyncOperation op : plan.operations()) {
            assertTrue(!op.describe().contains("\u001f") && op.displayKey().startsWith("{"), op.describe());
        }
        assertTrue(plan.removals().get(0).describe().contains("\"studentReference.studentUniqueId\":\"2\""),
                plan.removals().get(0).describe());
        assertEquals("beginDate=2024-08-01; programReference.programName=x",
                DocumentKey.readable("StudentProgramAssociation|beginDate=2024-08-01\u001fprogramReference.programName=x\u001f"));
    }

    @Test
    void aScopeNameThatIsNotAQueryParameterIsRefused() {
        var spa = DataStandardModel.of(DataStandard.DS5).require("StudentProgramAssociation");
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> new SyncScope(spa, java.util.Map.of("schoolId", "255901001")));
        assertTrue(e.getMessage().contains("'schoolId'") && e.getMessage().contains("programName"), e.getMessage());
        assertTrue(new SyncScope(spa, java.util.Map.of("ProgramName", "X")).test(spa("1", "2024-08-01", "x")),
                "names and values compare ignoring case, as the ODS does");
    }

    @Test
    void identityMapSurvivesARoundTripOnDisk(@TempDir Path dir) throws IOException {
        Path file = dir.resolve("identity-map.json");
        assertEquals(0, IdentityMap.load(file).size(), "a missing file is an empty map");
        IdentityMap m = map("p1", "a", "k1", "p2", "b", "k2");
        m.save(file);
        IdentityMap back = IdentityMap.load(file);
        assertEquals(m.entries(), back.entries());
        Files.writeString(file, "{\"p1\": {\"id\": \"a\"}}");
        IOException e = assertThrows(IOException.class, () -> IdentityMap.load(file));
        assertTrue(e.getMessage().contains("'p1'"), e.getMessage());
    }
}
