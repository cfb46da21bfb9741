package io.github.edfisdk.certification;

import com.google.gson.JsonObject;
import io.github.edfisdk.certification.build.ScenarioPayload;
import io.github.edfisdk.certification.catalog.Scenario;
import io.github.edfisdk.certification.check.CheckReport;
import io.github.edfisdk.certification.check.ScenarioChecker;

/** One POST or PUT scenario of a page. */
public final class ScenarioStep {
    private final PageScenarios page;
    private final Scenario scenario;

    ScenarioStep(PageScenarios page, Scenario scenario) {
        this.page = page;
        this.scenario = scenario;
    }

    public Scenario scenario() {
        return scenario;
    }

    /** The payload built with the suite's context. */
    public ScenarioPayload payload() {
        return page.build(scenario, page.context());
    }

    /** The payload built with another context (school year, namespace, system values). */
    public ScenarioPayload payload(ScenarioContext context) {
        return page.build(scenario, context);
    }

    /** Compares an item read back from an ODS with what this scenario expects. */
    public CheckReport check(JsonObject actual) {
        return ScenarioChecker.check(payload(), actual);
    }
}
