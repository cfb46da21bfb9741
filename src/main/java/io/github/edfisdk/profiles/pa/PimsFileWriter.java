package io.github.edfisdk.profiles.pa;

import java.io.BufferedInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.io.Writer;

/**
 * Writes PIMS template rows: no header row, 36 delimited positions per row (the not-collected ones empty), each
 * row ended by the given line end (the reader takes CRLF and LF alike). Comma-delimited values are quoted only when
 * they contain a comma or a quote.
 */
public final class PimsFileWriter {
    /** CRLF, as PIMS templates are usually exchanged from Windows. */
    public static final String CRLF = "\r\n";
    public static final String LF = "\n";

    private final Writer out;
    private final PimsDelimiter delimiter;
    private final String lineEnd;

    /** Rows ended by CRLF. */
    public PimsFileWriter(Writer out, PimsDelimiter delimiter) {
        this(out, delimiter, CRLF);
    }

    /** @param lineEnd {@link #CRLF} or {@link #LF} */
    public PimsFileWriter(Writer out, PimsDelimiter delimiter, String lineEnd) {
        if (!lineEnd.equals(CRLF) && !lineEnd.equals(LF)) {
            throw new IllegalArgumentException("A line end is CRLF or LF");
        }
        this.out = out;
        this.delimiter = delimiter;
        this.lineEnd = lineEnd;
    }

    /**
     * The line end of a file's first line: {@link #CRLF} if it ends with CR LF, else {@link #LF} (also for a file
     * of one line without a line end).
     */
    public static String lineEndOf(Path file) throws IOException {
        try (InputStream in = new BufferedInputStream(Files.newInputStream(file))) {
            int previous = -1;
            for (int b = in.read(); b >= 0; b = in.read()) {
                if (b == '\n') {
                    return previous == '\r' ? CRLF : LF;
                }
                previous = b;
            }
        }
        return LF;
    }

    public void write(PimsRecord record) throws IOException {
        StringBuilder row = new StringBuilder(128);
        for (int f = 1; f <= PimsField.COUNT; f++) {
            if (f > 1) {
                row.append(delimiter.character());
            }
            row.append(escape(record.get(f)));
        }
        row.append(lineEnd);
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
