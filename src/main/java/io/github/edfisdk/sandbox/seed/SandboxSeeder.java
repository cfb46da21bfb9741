package io.github.edfisdk.sandbox.seed;

import com.google.gson.JsonObject;
import io.github.edfisdk.model.DescriptorValue;
import io.github.edfisdk.model.DocumentValidator;
import io.github.edfisdk.model.SharedFiles;
import io.github.edfisdk.model.DataStandardModel;
import io.github.edfisdk.model.Property;
import io.github.edfisdk.model.ResourceModel;
import io.github.edfisdk.model.ValidationError;
import io.github.edfisdk.model.xml.InterchangeReader;
import io.github.edfisdk.sandbox.Seed;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import io.github.edfisdk.model.DataStandard;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.HashMap;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.function.BiConsumer;
import java.util.logging.Logger;

/**
 * The start-up data of a sandbox. MINIMAL: every default Ed-Fi descriptor value and the school years 1991-2050 (the
 * ODS ships both). POPULATED: MINIMAL plus the whole Grand Bend sample ({@code sample-data/grand-bend}: education
 * organizations, calendars, sessions, courses, sections, staff, students, enrollments, programs, assessments...),
 * read with the loader's interchange reader and validated like any POST body.
 */
public final class SandboxSeeder {
    private static final Logger LOG = Logger.getLogger(SandboxSeeder.class.getName());
    static final String GRAND_BEND = "sample-data/grand-bend";
    /** The Grand Bend documents, read once per JVM and Data Standard (reading the 29 MB sample costs seconds). */
    private static final Map<DataStandard, GrandBend> GRAND_BEND_CACHE = new ConcurrentHashMap<>();

    /** One Grand Bend document and where it came from. */
    private record Doc(ResourceModel resource, JsonObject json, String source) {
    }

    /**
     * The sample read for one Data Standard: the documents in seeding order, and what was skipped (records of
     * resources the Data Standard lacks, elements it does not know, records that could not be mapped), with counts.
     */
    private record GrandBend(List<Doc> docs, Map<String, Long> skipped) {
    }

    private SandboxSeeder() {
    }

    /**
     * Feeds the seed documents, cleaned and in dependency order, to the store.
     *
     * @param store receives each resource and its validated document
     * @return the number of documents stored
     */
    public static int seed(DataStandardModel model, Seed seed, BiConsumer<ResourceModel, JsonObject> store) {
        if (seed == Seed.EMPTY) {
            return 0;
        }
        int n = 0;
        for (DescriptorValue v : model.descriptorValues().all()) {
            ResourceModel r = model.resource(v.descriptorName()).orElse(null);
            if (r == null) {
                continue;
            }
            JsonObject d = new JsonObject();
            d.addProperty("codeValue", v.codeValue());
            d.addProperty("namespace", v.namespace());
            d.addProperty("shortDescription", truncate(v.shortDescription(), 75));
            if (v.description() != null && !v.description().isBlank()) {
                d.addProperty("description", truncate(v.description(), 1024));
            }
            n += accept(r, d, "descriptors/" + v.descriptorName() + ".xml", store);
        }
        ResourceModel schoolYears = model.resource("SchoolYearType").orElse(null);
        if (schoolYears != null) {
            LocalDate today = LocalDate.now();
            int current = today.getMonthValue() >= 8 ? today.getYear() + 1 : today.getYear();
            for (int y = 1991; y <= 2050; y++) {
                JsonObject d = new JsonObject();
                d.addProperty("schoolYear", y);
                d.addProperty("currentSchoolYear", y == current);
                d.addProperty("schoolYearDescription", (y - 1) + "-" + y);
                n += accept(schoolYears, d, "school years", store);
            }
        }
        if (seed == Seed.POPULATED) {
            n += grandBend(model, store);
        }
        return n;
    }

    private static int grandBend(DataStandardModel model, BiConsumer<ResourceModel, JsonObject> store) {
        GrandBend sample = GRAND_BEND_CACHE.computeIfAbsent(model.dataStandard(), ds -> readGrandBend(model));
        int n = 0;
        for (Doc d : sample.docs()) {
            n += accept(d.resource(), d.json(), d.source(), store);
        }
        LOG.fine(() -> "Grand Bend seed: " + sample.docs().size() + " records read, skipped " + sample.skipped());
        return n;
    }

    /**
     * What the populated seed skipped of the Grand Bend sample for this Data Standard (the sample is Data Standard
     * 5.2): {@code "StudentAssessmentRegistration (no such resource in DS 5.1)"} or
     * {@code "Student: Student/Name/GenerationCodeSuffix"}, with counts, as the loader reports them.
     */
    public static Map<String, Long> grandBendSkipped(DataStandardModel model) {
        return GRAND_BEND_CACHE.computeIfAbsent(model.dataStandard(), ds -> readGrandBend(model)).skipped();
    }

