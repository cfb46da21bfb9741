package io.github.edfisdk.certification.run;

import com.google.gson.JsonObject;
import io.github.edfisdk.certification.ScenarioContext;
import io.github.edfisdk.certification.build.PayloadProblem;
import io.github.edfisdk.certification.build.ScenarioBuilder;
import io.github.edfisdk.certification.build.ScenarioPayload;
import io.github.edfisdk.certification.catalog.Scenario;
import io.github.edfisdk.certification.catalog.ScenarioCatalog;
import io.github.edfisdk.certification.catalog.ScenarioPage;
import io.github.edfisdk.certification.catalog.Suite;
import io.github.edfisdk.certification.check.CheckReport;
import io.github.edfisdk.certification.check.ScenarioChecker;
import io.github.edfisdk.client.DocumentClient;
import io.github.edfisdk.client.EdFiApiException;
import io.github.edfisdk.client.EdFiClient;
import io.github.edfisdk.client.NotFoundException;
import io.github.edfisdk.client.WriteResult;
import io.github.edfisdk.model.DataStandardModel;
import io.github.edfisdk.model.NaturalKey;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.function.Consumer;

/**
 * Runs SIS certification scenarios against an ODS/API and checks what it holds afterwards.
 *
 * <p><b>send</b> (the default, a dry run of certification): for each page, in the Data Standard's dependency order,
 * each step in the page's order: a POST sends the scenario's payload (after creating the prerequisites it lacks, see
 * {@link Prerequisites}); a PUT sends its payload to the item of the scenario it is based on; the item is then read
 * back by its natural key and checked against the table ({@link ScenarioChecker}); a DELETE removes the item of its
 * scenario and checks that it is gone.
 *
 * <p><b>verify-only</b>: the vendor's product sent the data; nothing is written. Each scenario's item is read by
 * its natural key and checked. Without {@code scenarios(...)}, a step whose item a later step of the page changes
 * or deletes is reported NOT_RUN (superseded): the ODS holds only the latest state, so check each scenario right
 * after the product sends it, with {@code scenarios(n)}.
 *
 * <p>With {@code scenarios(...)} in send mode, the steps a selected one builds on (a PUT's base, a DELETE's item)
 * are run too but not reported.
 */
public final class CertificationRunner {
    private final EdFiClient client;
    private final Suite suite;
    private final ScenarioContext context;
    private final RunMode mode;
    private final List<String> resources;
    private final Path table;
    private final Set<Integer> scenarios;
    private final Consumer<ScenarioResult> listener;

    private CertificationRunner(Builder b) {
        this.client = Objects.requireNonNull(b.client, "client");
        this.suite = Objects.requireNonNull(b.suite, "suite");
        this.context = b.context == null ? ScenarioContext.defaults() : b.context;
        this.mode = b.mode;
        this.resources = List.copyOf(b.resources);
        this.table = b.table;
        this.scenarios = Set.copyOf(b.scenarios);
        this.listener = b.listener;
    }

    public static Builder builder() {
        return new Builder();
    }

    /** The pages the run covers, in the order it runs them. */
    public List<ScenarioPage> pages() {
        return selectPages(suite, resources, table, scenarios);
    }

    /**
     * The pages a run of {@code suite} covers, in the order it runs them (the Data Standard's dependency order).
     *
     * @param resources page names (empty: every page of the suite)
     * @param table     a table file to run instead, or null
     * @param scenarios scenario numbers (empty: all); each must be on one of the pages
     * @throws IllegalArgumentException a page or scenario that does not exist, naming what does
     */
    public static List<ScenarioPage> selectPages(Suite suite, List<String> resources, Path table,
                                                 java.util.Collection<Integer> scenarios) {
        ScenarioCatalog catalog = ScenarioCatalog.of(suite);
        List<ScenarioPage> pages = new ArrayList<>();
        if (table != null) {
            pages.add(ScenarioCatalog.parseFile(suite, table));
        } else if (resources.isEmpty()) {
            pages.addAll(catalog.pages());
        } else {
            for (String r : resources) {
                ScenarioPage p = catalog.require(r);
                if (!pages.contains(p)) {
                    pages.add(p);
                }
            }
        }
        DataStandardModel model = DataStandardModel.of(suite.dataStandard());
        pages.sort(Comparator.comparingInt(p -> p.resource() == null ? Integer.MAX_VALUE : model.order(p.resource())));
        for (int n : scenarios) {
            if (pages.stream().noneMatch(p -> p.step(n).isPresent())) {
                throw new IllegalArgumentException("No scenario " + n + " on the selected pages");
            }
        }
        return pages;
    }

