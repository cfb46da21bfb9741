package io.github.edfisdk.model;

import com.google.gson.JsonArray;
import com.google.gson.JsonElement;
import com.google.gson.JsonObject;
import com.google.gson.JsonPrimitive;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.regex.Pattern;

/**
 * Checks a POST or PUT body against its resource's model with the rules and messages of the Ed-Fi ODS/API:
 * required properties, empty strings, string lengths, value types, partial references, duplicate collection items,
 * conflicting values of unified key fields and the descriptor URI format.
 *
 * <p>Checks that need data (does the descriptor value exist, does the referenced item exist) are not made here: the
 * sandbox runs them against its store, the loader against its input. Unknown properties are ignored, as the API does.
 * Stateless and thread-safe; it runs on every POST, so per-type property arrays are cached.
 */
public final class DocumentValidator {

    private static final Pattern DATE_TIME = Pattern.compile("\\d{4}-\\d{2}-\\d{2}([T ]\\d{2}:\\d{2}(:\\d{2}(\\.\\d+)?)?(Z|[+-]\\d{2}:?\\d{2})?)?");
    private static final Pattern TIME = Pattern.compile("\\d{2}:\\d{2}(:\\d{2}(\\.\\d+)?)?");

    private static final DocumentValidator INSTANCE = new DocumentValidator();

    private final Map<ObjectType, Property[]> propertiesByType = new ConcurrentHashMap<>();
    private final Map<ObjectType, Property[]> identityByType = new ConcurrentHashMap<>();

    /** The shared validator (it has no settings; its caches are keyed by the immutable model types). */
    public static DocumentValidator get() {
        return INSTANCE;
    }

    /** Every rule violation of the document, in document order; empty when it is valid. */
    public List<ValidationError> validate(ResourceModel resource, JsonObject document) {
        List<ValidationError> errors = new ArrayList<>();
        checkObject(resource.body(), document, "$", false, errors);
        checkUnifiedKeys(resource, document, errors);
        return errors;
    }

    /** @param keyFields whether every scalar of the object is a key field (the fields of a reference are) */
    private void checkObject(ObjectType type, JsonObject obj, String path, boolean keyFields, List<ValidationError> errors) {
        for (Property p : properties(type)) {
            JsonElement v = obj.get(p.name());
            String at = path + "." + p.name();
            if (v == null || v.isJsonNull()) {
                if (p.required()) {
                    errors.add(new ValidationError(at, pascal(p.name()) + " is required."));
                }
                continue;
            }
            switch (p.kind()) {
                case SCALAR -> checkScalar(p, p.scalarType(), v, at, keyFields || p.identity(), errors);
                case DESCRIPTOR -> checkDescriptor(p, v, at, errors);
                case REFERENCE -> checkReference(p, v, at, errors);
                case OBJECT -> {
                    if (!v.isJsonObject()) {
                        errors.add(new ValidationError(at, pascal(p.name()) + " must be an object."));
                    } else {
                        checkObject(p.type(), v.getAsJsonObject(), at, false, errors);
                    }
                }
                case COLLECTION -> checkCollection(p, v, at, errors);
            }
        }
    }

