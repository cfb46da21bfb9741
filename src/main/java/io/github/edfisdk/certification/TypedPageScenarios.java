package io.github.edfisdk.certification;

import io.github.edfisdk.certification.build.ScenarioPayload;

/**
 * The scenarios of one page as a generated model class.
 *
 * @param <T> e.g. {@code io.github.edfisdk.ds4.resources.model.EdFiStudentCTEProgramAssociation}
 */
public final class TypedPageScenarios<T> {
    private final PageScenarios page;
    private final Class<T> modelClass;

    TypedPageScenarios(PageScenarios page, Class<T> modelClass) {
        this.page = page;
        this.modelClass = modelClass;
    }

    public PageScenarios generic() {
        return page;
    }

    /**
     * The body of a scenario as the model class.
     *
     * @throws IllegalStateException naming every missing value when the table's values cannot all be built
     *                               (e.g. a system value was not given)
     */
    public T scenario(int number) {
        ScenarioPayload p = page.scenario(number).payload();
        if (!p.isComplete()) {
            throw new IllegalStateException("Scenario " + number + " of " + p.page().source()
                    + " cannot be built: " + p.blockingProblems());
        }
        return p.as(modelClass);
    }

    /** The payload with its problems, whatever they are. */
    public ScenarioPayload payload(int number) {
        return page.scenario(number).payload();
    }
}
