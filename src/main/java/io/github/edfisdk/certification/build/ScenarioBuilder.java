package io.github.edfisdk.certification.build;

import com.google.gson.JsonArray;
import com.google.gson.JsonElement;
import com.google.gson.JsonObject;
import io.github.edfisdk.certification.ScenarioContext;
import io.github.edfisdk.certification.catalog.Cell;
import io.github.edfisdk.certification.catalog.ExpectedValue;
import io.github.edfisdk.certification.catalog.RequiredLevel;
import io.github.edfisdk.certification.catalog.Scenario;
import io.github.edfisdk.certification.catalog.ScenarioCatalog;
import io.github.edfisdk.certification.catalog.ScenarioPage;
import io.github.edfisdk.certification.catalog.TableRow;
import io.github.edfisdk.certification.catalog.ValueResolver;
import io.github.edfisdk.model.DataStandardModel;
import io.github.edfisdk.model.ObjectType;
import io.github.edfisdk.model.Property;
import io.github.edfisdk.model.PropertyPath;
import io.github.edfisdk.model.ScalarType;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Set;

/**
 * Builds scenario payloads from a page's table.
 *
 * <ul>
 *   <li>Each leaf row's cell gives the value at its JSON path; repeated rows and {@code <br/>} lists give the items
 *       of the innermost collection in order (an empty cell: no item).</li>
 *   <li>A PUT updates one record: the earlier scenario whose key values agree most with the PUT's column (then
 *       its other values; the latest on a tie), and starts from that record's latest state (the last earlier step
 *       of the record). Values the PUT's column gives replace the base's; a collection the column lists replaces
 *       the base's collection; values the column leaves empty are kept. A key value the column repeats from before
 *       an earlier step of the record changed it is carried forward (the step updates that item) and reported.</li>
 *   <li>A PUT's description may say to remove properties ("Remove the exitWithdraw Date and ..."): they are left
 *       out ({@link ScenarioPayload#removed()}).</li>
 *   <li>Descriptors become URIs in the context's namespace with the spec's descriptor name. In the Ed-Fi namespace
 *       a code value must be one of Ed-Fi's default values: any other is a table defect, reported and not sent.</li>
 *   <li>In send mode (the SDK as the vendor's system, {@code generateSystemValues}), a reference key the table
 *       leaves out is taken from the suite's own page of the referenced resource when exactly one of its POST
 *       scenarios matches the keys given (v5 gradingPeriodName from the Grading Periods page), and reported.</li>
 *   <li>Values that need the tester's system, placeholders without a value and unreadable cells are left out and
 *       reported; so are properties the Data Standard lacks, and spec-required properties the table leaves empty.</li>
 * </ul>
 * Not thread-safe (it memoises payloads per instance); cheap to create.
 */
public final class ScenarioBuilder {
    private final ScenarioPage page;
    private final ScenarioContext context;
    private final Map<Integer, ScenarioPayload> built = new HashMap<>();
    /** Builders of the suite's other pages (for values the table leaves out), made when needed. */
    private final Map<ScenarioPage, ScenarioBuilder> others = new HashMap<>();
    /** Ed-Fi's default descriptor values, when descriptors are in the Ed-Fi namespace; else null. */
    private final DefaultDescriptors defaults;

    public ScenarioBuilder(ScenarioPage page, ScenarioContext context) {
        this.page = Objects.requireNonNull(page);
        this.context = Objects.requireNonNull(context);
        this.defaults = ScenarioContext.ED_FI_NAMESPACE.equalsIgnoreCase(context.descriptorNamespace())
                ? new DefaultDescriptors(DataStandardModel.of(page.suite().dataStandard()).descriptorValues()) : null;
    }

    /** The payload of a POST or PUT scenario (by number). */
    public ScenarioPayload build(int number) {
        return build(page.scenario(number));
    }

