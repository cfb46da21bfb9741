package io.github.edfisdk.certification.catalog;

import io.github.edfisdk.model.DataStandardModel;
import io.github.edfisdk.model.ResourceModel;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Parses one scenario page (markdown) into a {@link ScenarioPage}. Handles the quirks listed in
 * {@code certification/TABLE-FORMAT-NOTES.md}: header spellings, scenario header forms, {@code <br/>} lists, bold
 * change markers, escapes, unescaped pipes in placeholders, mailto links and backticks, the numbered Scenarios list
 * with DELETE steps. Property names are resolved by {@link PropertyResolver}. Never throws on a bad row: the row is
 * kept and the problem recorded with its line.
 */
public final class ScenarioPageParser {
    private static final Pattern BR = Pattern.compile("(?i)<br\\s*/?>");
    private static final Pattern MAILTO = Pattern.compile("\\[([^\\]]*)]\\(mailto:([^)]*)\\)");
    private static final Pattern LIST_ITEM = Pattern.compile("^(\\d+)\\.\\s+(.*)$");
    private static final Pattern BULLET = Pattern.compile("^[*-]\\s+(.*)$");
    private static final Pattern SCENARIO_NUMBER = Pattern.compile("(?i)scenario\\s*(\\d+)");
    private static final Pattern UPDATE_WORDS = Pattern.compile("(?i)^(update|modify|add|change|remove|set)\\b.*");

    private final Suite suite;
    private final DataStandardModel model;

    public ScenarioPageParser(Suite suite) {
        this(suite, DataStandardModel.of(suite.dataStandard()));
    }

    /** With a model read from elsewhere (e.g. a user's own ODS metadata). */
    public ScenarioPageParser(Suite suite, DataStandardModel model) {
        this.suite = suite;
        this.model = model;
    }

    public ScenarioPage parse(String source, String text) {
        List<String> problems = new ArrayList<>();
        String[] lines = text.replace("\r\n", "\n").replace('\u00a0', ' ').split("\n", -1);
        String title = "";
        List<String> prerequisites = new ArrayList<>();
        List<int[]> listNumbers = new ArrayList<>();
        List<String> listItems = new ArrayList<>();
        String section = "";
        boolean itemOpen = false;
        int tableStart = -1;
        for (int i = 0; i < lines.length; i++) {
            String line = lines[i];
            String t = line.trim();
            if (t.startsWith("# ") && title.isEmpty()) {
                title = t.substring(2).trim();
                continue;
            }
            if (t.startsWith("#")) {
                section = t.replaceAll("^#+", "").replace("*", "").trim().toLowerCase(Locale.ROOT);
                continue;
            }
            if (MarkdownTable.isTableLine(t) && i + 1 < lines.length && MarkdownTable.isSeparator(lines[i + 1])) {
                if (tableStart < 0) {
                    tableStart = i;
                } else {
                    problems.add(source + ":" + (i + 1) + ": a second table is ignored (pages have one table)");
                }
                while (i + 1 < lines.length && MarkdownTable.isTableLine(lines[i + 1])) {
                    i++;
                }
                continue;
            }
            boolean continuation = !t.isEmpty() && (line.startsWith(" ") || line.startsWith("\t"));
            if (section.startsWith("prerequisite")) {
                Matcher b = BULLET.matcher(t);
                if (b.matches()) { // nested bullets are items too
                    prerequisites.add(b.group(1).trim());
                } else if (continuation && !prerequisites.isEmpty()) {
                    int last = prerequisites.size() - 1;
                    prerequisites.set(last, prerequisites.get(last) + " " + t);
                }
            } else if (section.startsWith("scenario")) {
                Matcher m = LIST_ITEM.matcher(t);
                if (m.matches()) {
                    listNumbers.add(new int[]{Integer.parseInt(m.group(1))});
                    listItems.add(m.group(2).trim());
                    itemOpen = true;
                } else if (continuation && itemOpen && !listItems.isEmpty()) {
                    int last = listItems.size() - 1;
                    listItems.set(last, listItems.get(last) + " " + t);
                } else {
                    itemOpen = false; // a blank line or other text (notes, bullets) ends the item
                }
            }
        }
        String resourceName = resourceName(title);
        if (tableStart < 0) {
            problems.add(source + ": no scenario table found");
            return new ScenarioPage(suite, source, title, resourceName, model.resource(resourceName).orElse(null),
                    List.of(), prerequisites, List.of(), List.of(), problems);
        }
        List<String> columns = MarkdownTable.cells(lines[tableStart], -1);
        int valueColumns = Math.max(0, columns.size() - 5);
        List<Scenario> steps = steps(source, tableStart, columns, listNumbers, listItems, problems);

        List<RawRow> raw = new ArrayList<>();
        for (int i = tableStart + 2; i < lines.length && MarkdownTable.isTableLine(lines[i]); i++) {
            List<String> cells = MarkdownTable.cells(lines[i], columns.size());
            if (cells.size() != columns.size()) {
                problems.add(source + ":" + (i + 1) + ": row has " + cells.size() + " cells, header has "
                        + columns.size() + (cells.size() < columns.size() ? " (missing cells read as empty)"
                        : " (extra cells ignored)"));
                while (cells.size() < columns.size()) {
                    cells.add("");
                }
            }
            raw.add(new RawRow(i + 1, cells));
        }
        ResourceModel resource = model.resource(resourceName.replace(" ", "")).orElse(null);
        if (resource == null && !raw.isEmpty()) {
            resource = model.resource(raw.get(0).cells.get(0)).orElse(null);
        }
        if (resource == null) {
            problems.add(source + ": resource '" + resourceName + "' is not in Data Standard "
                    + suite.dataStandard().version());
        }
        List<TableRow> rows = new ArrayList<>();
        PropertyResolver resolver = resource == null ? null : new PropertyResolver(model, resource);
        Map<String, Integer> occurrences = new HashMap<>();
        for (RawRow r : raw) {
            String container = clean(r.cells.get(0));
            String property = clean(r.cells.get(1));
            String dataType = clean(r.cells.get(3));
            List<Cell> cells = new ArrayList<>();
            for (int c = 0; c < valueColumns; c++) {
                cells.add(cell(r.cells.get(5 + c)));
            }
            String key = (container + "|" + property).toLowerCase(Locale.ROOT);
            int occurrence = occurrences.merge(key, 1, Integer::sum) - 1;
            boolean hasValues = cells.stream().anyMatch(x -> !x.isEmpty());
            PropertyResolution res = resolver == null
                    ? PropertyResolution.unresolved("the page's resource is not in the spec")
                    : resolver.resolve(container, property, dataType, hasValues);
            if (!res.isResolved()) {
                problems.add(source + ":" + r.line + ": " + container + " | " + property + ": " + res.problem());
            }
            rows.add(new TableRow(r.line, container, property, clean(r.cells.get(2)), dataType,
                    RequiredLevel.parse(r.cells.get(4)), cells, occurrence, res));
        }
        return new ScenarioPage(suite, source, title, resourceName, resource, columns, prerequisites, steps, rows,
                problems);
    }

