package io.github.edfisdk.load;

import com.google.gson.JsonArray;
import com.google.gson.JsonElement;
import com.google.gson.JsonObject;
import io.github.edfisdk.client.DocumentClient;
import io.github.edfisdk.model.DescriptorUri;
import io.github.edfisdk.model.DocumentValidator;
import io.github.edfisdk.model.DataStandardModel;
import io.github.edfisdk.model.NaturalKey;
import io.github.edfisdk.model.ObjectType;
import io.github.edfisdk.model.Property;
import io.github.edfisdk.model.PropertyPath;
import io.github.edfisdk.model.ResourceModel;
import io.github.edfisdk.model.ValidationError;
import java.io.IOException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Checks input files against the spec without sending them: the API's document rules ({@link DocumentValidator}:
 * types, required, lengths, descriptor URI format...), descriptor values (the Data Standard's defaults, the
 * descriptors in the input, or the target's), references (to a record in the input, or on the target when one is
 * given), and natural keys given twice. Reports in the loader's error format.
 *
 * <p>A reference to an item that is not in the input cannot be checked offline: the item may well be in the ODS
 * already (a delta file's students point at existing schools). Offline such references are therefore warnings,
 * "unresolved offline", listed once per distinct reference and leaving the record valid ({@link References#WARN});
 * {@link References#ERROR} makes them fail their record, for an input that must be complete. With a target they are
 * looked up there (an abstract {@code educationOrganizationReference} in every concrete education organization of
 * the spec), and one found nowhere fails its record.
 *
 * <p>Memory: records are streamed twice; between the passes the natural keys, reference keys and descriptor values of
 * the input are kept as strings (about 150 bytes a record), the one part that grows with the input.
 */
public final class OfflineValidator {
    /** What a reference to an item that is neither in the input nor (when looked up) on the target is. */
    public enum References {
        /** The record is invalid (exit code 1). */
        ERROR,
        /** A warning listed in the report; the record stays valid. */
        WARN
    }

    /** A reference not resolved, with how many records carry it and where the first one is. */
    public record UnresolvedReference(String property, String reference, long count, String firstAt) {
    }

    private static final int UNRESOLVED_LISTED = 50;
    private final DataStandardModel model;
    private final DocumentClient target;
    private final Path csvMapping;
    private final Map<String, Boolean> targetLookups = new ConcurrentHashMap<>();
    private References references;
    private final Map<String, Object[]> unresolved = new LinkedHashMap<>();
    private String checking;

    /**
     * @param target the API to resolve references and descriptors the input does not provide, or null (offline)
     */
    public OfflineValidator(DataStandardModel model, DocumentClient target, Path csvMapping) {
        this.model = model;
        this.target = target;
        this.csvMapping = csvMapping;
        this.references = target == null ? References.WARN : References.ERROR;
    }

    /** How unresolved references count (default: WARN offline, ERROR with a target). */
    public OfflineValidator references(References policy) {
        this.references = java.util.Objects.requireNonNull(policy, "policy");
        return this;
    }

    /** Validates the files; each bad record becomes one {@link RecordFailure} in {@code errors}. */
    public ValidationReport validate(List<Path> paths, ErrorLog errors) throws IOException {
        long started = System.nanoTime();
        List<InputFile> files = Inputs.open(paths, model, csvMapping);
        Map<String, Set<String>> keysByResource = new HashMap<>();
        Set<String> descriptors = new HashSet<>();
        for (InputFile f : files) {
            f.read(r -> true, true, rec -> {
                if (rec.readable()) {
                    keysByResource.computeIfAbsent(rec.resource().name(), k -> new HashSet<>())
                            .add(ReferenceKeys.ofRecord(rec.resource(), rec.document()));
                    if (rec.resource().isDescriptor()) {
                        descriptorUri(rec.resource(), rec.document()).ifPresent(descriptors::add);
                    }
                }
            });
        }
        Map<String, String> firstSeen = new HashMap<>();
        Map<String, long[]> counts = new TreeMap<>();
        for (InputFile f : files) {
            f.read(r -> true, true, rec -> {
                String name = rec.resource() == null ? "(unknown resource)" : rec.resource().name();
                long[] c = counts.computeIfAbsent(name, k -> new long[2]);
                RecordFailure failure = check(rec, keysByResource, descriptors, firstSeen);
                if (failure == null) {
                    c[0]++;
                } else {
                    c[1]++;
                    errors.add(failure);
                }
            });
        }
        List<UnresolvedReference> warnings = new ArrayList<>();
        unresolved.forEach((k, v) -> warnings.add(new UnresolvedReference((String) v[0], (String) v[1],
                ((long[]) v[2])[0], (String) v[3])));
        unresolved.clear();
        return new ValidationReport(counts, errors.count(), Duration.ofNanos(System.nanoTime() - started), warnings,
                target == null);
    }

    private RecordFailure check(InputRecord rec, Map<String, Set<String>> keys, Set<String> descriptors,
                                Map<String, String> firstSeen) {
        String resource = rec.resource() == null ? null : rec.resource().name();
        if (!rec.readable()) {
            return new RecordFailure(rec.source(), rec.line(), resource, null, 0, RecordFailure.MALFORMED,
                    rec.readError(), Map.of());
        }
        ResourceModel r = rec.resource();
        JsonObject doc = rec.document();
        NaturalKey key = r.naturalKey(doc);
        Map<String, List<String>> problems = new LinkedHashMap<>();
        String type = null;
        for (ValidationError e : DocumentValidator.get().validate(r, doc)) {
            problems.computeIfAbsent(e.path(), k -> new ArrayList<>()).add(e.message());
            type = type == null ? RecordFailure.INVALID : type;
        }
        List<String[]> found = new ArrayList<>();
        checking = rec.source() + ":" + rec.line();
        walk(r.body(), doc, "$", keys, descriptors, found);
        for (String[] f : found) {
            problems.computeIfAbsent(f[1], k -> new ArrayList<>()).add(f[2]);
            type = type == null ? f[0] : type;
        }
        if (key.isComplete()) {
            String where = rec.source() + ":" + rec.line();
            String first = firstSeen.putIfAbsent(key.canonical(), where);
            if (first != null) {
                problems.computeIfAbsent("$", k -> new ArrayList<>())
                        .add("The natural key " + key.values() + " was given before, at " + first + ".");
                type = type == null ? RecordFailure.DUPLICATE_KEY : type;
            }
        }
        if (problems.isEmpty()) {
            return null;
        }
        int n = problems.values().stream().mapToInt(List::size).sum();
        String message = n == 1 ? problems.values().iterator().next().get(0) : n + " problems";
        return new RecordFailure(rec.source(), rec.line(), r.name(), key.values(), 0, type, message, problems);
    }

    /** Descriptor values and references, at any depth (collections and nested objects included). */
    private void walk(ObjectType type, JsonObject obj, String path, Map<String, Set<String>> keys, Set<String> descriptors,
                      List<String[]> found) {
        for (Property p : type.properties()) {
            JsonElement v = obj.get(p.name());
            if (v == null || v.isJsonNull()) {
                continue;
            }
            String at = path + "." + p.name();
            switch (p.kind()) {
                case DESCRIPTOR -> checkDescriptor(p, v, at, descriptors, found);
                case REFERENCE -> {
                    if (v.isJsonObject()) {
                        checkReference(p, v.getAsJsonObject(), at, keys, found);
                    }
                }
                case OBJECT -> {
                    if (v.isJsonObject()) {
                        walk(p.type(), v.getAsJsonObject(), at, keys, descriptors, found);
                    }
                }
                case COLLECTION -> {
                    if (v.isJsonArray()) {
                        JsonArray a = v.getAsJsonArray();
                        for (int i = 0; i < a.size(); i++) {
                            JsonElement item = a.get(i);
                            String itemAt = at + "[" + i + "]";
                            if (p.type() != null && item.isJsonObject()) {
                                walk(p.type(), item.getAsJsonObject(), itemAt, keys, descriptors, found);
                            } else if (p.descriptorName() != null) {
                                checkDescriptor(p, item, itemAt, descriptors, found);
                            }
                        }
                    }
                }
                default -> { }
            }
        }
    }

    private void checkDescriptor(Property p, JsonElement v, String at, Set<String> descriptors, List<String[]> found) {
        if (!v.isJsonPrimitive() || !DescriptorUri.isWellFormed(v.getAsString())) {
            return; // the document rules report the format
        }
        String uri = v.getAsString();
        if (model.descriptorValues().contains(uri) || descriptors.contains(uri.toLowerCase(Locale.ROOT))
                || onTarget(DescriptorUri.parse(uri))) {
            return;
        }
        found.add(new String[] {RecordFailure.UNKNOWN_DESCRIPTOR, at, "'" + uri + "' is not a known "
                + p.descriptorName() + " value (not a default Ed-Fi value, not in the input"
                + (target == null ? ")." : ", not on the target).")});
    }

    private void checkReference(Property p, JsonObject ref, String at, Map<String, Set<String>> keys, List<String[]> found) {
        String key = ReferenceKeys.ofReference(ref);
        List<String> targets = p.referenceTargets();
        for (String t : targets) {
            Set<String> k = keys.get(t);
            if (k != null && k.contains(key)) {
                return;
            }
        }
        if (targets.contains("SchoolYearType") && ref.size() == 1 && ref.has("schoolYear")) {
            return; // every ODS ships the school years (the sandbox's minimal seed too)
        }
        if (onTarget(targets, ref)) {
            return;
        }
        if (references == References.WARN) {
            JsonObject shown = ref.deepCopy();
            shown.remove("link");
            Object[] u = unresolved.computeIfAbsent(p.name() + "|" + key, k -> new Object[] {p.name(), shown.toString(),
                    new long[1], checking});
            ((long[]) u[2])[0]++;
            return;
        }
        found.add(new String[] {RecordFailure.UNRESOLVED_REFERENCE, at, "The referenced "
                + (targets.size() == 1 ? "'" + targets.get(0) + "'" : "item (" + String.join(", ", targets) + ")")
                + " " + ref + " is not in the input" + (target == null ? "" : " nor on the target") + "."});
    }

    private boolean onTarget(DescriptorUri uri) {
        if (target == null) {
            return false;
        }
        return targetLookups.computeIfAbsent("d|" + uri.toString().toLowerCase(Locale.ROOT), k -> {
            try {
                ResourceModel d = model.resource(uri.descriptorName()).orElse(null);
                return d != null && target.query(d.path(), Map.of("namespace", uri.descriptorNamespace(),
                        "codeValue", uri.codeValue()), 1).stream().findAny().isPresent();
            } catch (RuntimeException e) {
                return false;
            }
        });
    }

    /**
     * Looks a reference up in each resource it may point to, translating its field names to that resource's query
     * names ({@code educationOrganizationId} of an abstract reference is a LocalEducationAgency's
     * {@code localEducationAgencyId}).
     */
    private boolean onTarget(List<String> targets, JsonObject ref) {
        if (target == null) {
            return false;
        }
        return targetLookups.computeIfAbsent("r|" + targets + ref, k -> {
            for (String t : targets) {
                ResourceModel r = model.resource(t).orElse(null);
                if (r == null) {
                    continue;
                }
                Map<String, String> params = new LinkedHashMap<>();
                boolean all = true;
                for (Map.Entry<String, JsonElement> e : ref.entrySet()) {
                    if (e.getKey().equals("link")) {
                        continue;
                    }
                    String name = queryName(r, e.getKey());
                    if (name == null || !e.getValue().isJsonPrimitive()) {
                        all = false;
                        break;
                    }
                    params.put(name, e.getValue().getAsString());
                }
                try {
                    if (all && target.query(r.path(), params, 1).stream().findAny().isPresent()) {
                        return true;
                    }
                } catch (RuntimeException e) {
                    // unreachable or refused: not resolvable there
                }
            }
            return false;
        });
    }

    /** The query name of {@code r} that filters on where a reference's key field lives in r's documents, or null. */
    private static String queryName(ResourceModel r, String referenceField) {
        if (!r.queryParameter(referenceField).isEmpty()) {
            return referenceField;
        }
        PropertyPath path = r.referenceFieldPath(referenceField).orElse(null);
        if (path == null) {
            return null;
        }
        for (Map.Entry<String, List<PropertyPath>> q : r.queryParameterPaths().entrySet()) {
            if (q.getValue().contains(path)) {
                return q.getKey();
            }
        }
        return null;
    }

    private static java.util.Optional<String> descriptorUri(ResourceModel r, JsonObject doc) {
        JsonElement ns = doc.get("namespace");
        JsonElement code = doc.get("codeValue");
        if (ns == null || code == null || !ns.isJsonPrimitive() || !code.isJsonPrimitive()) {
            return java.util.Optional.empty();
        }
        return java.util.Optional.of((ns.getAsString() + "#" + code.getAsString()).toLowerCase(Locale.ROOT));
    }

    /**
     * @param records per resource: {valid, invalid}
     */
    public record ValidationReport(Map<String, long[]> records, long invalid, Duration elapsed,
                                   List<UnresolvedReference> unresolved, boolean offline) {
        public ValidationReport {
            unresolved = List.copyOf(unresolved);
        }

        public ValidationReport(Map<String, long[]> records, long invalid, Duration elapsed) {
            this(records, invalid, elapsed, List.of(), true);
        }

        /** 0 when no record is invalid (unresolved-reference warnings do not count), else 1. */
        public int exitCode() {
            return invalid == 0 ? 0 : 1;
        }

        public String format() {
            StringBuilder b = new StringBuilder(String.format("%-52s %10s %10s%n", "resource", "valid", "invalid"));
            long valid = 0;
            for (Map.Entry<String, long[]> e : records.entrySet()) {
                b.append(String.format("%-52s %10d %10d%n", e.getKey(), e.getValue()[0], e.getValue()[1]));
                valid += e.getValue()[0];
            }
            b.append(String.format("%-52s %10d %10d%n", "TOTAL", valid, invalid));
            if (!unresolved.isEmpty()) {
                long n = unresolved.stream().mapToLong(UnresolvedReference::count).sum();
                b.append(String.format("WARNING: %d references (%d distinct) %s (the records count as valid; "
                        + "%s):%n", n, unresolved.size(), offline ? "unresolved offline: not in the input, not checked"
                        + " on an ODS" : "not in the input nor on the target", offline ? "give --base-url to look them"
                        + " up, or --references error to fail them" : "--references error fails them"));
                unresolved.stream().limit(UNRESOLVED_LISTED).forEach(u -> b.append(String.format(
                        "  %s %s: %d reference%s, first at %s%n", u.property(), u.reference(), u.count(),
                        u.count() == 1 ? "" : "s", u.firstAt())));
                if (unresolved.size() > UNRESOLVED_LISTED) {
                    b.append(String.format("  ... and %d more distinct references%n", unresolved.size() - UNRESOLVED_LISTED));
                }
            }
            return b.toString();
        }
    }
}