    private void checkScalar(Property p, ScalarType t, JsonElement v, String at, boolean keyField,
                             List<ValidationError> errors) {
        if (!v.isJsonPrimitive()) {
            errors.add(new ValidationError(at, typeMessage(p, v)));
            return;
        }
        JsonPrimitive prim = v.getAsJsonPrimitive();
        switch (t) {
            case STRING -> {
                // A number or boolean where the spec wants a string is refused, not turned into text (issue 11).
                if (!prim.isString()) {
                    errors.add(new ValidationError(at, typeMessage(p, v)));
                    return;
                }
                String s = prim.getAsString();
                if (s.isBlank()) {
                    if (p.required()) {
                        errors.add(new ValidationError(at, pascal(p.name()) + " is required and should not be left empty."));
                    }
                    return;
                }
                if (keyField && (Character.isWhitespace(s.charAt(0)) || Character.isWhitespace(s.charAt(s.length() - 1)))) {
                    // ODS/API 7.x: key strings are compared and stored as given, so padding would make a second identity.
                    errors.add(new ValidationError(at, pascal(p.name()) + " cannot contain leading or trailing spaces."));
                }
                checkLength(p, s, at, errors);
            }
            case INT32, INT64 -> {
                BigDecimal n = number(prim);
                if (n == null || n.stripTrailingZeros().scale() > 0 || !fits(n, t)) {
                    errors.add(new ValidationError(at, typeMessage(p, v)));
                } else if (n.signum() == 0 && keyField) {
                    // ODS/API's RequiredWithNonDefault on identifying values: an integer key may not keep its type's
                    // default (0). Non-key integers such as totalInstructionalDays (minimum 0) may be 0.
                    errors.add(new ValidationError(at, pascal(p.name()) + " value must be different than 0."));
                } else {
                    checkRange(p, t, n, at, errors);
                }
            }
            case NUMBER -> {
                BigDecimal n = number(prim);
                if (n == null || Double.isInfinite(n.doubleValue())) {
                    errors.add(new ValidationError(at, typeMessage(p, v)));
                } else {
                    checkRange(p, t, n, at, errors);
                }
            }
            case BOOLEAN -> {
                if (!isBoolean(prim)) {
                    errors.add(new ValidationError(at, typeMessage(p, v)));
                }
            }
            case DATE, DATE_TIME, TIME -> {
                String s = prim.getAsString().trim();
                if (s.isEmpty() && p.required()) {
                    errors.add(new ValidationError(at, pascal(p.name()) + " is required."));
                    return;
                }
                // Dates also accept a date-time form (the API reads "2024-08-23T00:00:00" as that date).
                Pattern pattern = t == ScalarType.TIME ? TIME : DATE_TIME;
                if (!pattern.matcher(s).matches() || (t != ScalarType.TIME && !isCalendarDate(s))) {
                    errors.add(new ValidationError(at, typeMessage(p, v)));
                }
            }
        }
    }

    private void checkDescriptor(Property p, JsonElement v, String at, List<ValidationError> errors) {
        if (!v.isJsonPrimitive() || !v.getAsJsonPrimitive().isString()) {
            errors.add(new ValidationError(at, typeMessage(p, v)));
            return;
        }
        String s = v.getAsString();
        if (s.isBlank()) {
            if (p.required()) {
                errors.add(new ValidationError(at, pascal(p.name()) + " is required and should not be left empty."));
            }
            return;
        }
        if (!DescriptorUri.isWellFormed(s)) {
            errors.add(new ValidationError(at, descriptorName(p) + " value '" + s + "' is not a valid value for use as a"
                    + " descriptor (a '#' is expected to delineate the namespace and code value portions)."));
            return;
        }
        checkLength(p, s, at, errors);
    }

    private void checkReference(Property p, JsonElement v, String at, List<ValidationError> errors) {
        if (!v.isJsonObject()) {
            errors.add(new ValidationError(at, pascal(p.name()) + " must be an object."));
            return;
        }
        JsonObject ref = v.getAsJsonObject();
        List<String> missing = new ArrayList<>();
        int present = 0;
        for (Property f : properties(p.type())) {
            JsonElement fv = ref.get(f.name());
            if (fv == null || fv.isJsonNull() || (fv.isJsonPrimitive() && fv.getAsJsonPrimitive().isString()
                    && fv.getAsString().isBlank())) {
                if (f.required()) {
                    missing.add(pascal(f.name()));
                }
            } else {
                present++;
            }
        }
        if (present == 0) {
            // An empty reference object is the same as no reference.
            if (p.required()) {
                errors.add(new ValidationError(at, pascal(p.name()) + " is required."));
            }
            return;
        }
        if (!missing.isEmpty()) {
            errors.add(new ValidationError(at, pascal(p.name()) + " is missing the following properties: "
                    + String.join(", ", missing)));
            return;
        }
        checkObject(p.type(), ref, at, true, errors);
    }

    private void checkCollection(Property p, JsonElement v, String at, List<ValidationError> errors) {
        if (!v.isJsonArray()) {
            errors.add(new ValidationError(at, pascal(p.name()) + " must be an array."));
            return;
        }
        JsonArray items = v.getAsJsonArray();
        if (p.required() && items.isEmpty()) {
            // ODS/API names the collection by its item entity: "BellScheduleClassPeriods must have at least one item."
            String name = p.type() == null ? pascal(p.name()) : plural(SpecReader.resourceName(p.type().name()));
            errors.add(new ValidationError(at, name + " must have at least one item."));
            return;
        }
        Set<String> seen = new HashSet<>();
        for (int i = 0; i < items.size(); i++) {
            JsonElement item = items.get(i);
            String itemPath = at + "[" + i + "]";
            if (p.type() == null) {
                if (item.isJsonNull()) {
                    continue;
                }
                checkScalar(p, p.scalarType(), item, itemPath, false, errors);
                if (item.isJsonPrimitive() && !seen.add(NaturalKey.canonicalValue(item))) {
                    errors.add(duplicate(p, i, at));
                }
                continue;
            }
            if (!item.isJsonObject()) {
                errors.add(new ValidationError(itemPath, pascal(p.name()) + " items must be objects."));
                continue;
            }
            int before = errors.size();
            checkObject(p.type(), item.getAsJsonObject(), itemPath, false, errors);
            if (errors.size() == before && !seen.add(itemKey(p.type(), item.getAsJsonObject()))) {
                errors.add(duplicate(p, i, at));
            }
        }
    }

