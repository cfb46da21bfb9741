package io.github.edfisdk.sandbox;

import com.google.gson.JsonElement;
import com.google.gson.JsonObject;
import io.github.edfisdk.model.DataStandard;
import io.github.edfisdk.model.PrivateFiles;
import io.github.edfisdk.model.StrictJson;
import java.io.BufferedInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.List;
import java.util.function.Consumer;
import java.util.logging.Logger;

/**
 * The {@code --data-dir} storage: an append-only journal, one JSON line per acknowledged write.
 *
 * <p>Each line is handed to the operating system (an unbuffered {@code write}) before the sandbox sends its 2xx, so a
 * killed sandbox process ({@code kill -9}) loses no acknowledged write. It is not {@code fsync}ed per write: a power
 * failure or kernel crash can lose the last writes (this is a sandbox, not a database). On start the journal is
 * replayed (see {@link #replay}). The journal, its folder (when created here) and the files next to it are readable by
 * the owner only: they hold student records.
 */
final class Journal implements AutoCloseable {
    private static final Logger LOG = Logger.getLogger(Journal.class.getName());
    static final String FILE_NAME = "sandbox-journal.jsonl";
    /** Holds the Data Standard of the data ("5.1" or "4.0"). */
    static final String DATA_STANDARD_FILE = "data-standard";

    private final Path file;
    private final FileChannel lockChannel;
    private final java.nio.channels.FileLock lock;
    private OutputStream out;

    Journal(Path dataDir, DataStandard dataStandard) {
        try {
            PrivateFiles.createDirectories(dataDir);
            // Two sandboxes appending to one journal would interleave their writes: the second one is refused.
            // The operating system releases the lock when the process dies, even by kill -9.
            lockChannel = PrivateFiles.openChannel(dataDir.resolve("sandbox.lock"), StandardOpenOption.CREATE,
                    StandardOpenOption.WRITE);
            java.nio.channels.FileLock l;
            try {
                l = lockChannel.tryLock();
            } catch (java.nio.channels.OverlappingFileLockException sameProcess) {
                l = null; // another sandbox in this JVM holds it
            }
            lock = l;
            if (lock == null) {
                lockChannel.close();
                throw new IllegalStateException("The data directory " + dataDir + " is in use by another running sandbox");
            }
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot use data directory " + dataDir + ": " + e.getMessage(), e);
        }
        this.file = dataDir.resolve(FILE_NAME);
        try {
            checkDataStandard(dataDir, dataStandard);
        } catch (RuntimeException e) {
            close();
            throw e;
        }
    }

    /**
     * The journal's entries only make sense under the Data Standard that wrote them (resource names and shapes
     * differ): it is recorded next to the journal, and a folder of the other one is refused.
     */
    private void checkDataStandard(Path dataDir, DataStandard dataStandard) {
        Path recorded = dataDir.resolve(DATA_STANDARD_FILE);
        try {
            if (Files.exists(recorded)) {
                String text = Files.readString(recorded, StandardCharsets.UTF_8).trim();
                DataStandard there;
                try {
                    there = DataStandard.parse(text);
                } catch (IllegalArgumentException e) {
                    throw new IllegalStateException(recorded + " line 1: '" + text + "' is not a Data Standard (4.0"
                            + " or 5.1); it records the Data Standard of the data in " + dataDir);
                }
                if (there != dataStandard) {
                    throw new IllegalStateException("The data directory " + dataDir + " holds Data Standard "
                            + there.version() + " data (recorded in " + recorded + "); this sandbox is Data Standard "
                            + dataStandard.version() + ". Start it with --data-standard " + there.version()
                            + " or use another --data-dir.");
                }
                return;
            }
            try (OutputStream o = PrivateFiles.newOutputStream(recorded, StandardOpenOption.CREATE,
                    StandardOpenOption.WRITE)) {
                o.write((dataStandard.version() + "\n").getBytes(StandardCharsets.UTF_8));
            }
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot use data directory " + dataDir + ": " + e.getMessage(), e);
        }
    }

