package io.github.edfisdk.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.google.gson.JsonObject;
import com.google.gson.JsonParser;
import io.github.edfisdk.model.DataStandard;
import io.github.edfisdk.sandbox.EdFiSandbox;
import io.github.edfisdk.sandbox.Seed;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import javax.xml.parsers.DocumentBuilderFactory;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.w3c.dom.Document;
import org.w3c.dom.Element;
import org.w3c.dom.NodeList;
import picocli.CommandLine;

/** {@code ./edfi certify} in the test JVM: exit codes, console output and the four reports. */
class CertifyCommandTest {
    static final String SEED = Path.of(System.getProperty("edfi.shared.dir", "../shared"),
            "seeds/000_cb6244ae0a5fa198.txt").toString();

    record Run(int code, String out, String err) {
    }

    static Run certify(String... args) {
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        CommandLine cl = EdFiCli.commandLine();
        cl.setOut(new PrintWriter(out, true));
        cl.setErr(new PrintWriter(err, true));
        String[] all = new String[args.length + 1];
        all[0] = "certify";
        System.arraycopy(args, 0, all, 1, args.length);
        return new Run(cl.execute(all), out.toString(), err.toString());
    }

    @Test
    void seedPagePassesAgainstTheEmbeddedSandboxAndWritesFourReports(@TempDir Path dir) throws Exception {
        Run r = certify("--suite", "sis-v4", "--resource", "StudentCTEProgramAssociation", "--school-year", "2025",
                "--report-dir", dir.toString());
        assertEquals(0, r.code(), r.out() + r.err());
        assertTrue(r.err().contains("Embedded sandbox (Data Standard 4.0, seed populated)"), r.err());
        assertTrue(r.out().contains("PASSED   StudentCTEProgramAssociation Scenario 1 POST"), r.out());
        assertTrue(r.out().contains("sis-v4: 2 passed, 0 failed, 0 errors, 0 page defects, 0 not run (2 scenario steps)"), r.out());

        JsonObject json = JsonParser.parseString(Files.readString(dir.resolve("report.json"))).getAsJsonObject();
        JsonObject run = json.getAsJsonArray("runs").get(0).getAsJsonObject();
        assertEquals("sis-v4", run.get("suite").getAsString());
        assertEquals(2, run.getAsJsonObject("counts").get("passed").getAsInt());
        JsonObject s1 = run.getAsJsonArray("results").get(0).getAsJsonObject();
        assertEquals("PASSED", s1.get("outcome").getAsString());
        assertTrue(s1.getAsJsonArray("checks").toString().contains("\"path\":\"cteProgramServices[0].cipCode\""));

        Document junit = DocumentBuilderFactory.newInstance().newDocumentBuilder().parse(dir.resolve("junit.xml").toFile());
        Element suite = (Element) junit.getElementsByTagName("testsuite").item(0);
        assertEquals("sis-v4.StudentCTEProgramAssociation", suite.getAttribute("name"));
        assertEquals("2", suite.getAttribute("tests"));
        assertEquals("0", suite.getAttribute("failures"));
        NodeList cases = junit.getElementsByTagName("testcase");
        assertEquals(2, cases.getLength());
        assertTrue(((Element) cases.item(1)).getAttribute("name").startsWith("Scenario 2 PUT"));

        String html = Files.readString(dir.resolve("report.html"));
        assertTrue(html.startsWith("<!DOCTYPE html>"));
        assertTrue(html.contains("<code>technicalSkillsAssessmentDescriptor</code>"), "one row per property");
        assertFalse(html.contains("<script") || html.contains("http://cdn") || html.contains("<link "), "self-contained");
        assertTrue(Files.readString(dir.resolve("summary.txt")).contains("sis-v4: 2 passed"));
    }