    /**
     * Every file of the sample through the shared interchange reader (the one {@code edfi load} uses, which resolves
     * {@code ref="ID"} references within a file), descriptors first, then in dependency order.
     */
    private static GrandBend readGrandBend(DataStandardModel model) {
        List<String> files = new ArrayList<>();
        for (String name : SharedFiles.list(GRAND_BEND)) {
            if (name.endsWith(".xml")) {
                files.add(GRAND_BEND + "/" + name);
            }
        }
        if (files.isEmpty()) {
            LOG.warning(GRAND_BEND + " is not available; the populated seed goes without the Grand Bend data");
        }
        // The files are independent: read them on the machine's cores, then merge in file order.
        int threads = Math.max(1, Math.min(files.size(), Runtime.getRuntime().availableProcessors()));
        ExecutorService pool = Executors.newFixedThreadPool(threads, r -> {
            Thread t = new Thread(r, "grand-bend-reader");
            t.setDaemon(true);
            return t;
        });
        List<Doc> docs = new ArrayList<>();
        Map<String, Long> skipped = new TreeMap<>();
        try {
            List<Future<GrandBend>> parts = new ArrayList<>();
            for (String file : files) {
                parts.add(pool.submit(() -> readFile(model, file)));
            }
            for (Future<GrandBend> part : parts) {
                GrandBend g = part.get();
                docs.addAll(g.docs());
                g.skipped().forEach((k, v) -> skipped.merge(k, v, Long::sum));
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("Interrupted while reading " + GRAND_BEND, e);
        } catch (ExecutionException e) {
            throw e.getCause() instanceof RuntimeException re ? re : new IllegalStateException(e.getCause());
        } finally {
            pool.shutdownNow();
        }
        // Descriptors first (the dependency list does not order them), then by the dependency order.
        Map<ResourceModel, Integer> order = new HashMap<>();
        docs.sort(Comparator.comparingInt((Doc d) -> d.resource().isDescriptor() ? 0 : 1)
                .thenComparingInt(d -> order.computeIfAbsent(d.resource(), model::order)));
        return new GrandBend(List.copyOf(docs), Collections.unmodifiableMap(skipped));
    }

    /** One file through the shared interchange reader; the {@code ref=} index only when the file has references. */
    private static GrandBend readFile(DataStandardModel model, String file) {
        List<Doc> docs = new ArrayList<>();
        Map<String, Long> skipped = new TreeMap<>();
        InterchangeReader reader = new InterchangeReader(model);
        try {
            byte[] bytes;
            try (InputStream in = SharedFiles.open(file)) {
                bytes = in.readAllBytes();
            }
            InterchangeReader.Scan scan = new String(bytes, StandardCharsets.ISO_8859_1).contains(" ref=\"")
                    ? reader.scan(new ByteArrayInputStream(bytes), file)
                    : new InterchangeReader.Scan(Set.of(), 0, Map.of());
            reader.read(new ByteArrayInputStream(bytes), scan, r -> true, new InterchangeReader.Handler() {
                @Override
                public void record(ResourceModel resource, JsonObject document, int line) {
                    docs.add(new Doc(resource, document, file + " line " + line));
                }

                @Override
                public void failed(ResourceModel resource, int line, String message) {
                    LOG.warning(file + " line " + line + ": " + message);
                    skipped.merge(resource.name() + " (not mapped)", 1L, Long::sum);
                }

                @Override
                public void unknownRecord(String element, int line) {
                    skipped.merge(element + " (no such resource in DS " + model.dataStandard().version() + ")",
                            1L, Long::sum);
                }

                @Override
                public void unmapped(String resource, String elementPath) {
                    skipped.merge(resource + ": " + elementPath, 1L, Long::sum);
                }

                @Override
                public void malformed(int line, String message) {
                    LOG.warning(file + " line " + line + ": " + message + "; the rest of the file is skipped");
                }
            });
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot read " + file, e);
        }
        return new GrandBend(docs, skipped);
    }

    private static int accept(ResourceModel r, JsonObject doc, String source,
                              BiConsumer<ResourceModel, JsonObject> store) {
        List<ValidationError> errors = DocumentValidator.get().validate(r, doc);
        if (!errors.isEmpty()) {
            LOG.warning(source + ": " + r.name() + " " + r.naturalKey(doc) + " not seeded: " + errors);
            return 0;
        }
        try {
            store.accept(r, doc);
            return 1;
        } catch (RuntimeException first) {
            // The sample files refer to some items they do not contain (e.g. a student's optional personReference):
            // such optional references are dropped rather than losing the whole record.
            JsonObject trimmed = withoutOptionalReferences(r, doc);
            if (trimmed.size() != doc.size()) {
                try {
                    store.accept(r, trimmed);
                    return 1;
                } catch (RuntimeException ignored) {
                    // reported below with the first error
                }
            }
            RuntimeException e = first;
            LOG.warning(source + ": " + r.name() + " " + r.naturalKey(doc) + " not seeded: " + e.getMessage());
            return 0;
        }
    }

    private static JsonObject withoutOptionalReferences(ResourceModel r, JsonObject doc) {
        JsonObject out = doc.deepCopy();
        for (Property p : r.references()) {
            if (!p.required() && !p.identity()) {
                out.remove(p.name());
            }
        }
        return out;
    }

    private static String truncate(String s, int max) {
        if (s == null) {
            return null;
        }
        return s.length() <= max ? s : s.substring(0, max);
    }
}