    public ScenarioPayload build(Scenario scenario) {
        if (!scenario.hasColumn()) {
            throw new IllegalArgumentException(scenario + " on " + page.source() + " has no table column (a DELETE"
                    + " step removes the item of an earlier scenario)");
        }
        ScenarioPayload done = built.get(scenario.number());
        if (done != null) {
            return done;
        }
        List<PayloadProblem> problems = new ArrayList<>();
        List<ExpectedEntry> column = columnEntries(scenario, problems);
        List<ExpectedEntry> entries = column;
        int basedOn = 0;
        List<String> removed = List.of();
        if (scenario.verb() == Scenario.Verb.PUT) {
            ScenarioPayload base = base(scenario, column);
            if (base != null) {
                ScenarioPayload latest = latestOfRecord(base, scenario);
                basedOn = latest.scenario().number();
                column = carryKeyChanges(column, build(root(base.scenario().number())), latest, problems);
                entries = merge(latest.entries(), column);
                removed = removals(scenario, column, entries, problems);
                Set<String> gone = new HashSet<>(removed);
                entries = entries.stream().filter(e -> !gone.contains(e.chain().get(0).name())).toList();
            }
        }
        if (column.isEmpty()) {
            problems.add(new PayloadProblem(PayloadProblem.Kind.NO_VALUES, 0, page.resourceName(),
                    "the table's column '" + scenario.header() + "' is empty", true));
        }
        // Problems of kept values were reported on the base scenario; report them again only for this column.
        if (basedOn > 0) {
            Set<String> seen = new HashSet<>();
            problems.forEach(p -> seen.add(p.line() + p.message()));
            for (PayloadProblem p : built.get(basedOn).problems()) {
                if (p.kind() != PayloadProblem.Kind.MISSING_REQUIRED && p.kind() != PayloadProblem.Kind.NO_VALUES
                        && p.kind() != PayloadProblem.Kind.INFERRED_KEY && p.kind() != PayloadProblem.Kind.INFERRED_VALUE
                        && entries.stream().anyMatch(e -> e.row().line() == p.line()
                        && e.scenario() != scenario.number())
                        && seen.add(p.line() + p.message())) {
                    problems.add(p);
                }
            }
        }
        JsonObject body = render(entries);
        if (page.resource() != null) {
            // A value left out for a reason already reported is not reported again as missing.
            Set<String> unknown = new HashSet<>();
            entries.stream().filter(e -> !e.value().isKnown()).forEach(e -> unknown.add(e.displayPath()));
            List<PayloadProblem> missing = new ArrayList<>();
            missingRequired(page.resource().body(), body, body, null, "", missing);
            for (PayloadProblem p : missing) {
                if (unknown.stream().noneMatch(u -> u.equals(p.property()) || u.startsWith(p.property() + ".")
                        || u.startsWith(p.property() + "["))) {
                    problems.add(p);
                }
            }
        }
        ScenarioPayload payload = new ScenarioPayload(page, scenario, context, basedOn, body, entries, problems,
                removed);
        built.put(scenario.number(), payload);
        return payload;
    }

    /** Every POST/PUT scenario of the page, in order. */
    public List<ScenarioPayload> buildAll() {
        List<ScenarioPayload> out = new ArrayList<>();
        for (Scenario s : page.scenarios()) {
            out.add(build(s));
        }
        return out;
    }

