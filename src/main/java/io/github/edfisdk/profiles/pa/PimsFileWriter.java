package io.github.edfisdk.profiles.pa;

import java.io.IOException;
import java.io.Writer;

/**
 * Writes PIMS template rows: no header row, 36 delimited positions per row (the not-collected ones empty), CRLF
 * line ends as PIMS templates are usually exchanged. Comma-delimited values are quoted only when they contain a
 * comma or a quote.
 */
public final class PimsFileWriter {
    private final Writer out;
    private final PimsDelimiter delimiter;

    public PimsFileWriter(Writer out, PimsDelimiter delimiter) {
        this.out = out;
        this.delimiter = delimiter;
    }

    public void write(PimsRecord record) throws IOException {
        StringBuilder row = new StringBuilder(128);
        for (int f = 1; f <= PimsField.COUNT; f++) {
            if (f > 1) {
                row.append(delimiter.character());
            }
            row.append(escape(record.get(f)));
        }
        row.append("\r\n");
        out.write(row.toString());
    }

    private String escape(String value) {
        if (delimiter == PimsDelimiter.COMMA && (value.indexOf(',') >= 0 || value.indexOf('"') >= 0)) {
            return '"' + value.replace("\"", "\"\"") + '"';
        }
        if (delimiter != PimsDelimiter.COMMA && value.indexOf(delimiter.character()) >= 0) {
            throw new IllegalArgumentException("A value cannot contain the " + delimiter + " delimiter: " + value);
        }
        return value;
    }

    public void flush() throws IOException {
        out.flush();
    }
}