    /**
     * Runs the selected scenarios.
     *
     * @throws IllegalArgumentException the server runs another Data Standard than the suite's, or a page or
     *                                  scenario asked for does not exist
     * @throws io.github.edfisdk.client.EdFiConnectionException the server cannot be reached
     */
    public CertificationReport run() {
        if (client.dataStandard() != suite.dataStandard()) {
            throw new IllegalArgumentException(suite.folder() + " checks Data Standard " + suite.dataStandard().version()
                    + " but " + client.root().dataUrl() + " serves Data Standard " + client.dataStandard().version());
        }
        List<ScenarioPage> pages = pages();
        Instant start = Instant.now();
        // The client's own model (its extensions, when built with model(...) or modelFromServer()); the same
        // Data Standard as the suite's, checked above.
        DataStandardModel model = client.model();
        Prerequisites prerequisites = new Prerequisites(client.documents(), model, context, ScenarioCatalog.of(suite));
        List<ScenarioResult> results = new ArrayList<>();
        for (ScenarioPage page : pages) {
            Consumer<ScenarioResult> sink = r -> {
                results.add(r);
                if (listener != null) {
                    listener.accept(r);
                }
            };
            if (page.resource() == null) {
                for (Scenario s : orderedSteps(page)) {
                    if (selected(s)) {
                        sink.accept(notRun(Outcome.PAGE_DEFECT, page, s, "the page's resource '"
                                + page.resourceName() + "' is not in Data Standard " + suite.dataStandard().version(),
                                List.of()));
                    }
                }
                continue;
            }
            new PageRun(page, prerequisites, sink).run();
        }
        return new CertificationReport(suite, client.root().dataUrl(), mode, context, start,
                Duration.between(start, Instant.now()), results);
    }

    private boolean selected(Scenario s) {
        return scenarios.isEmpty() || scenarios.contains(s.number());
    }

    private static List<Scenario> orderedSteps(ScenarioPage page) {
        List<Scenario> steps = new ArrayList<>(page.steps());
        steps.sort(Comparator.comparingInt(Scenario::number));
        return steps;
    }

    private static ScenarioResult notRun(Outcome o, ScenarioPage page, Scenario s, String why,
                                         List<PayloadProblem> problems) {
        return new ScenarioResult(page, s, o, why, null, List.of(), problems, 0, null, null, null, 0);
    }

    /** A payload that cannot be sent: a page defect when the table is to blame, else not run. */
    private static ScenarioResult unbuilt(ScenarioPage page, Scenario s, ScenarioPayload payload, String what) {
        return notRun(payload.isPageDefect() ? Outcome.PAGE_DEFECT : Outcome.NOT_RUN, page, s, what + ": "
                + describe(payload.blockingProblems()), payload.problems());
    }

    /** One page's steps. */
    private final class PageRun {
        private final ScenarioPage page;
        private final Prerequisites prerequisites;
        private final Consumer<ScenarioResult> sink;
        private final ScenarioBuilder builder;
        private final DocumentClient documents = client.documents();
        private final String path;
        /** scenario number -> id of its item in the ODS (a PUT shares its base's). */
        private final Map<Integer, String> ids = new HashMap<>();
        /** scenario number -> its outcome, for the steps that build on it. */
        private final Map<Integer, Outcome> outcomes = new HashMap<>();

        PageRun(ScenarioPage page, Prerequisites prerequisites, Consumer<ScenarioResult> sink) {
            this.page = page;
            this.prerequisites = prerequisites;
            this.sink = sink;
            this.builder = new ScenarioBuilder(page, context);
            this.path = page.resource().path();
        }

        void run() {
            List<Scenario> steps = orderedSteps(page);
            Set<Integer> needed = needed(steps);
            for (Scenario s : steps) {
                if (!needed.contains(s.number())) {
                    continue;
                }
                long t0 = System.nanoTime();
                ScenarioResult r = mode == RunMode.SEND ? send(s) : verify(s, steps);
                r = r.withMillis((System.nanoTime() - t0) / 1_000_000);
                outcomes.put(s.number(), r.outcome());
                if (selected(s)) {
                    sink.accept(r);
                }
            }
        }