    private List<ExpectedEntry> columnEntries(Scenario scenario, List<PayloadProblem> problems) {
        List<ExpectedEntry> out = new ArrayList<>();
        Set<Integer> defective = new HashSet<>();
        Map<String, Integer> counters = new HashMap<>();
        List<TableRow> rows = page.rows();
        for (int i = 0; i < rows.size(); i++) {
            TableRow row = rows.get(i);
            Cell cell = row.cell(scenario.column());
            if (cell.isEmpty()) {
                continue;
            }
            boolean required = row.required() == RequiredLevel.REQUIRED || row.required() == RequiredLevel.CONDITIONAL;
            if (!row.resolution().isResolved()) {
                problems.add(new PayloadProblem(PayloadProblem.Kind.UNKNOWN_PROPERTY, row.line(), row.label(),
                        "value '" + cell.raw() + "' not sent: " + row.resolution().problem(), false));
                continue;
            }
            Property leaf = row.resolution().property();
            if (!row.resolution().isLeaf()) {
                problems.add(new PayloadProblem(PayloadProblem.Kind.UNRESOLVED_VALUE, row.line(), row.label(),
                        "value '" + cell.raw() + "' in a row that declares " + leaf.name() + " (an object) is ignored",
                        false));
                continue;
            }
            int collections = (int) row.resolution().chain().subList(0, row.resolution().chain().size() - 1).stream()
                    .filter(Property::isCollectionOfObjects).count();
            String key = (row.container() + "|" + row.propertyName()).toLowerCase(Locale.ROOT);
            List<String> parts = defaultParts(row, leaf, cell, problems);
            for (String part : parts) {
                int item = counters.merge(key, 1, Integer::sum) - 1;
                if (collections == 0 && item > 0 && leaf.kind() != Property.Kind.COLLECTION) {
                    problems.add(new PayloadProblem(PayloadProblem.Kind.UNRESOLVED_VALUE, row.line(), row.label(),
                            "second value '" + part + "' for a single property is ignored", required));
                    continue;
                }
                List<Integer> items = new ArrayList<>();
                for (int c = 0; c < collections; c++) {
                    items.add(c == collections - 1 ? item : 0);
                }
                ExpectedValue v = ValueResolver.resolve(part, leaf, row.resolution().path().toString(), context);
                if (v instanceof ExpectedValue.NeedsSystemValue n) {
                    problems.add(new PayloadProblem(PayloadProblem.Kind.NEEDS_SYSTEM_VALUE, row.line(), row.label(),
                            "needs the system's value for " + n.placeholder() + " (give it with --system-value '"
                                    + (n.suggested() != null ? n.suggested() : n.placeholder()) + "=VALUE'; Java:"
                                    + " ScenarioContext.builder().systemValue(\"" + (n.suggested() != null
                                    ? n.suggested() : n.placeholder()) + "\", value))", required));
                } else if (v instanceof ExpectedValue.Unresolved u) {
                    problems.add(new PayloadProblem(PayloadProblem.Kind.UNRESOLVED_VALUE, row.line(), row.label(),
                            u.reason() + " ('" + u.raw() + "')", required));
                } else if (v instanceof ExpectedValue.Descriptor d && defaults != null
                        && defaults.knows(d.descriptorName())) {
                    java.util.Optional<String> code = defaults.code(d.descriptorName(), d.codeValue());
                    if (code.isPresent()) {
                        v = new ExpectedValue.Descriptor(d.descriptorName(), code.get()); // Ed-Fi's spelling
                    } else {
                        String why = "'" + d.codeValue() + "' is not an Ed-Fi default " + d.descriptorName()
                                + " value (" + defaults.describe(d.descriptorName()) + ")";
                        problems.add(new PayloadProblem(PayloadProblem.Kind.NOT_A_DEFAULT_DESCRIPTOR, row.line(),
                                row.label(), why + ": a defect of the table; the value is not sent and not created",
                                required));
                        v = new ExpectedValue.Unresolved(part, why);
                        defective.add(out.size());
                    }
                }
                out.add(new ExpectedEntry(i, row, items, v, scenario.number()));
            }
        }
        return withoutItemsOfDefectiveKeys(out, defective);
    }

