package io.github.edfisdk.certification.catalog;

import io.github.edfisdk.certification.ScenarioContext;
import io.github.edfisdk.model.DescriptorUri;
import io.github.edfisdk.model.Property;
import io.github.edfisdk.model.ScalarType;
import java.math.BigDecimal;
import java.time.DateTimeException;
import java.time.LocalDate;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Turns one cleaned cell value into an {@link ExpectedValue} of the property's type, with the scenario context:
 * {@code [Current School Year]} in every spelling and date form of the pages (M/D/[Y], MM/DD/[Y], [Y]-MM-DD,
 * M/D/YYYY, YYYY-MM-DD, M/D without a year, and the broken {@code 09/01/  [Y]} and {@code 9/14//[Y]}), five years
 * before it, "Current Date", system-value placeholders, descriptors (code values), booleans and numbers.
 */
public final class ValueResolver {
    private static final String CSY = "\\[\\s*current\\s+school\\s+year\\s*]";
    private static final Pattern IF_POSSIBLE = Pattern.compile(
            "(?i)^\\[\\s*\"?([^\"|]*?)\"?\\s+if\\s+possible\\s*\\|\\s*system\\s+values?\\s*]$");
    private static final Pattern CALCULATED = Pattern.compile(
            "(?i)^\\[\\s*(?:previous\\s+)?system\\s*calculated\\s+value[^|]*\\|\\s*([^\\]]*?)\\s*]$");
    private static final Pattern SYSTEM = Pattern.compile("(?i)^\\[\\s*system\\s+values?\\s*]$");
    private static final Pattern YEAR = Pattern.compile("(?i)^" + CSY + "$");
    private static final Pattern FIVE_YEARS = Pattern.compile(
            "(?i)^\\[\\s*(five\\s+years\\s+prior\\s+to\\s+current\\s+school\\s+year|school\\s+year\\s+five\\s+years\\s+ago)\\s*]$");
    private static final Pattern MDY_PLACEHOLDER = Pattern.compile("(?i)^(\\d{1,2})/(\\d{1,2})/+" + CSY + "$");
    private static final Pattern YMD_PLACEHOLDER = Pattern.compile("(?i)^" + CSY + "-(\\d{1,2})-(\\d{1,2})$");
    private static final Pattern MDY = Pattern.compile("^(\\d{1,2})/(\\d{1,2})/(\\d{4})$");
    private static final Pattern YMD = Pattern.compile("^(\\d{4})-(\\d{1,2})-(\\d{1,2})(?:T.*)?$");
    private static final Pattern MD = Pattern.compile("^(\\d{1,2})/(\\d{1,2})$");
    private static final Pattern PLACEHOLDER = Pattern.compile("\\[[^\\]]+]");

    private ValueResolver() {
    }

    /**
     * @param text     a cleaned cell part ({@link Cell#parts()})
     * @param property the spec property of the row, or null when the row is not resolved
     * @param path     the row's property path (a key for system values), or null
     */
    public static ExpectedValue resolve(String text, Property property, String path, ScenarioContext ctx) {
        String t = text == null ? "" : text.trim();
        if (t.isEmpty()) {
            return new ExpectedValue.Absent();
        }
        String suggested = null;
        boolean system = false;
        Matcher m = IF_POSSIBLE.matcher(t);
        if (m.matches()) {
            system = true;
            suggested = m.group(1).trim();
        } else if ((m = CALCULATED.matcher(t)).matches()) {
            system = true;
            suggested = m.group(1).trim();
        } else if (SYSTEM.matcher(t).matches()) {
            system = true;
        }
        if (system) {
            // most specific first: "207220" of ["207220" if possible | system value], the path, the cell text
            String v = ctx.systemValue(suggested, path, t).orElse(null);
            if (v == null && ctx.acceptSuggestedSystemValues() && suggested != null && !suggested.isEmpty()) {
                v = suggested;
            }
            if (v == null && ctx.generateSystemValues()) {
                return generated(path == null ? t : path, property, ctx);
            }
            return v == null ? new ExpectedValue.NeedsSystemValue(t, suggested) : typed(v, property);
        }
        String given = ctx.systemValue(t).orElse(null);
        if (given != null) {
            return typed(given, property);
        }
        String compact = t.replaceAll("\\s+", " ").replaceAll("/\\s+", "/");
        if (YEAR.matcher(compact).matches()) {
            return yearValue(ctx.schoolYear(), t, property);
        }
        if (FIVE_YEARS.matcher(compact).matches()) {
            return yearValue(ctx.schoolYear() - 5, t, property);
        }
        if ((m = MDY_PLACEHOLDER.matcher(compact)).matches() || (m = YMD_PLACEHOLDER.matcher(compact)).matches()) {
            int month = Integer.parseInt(m.group(1));
            int day = Integer.parseInt(m.group(2));
            return date(t, () -> ctx.dateInSchoolYear(month, day));
        }
        if (compact.equalsIgnoreCase("current date")) {
            return new ExpectedValue.Date(ctx.today());
        }
        if (compact.equalsIgnoreCase("future date")) {
            if (ctx.generateSystemValues()) {
                return new ExpectedValue.Date(ctx.today().plusYears(1));
            }
            return new ExpectedValue.Unresolved(t, "'Future Date' names no date: give one with"
                    + " --system-value 'Future Date=2026-06-30' (Java: ScenarioContext.builder().systemValue(\"Future"
                    + " Date\", \"2026-06-30\"))");
        }
        if (PLACEHOLDER.matcher(compact).find()) {
            // "[Native URI]/AcademicSubjectDescriptor": placeholders inside a value, from the context
            Matcher ph = PLACEHOLDER.matcher(compact);
            StringBuilder sb = new StringBuilder();
            boolean all = true;
            while (ph.find()) {
                String key = ph.group();
                String v = ctx.systemValue(key).orElse(key.equalsIgnoreCase("[Native URI]")
                        ? ctx.descriptorNamespace() : null);
                all &= v != null;
                ph.appendReplacement(sb, Matcher.quoteReplacement(v == null ? key : v));
            }
            ph.appendTail(sb);
            if (all) {
                return typed(sb.toString(), property);
            }
            if (ctx.generateSystemValues() && ph.reset().find() && ph.group().length() == compact.length()) {
                return generated(compact, property, ctx);
            }
            return new ExpectedValue.Unresolved(t, "placeholder with no value: give one with --system-value '" + t
                    + "=VALUE' (Java: ScenarioContext.builder().systemValue(\"" + t + "\", value))");
        }
        if (property != null && isDate(property) && (m = MD.matcher(compact)).matches()) {
            Matcher md = m;
            return date(t, () -> ctx.dateInSchoolYear(Integer.parseInt(md.group(1)), Integer.parseInt(md.group(2))));
        }
        return typed(t, property);
    }

    /**
     * The value the SDK assigns, acting as the vendor's system, to a system value or a placeholder the tester did
     * not give (send mode): the same text always gives the same value, so pages that share it agree.
     */
    static ExpectedValue generated(String text, Property property, ScenarioContext ctx) {
        ScalarType type = property == null || property.scalarType() == null ? ScalarType.STRING : property.scalarType();
        String letters = text.replaceAll("[^A-Za-z0-9]", "");
        switch (type) {
            case INT32:
            case INT64:
            case NUMBER:
                return new ExpectedValue.Number(BigDecimal.valueOf(1 + Math.floorMod(letters.hashCode(), 9000)));
            case DATE:
            case DATE_TIME:
                return new ExpectedValue.Date(ctx.today());
            case BOOLEAN:
                return new ExpectedValue.Bool(false);
            default:
                String v = "SYS" + (letters.length() > 40 ? letters.substring(letters.length() - 40) : letters);
                int max = property == null ? 60 : property.maxLength().orElse(60);
                return typed(v.length() > max ? v.substring(0, max) : v, property);
        }
    }

    private static ExpectedValue yearValue(int year, String raw, Property property) {
        if (property != null && isDate(property)) {
            return new ExpectedValue.Unresolved(raw, "a school year where the spec wants a date");
        }
        return new ExpectedValue.Number(BigDecimal.valueOf(year));
    }

    private interface DateSupplier {
        LocalDate get();
    }

    private static ExpectedValue date(String raw, DateSupplier s) {
        try {
            return new ExpectedValue.Date(s.get());
        } catch (DateTimeException e) {
            return new ExpectedValue.Unresolved(raw, "not a calendar date: " + e.getMessage());
        }
    }

    private static boolean isDate(Property p) {
        return p.scalarType() == ScalarType.DATE || p.scalarType() == ScalarType.DATE_TIME;
    }

    /** A literal value typed by the property. */
    static ExpectedValue typed(String t, Property property) {
        if (property == null) {
            return new ExpectedValue.Text(t);
        }
        if (property.kind() == Property.Kind.DESCRIPTOR) {
            return new ExpectedValue.Descriptor(property.descriptorName(), DescriptorUri.codeValueOf(t));
        }
        if (property.kind() == Property.Kind.REFERENCE || property.kind() == Property.Kind.OBJECT
                || property.isCollectionOfObjects()) {
            return new ExpectedValue.Unresolved(t, "a value in a row that declares " + property.name()
                    + " (an object), not a value");
        }
        ScalarType type = property.scalarType() == null ? ScalarType.STRING : property.scalarType();
        switch (type) {
            case BOOLEAN: {
                String b = t.toLowerCase(Locale.ROOT);
                if (b.equals("true") || b.equals("yes")) {
                    return new ExpectedValue.Bool(true);
                }
                if (b.equals("false") || b.equals("no")) {
                    return new ExpectedValue.Bool(false);
                }
                return new ExpectedValue.Unresolved(t, "'" + t + "' is not a boolean (the spec types "
                        + property.name() + " as boolean)");
            }
            case INT32:
            case INT64:
            case NUMBER:
                try {
                    BigDecimal d = new BigDecimal(t.replace(",", "").replace("$", ""));
                    if (type != ScalarType.NUMBER && d.stripTrailingZeros().scale() > 0) {
                        return new ExpectedValue.Unresolved(t, "'" + t + "' is not an integer");
                    }
                    return new ExpectedValue.Number(d);
                } catch (NumberFormatException e) {
                    return new ExpectedValue.Unresolved(t, "'" + t + "' is not a number (the spec types "
                            + property.name() + " as " + type + ")");
                }
            case DATE:
            case DATE_TIME: {
                Matcher m = MDY.matcher(t);
                try {
                    if (m.matches()) {
                        return new ExpectedValue.Date(LocalDate.of(Integer.parseInt(m.group(3)),
                                Integer.parseInt(m.group(1)), Integer.parseInt(m.group(2))));
                    }
                    m = YMD.matcher(t);
                    if (m.matches()) {
                        return new ExpectedValue.Date(LocalDate.of(Integer.parseInt(m.group(1)),
                                Integer.parseInt(m.group(2)), Integer.parseInt(m.group(3))));
                    }
                } catch (DateTimeException e) {
                    return new ExpectedValue.Unresolved(t, "not a calendar date: " + e.getMessage());
                }
                return new ExpectedValue.Unresolved(t, "'" + t + "' is not a date in a known format");
            }
            default:
                return new ExpectedValue.Text(t);
        }
    }
}
