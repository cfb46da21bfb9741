package io.github.edfisdk.certification.catalog;

import java.util.ArrayList;
import java.util.List;

/** Splits the lines of a markdown pipe table into cells, repairing the pages' unescaped pipes. */
final class MarkdownTable {
    private MarkdownTable() {
    }

    static boolean isTableLine(String line) {
        return line.trim().startsWith("|");
    }

    static boolean isSeparator(String line) {
        String t = line.trim();
        return t.startsWith("|") && t.replaceAll("[|:\\-\\s]", "").isEmpty() && t.contains("-");
    }

    /**
     * The cells of a row. A {@code |} escaped as {@code \|} stays in its cell. An unescaped {@code |} inside a
     * bracketed placeholder ({@code ["ELA-01" if possible | system value]}) is rejoined when the row has more cells
     * than the header, which is how the pages break (grade, session, academic record pages).
     */
    static List<String> cells(String line, int expected) {
        String t = line.trim();
        if (t.startsWith("|")) {
            t = t.substring(1);
        }
        if (t.endsWith("|") && !t.endsWith("\\|")) {
            t = t.substring(0, t.length() - 1);
        }
        List<String> raw = new ArrayList<>();
        StringBuilder cur = new StringBuilder();
        for (int i = 0; i < t.length(); i++) {
            char c = t.charAt(i);
            if (c == '\\' && i + 1 < t.length() && t.charAt(i + 1) == '|') {
                cur.append("\\|");
                i++;
            } else if (c == '|') {
                raw.add(cur.toString().trim());
                cur.setLength(0);
            } else {
                cur.append(c);
            }
        }
        raw.add(cur.toString().trim());
        if (expected <= 0 || raw.size() <= expected) {
            return raw;
        }
        List<String> merged = new ArrayList<>();
        StringBuilder open = null;
        for (String c : raw) {
            if (open != null) {
                open.append(" | ").append(c);
                if (depth(open) <= 0) {
                    merged.add(open.toString());
                    open = null;
                }
            } else if (depth(c) > 0) {
                open = new StringBuilder(c);
            } else {
                merged.add(c);
            }
        }
        if (open != null) {
            merged.add(open.toString());
        }
        return merged;
    }

    private static int depth(CharSequence s) {
        int d = 0;
        for (int i = 0; i < s.length(); i++) {
            if (s.charAt(i) == '[') {
                d++;
            } else if (s.charAt(i) == ']') {
                d--;
            }
        }
        return d;
    }
}
