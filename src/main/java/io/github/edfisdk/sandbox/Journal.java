package io.github.edfisdk.sandbox;

import com.google.gson.JsonObject;
import com.google.gson.JsonParser;
import java.io.BufferedReader;
import java.io.FileOutputStream;
import java.io.IOException;
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
 * replayed; a torn last line (the process died mid-write) is dropped and cut off the file.
 */
final class Journal implements AutoCloseable {
    private static final Logger LOG = Logger.getLogger(Journal.class.getName());
    static final String FILE_NAME = "sandbox-journal.jsonl";

    private final Path file;
    private final FileChannel lockChannel;
    private final java.nio.channels.FileLock lock;
    private OutputStream out;

    Journal(Path dataDir) {
        try {
            Files.createDirectories(dataDir);
            // Two sandboxes appending to one journal would interleave their writes: the second one is refused.
            // The operating system releases the lock when the process dies, even by kill -9.
            lockChannel = FileChannel.open(dataDir.resolve("sandbox.lock"), StandardOpenOption.CREATE,
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
    }

    Path file() {
        return file;
    }

    /** Feeds every complete line to the consumer, cuts off a torn tail, then opens the file for appending. */
    int replay(Consumer<JsonObject> apply) {
        int count = 0;
        if (Files.exists(file)) {
            long goodBytes = 0;
            int lineNumber = 0;
            try (BufferedReader r = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
                String line;
                while ((line = r.readLine()) != null) {
                    lineNumber++;
                    JsonObject entry;
                    try {
                        entry = JsonParser.parseString(line).getAsJsonObject();
                    } catch (RuntimeException e) {
                        LOG.warning(file + " line " + lineNumber + " is incomplete (the sandbox stopped while writing"
                                + " it, before acknowledging it); it is dropped");
                        break;
                    }
                    apply.accept(entry);
                    count++;
                    goodBytes += line.getBytes(StandardCharsets.UTF_8).length + 1;
                }
            } catch (IOException e) {
                throw new UncheckedIOException("Cannot read " + file, e);
            }
            try (FileChannel ch = FileChannel.open(file, StandardOpenOption.WRITE)) {
                if (ch.size() > goodBytes) {
                    ch.truncate(goodBytes);
                }
            } catch (IOException e) {
                throw new UncheckedIOException("Cannot repair " + file, e);
            }
        }
        try {
            out = new FileOutputStream(file.toFile(), true);
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot open " + file, e);
        }
        return count;
    }

    /**
     * Replaces the journal by these entries (the live state), crash-safely: written to a new file, forced to disk,
     * then renamed over the old one. Called after {@link #replay}, before any append.
     */
    void compact(List<JsonObject> entries) {
        Path tmp = file.resolveSibling(FILE_NAME + ".compacting");
        try {
            out.close();
            try (FileChannel ch = FileChannel.open(tmp, StandardOpenOption.CREATE, StandardOpenOption.TRUNCATE_EXISTING,
                    StandardOpenOption.WRITE)) {
                for (JsonObject e : entries) {
                    ch.write(java.nio.ByteBuffer.wrap((e.toString() + "\n").getBytes(StandardCharsets.UTF_8)));
                }
                ch.force(true);
            }
            Files.move(tmp, file, java.nio.file.StandardCopyOption.REPLACE_EXISTING,
                    java.nio.file.StandardCopyOption.ATOMIC_MOVE);
            out = new FileOutputStream(file.toFile(), true);
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
