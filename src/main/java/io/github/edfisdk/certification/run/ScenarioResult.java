package io.github.edfisdk.certification.run;

import com.google.gson.JsonObject;
import io.github.edfisdk.certification.build.PayloadProblem;
import io.github.edfisdk.certification.catalog.Scenario;
import io.github.edfisdk.certification.catalog.ScenarioPage;
import io.github.edfisdk.certification.check.CheckReport;
import java.util.List;

/**
 * What happened to one scenario step.
 *
 * @param page          the page
 * @param scenario      the step (POST, PUT or DELETE)
 * @param outcome       passed, failed, error or not run
 * @param message       one line saying why (the failures, the server's answer, what could not be built)
 * @param checks        the property checks of the item read back, or null (DELETE, not run, error)
 * @param prerequisites what the runner created for the step
 * @param problems      what the builder reported for the payload (warnings and blocking problems)
 * @param status        the HTTP status of the step's write (201, 200, 204), or 0
 * @param itemId        the id of the item in the ODS, or null
 * @param sent          the body sent, or null
 * @param actual        the item read back, or null
 * @param millis        how long the step took
 */
public record ScenarioResult(ScenarioPage page, Scenario scenario, Outcome outcome, String message, CheckReport checks,
                             List<PrerequisiteAction> prerequisites, List<PayloadProblem> problems, int status,
                             String itemId, JsonObject sent, JsonObject actual, long millis) {
    public ScenarioResult {
        prerequisites = List.copyOf(prerequisites);
        problems = List.copyOf(problems);
    }

    /** The same result, timed. */
    public ScenarioResult withMillis(long took) {
        return new ScenarioResult(page, scenario, outcome, message, checks, prerequisites, problems, status, itemId, sent,
                actual, took);
    }

    /** The same result with a note before its message. */
    ScenarioResult withNote(String note) {
        return note.isEmpty() ? this : new ScenarioResult(page, scenario, outcome, note + message, checks, prerequisites,
                problems, status, itemId, sent, actual, millis);
    }

    /** The same result as a page defect, with the reason before its message. */
    ScenarioResult asPageDefect(String why) {
        return new ScenarioResult(page, scenario, Outcome.PAGE_DEFECT, why + "; " + message, checks, prerequisites,
                problems, status, itemId, sent, actual, millis);
    }

    /** "StudentCTEProgramAssociation Scenario 1 POST". */
    public String name() {
        return page.resourceName() + " Scenario " + scenario.number() + " " + scenario.verb();
    }

    @Override
    public String toString() {
        return name() + ": " + outcome + (message.isEmpty() ? "" : " - " + message);
    }
}
