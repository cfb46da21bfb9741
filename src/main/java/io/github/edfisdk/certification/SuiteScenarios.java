package io.github.edfisdk.certification;

import io.github.edfisdk.certification.catalog.ScenarioCatalog;
import io.github.edfisdk.certification.catalog.Suite;
import java.util.List;

/** The scenario pages of one suite with the context their payloads are built in. */
public class SuiteScenarios {
    private final ScenarioCatalog catalog;
    private final ScenarioContext context;

    SuiteScenarios(ScenarioCatalog catalog, ScenarioContext context) {
        this.catalog = catalog;
        this.context = context;
    }

    public Suite suite() {
        return catalog.suite();
    }

    public ScenarioCatalog catalog() {
        return catalog;
    }

    public ScenarioContext context() {
        return context;
    }

    /** A page by resource name ("StudentCTEProgramAssociation", any case) or file name. */
    public PageScenarios page(String name) {
        return new PageScenarios(catalog.require(name), context);
    }

    public List<PageScenarios> pages() {
        return catalog.pages().stream().map(p -> new PageScenarios(p, context)).toList();
    }

    /** The page parsed from a user's own table file (same format as the certification pages). */
    public PageScenarios table(java.nio.file.Path file) {
        return new PageScenarios(ScenarioCatalog.parseFile(catalog.suite(), file), context);
    }

    /** Same suite, another context. */
    public SuiteScenarios with(ScenarioContext other) {
        return CertificationScenarios.of(suite(), other);
    }
}