    Path file() {
        return file;
    }

    /**
     * Feeds every line to the consumer, then opens the file for appending. Only an unterminated last line can be a
     * torn write (each entry is written with its newline in one {@code write}, the newline last): it is dropped, its
     * bytes kept aside in {@code sandbox-journal.jsonl.torn-TIME}. Any other line that cannot be applied refuses the
     * start with the file, the line and the rule, and the file is left untouched: cutting it there would delete every
     * acknowledged write after it. CRLF line ends are accepted (the offsets count the bytes as they are).
     */
    int replay(Consumer<JsonObject> apply) {
        int count = 0;
        if (Files.exists(file)) {
            long lineStart = 0;
            long offset = 0;
            int lineNumber = 0;
            ByteArrayOutputStream line = new ByteArrayOutputStream();
            try (InputStream in = new BufferedInputStream(Files.newInputStream(file), 1 << 16)) {
                int b;
                while ((b = in.read()) >= 0) {
                    offset++;
                    if (b != '\n') {
                        line.write(b);
                        continue;
                    }
                    lineNumber++;
                    count += applyLine(line, lineNumber, apply);
                    line.reset();
                    lineStart = offset;
                }
            } catch (IOException e) {
                throw new UncheckedIOException("Cannot read " + file, e);
            }
            if (line.size() > 0) {
                lineNumber++;
                JsonObject last = parse(line);
                if (last == null) {
                    dropTornTail(lineStart, line.toByteArray(), lineNumber);
                } else {
                    // Whole but for its newline: the write was complete, so it was acknowledged.
                    count += applyLine(line, lineNumber, apply);
                    appendNewline();
                }
            }
        }
        try {
            out = PrivateFiles.newOutputStream(file, StandardOpenOption.CREATE, StandardOpenOption.APPEND);
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot open " + file, e);
        }
        return count;
    }

    private int applyLine(ByteArrayOutputStream bytes, int lineNumber, Consumer<JsonObject> apply) {
        int length = bytes.size();
        byte[] b = bytes.toByteArray();
        if (length > 0 && b[length - 1] == '\r') {
            length--;
        }
        String text = new String(b, 0, length, StandardCharsets.UTF_8);
        if (text.isBlank()) {
            return 0;
        }
        JsonElement parsed;
        try {
            parsed = StrictJson.parse(text);
        } catch (StrictJson.Malformed e) {
            throw corrupt(lineNumber, "not valid JSON (" + e.getMessage() + ")");
        }
        if (!parsed.isJsonObject()) {
            throw corrupt(lineNumber, "an entry is a JSON object");
        }
        JsonObject entry = parsed.getAsJsonObject();
        String shape = shapeError(entry);
        if (shape != null) {
            throw corrupt(lineNumber, shape);
        }
        try {
            apply.accept(entry);
        } catch (RuntimeException e) {
            throw corrupt(lineNumber, "cannot be applied: " + (e.getMessage() != null ? e.getMessage()
                    : e.getClass().getSimpleName()));
        }
        return 1;
    }

    /** The rule an entry breaks, or null: what {@code DocumentStore} writes and reads back. */
    private static String shapeError(JsonObject e) {
        String op = string(e, "op");
        if (op == null || !(op.equals("put") || op.equals("delete"))) {
            return "\"op\" must be \"put\" or \"delete\"";
        }
        if (string(e, "resource") == null) {
            return "\"resource\" (a resource name) is missing";
        }
        if (string(e, "id") == null) {
            return "\"id\" (the item's id) is missing";
        }
        if (op.equals("put")) {
            if (!e.has("etag") || !e.get("etag").isJsonPrimitive() || !e.get("etag").getAsJsonPrimitive().isNumber()) {
                return "a put needs a numeric \"etag\"";
            }
            if (!e.has("doc") || !e.get("doc").isJsonObject()) {
                return "a put needs the document as \"doc\" (an object)";
            }
            String modified = string(e, "lastModified");
            try {
                java.time.Instant.parse(modified == null ? "" : modified);
            } catch (java.time.format.DateTimeParseException bad) {
                return "a put needs \"lastModified\" as an ISO-8601 instant";
            }
        }
        return null;
    }

