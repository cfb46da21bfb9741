package io.github.edfisdk.load;

import java.io.Closeable;
import java.io.IOException;
import java.io.InputStream;
import java.nio.ByteBuffer;
import java.nio.CharBuffer;
import java.nio.charset.CharsetDecoder;
import java.nio.charset.CoderResult;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;

/**
 * The lines of a text input, read so that one bad line never costs the others: each line is decoded as UTF-8 on its
 * own (a line with bytes that are not UTF-8 is reported with the byte's column, the next line reads normally), a
 * line longer than {@link #MAX_LINE_BYTES} is reported by its length and skipped without being held in memory, a
 * UTF-8 byte-order mark at the start of the file and the {@code \r} of CRLF line ends are dropped.
 */
final class InputLines implements Closeable {
    /** Longer lines are refused: no Ed-Fi document comes near this, and a runaway line must not exhaust memory. */
    static final int MAX_LINE_BYTES = 8 * 1024 * 1024;

    /**
     * One line: its text and its bytes, or why it cannot be read.
     *
     * @param number 1-based line number
     * @param text   the decoded line without its line end, or null when unreadable
     * @param bytes  the line's UTF-8 bytes as in the file, without byte-order mark and line end (what {@code text}
     *               was decoded from; the loader sends them when it sends the line unchanged), or null when unreadable
     * @param error  why the line cannot be read, or null
     */
    record Line(long number, String text, byte[] bytes, String error) {
        boolean readable() {
            return error == null;
        }
    }

    private final InputStream in;
    private final int maxLineBytes;
    private final byte[] buf = new byte[64 * 1024];
    private int pos;
    private int end;
    private byte[] line = new byte[1024];
    private long number;
    private boolean eof;

    InputLines(Path file) throws IOException {
        this(Files.newInputStream(file), MAX_LINE_BYTES);
    }

    InputLines(InputStream in, int maxLineBytes) {
        this.in = in;
        this.maxLineBytes = maxLineBytes;
    }

    /** The next line, or null at the end of the input. */
    Line next() throws IOException {
        if (eof) {
            return null;
        }
        int len = 0;
        long total = 0;
        boolean newline = false;
        while (true) {
            if (pos == end) {
                end = in.read(buf, 0, buf.length);
                pos = 0;
                if (end <= 0) {
                    end = 0;
                    eof = true;
                    break;
                }
            }
            int nl = -1;
            for (int i = pos; i < end; i++) {
                if (buf[i] == '\n') {
                    nl = i;
                    break;
                }
            }
            int stop = nl < 0 ? end : nl;
            int n = stop - pos;
            total += n;
            if (len + (long) n <= maxLineBytes) {
                if (len + n > line.length) {
                    line = Arrays.copyOf(line, Math.max(line.length * 2, len + n));
                }
                System.arraycopy(buf, pos, line, len, n);
                len += n;
            }
            pos = nl < 0 ? end : nl + 1;
            if (nl >= 0) {
                newline = true;
                break;
            }
        }
        if (!newline && total == 0) {
            return null; // the end of the input (after a final line end, or an empty file)
        }
        number++;
        if (total > maxLineBytes) {
            return new Line(number, null, null, "line is " + total + " bytes long, more than the limit of " + maxLineBytes
                    + " bytes (is this a JSON Lines file, one record per line?)");
        }
        int from = 0;
        if (number == 1 && len >= 3 && (line[0] & 0xff) == 0xEF && (line[1] & 0xff) == 0xBB && (line[2] & 0xff) == 0xBF) {
            from = 3; // UTF-8 byte-order mark
        }
        int to = len > from && line[len - 1] == '\r' ? len - 1 : len;
        return decode(number, Arrays.copyOfRange(line, from, to));
    }

    private static Line decode(long number, byte[] raw) {
        if (isAscii(raw)) {
            // Most input is ASCII: every byte is its own character, nothing to check (and no decoder to allocate).
            return new Line(number, new String(raw, StandardCharsets.ISO_8859_1), raw, null);
        }
        ByteBuffer bytes = ByteBuffer.wrap(raw);
        CharsetDecoder d = StandardCharsets.UTF_8.newDecoder().onMalformedInput(CodingErrorAction.REPORT)
                .onUnmappableCharacter(CodingErrorAction.REPORT);
        int start = bytes.position();
        CharBuffer out = CharBuffer.allocate(bytes.remaining());
        CoderResult r = d.decode(bytes, out, true);
        if (!r.isError()) {
            r = d.flush(out);
        }
        if (r.isError()) {
            int at = bytes.position();
            return new Line(number, null, null, String.format("not valid UTF-8: byte 0x%02X at byte column %d (save the file"
                    + " as UTF-8)", bytes.get(at) & 0xff, at - start + 1));
        }
        out.flip();
        return new Line(number, out.toString(), raw, null);
    }

    private static boolean isAscii(byte[] b) {
        for (byte x : b) {
            if (x < 0) {
                return false;
            }
        }
        return true;
    }

    @Override
    public void close() throws IOException {
        in.close();
    }
}
