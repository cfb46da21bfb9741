package io.github.edfisdk.certification.catalog;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.google.gson.JsonArray;
import com.google.gson.JsonElement;
import com.google.gson.JsonObject;
import com.google.gson.JsonParser;
import io.github.edfisdk.model.SharedFiles;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Every page parsed, checked against manifest.json (written independently of this parser). */
class ScenarioCatalogTest {
    static JsonArray manifest() throws Exception {
        try (var r = new InputStreamReader(SharedFiles.open("certification/manifest.json"), StandardCharsets.UTF_8)) {
            return JsonParser.parseReader(r).getAsJsonArray();
        }
    }

    static ScenarioPage pageOf(JsonObject m) {
        Suite suite = Suite.parse(m.get("version").getAsString());
        String path = m.get("path").getAsString();
        String file = path.substring(path.lastIndexOf('/') + 1);
        return ScenarioCatalog.of(suite).pages().stream().filter(p -> p.source().endsWith("/" + file)).findFirst()
                .orElseThrow(() -> new AssertionError("page not parsed: " + path));
    }

    @Test
    void parsesEveryPage() {
        assertEquals(42, ScenarioCatalog.of(Suite.SIS_V4).pages().size());
        assertEquals(45, ScenarioCatalog.of(Suite.SIS_V5).pages().size());
    }

    @Test
    void pagesMatchTheManifest() throws Exception {
        JsonArray manifest = manifest();
        assertEquals(87, manifest.size());
        List<String> errors = new ArrayList<>();
        for (JsonElement e : manifest) {
            JsonObject m = e.getAsJsonObject();
            ScenarioPage p = pageOf(m);
            String id = p.source();
            List<String> columns = new ArrayList<>();
            m.getAsJsonArray("columns").forEach(c -> columns.add(c.getAsString()));
            if (!columns.equals(p.columns())) {
                errors.add(id + " columns " + p.columns() + " != " + columns);
            }
            int expectedScenarios = m.get("n_scenarios").getAsInt();
            if (expectedScenarios == 0) {
                expectedScenarios = columns.size() - 5; // v5 staff: the manifest misses "POST 1" headers
            }
            if (expectedScenarios != p.scenarios().size()) {
                errors.add(id + " scenarios " + p.scenarios().size() + " != " + expectedScenarios);
            }
            if (m.get("n_rows").getAsInt() != p.rows().size()) {
                errors.add(id + " rows " + p.rows().size() + " != " + m.get("n_rows").getAsInt());
            }
            JsonArray list = m.getAsJsonArray("scenario_list");
            long deletes = 0;
            for (JsonElement s : list) {
                if (s.getAsString().replaceFirst("^\\d+\\.\\s*", "").toLowerCase().startsWith("delete")) {
                    deletes++;
                }
            }
            if (deletes != p.deleteSteps().size()) {
                errors.add(id + " delete steps " + p.deleteSteps().size() + " != " + deletes);
            }
            int described = (int) p.scenarios().stream().filter(s -> !s.description().isEmpty()).count();
            if (described != Math.min(p.scenarios().size(), list.size() - (int) deletes)) {
                errors.add(id + " described scenarios " + described);
            }
            JsonArray pre = m.getAsJsonArray("prerequisites");
            if (m.getAsJsonArray("other_headings").toString().contains("**Prerequisites**")) {
                // the manifest misses the bold heading "## **Prerequisites**"; the parser reads it
                if (p.prerequisites().size() != 4) {
                    errors.add(id + " bold Prerequisites heading not read: " + p.prerequisites());
                }
            } else if (pre.size() != p.prerequisites().size()) {
                errors.add(id + " prerequisites " + p.prerequisites() + " != " + pre);
            } else {
                for (int i = 0; i < pre.size(); i++) {
                    String first = pre.get(i).getAsString().replace('\u00a0', ' ').replaceAll("\\s+", " ").replace("*", "").trim();
                    String mine = p.prerequisites().get(i).replaceAll("\\s+", " ").replace("*", "");
                    if (!mine.startsWith(first.length() > 20 ? first.substring(0, 20) : first)) {
                        errors.add(id + " prerequisite " + i + " '" + mine + "' vs '" + first + "'");
                    }
                }
            }
            if (p.resource() == null) {
                errors.add(id + " resource not in spec: " + p.resourceName());
            }
            for (String problem : p.problems()) {
                if (problem.contains("cells, header has")) {
                    errors.add(problem);
                }
            }
        }
        assertTrue(errors.isEmpty(), String.join("\n", errors));
    }