    private static String string(JsonObject o, String name) {
        JsonElement e = o.get(name);
        return e != null && e.isJsonPrimitive() && e.getAsJsonPrimitive().isString() ? e.getAsString() : null;
    }

    private static JsonObject parse(ByteArrayOutputStream bytes) {
        try {
            JsonElement e = StrictJson.parse(bytes.toString(StandardCharsets.UTF_8).strip());
            return e.isJsonObject() ? e.getAsJsonObject() : null;
        } catch (StrictJson.Malformed e) {
            return null;
        }
    }

    private IllegalStateException corrupt(int lineNumber, String rule) {
        return new IllegalStateException(file + " line " + lineNumber + " is damaged: " + rule + ". The sandbox does not"
                + " start, so that no acknowledged write after it is lost; the file was not changed. Repair or remove"
                + " that line (each line is one write, the lines after it are intact) and start again.");
    }

    /** Cuts the torn last line off, after copying its bytes next to the journal. */
    private void dropTornTail(long lineStart, byte[] torn, int lineNumber) {
        Path aside = file.resolveSibling(FILE_NAME + ".torn-" + System.currentTimeMillis());
        try {
            try (OutputStream o = PrivateFiles.newOutputStream(aside, StandardOpenOption.CREATE,
                    StandardOpenOption.TRUNCATE_EXISTING, StandardOpenOption.WRITE)) {
                o.write(torn);
            }
            try (FileChannel ch = FileChannel.open(file, StandardOpenOption.WRITE)) {
                ch.truncate(lineStart);
            }
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot repair " + file, e);
        }
        LOG.warning(file + " line " + lineNumber + " (the last) is incomplete: the sandbox stopped while writing it,"
                + " before acknowledging it. It is dropped; its " + torn.length + " bytes are kept in " + aside);
    }

    private void appendNewline() {
        try (OutputStream o = Files.newOutputStream(file, StandardOpenOption.APPEND)) {
            o.write('\n');
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot write " + file, e);
        }
    }

    /**
     * Replaces the journal by these entries (the live state), crash-safely: written to a new file, forced to disk,
     * then renamed over the old one. Called after {@link #replay}, before any append.
     */
    void compact(List<JsonObject> entries) {
        Path tmp = file.resolveSibling(FILE_NAME + ".compacting");
        try {
            out.close();
            try (FileChannel ch = PrivateFiles.openChannel(tmp, StandardOpenOption.CREATE,
                    StandardOpenOption.TRUNCATE_EXISTING, StandardOpenOption.WRITE)) {
                for (JsonObject e : entries) {
                    ch.write(java.nio.ByteBuffer.wrap((e.toString() + "\n").getBytes(StandardCharsets.UTF_8)));
                }
                ch.force(true);
            }
            Files.move(tmp, file, java.nio.file.StandardCopyOption.REPLACE_EXISTING,
                    java.nio.file.StandardCopyOption.ATOMIC_MOVE);
            out = Files.newOutputStream(file, StandardOpenOption.APPEND);
            LOG.info("Compacted " + file + " to " + entries.size() + " entries");
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot compact " + file, e);
        }
    }

    /** Appends one entry; returns once the operating system has the bytes. Callers serialise calls. */
    void append(JsonObject entry) {
        byte[] line = (entry.toString() + "\n").getBytes(StandardCharsets.UTF_8);
        try {
            out.write(line);
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot write " + file, e);
        }
    }

    @Override
    public void close() {
        try {
            if (out != null) {
                out.close();
            }
            lock.release();
            lockChannel.close();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
