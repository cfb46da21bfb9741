/**
 * Ed-Fi SIS certification scenarios: the scenario pages as data, payloads built from them and checks of what an
 * ODS holds afterwards.
 *
 * <ul>
 *   <li>{@link io.github.edfisdk.certification.catalog}: the pages parsed ({@code ScenarioCatalog.of(Suite.SIS_V4)},
 *       {@code ScenarioCatalog.parseFile(suite, path)} for a user's own table) into {@code ScenarioPage}s: resource,
 *       prerequisites, steps (POST/PUT columns and DELETE steps), rows with their property resolved against the
 *       Data Standard's spec ({@code PropertyResolution}: path, rule used, or the problem), required level, cells;
 *       {@code ValueResolver} turns a cell into a typed {@code ExpectedValue} for a {@link
 *       io.github.edfisdk.certification.ScenarioContext}.</li>
 *   <li>{@link io.github.edfisdk.certification.build}: {@code ScenarioBuilder} builds a {@code ScenarioPayload} per
 *       scenario (JSON body, expected entries, problems; {@code as(ModelClass)} for the generated model).</li>
 *   <li>{@link io.github.edfisdk.certification.check}: {@code ScenarioChecker.check(payload, actualItem)} gives a
 *       {@code CheckReport} of {@code PropertyCheck}s (expected, actual, {@code Verdict}, reason).</li>
 *   <li>This package: the entry point {@link io.github.edfisdk.certification.CertificationScenarios}
 *       ({@code sisV4(ctx).page("Calendar").scenario(2).payload()}, typed helpers such as
 *       {@code sisV4(ctx).studentCTEProgramAssociation().scenario(1)}) and {@link
 *       io.github.edfisdk.certification.ScenarioCoverage} (which scenarios can be built, and why not).</li>
 * </ul>
 */
package io.github.edfisdk.certification;