    /**
     * Reported at the collection with its JSON name, as the ODS/API Data Management Service does (its end-to-end tests
     * expect {@code "$.performanceLevels": ["The 2nd item of the performanceLevels has the same identifying values ..."]}).
     */
    private static ValidationError duplicate(Property p, int index, String collectionPath) {
        return new ValidationError(collectionPath, "The " + ordinal(index + 1) + " item of the " + p.name()
                + " has the same identifying values as another item earlier in the list.");
    }

    /** The plural an ODS collection class has: Address -> Addresses, Category -> Categories, Period -> Periods. */
    static String plural(String name) {
        if (name.endsWith("y") && name.length() > 1 && "aeiou".indexOf(name.charAt(name.length() - 2)) < 0) {
            return name.substring(0, name.length() - 1) + "ies";
        }
        if (name.endsWith("s") || name.endsWith("x") || name.endsWith("ch") || name.endsWith("sh")) {
            return name + "es";
        }
        return name + "s";
    }

    /** The identifying values of a collection item (all of it when the spec marks no identity). */
    private String itemKey(ObjectType type, JsonObject item) {
        Property[] ids = identityByType.computeIfAbsent(type, t -> t.identityProperties().toArray(new Property[0]));
        if (ids.length == 0) {
            return item.toString();
        }
        StringBuilder sb = new StringBuilder();
        for (Property id : ids) {
            JsonElement v = item.get(id.name());
            if (v == null || v.isJsonNull()) {
                sb.append('\u2205');
            } else if (v.isJsonObject()) {
                for (Map.Entry<String, JsonElement> e : new java.util.TreeMap<>(v.getAsJsonObject().asMap()).entrySet()) {
                    if (!e.getKey().equals("link") && e.getValue().isJsonPrimitive()) {
                        sb.append(e.getKey()).append('=').append(NaturalKey.canonicalValue(e.getValue())).append(',');
                    }
                }
            } else {
                sb.append(NaturalKey.canonicalValue(v));
            }
            sb.append('\u001f');
        }
        return sb.toString();
    }

    /** Key fields shared by several references (and the root) must carry one value, e.g. every {@code schoolId}. */
    private void checkUnifiedKeys(ResourceModel resource, JsonObject doc, List<ValidationError> errors) {
        for (Map.Entry<String, List<PropertyPath>> e : resource.queryParameterPaths().entrySet()) {
            List<PropertyPath> paths = e.getValue();
            if (paths.size() < 2) {
                continue;
            }
            Map<String, String> values = new LinkedHashMap<>();
            List<PropertyPath> given = new ArrayList<>();
            for (PropertyPath path : paths) {
                JsonElement v = path.get(doc).orElse(null);
                if (v == null || !v.isJsonPrimitive()) {
                    continue;
                }
                given.add(path);
                values.putIfAbsent(NaturalKey.canonicalValue(v), v.getAsString());
            }
            if (values.size() > 1) {
                // Every path that holds one of the values is named, as ODS/API 7.x and the Data Management Service do.
                String message = "All values supplied for '" + e.getKey() + "' must match. Review all references"
                        + " (including those higher up in the resource's data) and align the following conflicting"
                        + " values: '" + String.join("', '", values.values()) + "'";
                for (PropertyPath path : given) {
                    errors.add(new ValidationError(path.jsonPath(), message));
                }
            }
        }
    }

    /** ODS/API's StringLength messages: "between 5 and 80" when the spec has a minLength, else "at most 75". */
    private static void checkLength(Property p, String s, String at, List<ValidationError> errors) {
        int length = s.length();
        int min = p.minLength().orElse(0);
        if (p.maxLength().isPresent() && min > 0) {
            int max = p.maxLength().getAsInt();
            if (length < min || length > max) {
                errors.add(new ValidationError(at, pascal(p.name()) + " must be between " + min + " and " + max
                        + " characters in length."));
            }
        } else if (p.maxLength().isPresent() && length > p.maxLength().getAsInt()) {
            errors.add(new ValidationError(at, pascal(p.name()) + " must be at most " + p.maxLength().getAsInt()
                    + " characters in length."));
        } else if (length < min) {
            errors.add(new ValidationError(at, pascal(p.name()) + " must be at least " + min + " characters in length."));
        }
    }

