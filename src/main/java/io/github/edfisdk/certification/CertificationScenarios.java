package io.github.edfisdk.certification;

import io.github.edfisdk.certification.catalog.ScenarioCatalog;
import io.github.edfisdk.certification.catalog.Suite;

/**
 * Entry point to the SIS certification scenarios: payloads built from the scenario pages, generic and typed.
 *
 * <pre>{@code
 * ScenarioContext ctx = ScenarioContext.builder().schoolYear(2025).build();
 * EdFiStudentCTEProgramAssociation body = CertificationScenarios.sisV4(ctx).studentCTEProgramAssociation().scenario(1);
 * JsonObject json = CertificationScenarios.sisV5(ctx).page("Calendar").scenario(2).payload().json();
 * }</pre>
 */
public final class CertificationScenarios {
    private CertificationScenarios() {
    }

    /** SIS v4 (Data Standard 4.0) with {@link ScenarioContext#defaults()}. */
    public static SisV4Scenarios sisV4() {
        return sisV4(ScenarioContext.defaults());
    }

    public static SisV4Scenarios sisV4(ScenarioContext context) {
        return new SisV4Scenarios(ScenarioCatalog.of(Suite.SIS_V4), context);
    }

    /** SIS v5 (Data Standard 5.1) with {@link ScenarioContext#defaults()}. */
    public static SisV5Scenarios sisV5() {
        return sisV5(ScenarioContext.defaults());
    }

    public static SisV5Scenarios sisV5(ScenarioContext context) {
        return new SisV5Scenarios(ScenarioCatalog.of(Suite.SIS_V5), context);
    }

    /** Either suite, generic access only. */
    public static SuiteScenarios of(Suite suite, ScenarioContext context) {
        return suite == Suite.SIS_V4 ? sisV4(context) : sisV5(context);
    }
}
