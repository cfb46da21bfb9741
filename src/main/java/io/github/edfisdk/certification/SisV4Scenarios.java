package io.github.edfisdk.certification;

import io.github.edfisdk.certification.catalog.ScenarioCatalog;
import io.github.edfisdk.ds4.resources.model.EdFiStudentCTEProgramAssociation;

/** SIS certification v4 (Data Standard 4.0), with typed helpers. */
public final class SisV4Scenarios extends SuiteScenarios {
    SisV4Scenarios(ScenarioCatalog catalog, ScenarioContext context) {
        super(catalog, context);
    }

    /** Student Program > StudentCTEProgramAssociation (the seed page). */
    public TypedPageScenarios<EdFiStudentCTEProgramAssociation> studentCTEProgramAssociation() {
        return typed("StudentCTEProgramAssociation", EdFiStudentCTEProgramAssociation.class);
    }

    /** Any page as a generated DS 4.0 model class. */
    public <T> TypedPageScenarios<T> typed(String page, Class<T> modelClass) {
        return new TypedPageScenarios<>(page(page), modelClass);
    }
}