    /**
     * A collection item whose identity value the table gets wrong (e.g. a race that is not an Ed-Fi default value)
     * cannot be sent: its other values are left out too (not sent, not checked), so the rest of the scenario can be.
     */
    private List<ExpectedEntry> withoutItemsOfDefectiveKeys(List<ExpectedEntry> entries, Set<Integer> defective) {
        Set<String> dead = new HashSet<>();
        Map<String, String> why = new HashMap<>();
        for (int i : defective) {
            ExpectedEntry e = entries.get(i);
            List<Property> chain = e.chain();
            Property leaf = chain.get(chain.size() - 1);
            for (int c = chain.size() - 2; c >= 0; c--) {
                if (chain.get(c).isCollectionOfObjects()) {
                    if (chain.get(c).type().identityProperties().contains(leaf)) {
                        String item = e.collectionPath() + e.items();
                        dead.add(item);
                        why.put(item, ((ExpectedValue.Unresolved) e.value()).reason());
                    }
                    break;
                }
            }
        }
        if (dead.isEmpty()) {
            return entries;
        }
        List<ExpectedEntry> out = new ArrayList<>();
        for (ExpectedEntry e : entries) {
            String item = e.collectionPath() + e.items();
            if (dead.contains(item) && !(e.value() instanceof ExpectedValue.Unresolved)) {
                out.add(new ExpectedEntry(e.rowIndex(), e.row(), e.items(), new ExpectedValue.Unresolved(
                        shown(e.value()), "its item is left out: "
                        + why.get(item)), e.scenario()));
            } else {
                out.add(e);
            }
        }
        return out;
    }

    /**
     * The earlier scenario the PUT updates: most key values in common (the item's identity), then most other
     * values, the latest on a tie. (Counting all values alike made TitleIPartA 3, student 111111, update student
     * 222222's association, which shared its descriptor value.)
     */
    private ScenarioPayload base(Scenario put, List<ExpectedEntry> column) {
        ScenarioPayload best = null;
        int bestScore = -1;
        for (Scenario s : page.scenarios()) {
            if (s.column() >= put.column()) {
                break;
            }
            ScenarioPayload p = build(s);
            int score = 0;
            for (ExpectedEntry e : column) {
                for (ExpectedEntry b : p.entries()) {
                    if (b.rowIndex() == e.rowIndex() && b.items().equals(e.items()) && b.value().equals(e.value())) {
                        score += isKey(e) ? 1000 : 1;
                        break;
                    }
                }
            }
            if (score >= bestScore) {
                best = p;
                bestScore = score;
            }
        }
        return best;
    }

    private boolean isKey(ExpectedEntry e) {
        if (page.resource() == null || e.collectionPath() != null) {
            return false;
        }
        String path = e.row().resolution().path().toString();
        return page.resource().identity().stream().anyMatch(p -> p.toString().equals(path));
    }

    /** The POST at the start of a scenario's chain of PUTs (the record it is about). */
    private int root(int number) {
        ScenarioPayload p = build(number);
        return p.basedOn() == 0 ? number : root(p.basedOn());
    }

    /** The last step before {@code put} of the record {@code base} belongs to: the record's state the PUT changes. */
    private ScenarioPayload latestOfRecord(ScenarioPayload base, Scenario put) {
        int record = root(base.scenario().number());
        ScenarioPayload latest = base;
        for (Scenario s : page.scenarios()) {
            if (s.column() < put.column() && s.number() > latest.scenario().number() && root(s.number()) == record) {
                latest = build(s);
            }
        }
        return latest;
    }

    /**
     * Key values the column repeats from the record's first step although a later step changed them (SSA 5 gives
     * scenario 1's entryDate after scenario 3 moved it): the vendor's system updates the record it holds, so the
     * changed value is used, and reported.
     */
    private List<ExpectedEntry> carryKeyChanges(List<ExpectedEntry> column, ScenarioPayload first, ScenarioPayload latest,
                                                List<PayloadProblem> problems) {
        if (latest == first) {
            return column;
        }
        List<ExpectedEntry> out = new ArrayList<>();
        for (ExpectedEntry e : column) {
            ExpectedEntry was = same(first, e);
            ExpectedEntry now = same(latest, e);
            if (isKey(e) && e.value().isKnown() && was != null && now != null && e.value().equals(was.value())
                    && !now.value().equals(was.value())) {
                problems.add(new PayloadProblem(PayloadProblem.Kind.CARRIED_KEY, e.row().line(), e.displayPath(),
                        "the table gives " + e.displayPath() + " " + shown(e.value()) + ", scenario "
                                + first.scenario().number() + "'s value, but scenario " + latest.scenario().number()
                                + " changed it to " + shown(now.value()) + ": this step updates that item (a vendor's system holds the changed"
                                + " value)", false));
                out.add(new ExpectedEntry(e.rowIndex(), e.row(), e.items(), now.value(), now.scenario()));
            } else {
                out.add(e);
            }
        }
        return out;
    }