        /** The selected steps and, in send mode, the steps they build on. */
        private Set<Integer> needed(List<Scenario> steps) {
            Set<Integer> out = new LinkedHashSet<>();
            for (Scenario s : steps) {
                if (selected(s)) {
                    out.add(s.number());
                }
            }
            if (mode == RunMode.SEND) {
                boolean grew = true;
                while (grew) {
                    grew = false;
                    for (Scenario s : steps) {
                        if (out.contains(s.number())) {
                            Optional<Scenario> base = baseOf(s);
                            if (base.isPresent() && out.add(base.get().number())) {
                                grew = true;
                            }
                        }
                    }
                }
            }
            return out;
        }

        /** A PUT's base scenario, a DELETE's target. */
        private Optional<Scenario> baseOf(Scenario s) {
            if (s.verb() == Scenario.Verb.DELETE) {
                return page.deleteTarget(s);
            }
            if (s.verb() == Scenario.Verb.PUT) {
                int base = builder.build(s).basedOn();
                return base > 0 ? page.step(base) : Optional.empty();
            }
            return Optional.empty();
        }

        /** The POST scenario at the start of a step's chain of PUTs (the record it is about). */
        private int root(Scenario s) {
            Optional<Scenario> base = baseOf(s);
            return base.isPresent() && base.get().number() != s.number() ? root(base.get()) : s.number();
        }

        private ScenarioResult send(Scenario s) {
            if (s.verb() == Scenario.Verb.DELETE) {
                return sendDelete(s);
            }
            ScenarioPayload payload = builder.build(s);
            if (!payload.isComplete() && !payload.isSendableDespiteDefects()) {
                return unbuilt(page, s, payload, "cannot be built from the table");
            }
            List<PrerequisiteAction> created = prerequisites.ensure(payload);
            JsonObject body = payload.json();
            WriteResult w;
            String id;
            String note = "";
            String request = s.verb().name();
            try {
                if (s.verb() == Scenario.Verb.POST) {
                    w = documents.post(path, body);
                    id = w.id();
                } else {
                    id = ids.get(payload.basedOn());
                    if (id == null) {
                        Optional<JsonObject> base = find(builder.build(payload.basedOn()));
                        id = base.map(b -> b.get("id").getAsString()).orElse(null);
                    }
                    if (id == null) {
                        Outcome base = outcomes.get(payload.basedOn());
                        if (base == Outcome.PAGE_DEFECT || base == Outcome.NOT_RUN) {
                            return notRun(base, page, s, "scenario " + payload.basedOn() + ", whose item this PUT"
                                    + " updates, was not sent (" + base + ")", payload.problems());
                        }
                        return result(s, Outcome.ERROR, "the item of scenario " + payload.basedOn() + " that this PUT"
                                + " updates is not in the ODS", null, created, payload, 0, null, body, null);
                    }
                    Optional<JsonObject> current = documents.find(path, id);
                    if (current.isPresent() && !page.resource().keyUpdatable()
                            && !page.resource().naturalKey(current.get()).equals(payload.naturalKey())) {
                        // The ODS refuses to change this resource's key ("Delete and recreate the item instead").
                        request = "DELETE (key change)";
                        try {
                            documents.delete(path, id);
                        } catch (NotFoundException gone) {
                            // deleted by an attempt whose answer was lost
                        }
                        request = "POST (key change)";
                        w = documents.post(path, body);
                        String old = id;
                        String fresh = w.id();
                        ids.replaceAll((n, v) -> v.equals(old) ? fresh : v); // the record's earlier steps follow it
                        id = fresh;
                        note = "the key changes and " + page.resource().name() + " keys cannot be updated, so the item"
                                + " of scenario " + payload.basedOn() + " was deleted and posted again; ";
                    } else {
                        w = documents.put(path, id, body);
                    }
                }
            } catch (EdFiApiException e) {
                return result(s, Outcome.ERROR, request + " answered " + e.status() + ": " + e.problem().summary()
                        + failedPrerequisites(created), null, created, payload, e.status(), null, body, null);
            }
            ids.put(s.number(), id);
            Optional<JsonObject> actual = find(payload);
            if (actual.isEmpty()) {
                return result(s, Outcome.FAILED, s.verb() + " answered " + w.status() + " but no item with the natural key "
                        + payload.naturalKey().values() + " can be read back", null, created, payload, w.status(), id,
                        body, null);
            }
            return despiteDefects(payload, checked(s, payload, actual.get(), created, w.status(), body).withNote(note));
        }

