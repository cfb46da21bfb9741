package io.github.edfisdk.certification.build;

import com.google.gson.Gson;
import com.google.gson.JsonObject;
import io.github.edfisdk.certification.ScenarioContext;
import io.github.edfisdk.certification.catalog.Scenario;
import io.github.edfisdk.certification.catalog.ScenarioPage;
import io.github.edfisdk.model.DataStandard;
import java.util.List;

/**
 * The request body of one scenario, built from the table, with the values it expects and what could not be built.
 *
 * @param page      the page
 * @param scenario  the scenario
 * @param context   the context it was built with
 * @param basedOn   for a PUT, the number of the scenario whose payload it starts from; 0 for a POST
 * @param entries   every value the scenario expects (a PUT's includes what it keeps from its base)
 * @param problems  what could not be built, blocking or not
 * @param removed   the properties (JSON names at the root) the scenario's description says to remove: left out of
 *                  the body, and the item read back must not have them
 */
public record ScenarioPayload(ScenarioPage page, Scenario scenario, ScenarioContext context, int basedOn,
                              JsonObject body, List<ExpectedEntry> entries, List<PayloadProblem> problems,
                              List<String> removed) {
    public ScenarioPayload {
        body = body.deepCopy();
        entries = List.copyOf(entries);
        problems = List.copyOf(problems);
        removed = List.copyOf(removed);
    }

    /** A copy of the JSON body (the payload stays unchanged whatever the caller does with it). */
    @Override
    public JsonObject body() {
        return body.deepCopy();
    }

    /** A copy of the JSON body (generic form, e.g. for the runner). */
    public JsonObject json() {
        return body.deepCopy();
    }

    /** Whether the body holds every value the table requires (no blocking problem). */
    public boolean isComplete() {
        return problems.stream().noneMatch(PayloadProblem::blocking);
    }

    /**
     * Whether the payload cannot be sent because of the table itself (an empty column, a value the page does not
     * give or gives wrongly, a descriptor value Ed-Fi does not define), not for want of a value the tester can give.
     */
    public boolean isPageDefect() {
        return !isComplete() && blockingProblems().stream().allMatch(PayloadProblem::isTableDefect);
    }

    /**
     * Whether the payload can still be sent although the table gets some of its values wrong: every blocking
     * problem is a value the table gives wrongly (a descriptor value Ed-Fi does not define, an unreadable cell),
     * and the body without them is still valid for the Data Standard. The rest of the scenario is then checked.
     */
    public boolean isSendableDespiteDefects() {
        return isPageDefect() && page.resource() != null
                && blockingProblems().stream().allMatch(p -> p.kind() == PayloadProblem.Kind.NOT_A_DEFAULT_DESCRIPTOR
                || p.kind() == PayloadProblem.Kind.UNRESOLVED_VALUE)
                && io.github.edfisdk.model.DocumentValidator.get().validate(page.resource(), body).isEmpty();
    }

    public List<PayloadProblem> blockingProblems() {
        return problems.stream().filter(PayloadProblem::blocking).toList();
    }

    /**
     * The body as a generated model class of the page's Data Standard, e.g.
     * {@code io.github.edfisdk.ds4.resources.model.EdFiStudentCTEProgramAssociation}.
     */
    public <T> T as(Class<T> modelClass) {
        return gson(page.suite().dataStandard()).fromJson(body, modelClass);
    }

    /** The Gson of the generated resources client of a Data Standard (dates and enums as the client sends them). */
    static Gson gson(DataStandard ds) {
        return io.github.edfisdk.client.GeneratedPackage.resources(ds).gson();
    }

    /** The natural key of the body (what identifies the item in the ODS; check {@code isComplete()} on it). */
    public io.github.edfisdk.model.NaturalKey naturalKey() {
        return page.resource().naturalKey(body);
    }

    /**
     * The GET query that finds this scenario's item: each identity property of the body under the API's query
     * name, e.g. {@code beginDate=2024-08-23, studentUniqueId=222222, programName=...}. Descriptor values are full
     * URIs, as the API expects. Identity values the body lacks are left out (see {@link #naturalKey()}).
     */
    public java.util.Map<String, String> identityQuery() {
        java.util.Map<String, String> out = new java.util.LinkedHashMap<>();
        if (page.resource() == null) {
            return out;
        }
        for (java.util.Map.Entry<String, io.github.edfisdk.model.PropertyPath> q
                : page.resource().queryParameters().entrySet()) {
            if (page.resource().identity().contains(q.getValue())) {
                q.getValue().get(body).filter(com.google.gson.JsonElement::isJsonPrimitive)
                        .ifPresent(v -> out.put(q.getKey(), v.getAsString()));
            }
        }
        return out;
    }

    @Override
    public String toString() {
        return page.resourceName() + " " + scenario + (basedOn > 0 ? " (based on scenario " + basedOn + ")" : "")
                + " " + body + (problems.isEmpty() ? "" : " problems=" + problems);
    }
}
