package io.github.edfisdk.certification;

import io.github.edfisdk.certification.catalog.ScenarioCatalog;
import io.github.edfisdk.ds5.resources.model.EdFiStudentCTEProgramAssociation;

/** SIS certification v5 (Data Standard 5.1), with typed helpers. */
public final class SisV5Scenarios extends SuiteScenarios {
    SisV5Scenarios(ScenarioCatalog catalog, ScenarioContext context) {
        super(catalog, context);
    }

    /** Student Program > StudentCTEProgramAssociation (the seed page). */
    public TypedPageScenarios<EdFiStudentCTEProgramAssociation> studentCTEProgramAssociation() {
        return typed("StudentCTEProgramAssociation", EdFiStudentCTEProgramAssociation.class);
    }

    /** Any page as a generated DS 5.1 model class. */
    public <T> TypedPageScenarios<T> typed(String page, Class<T> modelClass) {
        return new TypedPageScenarios<>(page(page), modelClass);
    }
}