    @Test
    void rowTotalsPerSuiteAsTheNotesCountThem() {
        // TABLE-FORMAT-NOTES: v5 496 REQ, 15 COND, 1 OPT, 1 blank of 513; v4 447 REQ, 672 OPT, 12 COND, 1 blank of 1132
        assertLevels(Suite.SIS_V5, 513, 496, 15, 1, 1);
        assertLevels(Suite.SIS_V4, 1132, 447, 12, 672, 1);
    }

    private static void assertLevels(Suite s, int rows, int req, int cond, int opt, int blank) {
        List<TableRow> all = ScenarioCatalog.of(s).pages().stream().flatMap(p -> p.rows().stream()).toList();
        assertEquals(rows, all.size());
        assertEquals(req, all.stream().filter(r -> r.required() == RequiredLevel.REQUIRED).count());
        assertEquals(cond, all.stream().filter(r -> r.required() == RequiredLevel.CONDITIONAL).count());
        assertEquals(opt, all.stream().filter(r -> r.required() == RequiredLevel.OPTIONAL).count());
        assertEquals(blank, all.stream().filter(r -> r.required() == RequiredLevel.UNSPECIFIED).count());
    }

    @Test
    void mostRowsResolveAgainstTheSpecAndTheRestSayWhy() {
        for (Suite s : Suite.values()) {
            List<TableRow> all = ScenarioCatalog.of(s).pages().stream().flatMap(p -> p.rows().stream()).toList();
            long unresolved = all.stream().filter(r -> !r.resolution().isResolved()).count();
            assertTrue(unresolved < all.size() / 25, s + ": " + unresolved + " of " + all.size() + " unresolved");
            all.stream().filter(r -> !r.resolution().isResolved())
                    .forEach(r -> assertFalse(r.resolution().problem().isBlank(), r.label()));
            for (ScenarioPage p : ScenarioCatalog.of(s).pages()) {
                for (TableRow r : p.unresolvedRows()) {
                    assertTrue(p.problems().stream().anyMatch(x -> x.contains(":" + r.line() + ": ")),
                            "unresolved row not reported: " + p.source() + ":" + r.line());
                }
            }
        }
    }

    @Test
    void pagesArePackagedOnTheClassPath() throws Exception {
        String shared = System.getProperty("edfi.shared.dir");
        System.clearProperty("edfi.shared.dir");
        try {
            org.junit.jupiter.api.Assumptions.assumeTrue(SharedFiles.sharedDir().isEmpty(), "EDFI_SHARED_DIR is set");
            assertEquals(42, Suite.SIS_V4.pageFiles().size());
            assertEquals(45, Suite.SIS_V5.pageFiles().size());
            try (var in = SharedFiles.open("certification/sis-v4/test-scenarios/student-cte-program-association-scenarios.md")) {
                String text = new String(in.readAllBytes(), StandardCharsets.UTF_8);
                ScenarioPage p = new ScenarioPageParser(Suite.SIS_V4).parse("classpath", text);
                assertEquals(2, p.scenarios().size());
            }
        } finally {
            if (shared != null) {
                System.setProperty("edfi.shared.dir", shared);
            }
        }
    }

    @Test
    void pageLookupByNameOrFile() {
        ScenarioCatalog c = ScenarioCatalog.of(Suite.SIS_V4);
        assertEquals(c.require("StudentCTEProgramAssociation"), c.require("studentCTEProgramAssociations"));
        assertEquals(c.require("StudentCTEProgramAssociation"), c.require("student-cte-program-association-scenarios"));
        assertNotNull(c.require("studentctEprogramassociation"));
    }
}