    private String shown(ExpectedValue v) {
        if (v instanceof ExpectedValue.NeedsSystemValue n) {
            return n.placeholder();
        }
        if (v instanceof ExpectedValue.Unresolved u) {
            return u.raw();
        }
        return v.isKnown() ? v.toJson(context.descriptorNamespace(), ScalarType.STRING).getAsString() : "";
    }

    private static ExpectedEntry same(ScenarioPayload p, ExpectedEntry e) {
        return p.entries().stream().filter(x -> x.rowIndex() == e.rowIndex() && x.items().equals(e.items()))
                .findFirst().orElse(null);
    }

    /**
     * The root properties the PUT's description says to remove, among those the record holds and the column leaves
     * empty. A phrase that names none, or several, is reported and removes nothing.
     */
    private List<String> removals(Scenario put, List<ExpectedEntry> column, List<ExpectedEntry> entries,
                                  List<PayloadProblem> problems) {
        Set<String> given = new HashSet<>();
        column.forEach(e -> given.add(e.chain().get(0).name()));
        List<String> candidates = entries.stream().map(e -> e.chain().get(0).name()).filter(n -> !given.contains(n))
                .distinct().toList();
        List<String> out = new ArrayList<>();
        for (String phrase : Removals.phrases(put.description())) {
            List<String> named = Removals.matches(phrase, candidates);
            if (named.size() == 1) {
                out.add(named.get(0));
            } else {
                problems.add(new PayloadProblem(PayloadProblem.Kind.TABLE_QUIRK, 0, page.resourceName(),
                        "the description says to remove '" + phrase + "' but " + (named.isEmpty()
                                ? "the item holds no property of that name that the column leaves empty"
                                : "it names several properties " + named) + ": nothing removed for it", false));
            }
        }
        return out;
    }

    /**
     * The cell's values; for a descriptor in the Ed-Fi namespace whose parts are not all default values, the
     * grouping of its parts into default values if there is one (reported).
     */
    private List<String> defaultParts(TableRow row, Property leaf, Cell cell, List<PayloadProblem> problems) {
        List<String> parts = cell.parts();
        if (defaults == null || leaf.kind() != Property.Kind.DESCRIPTOR || !defaults.knows(leaf.descriptorName())
                || parts.stream().allMatch(x -> defaults.code(leaf.descriptorName(),
                io.github.edfisdk.model.DescriptorUri.codeValueOf(x)).isPresent())) {
            return parts;
        }
        java.util.Optional<List<String>> regrouped = defaults.regroup(leaf.descriptorName(), parts);
        if (regrouped.isEmpty() || regrouped.get().equals(parts)) {
            return parts;
        }
        problems.add(new PayloadProblem(PayloadProblem.Kind.TABLE_QUIRK, row.line(), row.label(), "cell '"
                + cell.raw() + "' read as the Ed-Fi default " + leaf.descriptorName() + " values " + regrouped.get()
                + " (its line breaks fall inside a value)", false));
        return regrouped.get();
    }

    private static List<ExpectedEntry> merge(List<ExpectedEntry> base, List<ExpectedEntry> column) {
        Set<String> replacedCollections = new HashSet<>();
        Set<String> given = new HashSet<>();
        for (ExpectedEntry e : column) {
            if (e.collectionPath() != null) {
                replacedCollections.add(e.collectionPath());
            }
            given.add(e.rowIndex() + "" + e.items());
        }
        List<ExpectedEntry> out = new ArrayList<>(column);
        for (ExpectedEntry b : base) {
            if (!given.contains(b.rowIndex() + "" + b.items())
                    && (b.collectionPath() == null || !replacedCollections.contains(b.collectionPath()))) {
                out.add(b);
            }
        }
        out.sort((a, b) -> a.rowIndex() != b.rowIndex() ? Integer.compare(a.rowIndex(), b.rowIndex())
                : a.items().toString().compareTo(b.items().toString()));
        return out;
    }