    @Test
    void aCleanInstallCertifiesWithExitZeroPrintingEachSuitesHeaderThenEachStepOnce(@TempDir Path dir) throws Exception {
        Run r = certify("--school-year", "2025", "--report-dir", dir.toString());
        assertEquals(0, r.code(), "page defects do not fail the run: " + r.out() + r.err());
        String out = r.out();
        // Walk the console in order: each suite's header, then its steps, each once.
        java.util.List<String> lines = out.lines().toList();
        java.util.Map<String, java.util.Set<String>> stepsBySuite = new java.util.LinkedHashMap<>();
        String current = null;
        for (String l : lines) {
            if (l.startsWith("sis-v4 against ") || l.startsWith("sis-v5 against ")) {
                current = l.substring(0, 6);
                assertFalse(stepsBySuite.containsKey(current), "one header per suite: " + out);
                stepsBySuite.put(current, new java.util.LinkedHashSet<>());
            } else if (l.matches("^[A-Z_]+ +.+ Scenario \\d+ [A-Z]+ \\(\\d+ ms\\).*")) {
                assertTrue(current != null, "a step before its suite's header: " + l);
                assertTrue(stepsBySuite.get(current).add(l.replaceAll(" \\(\\d+ ms\\).*", "")), "printed twice: " + l);
            }
        }
        assertEquals(java.util.List.of("sis-v4", "sis-v5"), java.util.List.copyOf(stepsBySuite.keySet()));
        assertEquals(161, stepsBySuite.get("sis-v4").size());
        assertEquals(173, stepsBySuite.get("sis-v5").size());
        String tableRow = "^\\S.*\\s{2,}\\d+ (POST|PUT|DELETE)\\s{2,}[A-Z_]+.*";
        assertTrue(out.lines().noneMatch(l -> l.matches(tableRow)), "steps are not printed again as a table: " + out);
        assertEquals(161 + 173, Files.readString(dir.resolve("summary.txt")).lines().filter(l -> l.matches(tableRow))
                .count(), "summary.txt has the table");
        assertTrue(out.contains("PAGE_DEFECT Mapping Scenario 3 POST"), out);
        assertTrue(out.contains("StudentEdOrgAssociation Scenario 1 POST: PAGE_DEFECT - sent without what the table gets"
                + " wrong"), "the page defects section says why: " + out);
        assertTrue(out.contains("sis-v4: 153 passed, 0 failed, 0 errors, 8 page defects, 0 not run (161 scenario steps)"),
                out);
        assertTrue(out.contains("sis-v5: 165 passed, 0 failed, 0 errors, 8 page defects, 0 not run (173 scenario steps)"),
                out);

        // Every report lists the page defects.
        String summary = Files.readString(dir.resolve("summary.txt"));
        assertTrue(summary.contains("Page defects") && summary.contains("Mapping Scenario 1 POST: PAGE_DEFECT"), summary);
        JsonObject json = JsonParser.parseString(Files.readString(dir.resolve("report.json"))).getAsJsonObject();
        JsonObject v4Run = json.getAsJsonArray("runs").get(0).getAsJsonObject();
        assertEquals(8, v4Run.getAsJsonObject("counts").get("page_defect").getAsInt());
        assertTrue(v4Run.getAsJsonArray("results").toString().contains("\"outcome\":\"PAGE_DEFECT\""));
        Document junit = DocumentBuilderFactory.newInstance().newDocumentBuilder().parse(dir.resolve("junit.xml").toFile());
        NodeList suites = junit.getElementsByTagName("testsuite");
        int skipped = 0;
        for (int i = 0; i < suites.getLength(); i++) {
            Element e = (Element) suites.item(i);
            skipped += Integer.parseInt(e.getAttribute("skipped"));
            assertEquals("0", e.getAttribute("failures"), e.getAttribute("name"));
        }
        assertEquals(16, skipped);
        assertTrue(Files.readString(dir.resolve("junit.xml")).contains("<skipped message=\"PAGE_DEFECT: "));
        assertTrue(Files.readString(dir.resolve("report.html")).contains("<td>PAGE_DEFECT</td>"));
    }

    @Test
    void theSeedsOwnTableRuns(@TempDir Path dir) {
        Run r = certify("--table", SEED, "--school-year", "2025", "--report-dir", dir.toString());
        assertEquals(0, r.code(), r.out() + r.err());
        assertTrue(r.out().contains("sis-v4: 2 passed"), "the seed's title names v4: " + r.out());
    }