        private ScenarioResult sendDelete(Scenario s) {
            Optional<Scenario> target = page.deleteTarget(s);
            if (target.isEmpty()) {
                return notRun(Outcome.PAGE_DEFECT, page, s, "the page does not say which scenario's item this step"
                        + " deletes", List.of());
            }
            String id = ids.get(target.get().number());
            if (id == null) {
                Outcome t = outcomes.get(target.get().number());
                return notRun(t == Outcome.PAGE_DEFECT ? t : Outcome.NOT_RUN, page, s, "scenario "
                        + target.get().number() + ", whose item it deletes, did not create one"
                        + (t == null ? "" : " (" + t + ")"), List.of());
            }
            try {
                documents.delete(path, id);
            } catch (NotFoundException e) {
                // A retried DELETE whose first attempt was carried out (its answer lost): the check below decides.
            } catch (EdFiApiException e) {
                return result(s, Outcome.ERROR, "DELETE answered " + e.status() + ": " + e.problem().summary(), null,
                        List.of(), null, e.status(), id, null, null);
            }
            Optional<JsonObject> still = documents.find(path, id);
            ids.remove(target.get().number());
            return still.isPresent()
                    ? result(s, Outcome.FAILED, "DELETE answered 204 but the item of scenario " + target.get().number()
                    + " can still be read", null, List.of(), null, 204, id, null, still.get())
                    : result(s, Outcome.PASSED, "the item of scenario " + target.get().number() + " was deleted", null,
                    List.of(), null, 204, id, null, null);
        }

        private ScenarioResult verify(Scenario s, List<Scenario> steps) {
            if (scenarios.isEmpty()) {
                for (Scenario later : steps) {
                    if (later.number() > s.number() && (root(later) == root(s) || sameKey(later, s))) {
                        return notRun(Outcome.NOT_RUN, page, s, "superseded by scenario " + later.number() + " "
                                + later.verb()
                                + " (the ODS holds only the latest state; run --scenario " + s.number()
                                + " right after the product sends it)", List.of());
                    }
                }
            }
            if (s.verb() == Scenario.Verb.DELETE) {
                Optional<Scenario> target = page.deleteTarget(s);
                if (target.isEmpty()) {
                    return notRun(Outcome.PAGE_DEFECT, page, s, "the page does not say which scenario's item this"
                            + " step deletes", List.of());
                }
                ScenarioPayload p = latest(target.get(), steps);
                if (!p.isComplete()) {
                    return unbuilt(page, s, p, "the deleted item's key cannot be built");
                }
                Optional<JsonObject> still = find(p);
                return still.isPresent()
                        ? result(s, Outcome.FAILED, "the item " + p.naturalKey().values() + " of scenario "
                        + p.scenario().number() + " is still in the ODS", null, List.of(), p, 0,
                        still.get().get("id").getAsString(), null, still.get())
                        : result(s, Outcome.PASSED, "the item " + p.naturalKey().values() + " is not in the ODS", null,
                        List.of(), p, 0, null, null, null);
            }
            ScenarioPayload payload = builder.build(s);
            if (!payload.isComplete() && !payload.isSendableDespiteDefects()) {
                return unbuilt(page, s, payload, "cannot be built from the table");
            }
            Optional<JsonObject> actual = find(payload);
            if (actual.isEmpty()) {
                String key = payload.naturalKey().values().toString();
                return result(s, Outcome.FAILED, "no item with the natural key " + key + " is in the ODS"
                        + (key.contains("uri://") ? " (descriptor values are looked up in the namespace "
                        + context.descriptorNamespace() + "; give --namespace if the product uses another)" : ""),
                        null, List.of(), payload, 0, null, null, null);
            }
            return despiteDefects(payload, checked(s, payload, actual.get(), List.of(), 0, null));
        }

        /**
         * A step sent without the values its table gets wrong is a page defect when everything else passed (it
         * cannot pass as the page stands); a failure of the rest stays a failure.
         */
        private ScenarioResult despiteDefects(ScenarioPayload payload, ScenarioResult r) {
            if (payload.isComplete() || r.outcome() != Outcome.PASSED) {
                return r;
            }
            return r.asPageDefect("sent without what the table gets wrong (" + describe(payload.blockingProblems())
                    + ")");
        }

