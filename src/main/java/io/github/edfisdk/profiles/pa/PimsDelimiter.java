package io.github.edfisdk.profiles.pa;

import java.util.Locale;

/** The delimiters PIMS accepts for template files. Comma-delimited files may quote fields, CSV style. */
public enum PimsDelimiter {
    COMMA(','), TAB('\t'), PIPE('|');

    private final char character;

    PimsDelimiter(char character) {
        this.character = character;
    }

    public char character() {
        return character;
    }

    /**
     * The delimiter of a file, told from its first row: the candidate that occurs most often (a CTE Student Fact row
     * has 35 of them); comma on a tie.
     */
    public static PimsDelimiter detect(String firstRow) {
        int commas = 0;
        int tabs = 0;
        int pipes = 0;
        for (int i = 0; i < firstRow.length(); i++) {
            switch (firstRow.charAt(i)) {
                case ',' -> commas++;
                case '\t' -> tabs++;
                case '|' -> pipes++;
                default -> { }
            }
        }
        if (tabs > commas && tabs >= pipes) {
            return TAB;
        }
        if (pipes > commas && pipes > tabs) {
            return PIPE;
        }
        return COMMA;
    }

    /** "comma", "tab" or "pipe" (the CLI's spelling). */
    public static PimsDelimiter parse(String text) {
        return valueOf(text.trim().toUpperCase(Locale.ROOT));
    }
}
