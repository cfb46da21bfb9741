package io.github.edfisdk.load;

import com.google.gson.Gson;
import com.google.gson.GsonBuilder;
import java.io.BufferedWriter;
import java.io.Closeable;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import io.github.edfisdk.model.PrivateFiles;
import java.io.OutputStreamWriter;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.function.Consumer;

/**
 * Collects failed records: writes them as JSON Lines to the errors file (when given), keeps the first
 * {@value #KEPT} for the report, and passes each to a listener (the CLI prints them under {@code -v}).
 */
public final class ErrorLog implements Closeable {
    static final int KEPT = 1000;
    private static final Gson GSON = new GsonBuilder().serializeNulls().disableHtmlEscaping().create();

    private final BufferedWriter out;
    private final Consumer<RecordFailure> listener;
    private final List<RecordFailure> kept = new ArrayList<>();
    private final boolean redactValues;
    private long count;

    public ErrorLog(Path file, Consumer<RecordFailure> listener) throws IOException {
        this(file, listener, false);
    }

    /**
     * @param file         the errors file (created readable by the owner only: it holds whole records), or null
     * @param listener     gets each failure as it happens (the CLI prints them), or null
     * @param redactValues leave the record's values out of messages and drop its natural key
     *                     ({@link RecordFailure#withoutValues()}): file and line still find the record
     */
    public ErrorLog(Path file, Consumer<RecordFailure> listener, boolean redactValues) throws IOException {
        if (file != null && file.toAbsolutePath().getParent() != null) {
            PrivateFiles.createDirectories(file.toAbsolutePath().getParent());
        }
        this.out = file == null ? null : new BufferedWriter(new OutputStreamWriter(PrivateFiles.newOutputStream(file,
                StandardOpenOption.CREATE, StandardOpenOption.TRUNCATE_EXISTING, StandardOpenOption.WRITE),
                StandardCharsets.UTF_8));
        this.listener = listener == null ? f -> { } : listener;
        this.redactValues = redactValues;
    }

    public synchronized void add(RecordFailure failure) {
        RecordFailure f = redactValues ? failure.withoutValues() : failure;
        count++;
        if (kept.size() < KEPT) {
            kept.add(f);
        }
        if (out != null) {
            try {
                out.write(GSON.toJson(f.toJson()));
                out.write('\n');
                out.flush();
            } catch (IOException e) {
                throw new UncheckedIOException("Cannot write the errors file", e);
            }
        }
        listener.accept(f);
    }

    public synchronized long count() {
        return count;
    }

    /** The first {@value #KEPT} failures, in the order they happened. */
    public synchronized List<RecordFailure> failures() {
        return Collections.unmodifiableList(new ArrayList<>(kept));
    }

    @Override
    public synchronized void close() throws IOException {
        if (out != null) {
            out.close();
        }
    }
}
