package io.github.edfisdk.examples;

import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

/** Runs the examples of sdk-examples/ (compiled as test sources) as a user would, and checks what they print. */
class ExamplesTest {

    private static String run(ThrowingMain main) throws Exception {
        PrintStream original = System.out;
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        System.setOut(new PrintStream(out, true, StandardCharsets.UTF_8));
        try {
            main.run();
        } finally {
            System.setOut(original);
        }
        String printed = out.toString(StandardCharsets.UTF_8);
        original.print(printed);
        return printed;
    }

    interface ThrowingMain {
        void run() throws Exception;
    }

    @Test
    void quickStartTalksToTheEmbeddedSandbox() throws Exception {
        String out = run(() -> QuickStartExample.main(new String[0]));
        assertTrue(out.contains("school 255901001"), out);
        assertTrue(out.contains("POST students -> 201"), out);
        assertTrue(out.contains("read back QS-0001 Ada"), out);
        assertTrue(out.contains("POST studentSchoolAssociations -> 201"), out);
        assertTrue(out.contains("400 urn:ed-fi:api:bad-request:data-validation-failed"), out);
    }

    @Test
    void newMexicoCteExample() throws Exception {
        String out = run(() -> NewMexicoCteExample.main(new String[0]));
        assertTrue(out.contains("nm-cte violations: []"), out);
        assertTrue(out.contains("not published: student 604824"), out);
    }

    @Test
    void newMexicoEarlyChildhoodExample() throws Exception {
        String out = run(() -> NewMexicoEarlyChildhoodExample.main(new String[0]));
        assertTrue(out.contains("Early Childhood"), out);
    }

    @Test
    void indianaCurricularMaterialExample() throws Exception {
        String out = run(() -> IndianaCurricularMaterialExample.main(new String[0]));
        assertTrue(out.contains("Curricular Material Reimbursement"), out);
    }

    @Test
    void pimsExampleRoundTripsARowThroughTheSandbox() throws Exception {
        String out = run(() -> PimsExample.main(new String[0]));
        assertTrue(out.contains("pa-pims-cte: Field 31 (PERKINS PARTICIPANT): If the CTE student is a concentrator"), out);
        assertTrue(out.contains("2 row(s): 1 valid, 1 invalid"), out);
        assertTrue(out.contains("POST studentCTEProgramAssociations -> 201"), out);
        assertTrue(out.contains("same PIMS row after the round trip: true"), out);
        assertTrue(out.contains("PIMS row from the ODS: 123456789,2026-06-30,1000000009,1234,1234,015999,70,"), out);
    }
}