    private JsonObject render(List<ExpectedEntry> entries) {
        JsonObject root = new JsonObject();
        for (ExpectedEntry e : entries) {
            if (!e.value().isKnown()) {
                continue;
            }
            List<Property> chain = e.chain();
            JsonObject obj = root;
            int k = 0;
            for (int i = 0; i < chain.size() - 1; i++) {
                Property p = chain.get(i);
                if (p.isCollectionOfObjects()) {
                    JsonArray arr = obj.has(p.name()) ? obj.getAsJsonArray(p.name()) : new JsonArray();
                    obj.add(p.name(), arr);
                    int index = e.items().get(k++);
                    while (arr.size() <= index) {
                        arr.add(new JsonObject());
                    }
                    obj = arr.get(index).getAsJsonObject();
                } else {
                    JsonObject child = obj.has(p.name()) ? obj.getAsJsonObject(p.name()) : new JsonObject();
                    obj.add(p.name(), child);
                    obj = child;
                }
            }
            Property leaf = chain.get(chain.size() - 1);
            ScalarType type = leaf.scalarType() == null ? ScalarType.STRING : leaf.scalarType();
            JsonElement json = e.value().toJson(context.descriptorNamespace(), type);
            if (leaf.kind() == Property.Kind.COLLECTION) {
                JsonArray arr = obj.has(leaf.name()) ? obj.getAsJsonArray(leaf.name()) : new JsonArray();
                arr.add(json);
                obj.add(leaf.name(), arr);
            } else {
                obj.add(leaf.name(), json);
            }
        }
        prune(root);
        return root;
    }

    /** Drops the empty items left where an item had only values that could not be resolved. */
    private static void prune(JsonObject obj) {
        for (String k : new ArrayList<>(obj.keySet())) {
            JsonElement v = obj.get(k);
            if (v.isJsonObject()) {
                prune(v.getAsJsonObject());
                if (v.getAsJsonObject().size() == 0) {
                    obj.remove(k);
                }
            } else if (v.isJsonArray()) {
                JsonArray arr = v.getAsJsonArray();
                for (int i = arr.size() - 1; i >= 0; i--) {
                    if (arr.get(i).isJsonObject()) {
                        prune(arr.get(i).getAsJsonObject());
                        if (arr.get(i).getAsJsonObject().size() == 0) {
                            arr.remove(i);
                        }
                    }
                }
                if (arr.size() == 0) {
                    obj.remove(k);
                }
            }
        }
    }