        /** The payload of the last step of a record's chain up to (not including) a DELETE. */
        private ScenarioPayload latest(Scenario target, List<Scenario> steps) {
            Scenario last = target;
            for (Scenario t : steps) {
                if (t.hasColumn() && t.number() > last.number() && root(t) == root(target)) {
                    last = t;
                }
            }
            return builder.build(last);
        }

        private boolean sameKey(Scenario a, Scenario b) {
            if (!a.hasColumn() || !b.hasColumn()) {
                return false;
            }
            NaturalKey ka = builder.build(a).naturalKey();
            NaturalKey kb = builder.build(b).naturalKey();
            return ka.isComplete() && ka.equals(kb);
        }

        private Optional<JsonObject> find(ScenarioPayload p) {
            try {
                return documents.findByNaturalKey(path, p.json());
            } catch (IllegalArgumentException e) {
                return Optional.empty();
            } catch (NotFoundException e) {
                return Optional.empty();
            }
        }

        private ScenarioResult checked(Scenario s, ScenarioPayload payload, JsonObject actual,
                                       List<PrerequisiteAction> created, int status, JsonObject sent) {
            CheckReport report = ScenarioChecker.check(payload, actual);
            String id = actual.has("id") ? actual.get("id").getAsString() : null;
            if (report.passed()) {
                long checked = report.checks().stream().filter(c -> c.verdict() == io.github.edfisdk.certification.check
                        .Verdict.PASS).count();
                return result(s, Outcome.PASSED, checked + " properties match the table", report, created, payload,
                        status, id, sent, actual);
            }
            return result(s, Outcome.FAILED, report.failures().size() + " of " + report.checks().size()
                    + " checks failed: " + String.join("; ", report.failures().stream().map(f -> f.reason()).toList()),
                    report, created, payload, status, id, sent, actual);
        }

        private ScenarioResult result(Scenario s, Outcome o, String message, CheckReport checks,
                                      List<PrerequisiteAction> created, ScenarioPayload payload, int status, String id,
                                      JsonObject sent, JsonObject actual) {
            return new ScenarioResult(page, s, o, message, checks, created,
                    payload == null ? List.of() : payload.problems(), status, id, sent, actual, 0);
        }
    }

    private static String failedPrerequisites(List<PrerequisiteAction> created) {
        List<String> failed = created.stream().filter(a -> !a.created()).map(PrerequisiteAction::toString).toList();
        return failed.isEmpty() ? "" : " (prerequisites: " + String.join("; ", failed) + ")";
    }

    private static String describe(List<PayloadProblem> problems) {
        Set<String> out = new LinkedHashSet<>();
        for (PayloadProblem p : problems) {
            out.add(p.property() + (p.line() > 0 ? " (line " + p.line() + ")" : "") + ": " + p.message());
        }
        return String.join("; ", out);
    }

    /** Builds a {@link CertificationRunner}. */
    public static final class Builder {
        private EdFiClient client;
        private Suite suite;
        private ScenarioContext context;
        private RunMode mode = RunMode.SEND;
        private final List<String> resources = new ArrayList<>();
        private Path table;
        private final Set<Integer> scenarios = new HashSet<>();
        private Consumer<ScenarioResult> listener;

        private Builder() {
        }

        /** The ODS/API to certify against (its Data Standard must be the suite's). */
        public Builder client(EdFiClient client) {
            this.client = client;
            return this;
        }

        public Builder suite(Suite suite) {
            this.suite = suite;
            return this;
        }

        /** School year, descriptor namespace, system values (default: {@link ScenarioContext#defaults()}). */
        public Builder context(ScenarioContext context) {
            this.context = context;
            return this;
        }

        public Builder mode(RunMode mode) {
            this.mode = Objects.requireNonNull(mode);
            return this;
        }

        /** Only these pages (resource name, any case, or page file name); default every page of the suite. */
        public Builder resources(List<String> names) {
            resources.addAll(names);
            return this;
        }

        /** Run the page in this file (same format as the certification pages) instead of the suite's. */
        public Builder table(Path file) {
            this.table = file;
            return this;
        }

        /** Only these scenario numbers (on every selected page); default all. */
        public Builder scenarios(java.util.Collection<Integer> numbers) {
            scenarios.addAll(numbers);
            return this;
        }

        /** Told of each result as soon as it is known (progress). */
        public Builder listener(Consumer<ScenarioResult> listener) {
            this.listener = listener;
            return this;
        }

        public CertificationRunner build() {
            return new CertificationRunner(this);
        }
    }
}