    @Test
    void verifyOnlyAgainstAServerWithNothingSentFailsWithExitOneAndNeverPrintsTheSecret(@TempDir Path dir)
            throws Exception {
        try (EdFiSandbox sb = EdFiSandbox.builder().dataStandard(DataStandard.DS4).seed(Seed.POPULATED).port(0).start()) {
            Path creds = dir.resolve("creds.properties");
            Files.writeString(creds, "key=" + sb.key() + "\nsecret=" + sb.secret() + "\n");
            Run r = certify("--base-url", sb.baseUrl(), "--credentials-file", creds.toString(), "--mode", "verify-only",
                    "--resource", "StudentCTEProgramAssociation", "--school-year", "2025", "--report-dir",
                    dir.resolve("reports").toString());
            assertEquals(1, r.code(), r.out() + r.err());
            assertTrue(r.out().contains("FAILED   StudentCTEProgramAssociation Scenario 2 PUT"), r.out());
            assertTrue(r.out().contains("NOT_RUN  StudentCTEProgramAssociation Scenario 1 POST"), r.out());
            String junit = Files.readString(dir.resolve("reports/junit.xml"));
            assertTrue(junit.contains("failures=\"1\"") && junit.contains("skipped=\"1\""), junit);
            StringBuilder everything = new StringBuilder(r.out()).append(r.err());
            try (var files = Files.list(dir.resolve("reports"))) {
                for (Path f : files.toList()) {
                    everything.append(Files.readString(f));
                }
            }
            assertFalse(everything.toString().contains(sb.secret()), "the secret is in no output or report");
        }
    }

    @Test
    void aSystemValueTheRunAsksForCanBeGivenOnTheCommandLine(@TempDir Path dir) {
        Run without = certify("--suite", "sis-v4", "--resource", "Program", "--no-suggested-values", "--school-year",
                "2025", "--report-dir", dir.toString());
        assertEquals(1, without.code(), without.out() + without.err());
        java.util.regex.Matcher m = java.util.regex.Pattern.compile("--system-value '([^=']+)=VALUE'").matcher(without.out());
        assertTrue(m.find(), "the message says what to give: " + without.out());
        Run with = certify("--suite", "sis-v4", "--resource", "Program", "--no-suggested-values", "--school-year",
                "2025", "--system-value", m.group(1) + "=7001", "--report-dir", dir.toString());
        assertEquals(0, with.code(), with.out() + with.err());
        assertTrue(with.out().contains("PASSED   Program Scenario 1 POST"), with.out());
    }

    @Test
    void usageErrorsExitTwoWithOneClearLine(@TempDir Path dir) {
        Run unknownSuite = certify("--suite", "sis-v9", "--report-dir", dir.toString());
        assertEquals(2, unknownSuite.code());
        assertTrue(unknownSuite.err().contains("Unknown certification suite 'sis-v9'"), unknownSuite.err());

        Run unknownPage = certify("--suite", "sis-v4", "--resource", "NoSuchThing", "--report-dir", dir.toString());
        assertEquals(2, unknownPage.code());
        assertTrue(unknownPage.err().contains("No scenario page 'NoSuchThing' in sis-v4"), unknownPage.err());

        Run verifyWithoutServer = certify("--mode", "verify-only", "--report-dir", dir.toString());
        assertEquals(2, verifyWithoutServer.code());
        assertTrue(verifyWithoutServer.err().contains("give --base-url"), verifyWithoutServer.err());

        Run noTable = certify("--table", dir.resolve("missing.md").toString(), "--report-dir", dir.toString());
        assertEquals(2, noTable.code());
        assertTrue(noTable.err().contains("no such table file"), noTable.err());

        Run noScenario = certify("--suite", "sis-v4", "--resource", "StudentCTEProgramAssociation", "--scenario", "9",
                "--report-dir", dir.toString());
        assertEquals(2, noScenario.code());
        assertTrue(noScenario.err().contains("No scenario 9"), noScenario.err());
    }
}