    /**
     * Reports spec-required properties missing from the body, and from every object and item it holds. A key of a
     * reference the table leaves out is taken from the same key elsewhere in the payload (a root property or a
     * root reference, e.g. {@code classPeriodReference.schoolId} from {@code schoolReference.schoolId}) when that
     * gives exactly one value: Ed-Fi unifies keys of the same name within a resource. That is reported as a warning.
     */
    private void missingRequired(ObjectType type, JsonObject obj, JsonObject root, Property reference,
                                 String prefix, List<PayloadProblem> problems) {
        for (Property p : type.properties()) {
            String path = prefix + p.name();
            JsonElement v = obj.get(p.name());
            if ((v == null || v.isJsonNull()) && p.required() && reference != null && p.type() == null) {
                Set<JsonElement> found = new HashSet<>();
                List<String> from = new ArrayList<>();
                if (root.has(p.name()) && root.get(p.name()).isJsonPrimitive()) {
                    found.add(root.get(p.name()));
                    from.add(p.name());
                }
                for (String k : root.keySet()) {
                    JsonElement r = root.get(k);
                    if (r.isJsonObject() && r != obj && r.getAsJsonObject().has(p.name())
                            && r.getAsJsonObject().get(p.name()).isJsonPrimitive()) {
                        found.add(r.getAsJsonObject().get(p.name()));
                        from.add(k + "." + p.name());
                    }
                }
                if (found.isEmpty() && p.name().equals("schoolYear")) {
                    // A reference's school year the table leaves out (StudentSchoolAssociation's calendarReference):
                    // the pages' school year is [Current School Year].
                    found.add(new com.google.gson.JsonPrimitive(context.schoolYear()));
                    from.add("[Current School Year]");
                }
                if (found.size() == 1) {
                    v = found.iterator().next();
                    obj.add(p.name(), v);
                    problems.add(new PayloadProblem(PayloadProblem.Kind.INFERRED_KEY, 0, path, "the table gives no "
                            + path + "; " + v + " taken from " + String.join(", ", from) + " (Ed-Fi unifies keys"
                            + " of the same name)", false));
                    continue;
                }
                if (found.isEmpty() && context.generateSystemValues()) {
                    Map<JsonElement, String> fromPages = fromSuitePages(reference, obj, p.name());
                    if (fromPages.size() == 1) {
                        Map.Entry<JsonElement, String> only = fromPages.entrySet().iterator().next();
                        obj.add(p.name(), only.getKey());
                        problems.add(new PayloadProblem(PayloadProblem.Kind.INFERRED_VALUE, 0, path, "the table gives"
                                + " no " + path + "; " + only.getKey() + " taken from " + only.getValue() + " (the"
                                + " suite's own page for the item the reference names, as the vendor's system holds"
                                + " it)", false));
                        continue;
                    }
                }
            }
            if (v == null || v.isJsonNull()) {
                if (p.required()) {
                    problems.add(new PayloadProblem(PayloadProblem.Kind.MISSING_REQUIRED, 0, path,
                            "the Data Standard requires " + path + " and the table gives no value for it", true));
                }
            } else if (p.type() != null && v.isJsonObject()) {
                missingRequired(p.type(), v.getAsJsonObject(), root, p.kind() == Property.Kind.REFERENCE ? p : null,
                        path + ".", problems);
            } else if (p.type() != null && v.isJsonArray()) {
                JsonArray arr = v.getAsJsonArray();
                for (int i = 0; i < arr.size(); i++) {
                    if (arr.get(i).isJsonObject()) {
                        missingRequired(p.type(), arr.get(i).getAsJsonObject(), root, null, path + "[" + i + "].",
                                problems);
                    }
                }
            }
        }
    }

    /**
     * The values of {@code field} in the POST scenarios of the suite's pages for a resource the reference names
     * whose items match every key the reference holds; value -> "Grading Periods scenario 1".
     */
    private Map<JsonElement, String> fromSuitePages(Property reference, JsonObject keys, String field) {
        Map<JsonElement, String> out = new java.util.LinkedHashMap<>();
        for (ScenarioPage other : ScenarioCatalog.of(page.suite()).pages()) {
            if (other == page || other.resource() == null
                    || !reference.referenceTargets().contains(other.resource().name())) {
                continue;
            }
            java.util.Optional<PropertyPath> wanted = other.resource().referenceFieldPath(field);
            if (wanted.isEmpty()) {
                continue;
            }
            ScenarioBuilder b = others.computeIfAbsent(other, o -> new ScenarioBuilder(o, context));
            for (Scenario s : other.scenarios()) {
                if (s.verb() != Scenario.Verb.POST) {
                    continue;
                }
                JsonObject doc = b.build(s).json();
                boolean all = true;
                for (Map.Entry<String, JsonElement> k : keys.entrySet()) {
                    java.util.Optional<PropertyPath> at = other.resource().referenceFieldPath(k.getKey());
                    all &= !k.getValue().isJsonPrimitive() || (at.isPresent()
                            && at.get().get(doc).map(x -> x.equals(k.getValue())).orElse(false));
                }
                if (all) {
                    wanted.get().get(doc).filter(JsonElement::isJsonPrimitive)
                            .ifPresent(x -> out.putIfAbsent(x, other.resourceName() + " scenario " + s.number()));
                }
            }
        }
        return out;
    }
}