    private record RawRow(int line, List<String> cells) {
    }

    /** "v4 Student Program > StudentCTEProgramAssociation Scenarios" -> "StudentCTEProgramAssociation". */
    static String resourceName(String title) {
        String t = title.replace("*", "").trim();
        int gt = t.lastIndexOf('>');
        if (gt >= 0) {
            t = t.substring(gt + 1);
        }
        t = t.replaceAll("(?i)\\s*scenarios?\\s*$", "").trim();
        return t;
    }

    private static List<Scenario> steps(String source, int tableStart, List<String> columns, List<int[]> numbers,
                                        List<String> items, List<String> problems) {
        List<String> nonDelete = new ArrayList<>();
        List<Scenario> deletes = new ArrayList<>();
        for (int i = 0; i < items.size(); i++) {
            if (items.get(i).toLowerCase(Locale.ROOT).startsWith("delete")) {
                deletes.add(new Scenario(numbers.get(i)[0], Scenario.Verb.DELETE, items.get(i), "", -1));
            } else {
                nonDelete.add(items.get(i));
            }
        }
        List<Scenario> steps = new ArrayList<>();
        for (int c = 5; c < columns.size(); c++) {
            int index = c - 5;
            String header = columns.get(c);
            String h = header.toUpperCase(Locale.ROOT);
            String description = index < nonDelete.size() ? nonDelete.get(index) : "";
            Scenario.Verb verb;
            if (h.contains("PUT") && h.contains("POST")) {
                // "POST/PUT": an upsert; the numbered list says whether the step creates or updates.
                verb = UPDATE_WORDS.matcher(description).matches() ? Scenario.Verb.PUT : Scenario.Verb.POST;
            } else if (h.contains("PUT")) {
                verb = Scenario.Verb.PUT;
            } else if (h.contains("POST")) {
                verb = Scenario.Verb.POST;
            } else {
                verb = UPDATE_WORDS.matcher(description).matches() ? Scenario.Verb.PUT : Scenario.Verb.POST;
                problems.add(source + ":" + (tableStart + 1) + ": header '" + header + "' names no verb; " + verb
                        + " taken from the Scenarios list");
            }
            Matcher m = SCENARIO_NUMBER.matcher(header);
            int number = index + 1;
            if (m.find() && Integer.parseInt(m.group(1)) != number) {
                problems.add(source + ":" + (tableStart + 1) + ": header '" + header + "' is value column " + number
                        + "; read as Scenario " + number);
            }
            steps.add(new Scenario(number, verb, description, header, index));
        }
        steps.addAll(deletes);
        return steps;
    }

    /** A value cell: split on {@code <br/>} (rejoining dates broken by it), cleaned, bold noted. */
    static Cell cell(String raw) {
        String r = raw.trim();
        boolean changed = r.contains("**");
        List<String> parts = new ArrayList<>();
        String[] split = BR.split(r, -1);
        StringBuilder pending = new StringBuilder();
        for (String s : split) {
            String c = clean(s);
            pending.append(pending.length() > 0 && c.startsWith("|") ? " " : "").append(c);
            if (c.endsWith("/") || c.endsWith("-")
                    || openBrackets(pending) > 0) {
                // "9/30/<br/>[Current School Year]" (a date) and "[\"ELA-01\" if possible<br/><br/>| system value]"
                // (a placeholder) are one value broken over lines
                continue;
            }
            if (pending.length() > 0) {
                parts.add(pending.toString());
            }
            pending.setLength(0);
        }
        if (pending.length() > 0) {
            parts.add(pending.toString());
        }
        return new Cell(r, parts, changed);
    }

    private static int openBrackets(CharSequence s) {
        int d = 0;
        for (int i = 0; i < s.length(); i++) {
            d += s.charAt(i) == '[' ? 1 : s.charAt(i) == ']' ? -1 : 0;
        }
        return d;
    }

    /** Removes markdown: bold, backticks, escapes, mailto links; collapses spaces. */
    static String clean(String s) {
        String t = s.replace("**", "").replace("`", "").replace('\u00a0', ' ').replace("&nbsp;", " ");
        t = MAILTO.matcher(t).replaceAll("$2");
        t = t.replace("\\[", "[").replace("\\]", "]").replace("\\|", "|").replace("\\_", "_").replace("\\*", "*");
        return t.replaceAll("\\s+", " ").trim();
    }
}
