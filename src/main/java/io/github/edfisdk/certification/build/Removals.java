package io.github.edfisdk.certification.build;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The "remove X" instructions of a scenario's description ("Remove the exitWithdraw Date and exitWithdraw
 * Descriptor.", "... and remove the end date."). The table cannot say "remove" (an empty cell keeps the value), so
 * the pages say it in words; each phrase names a property of the item by its words in order
 * ("exitWithdraw Descriptor" is {@code exitWithdrawTypeDescriptor}).
 */
final class Removals {
    private static final Pattern REMOVE = Pattern.compile("(?i)\\bremov(?:e|es|ing)\\s+(?:the\\s+)?([^.;]+)");

    private Removals() {
    }

    /** The phrases naming what to remove, e.g. ["exitWithdraw Date", "exitWithdraw Descriptor"]. */
    static List<String> phrases(String description) {
        List<String> out = new ArrayList<>();
        Matcher m = REMOVE.matcher(description);
        while (m.find()) {
            for (String p : m.group(1).split("\\s*(?:,|\\band\\b)\\s*")) {
                String t = p.replaceFirst("(?i)^the\\s+", "").trim();
                if (!t.isEmpty()) {
                    out.add(t);
                }
            }
        }
        return out;
    }

    /**
     * The names among {@code candidates} a phrase names: each word of the phrase (split at spaces and camel case)
     * appears in the name in order; a name that is exactly the words joined wins over the others.
     */
    static List<String> matches(String phrase, List<String> candidates) {
        List<String> words = new ArrayList<>();
        for (String w : phrase.split("\\s+|(?<=[a-z])(?=[A-Z])")) {
            if (!w.isBlank()) {
                words.add(w.toLowerCase(Locale.ROOT));
            }
        }
        String joined = String.join("", words);
        List<String> exact = candidates.stream().filter(c -> c.equalsIgnoreCase(joined)).toList();
        if (!exact.isEmpty()) {
            return exact;
        }
        List<String> out = new ArrayList<>();
        for (String c : candidates) {
            String lower = c.toLowerCase(Locale.ROOT);
            int at = 0;
            boolean all = true;
            for (String w : words) {
                int i = lower.indexOf(w, at);
                if (i < 0) {
                    all = false;
                    break;
                }
                at = i + w.length();
            }
            if (all) {
                out.add(c);
            }
        }
        return out;
    }
}
