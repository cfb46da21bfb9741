package io.github.edfisdk.load;

import java.io.BufferedReader;
import java.io.Closeable;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;

/**
 * The resume state of a load: an append-only journal of the records the server accepted (2xx), one line each:
 * {@code KEYHASH CONTENTHASH RESOURCE NATURALKEY}. Each line is written to the file as its response arrives, so a
 * {@code kill -9} loses at most the responses that were in flight. On start the journal is replayed; a torn last line
 * (the process died mid-write) is ignored. Only the two 64-bit hashes are kept in memory (16 bytes per record); the
 * resource and key are there for people reading the file.
 */
public final class LandedJournal implements Closeable {
    static final String FILE_NAME = "landed.journal";
    private static final long NONE = 0;

    private final Path file;
    private final LongLongMap landed = new LongLongMap();
    private final OutputStream out;
    private int tornLines;
    private boolean endsMidLine;

    private LandedJournal(Path file) throws IOException {
        this.file = file;
        if (Files.exists(file)) {
            replay();
        }
        this.out = io.github.edfisdk.model.PrivateFiles.newOutputStream(file, StandardOpenOption.CREATE,
                StandardOpenOption.APPEND); // owner only: it names the records' natural keys
        if (endsMidLine) {
            // Start a fresh line so the next record is not glued to the torn one.
            out.write('\n');
            out.flush();
        }
    }

    /** Opens (creating) the journal in {@code stateDir} and replays it. */
    public static LandedJournal open(Path stateDir) throws IOException {
        io.github.edfisdk.model.PrivateFiles.createDirectories(stateDir);
        return new LandedJournal(stateDir.resolve(FILE_NAME));
    }

    private void replay() throws IOException {
        try (BufferedReader r = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
            String line;
            while ((line = r.readLine()) != null) {
                if (line.isEmpty()) {
                    continue;
                }
                long[] parsed = parse(line);
                if (parsed == null) {
                    tornLines++;
                    continue;
                }
                landed.put(parsed[0], parsed[1]);
            }
        }
        // A crash mid-write leaves a last line without its newline; the next record must start a line of its own.
        // (If that line's two hashes are whole, the record did land: lines are written only after a 2xx.)
        if (Files.size(file) > 0) {
            try (var ch = Files.newByteChannel(file)) {
                ch.position(ch.size() - 1);
                var b = java.nio.ByteBuffer.allocate(1);
                ch.read(b);
                endsMidLine = b.get(0) != '\n';
            }
        }
    }

    private static long[] parse(String line) {
        // Two 16-digit hex hashes, a space each; anything shorter was cut by a crash.
        if (line.length() < 34 || line.charAt(16) != ' ' || line.charAt(33) != ' ') {
            return null;
        }
        try {
            return new long[] {Long.parseUnsignedLong(line.substring(0, 16), 16),
                    Long.parseUnsignedLong(line.substring(17, 33), 16)};
        } catch (NumberFormatException e) {
            return null;
        }
    }

    /** Whether a record with this key fingerprint landed with this content fingerprint. */
    public synchronized boolean landedUnchanged(long keyHash, long contentHash) {
        long h = landed.get(keyHash, NONE);
        return h != NONE && h == contentHash;
    }

    /** Whether a record with this key landed at all (with any content). */
    public synchronized boolean landed(long keyHash) {
        return landed.get(keyHash, NONE) != NONE;
    }

    /** Records an accepted record and writes it through to the file. */
    public synchronized void record(long keyHash, long contentHash, String resource, String canonicalKey) throws IOException {
        landed.put(keyHash, contentHash);
        String line = String.format("%016x %016x %s %s%n", keyHash, contentHash, resource,
                canonicalKey.replace('\n', ' ').replace('\r', ' '));
        out.write(line.getBytes(StandardCharsets.UTF_8));
        out.flush();
    }

    /** Records landed so far (replayed and new). */
    public synchronized int size() {
        return landed.size();
    }

    /** Lines of the replayed file that were torn by a crash and ignored. */
    public int tornLines() {
        return tornLines;
    }

    public Path file() {
        return file;
    }

    @Override
    public synchronized void close() throws IOException {
        out.close();
    }
}