    /**
     * The spec's minimum/maximum, with ODS/API's Range message; a missing bound is the type's limit, as the ODS's
     * generated Range attributes have it.
     */
    private static void checkRange(Property p, ScalarType t, BigDecimal n, String at, List<ValidationError> errors) {
        if (p.minimum().isEmpty() && p.maximum().isEmpty()) {
            return;
        }
        BigDecimal min = p.minimum().orElse(null);
        BigDecimal max = p.maximum().orElse(t == ScalarType.INT32 ? BigDecimal.valueOf(Integer.MAX_VALUE)
                : t == ScalarType.INT64 ? BigDecimal.valueOf(Long.MAX_VALUE) : null);
        if (min == null) {
            min = t == ScalarType.INT32 ? BigDecimal.valueOf(Integer.MIN_VALUE)
                    : t == ScalarType.INT64 ? BigDecimal.valueOf(Long.MIN_VALUE) : null;
        }
        if ((min != null && n.compareTo(min) < 0) || (max != null && n.compareTo(max) > 0)) {
            errors.add(new ValidationError(at, pascal(p.name()) + " must be between " + plain(min) + " and " + plain(max) + "."));
        }
    }

    private static String plain(BigDecimal n) {
        return n == null ? "" : n.stripTrailingZeros().toPlainString();
    }

    private Property[] properties(ObjectType type) {
        return propertiesByType.computeIfAbsent(type, t -> t.properties().toArray(new Property[0]));
    }

    /** Numeric JSON values and numeric strings (the API accepts both). */
    static BigDecimal number(JsonPrimitive p) {
        if (p.isBoolean()) {
            return null;
        }
        try {
            return new BigDecimal(p.getAsString().trim());
        } catch (NumberFormatException e) {
            return null;
        }
    }

    private static boolean fits(BigDecimal n, ScalarType t) {
        try {
            long l = n.longValueExact();
            return t != ScalarType.INT32 || (l >= Integer.MIN_VALUE && l <= Integer.MAX_VALUE);
        } catch (ArithmeticException e) {
            return false;
        }
    }

    /** 2024-02-30 has the right shape but is not a date. */
    private static boolean isCalendarDate(String s) {
        try {
            java.time.LocalDate.parse(s.substring(0, 10));
            return true;
        } catch (java.time.DateTimeException e) {
            return false;
        }
    }

    /** true/false, "true"/"false" and 0/1 are booleans to the API. */
    static boolean isBoolean(JsonPrimitive p) {
        if (p.isBoolean()) {
            return true;
        }
        String s = p.getAsString().trim();
        return s.equalsIgnoreCase("true") || s.equalsIgnoreCase("false") || s.equals("0") || s.equals("1");
    }

    private static String typeMessage(Property p, JsonElement v) {
        String expected = switch (p.kind() == Property.Kind.DESCRIPTOR ? ScalarType.STRING : p.scalarType()) {
            case STRING -> "a string";
            case INT32 -> "a 32-bit integer";
            case INT64 -> "a 64-bit integer";
            case NUMBER -> "a number";
            case BOOLEAN -> "a boolean";
            case DATE -> "a date (yyyy-MM-dd)";
            case DATE_TIME -> "a date-time (ISO 8601)";
            case TIME -> "a time (HH:mm:ss)";
        };
        String shown = v.isJsonPrimitive() ? v.getAsString() : v.toString();
        if (shown.length() > 60) {
            shown = shown.substring(0, 60) + "...";
        }
        return "The value '" + shown + "' is not valid for " + pascal(p.name()) + ": " + expected + " is expected.";
    }

    private static String descriptorName(Property p) {
        return p.descriptorName() != null ? p.descriptorName() : pascal(p.name());
    }

    /** {@code lastSurname} -> {@code LastSurname}, as the API names properties in its messages. */
    public static String pascal(String name) {
        return name.isEmpty() ? name : Character.toUpperCase(name.charAt(0)) + name.substring(1);
    }

    /** 1st, 2nd, 3rd, 4th ... 11th, 12th, 13th, 21st ... */
    static String ordinal(int n) {
        int mod100 = n % 100;
        String suffix = (mod100 >= 11 && mod100 <= 13) ? "th" : switch (n % 10) {
            case 1 -> "st";
            case 2 -> "nd";
            case 3 -> "rd";
            default -> "th";
        };
        return n + suffix;
    }
}
