package io.github.edfisdk.profiles.pa;

import io.github.edfisdk.profiles.ViolationSink;
import java.io.BufferedReader;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Consumer;

/**
 * Streams a PIMS template file (no header row; comma, tab or pipe delimited, detected from the first row) as
 * {@link PimsRecord}s. A row that cannot be split into exactly 36 fields is reported as rule {@value #RULE_LAYOUT}
 * and the next row is read. A UTF-8 byte order mark, CRLF line ends and blank lines are tolerated.
 */
public final class PimsFileReader {
    /** Rule id of a row that is not 36 delimited fields. */
    public static final String RULE_LAYOUT = "pims.layout";

    /** What one pass over a file saw. */
    public record Summary(PimsDelimiter delimiter, long rows, long unreadable) {
    }

    private PimsFileReader() {
    }

    /**
     * @param rows receives each readable row, in file order
     * @param sink receives the layout violations (file, line, expected 36, got N)
     */
    public static Summary read(Path file, Consumer<PimsRecord> rows, ViolationSink sink) throws IOException {
        String name = file.toString();
        PimsDelimiter delimiter = null;
        long count = 0;
        long unreadable = 0;
        try (BufferedReader reader = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
            String text;
            long line = 0;
            while ((text = reader.readLine()) != null) {
                line++;
                if (line == 1 && text.startsWith("\uFEFF")) {
                    text = text.substring(1);
                }
                if (text.isBlank()) {
                    continue;
                }
                if (delimiter == null) {
                    delimiter = PimsDelimiter.detect(text);
                }
                count++;
                sink.at(name, line);
                List<String> fields = split(text, delimiter);
                if (fields == null) {
                    unreadable++;
                    sink.report("row", RULE_LAYOUT, "A quoted field is not closed on this line");
                } else if (fields.size() != PimsField.COUNT) {
                    unreadable++;
                    sink.report("row", RULE_LAYOUT, "Expected " + PimsField.COUNT + " " + describe(delimiter)
                            + "-delimited fields (the 36-field CTE Student Fact layout), got " + fields.size());
                } else {
                    rows.accept(new PimsRecord(name, line, fields));
                }
            }
        }
        return new Summary(delimiter == null ? PimsDelimiter.COMMA : delimiter, count, unreadable);
    }

    /** Every readable row of a file, and the layout violations. */
    public static List<PimsRecord> readAll(Path file, ViolationSink sink) throws IOException {
        List<PimsRecord> out = new ArrayList<>();
        read(file, out::add, sink);
        return out;
    }

    private static String describe(PimsDelimiter d) {
        return d.name().toLowerCase(java.util.Locale.ROOT);
    }

    /** The trimmed fields of one row; null when a quote is not closed. Quotes are honoured for commas only. */
    static List<String> split(String row, PimsDelimiter delimiter) {
        char d = delimiter.character();
        List<String> out = new ArrayList<>(PimsField.COUNT);
        if (delimiter != PimsDelimiter.COMMA) {
            int start = 0;
            for (int i = 0; i <= row.length(); i++) {
                if (i == row.length() || row.charAt(i) == d) {
                    out.add(row.substring(start, i).trim());
                    start = i + 1;
                }
            }
            return out;
        }
        StringBuilder field = new StringBuilder();
        boolean quoted = false;
        for (int i = 0; i < row.length(); i++) {
            char c = row.charAt(i);
            if (quoted) {
                if (c == '"') {
                    if (i + 1 < row.length() && row.charAt(i + 1) == '"') {
                        field.append('"');
                        i++;
                    } else {
                        quoted = false;
                    }
                } else {
                    field.append(c);
                }
            } else if (c == '"' && field.toString().isBlank()) {
                field.setLength(0);
                quoted = true;
            } else if (c == d) {
                out.add(field.toString().trim());
                field.setLength(0);
            } else {
                field.append(c);
            }
        }
        if (quoted) {
            return null;
        }
        out.add(field.toString().trim());
        return out;
    }
}
