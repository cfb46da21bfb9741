package io.github.edfisdk.certification.check;

import com.google.gson.JsonArray;
import com.google.gson.JsonElement;
import com.google.gson.JsonObject;
import io.github.edfisdk.certification.build.ExpectedEntry;
import io.github.edfisdk.certification.build.ScenarioPayload;
import io.github.edfisdk.certification.catalog.ExpectedValue;
import io.github.edfisdk.certification.catalog.RequiredLevel;
import io.github.edfisdk.certification.catalog.TableRow;
import io.github.edfisdk.model.DescriptorUri;
import io.github.edfisdk.model.ObjectType;
import io.github.edfisdk.model.Property;
import io.github.edfisdk.model.ScalarType;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.LocalTime;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Compares an item read back from an ODS with what a scenario expects, property by property. No HTTP.
 *
 * <p>Rules:
 * <ul>
 *   <li>Descriptors compare by code value, ignoring case and namespace ({@code uri://x.org/SexDescriptor#Male} matches
 *       "male"), as the certification's own Postman and Bruno tests do.</li>
 *   <li>Dates compare as dates (a date-time's date part); booleans, integers and decimals by value
 *       ({@code 80} equals {@code 80.0}); times as times; strings exactly.</li>
 *   <li>Collection items are matched by the identity properties of the item type (e.g. cteProgramServiceDescriptor),
 *       or, when the expected item has none of them, by all its expected values. An expected item with no match
 *       reports each of its values as missing; an actual item that matches none is UNEXPECTED.</li>
 *   <li>A value present but different is WRONG_VALUE, whatever its level. A missing value is MISSING_REQUIRED when
 *       the row is REQUIRED (or blank and the spec requires it). A missing CONDITIONAL value is NOT_CHECKED: the
 *       element is required only if the product has it, which needs proof outside the API. A missing OPTIONAL value
 *       is NOT_CHECKED.</li>
 *   <li>System-assigned values ({@code ["207220" if possible | system value]}) pass when present with any value,
 *       unless the context gave the value, then it must be equal.</li>
 *   <li>A property the scenario's description says to remove must be absent (NOT_REMOVED otherwise).</li>
 *   <li>Rows with no value in the scenario's column, cells that could not be resolved and rows naming a property
 *       the Data Standard lacks are NOT_CHECKED, with the reason.</li>
 * </ul>
 */
public final class ScenarioChecker {
    private final ScenarioPayload payload;
    private final JsonObject expectedBody;
    private final JsonObject actual;
    private final List<PropertyCheck> checks = new ArrayList<>();
    /** expected item path ("cteProgramServices[0]") -> the actual item matched, or null when none matched. */
    private final Map<String, JsonObject> matched = new HashMap<>();
    /** actual collections visited (by expected-side path of the array), their items, and those matched. */
    private final Map<String, JsonArray> visited = new LinkedHashMap<>();
    private final Map<String, ObjectType> visitedTypes = new HashMap<>();
    private final Map<String, Set<Integer>> used = new HashMap<>();

    private ScenarioChecker(ScenarioPayload payload, JsonObject actual) {
        this.payload = payload;
        this.expectedBody = payload.json();
        this.actual = actual;
    }

    public static CheckReport check(ScenarioPayload expected, JsonObject actual) {
        ScenarioChecker c = new ScenarioChecker(expected, actual == null ? new JsonObject() : actual);
        c.run();
        return new CheckReport(expected.page(), expected.scenario(), c.checks);
    }

    private void run() {
        Set<Integer> rowsWithEntries = new HashSet<>();
        for (ExpectedEntry e : payload.entries()) {
            rowsWithEntries.add(e.rowIndex());
            checkEntry(e);
        }
        for (String gone : payload.removed()) {
            JsonElement a = actual.get(gone);
            boolean absent = a == null || a.isJsonNull();
            checks.add(new PropertyCheck(gone, RequiredLevel.UNSPECIFIED, 0, "(removed)", absent ? null : text(a),
                    absent ? Verdict.PASS : Verdict.NOT_REMOVED, absent ? gone + " removed, as scenario "
                    + payload.scenario().number() + " says" : gone + ": scenario " + payload.scenario().number()
                    + " says to remove it, but the item still has " + a));
        }
        List<TableRow> rows = payload.page().rows();
        for (int i = 0; i < rows.size(); i++) {
            TableRow row = rows.get(i);
            if (rowsWithEntries.contains(i) || row.occurrence() > 0) {
                continue;
            }
            if (row.resolution().isResolved() && payload.removed().contains(row.resolution().chain().get(0).name())) {
                continue; // checked above
            }
            boolean hasCell = !row.cell(payload.scenario().column()).isEmpty();
            if (!row.resolution().isResolved()) {
                if (hasCell) {
                    checks.add(new PropertyCheck(row.label(), row.required(), row.line(),
                            row.cell(payload.scenario().column()).raw(), null, Verdict.NOT_CHECKED,
                            "not in Data Standard " + payload.page().suite().dataStandard().version() + ": "
                                    + row.resolution().problem()));
                }
                continue;
            }
            if (!row.resolution().isLeaf()) {
                continue;
            }
            String path = row.resolution().path().toString();
            JsonElement a = row.resolution().path().get(actual).orElse(null);
            checks.add(new PropertyCheck(path, row.required(), row.line(), "", a == null ? null : a.toString(),
                    Verdict.NOT_CHECKED, "no value in the table for scenario " + payload.scenario().number()
                    + (a == null ? "" : "; actual " + a)));
        }
        for (Map.Entry<String, JsonArray> v : visited.entrySet()) {
            JsonArray arr = v.getValue();
            Set<Integer> u = used.getOrDefault(v.getKey(), Set.of());
            for (int i = 0; i < arr.size(); i++) {
                if (!u.contains(i)) {
                    checks.add(new PropertyCheck(v.getKey() + "[" + i + "]", RequiredLevel.UNSPECIFIED, 0, "",
                            arr.get(i).toString(), Verdict.UNEXPECTED, "item " + describe(arr.get(i),
                            visitedTypes.get(v.getKey())) + " of " + v.getKey() + " is not in the table for scenario "
                            + payload.scenario().number()));
                }
            }
        }
    }

    private void checkEntry(ExpectedEntry e) {
        List<Property> chain = e.chain();
        Property leaf = chain.get(chain.size() - 1);
        String path = e.displayPath();
        TableRow row = e.row();
        String expectedText = display(e.value());
        if (e.value() instanceof ExpectedValue.Unresolved u) {
            // Not sent, so nothing to find: in a collection it must not take an actual item from the values sent.
            JsonElement a = e.row().resolution().path().get(actual).orElse(null);
            checks.add(new PropertyCheck(path, row.required(), row.line(), u.raw(), text(a), Verdict.NOT_CHECKED,
                    "expected value could not be resolved: " + u.reason()));
            return;
        }
        JsonObject exp = expectedBody;
        JsonObject act = actual;
        StringBuilder expPath = new StringBuilder();
        int k = 0;
        for (int i = 0; i < chain.size() - 1; i++) {
            Property p = chain.get(i);
            expPath.append(i == 0 ? "" : ".").append(p.name());
            if (p.isCollectionOfObjects()) {
                int index = e.items().get(k++);
                String arrayPath = expPath.toString();
                JsonObject expItem = item(exp, p.name(), index);
                expPath.append('[').append(index).append(']');
                String itemPath = expPath.toString();
                JsonArray actArr = act == null ? null : array(act, p.name());
                if (actArr != null) {
                    visited.putIfAbsent(arrayPath, actArr);
                    visitedTypes.putIfAbsent(arrayPath, p.type());
                }
                if (!matched.containsKey(itemPath)) {
                    matched.put(itemPath, match(expItem, actArr, p.type(), arrayPath));
                }
                exp = expItem;
                act = matched.get(itemPath);
                if (act == null) {
                    missing(e, path, expectedText, "no item of " + arrayPath + " matches the expected "
                            + describe(expItem, p.type()) + (actArr == null ? " (" + arrayPath + " is missing)"
                            : "; actual items: " + actArr));
                    return;
                }
            } else {
                exp = exp == null || !exp.has(p.name()) || !exp.get(p.name()).isJsonObject() ? null
                        : exp.getAsJsonObject(p.name());
                act = act == null || !act.has(p.name()) || !act.get(p.name()).isJsonObject() ? null
                        : act.getAsJsonObject(p.name());
            }
        }
        JsonElement a = act == null ? null : act.get(leaf.name());
        if (a != null && a.isJsonNull()) {
            a = null;
        }
        ExpectedValue v = e.value();
        if (a == null) {
            missing(e, path, expectedText, path + " is missing");
            return;
        }
        if (v instanceof ExpectedValue.NeedsSystemValue n) {
            checks.add(new PropertyCheck(path, row.required(), row.line(), n.placeholder(), text(a), Verdict.PASS,
                    "system-assigned value " + a + " accepted (" + n.placeholder() + ")"));
            return;
        }
        ScalarType type = leaf.scalarType() == null ? ScalarType.STRING : leaf.scalarType();
        JsonElement expected = v.toJson(payload.context().descriptorNamespace(), type);
        boolean same;
        if (leaf.kind() == Property.Kind.COLLECTION) {
            same = false;
            if (a.isJsonArray()) {
                for (JsonElement x : a.getAsJsonArray()) {
                    same |= equal(expected, x, leaf);
                }
            }
        } else {
            same = equal(expected, a, leaf);
        }
        if (same) {
            checks.add(new PropertyCheck(path, row.required(), row.line(), expectedText, text(a), Verdict.PASS,
                    path + " = " + a));
        } else {
            checks.add(new PropertyCheck(path, row.required(), row.line(), expectedText, text(a), Verdict.WRONG_VALUE,
                    path + ": expected " + (leaf.kind() == Property.Kind.DESCRIPTOR ? "code value " : "") + "'"
                            + expectedText + "', actual " + a));
        }
    }

    private void missing(ExpectedEntry e, String path, String expectedText, String what) {
        TableRow row = e.row();
        RequiredLevel level = row.required();
        boolean required = level == RequiredLevel.REQUIRED
                || (level == RequiredLevel.UNSPECIFIED && e.chain().get(e.chain().size() - 1).required());
        Verdict verdict;
        String reason;
        if (required) {
            verdict = Verdict.MISSING_REQUIRED;
            reason = path + ": expected '" + expectedText + "', actual missing (" + what + "); the table marks it "
                    + level;
        } else if (level == RequiredLevel.CONDITIONAL) {
            verdict = Verdict.NOT_CHECKED;
            reason = path + ": CONDITIONAL value '" + expectedText + "' not sent (" + what
                    + "); acceptable only if the product does not have this element";
        } else {
            verdict = Verdict.NOT_CHECKED;
            reason = path + ": optional value '" + expectedText + "' not sent (" + what + ")";
        }
        checks.add(new PropertyCheck(path, level, row.line(), expectedText, null, verdict, reason));
    }

    /** The actual item matching the expected one by identity (else by all expected values), not yet used. */
    private JsonObject match(JsonObject expItem, JsonArray actArr, ObjectType type, String arrayPath) {
        if (actArr == null) {
            return null;
        }
        if (expItem == null) {
            // Nothing of the item could be built (e.g. only system values): take the first item not matched yet.
            Set<Integer> u = used.computeIfAbsent(arrayPath, x -> new HashSet<>());
            for (int i = 0; i < actArr.size(); i++) {
                if (!u.contains(i) && actArr.get(i).isJsonObject()) {
                    u.add(i);
                    return actArr.get(i).getAsJsonObject();
                }
            }
            return null;
        }
        List<Property> keys = new ArrayList<>();
        for (Property p : type.identityProperties()) {
            if (expItem.has(p.name())) {
                keys.add(p);
            }
        }
        if (keys.isEmpty()) {
            for (Property p : type.properties()) {
                if (expItem.has(p.name()) && p.type() == null && p.kind() != Property.Kind.COLLECTION) {
                    keys.add(p);
                }
            }
        }
        Set<Integer> u = used.computeIfAbsent(arrayPath, x -> new HashSet<>());
        for (int i = 0; i < actArr.size(); i++) {
            if (u.contains(i) || !actArr.get(i).isJsonObject()) {
                continue;
            }
            JsonObject candidate = actArr.get(i).getAsJsonObject();
            boolean all = true;
            for (Property p : keys) {
                all &= sameValue(expItem.get(p.name()), candidate.get(p.name()), p);
            }
            if (all) {
                u.add(i);
                return candidate;
            }
        }
        return null;
    }

    private static boolean sameValue(JsonElement expected, JsonElement actual, Property p) {
        if (expected == null || actual == null || actual.isJsonNull()) {
            return expected == null && (actual == null || actual.isJsonNull());
        }
        if (p.type() != null && expected.isJsonObject() && actual.isJsonObject()) {
            for (String k : expected.getAsJsonObject().keySet()) {
                Property inner = p.type().property(k).orElse(null);
                if (inner == null || !sameValue(expected.getAsJsonObject().get(k), actual.getAsJsonObject().get(k),
                        inner)) {
                    return false;
                }
            }
            return true;
        }
        return equal(expected, actual, p);
    }

    /** Compares two JSON values the way the property's type means them. */
    static boolean equal(JsonElement expected, JsonElement actual, Property p) {
        if (!expected.isJsonPrimitive() || !actual.isJsonPrimitive()) {
            return expected.equals(actual);
        }
        String e = expected.getAsString().trim();
        String a = actual.getAsString().trim();
        if (p.kind() == Property.Kind.DESCRIPTOR) {
            return DescriptorUri.codeValueOf(e).equalsIgnoreCase(DescriptorUri.codeValueOf(a));
        }
        ScalarType t = p.scalarType() == null ? ScalarType.STRING : p.scalarType();
        try {
            switch (t) {
                case BOOLEAN:
                    return Boolean.parseBoolean(e) == Boolean.parseBoolean(a)
                            && (a.equalsIgnoreCase("true") || a.equalsIgnoreCase("false"));
                case INT32:
                case INT64:
                case NUMBER:
                    return new BigDecimal(e).compareTo(new BigDecimal(a)) == 0;
                case DATE:
                case DATE_TIME:
                    return LocalDate.parse(e.substring(0, 10)).equals(LocalDate.parse(a.substring(0, Math.min(10,
                            a.length()))));
                case TIME:
                    return LocalTime.parse(e).equals(LocalTime.parse(a));
                default:
                    return e.equals(a);
            }
        } catch (RuntimeException ex) {
            return e.equals(a);
        }
    }

    private static JsonObject item(JsonObject obj, String name, int index) {
        if (obj == null || !obj.has(name) || !obj.get(name).isJsonArray()) {
            return null;
        }
        JsonArray arr = obj.getAsJsonArray(name);
        return index < arr.size() && arr.get(index).isJsonObject() ? arr.get(index).getAsJsonObject() : null;
    }

    private static JsonArray array(JsonObject obj, String name) {
        JsonElement v = obj.get(name);
        return v != null && v.isJsonArray() ? v.getAsJsonArray() : null;
    }

    /** "{cteProgramServiceDescriptor=Information Technology}": the identity of an item, code values only. */
    private static String describe(JsonElement item, ObjectType type) {
        if (item == null || !item.isJsonObject()) {
            return String.valueOf(item);
        }
        JsonObject o = item.getAsJsonObject();
        Map<String, String> id = new LinkedHashMap<>();
        if (type != null) {
            for (Property p : type.identityProperties()) {
                if (o.has(p.name())) {
                    JsonElement v = o.get(p.name());
                    id.put(p.name(), v.isJsonPrimitive() ? DescriptorUri.codeValueOf(v.getAsString()) : v.toString());
                }
            }
        }
        return id.isEmpty() ? o.toString() : id.toString();
    }

    private static String display(ExpectedValue v) {
        if (v instanceof ExpectedValue.Descriptor d) {
            return d.codeValue();
        }
        if (v instanceof ExpectedValue.Text t) {
            return t.value();
        }
        if (v instanceof ExpectedValue.Number n) {
            return n.value().toPlainString();
        }
        if (v instanceof ExpectedValue.Bool b) {
            return String.valueOf(b.value());
        }
        if (v instanceof ExpectedValue.Date d) {
            return d.value().toString();
        }
        if (v instanceof ExpectedValue.NeedsSystemValue n) {
            return n.placeholder();
        }
        if (v instanceof ExpectedValue.Unresolved u) {
            return u.raw();
        }
        return "";
    }

    private static String text(JsonElement a) {
        return a == null ? null : a.isJsonPrimitive() ? a.getAsString() : a.toString();
    }
}
