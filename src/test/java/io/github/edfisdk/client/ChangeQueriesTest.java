package io.github.edfisdk.client;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.google.gson.JsonObject;
import com.google.gson.JsonParser;
import io.github.edfisdk.ds5.resources.model.EdFiStudent;
import io.github.edfisdk.sandbox.SandboxExtension;
import io.github.edfisdk.sandbox.Seed;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/** client.changes() over HTTP against the embedded sandbox: versions, windows, paging and an incremental sync. */
class ChangeQueriesTest {
    @RegisterExtension
    static SandboxExtension sandbox = SandboxExtension.builder().seed(Seed.POPULATED).build();

    private static EdFiClient client() {
        return EdFiClient.builder().baseUrl(sandbox.get().baseUrl())
                .credentials(sandbox.get().key(), sandbox.get().secret()).build();
    }

    private static JsonObject student(String id, String lastSurname) {
        return JsonParser.parseString("{\"studentUniqueId\":\"" + id + "\",\"firstName\":\"Ana\",\"lastSurname\":\""
                + lastSurname + "\",\"birthDate\":\"2010-05-04\"}").getAsJsonObject();
    }

    private static JsonObject enrollment(String studentId, String entryDate) {
        return JsonParser.parseString("{\"studentReference\":{\"studentUniqueId\":\"" + studentId + "\"},"
                + "\"schoolReference\":{\"schoolId\":255901001},\"entryDate\":\"" + entryDate + "\","
                + "\"entryGradeLevelDescriptor\":\"uri://ed-fi.org/GradeLevelDescriptor#Ninth grade\"}").getAsJsonObject();
    }

    @Test
    void sinceReportsKeyChangesChangesAndDeletesAndReturnsTheNewHighWaterMark() {
        try (EdFiClient client = client()) {
            DocumentClient docs = client.documents();
            long mark = client.changes().available().newest();
            assertTrue(mark > 0);
            docs.post("students", student("CH-1", "Kept"));
            WriteResult gone = docs.post("students", student("CH-2", "Gone"));
            WriteResult updated = docs.post("students", student("CH-3", "Before"));
            docs.post("students", student("CH-3", "After"));
            WriteResult ssa = docs.post("studentSchoolAssociations", enrollment("CH-1", "2024-08-20"));
            docs.put("studentSchoolAssociations", ssa.id(), enrollment("CH-1", "2024-08-26"));
            docs.delete("students", gone.id());

            List<String> seen = new ArrayList<>();
            ChangeQueries.SyncResult r = client.changes().since(mark,
                    List.of("/ed-fi/students", "/ed-fi/studentSchoolAssociations"), new ChangeQueries.ChangeListener() {
                        @Override
                        public void changed(String resource, JsonObject item) {
                            seen.add("changed " + resource + " " + (item.has("studentUniqueId")
                                    ? item.get("studentUniqueId").getAsString() + " " + item.get("lastSurname").getAsString()
                                    : item.get("entryDate").getAsString()));
                        }

                        @Override
                        public void keyChanged(String resource, ChangeQueries.KeyChange k) {
                            seen.add("keyChanged " + resource + " " + k.oldKeyValues().get("entryDate").getAsString()
                                    + " -> " + k.newKeyValues().get("entryDate").getAsString());
                        }

                        @Override
                        public void deleted(String resource, ChangeQueries.DeletedItem d) {
                            seen.add("deleted " + resource + " " + d.keyValues().get("studentUniqueId").getAsString());
                        }
                    });
            assertEquals(List.of(
                    "changed /ed-fi/students CH-1 Kept",
                    "changed /ed-fi/students CH-3 After",
                    "keyChanged /ed-fi/studentSchoolAssociations 2024-08-20 -> 2024-08-26",
                    "changed /ed-fi/studentSchoolAssociations 2024-08-26",
                    "deleted /ed-fi/students CH-2"), seen);
            assertEquals(client.changes().available().newest(), r.highWaterMark());
            assertEquals(mark + 1, r.fromVersion());
            assertEquals(new ChangeQueries.SyncResult(mark + 1, r.highWaterMark(), 3, 1, 1), r);
            assertEquals(updated.id(), client.changes().changed("students", mark + 1, r.highWaterMark()).stream()
                    .filter(o -> o.get("studentUniqueId").getAsString().equals("CH-3")).findFirst().orElseThrow()
                    .get("id").getAsString());

            // Nothing new: nothing reported, the mark stays.
            ChangeQueries.SyncResult again = client.changes().since(r.highWaterMark(), List.of("/ed-fi/students"),
                    new ChangeQueries.ChangeListener() {
                        @Override
                        public void changed(String resource, JsonObject item) {
                            throw new AssertionError("nothing changed, yet " + item);
                        }
                    });
            assertEquals(new ChangeQueries.SyncResult(r.highWaterMark() + 1, r.highWaterMark(), 0, 0, 0), again);
        }
    }

    @Test
    void deletesAndChangedItemsPageBeyondOneRequestAndConvertToModels() {
        try (EdFiClient client = client()) {
            DocumentClient docs = client.documents();
            long from = client.changes().available().newest() + 1;
            int n = DocumentClient.MAX_PAGE_SIZE + 7;
            for (int i = 0; i < n; i++) {
                WriteResult w = docs.post("students", student("CH-P" + i, "Paged"));
                if (i % 2 == 0) {
                    docs.delete("students", w.id());
                }
            }
            long to = client.changes().available().newest();
            List<ChangeQueries.DeletedItem> deletes = client.changes().deletes("/ed-fi/students", from, to).toList();
            assertEquals((n + 1) / 2, deletes.size());
            assertEquals("CH-P0", deletes.get(0).keyValues().get("studentUniqueId").getAsString());
            for (int i = 1; i < deletes.size(); i++) {
                assertTrue(deletes.get(i).changeVersion() > deletes.get(i - 1).changeVersion(), "change-version order");
            }
            List<EdFiStudent> kept = client.changes().changed("students", from, to, EdFiStudent.class).toList();
            assertEquals(n / 2, kept.size());
            assertEquals("CH-P1", kept.get(0).getStudentUniqueId());
            assertEquals(0, client.changes().keyChanges("students", from, to).toList().size());
            assertEquals(n / 2, docs.count("students", Map.of("minChangeVersion", Long.toString(from))));
        }
    }
}
