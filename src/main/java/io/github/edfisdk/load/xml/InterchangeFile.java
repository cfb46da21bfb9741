package io.github.edfisdk.load.xml;

import com.google.gson.JsonObject;
import io.github.edfisdk.load.InputFile;
import io.github.edfisdk.load.InputRecord;
import io.github.edfisdk.model.DataStandardModel;
import io.github.edfisdk.model.ResourceModel;
import io.github.edfisdk.model.xml.InterchangeReader;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.LongAdder;
import java.util.function.Consumer;
import java.util.function.Predicate;

/**
 * An Ed-Fi XML interchange file ({@code <InterchangeStudent><Student>...</Student>...}), read with the shared
 * {@link InterchangeReader} (the sandbox's populated seed reads the Grand Bend sample with it too). Records of
 * resources the Data Standard does not have (e.g. a Data Standard 5.2 sample read against 5.1), and elements it does
 * not know, are counted in {@link #unmapped()} rather than failed: they are not records of the target API.
 */
public final class InterchangeFile implements InputFile {
    private final Path path;
    private final DataStandardModel model;
    private final InterchangeReader reader;
    private final Map<String, LongAdder> unmapped = new ConcurrentHashMap<>();
    /** The first pass (resources, count, {@code ref=} targets), made once. */
    private InterchangeReader.Scan scan;

    public InterchangeFile(Path path, DataStandardModel model) {
        this.path = path;
        this.model = model;
        this.reader = new InterchangeReader(model);
    }

    @Override
    public String name() {
        return path.toString();
    }

    @Override
    public synchronized Set<ResourceModel> resources() throws IOException {
        return scan().resources();
    }

    /** The records of resources the Data Standard has (the others are not loaded, so not counted). */
    @Override
    public synchronized long recordCount() {
        return scan == null ? -1 : scan.records();
    }

    private synchronized InterchangeReader.Scan scan() throws IOException {
        if (scan == null) {
            try (InputStream in = Files.newInputStream(path)) {
                scan = reader.scan(in, name());
            }
        }
        return scan;
    }

    /**
     * What did not map, with counts: {@code "Person (resource not in DS 5.1)"} or
     * {@code "Student: Student/Name/GenerationCodeSuffix"}. Filled as the file is read (each element counted once
     * per read of its record's resource).
     */
    public Map<String, Long> unmapped() {
        Map<String, Long> m = new TreeMap<>();
        unmapped.forEach((k, v) -> m.put(k, v.sum()));
        return m;
    }

    private void note(String what) {
        unmapped.computeIfAbsent(what, k -> new LongAdder()).increment();
    }

    @Override
    public void read(Predicate<ResourceModel> wanted, boolean includeUnknown, Consumer<InputRecord> sink) throws IOException {
        InterchangeReader.Scan first = scan(); // indexes the records that ref= attributes point to
        try (InputStream in = Files.newInputStream(path)) {
            reader.read(in, first, wanted, new InterchangeReader.Handler() {
                @Override
                public void record(ResourceModel resource, JsonObject document, int line) {
                    sink.accept(InputRecord.of(name(), line, resource, document));
                }

                @Override
                public void failed(ResourceModel resource, int line, String message) {
                    sink.accept(InputRecord.unreadable(name(), line, resource, message));
                }

                @Override
                public void unknownRecord(String element, int line) {
                    if (includeUnknown) {
                        note(element + " (no such resource in DS " + model.dataStandard().version() + ")");
                    }
                }

                @Override
                public void unmapped(String resource, String elementPath) {
                    note(resource + ": " + elementPath);
                }

                @Override
                public void malformed(int line, String message) {
                    // The XML is broken from here on: report it once, at its line, and stop this file.
                    if (includeUnknown) {
                        sink.accept(InputRecord.unreadable(name(), line, null, message));
                    }
                }
            });
        } catch (IOException e) {
            throw new IOException(name() + ": " + e.getMessage(), e);
        }
    }
}
