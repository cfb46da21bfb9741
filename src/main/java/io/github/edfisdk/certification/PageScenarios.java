package io.github.edfisdk.certification;

import io.github.edfisdk.certification.build.ScenarioBuilder;
import io.github.edfisdk.certification.build.ScenarioPayload;
import io.github.edfisdk.certification.catalog.Scenario;
import io.github.edfisdk.certification.catalog.ScenarioPage;
import java.util.List;

/** The scenarios of one page. Builds each payload once. */
public final class PageScenarios {
    private final ScenarioPage page;
    private final ScenarioContext context;
    private final ScenarioBuilder builder;

    PageScenarios(ScenarioPage page, ScenarioContext context) {
        this.page = page;
        this.context = context;
        this.builder = new ScenarioBuilder(page, context);
    }

    public ScenarioPage page() {
        return page;
    }

    public ScenarioContext context() {
        return context;
    }

    /** A POST or PUT scenario by number. */
    public ScenarioStep scenario(int number) {
        return new ScenarioStep(this, page.scenario(number));
    }

    /** The POST/PUT scenarios in column order. */
    public List<ScenarioStep> scenarios() {
        return page.scenarios().stream().map(s -> new ScenarioStep(this, s)).toList();
    }

    /** The DELETE steps (they remove the item an earlier scenario created). */
    public List<Scenario> deleteSteps() {
        return page.deleteSteps();
    }

    synchronized ScenarioPayload build(Scenario s, ScenarioContext ctx) {
        if (ctx == context) {
            return builder.build(s);
        }
        return new ScenarioBuilder(page, ctx).build(s);
    }
}
