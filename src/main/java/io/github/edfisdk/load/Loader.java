package io.github.edfisdk.load;

import com.google.gson.JsonObject;
import io.github.edfisdk.client.DocumentClient;
import io.github.edfisdk.client.EdFiApiException;
import io.github.edfisdk.client.EdFiClient;
import io.github.edfisdk.client.EdFiException;
import io.github.edfisdk.client.ProblemDetails;
import io.github.edfisdk.client.RequestOptions;
import io.github.edfisdk.client.WriteResult;
import io.github.edfisdk.load.xml.InterchangeFile;
import io.github.edfisdk.model.Dependency;
import io.github.edfisdk.model.DataStandardModel;
import io.github.edfisdk.model.NaturalKey;
import io.github.edfisdk.model.ResourceModel;
import java.io.IOException;
import java.io.PrintStream;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Future;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.AtomicReference;
import java.util.concurrent.atomic.LongAdder;
import java.util.function.Consumer;

/**
 * Loads JSON Lines, CSV and Ed-Fi XML files into an Ed-Fi API in dependency order.
 *
 * <pre>{@code
 * try (EdFiClient client = EdFiClient.builder().baseUrl(url).credentials(key, secret).build()) {
 *     LoadReport report = Loader.builder().client(client).concurrency(8)
 *             .stateDir(Path.of(".edfi-load")).errorsFile(Path.of("errors.jsonl"))
 *             .build().load(List.of(Path.of("data/")));
 *     System.out.print(report.format());
 * }
 * }</pre>
 *
 * <p>How it works: the resources of the input are grouped by their order in the dependency list; each level's
 * records are streamed from the files (a file is read once per level it has records of) and POSTed by
 * {@code concurrency} senders through a bounded {@link SendQueue}, so memory does not grow with the input.
 * Resources of one level go out together. A level finishes before the next starts. Records refused with
 * 409 unresolved-reference are retried once the rest of their level has landed (a resource may reference itself,
 * e.g. a learning standard's parent), as long as each round lands some; they are kept in memory meanwhile (up to
 * {@value #MAX_DEFERRED}). The runtime retries throttling, 5xx and connection faults per its {@code RetryPolicy};
 * a record that still fails goes to the errors file and the load goes on. With a state folder, each accepted record's
 * natural key and content hash are journaled as its answer arrives; a later run skips records that landed unchanged
 * and sends the rest. A failed record is never journaled.
 */
public final class Loader {
    static final int MAX_DEFERRED = 100_000;
    /** Files read at once within a level (each holds at most one record outside the send queue's bound). */
    static final int READERS = 4;
    private static final String UNRESOLVED = "urn:ed-fi:api:data-conflict:unresolved-reference";

    private final DocumentClient documents;
    /** When given: the model and the load order come from it on the first load, not while building. */
    private final EdFiClient client;
    private DataStandardModel model;
    private List<Dependency> dependencies;
    private final int concurrency;
    private final Path stateDir;
    private final Path errorsFile;
    private final boolean redactValues;
    private final Path csvMapping;
    private final boolean dryRun;
    private final PrintStream progressOut;
    private final boolean terminal;
    private final Consumer<RecordFailure> failureListener;
    private final int abortAfterConnectionFailures;

    private Loader(Builder b) {
        this.documents = b.documents;
        this.client = b.client;
        this.model = b.model;
        this.dependencies = b.dependencies;
        if (model == null && client == null) {
            throw new NullPointerException("model (or client) is required");
        }
        this.concurrency = b.concurrency;
        this.stateDir = b.stateDir;
        this.errorsFile = b.errorsFile;
        this.redactValues = b.redactValues;
        this.csvMapping = b.csvMapping;
        this.dryRun = b.dryRun;
        this.progressOut = b.progressOut;
        this.terminal = b.terminal;
        this.failureListener = b.failureListener;
        this.abortAfterConnectionFailures = Math.max(10, 2 * concurrency);
        if (documents == null && !dryRun) {
            throw new IllegalStateException("a client is required unless dryRun(true)");
        }
    }

    public static Builder builder() {
        return new Builder();
    }

    /**
     * Loads the files (folders stand for the input files in them).
     *
     * @throws IOException an input cannot be opened, the state folder cannot be written, or (as
     *                     {@link LoadAbortedException}) the server stopped answering
     */
    public LoadReport load(List<Path> paths) throws IOException {
        resolveModel();
        List<InputFile> files = Inputs.open(paths, model, csvMapping);
        try (ErrorLog errors = new ErrorLog(errorsFile, failureListener, redactValues);
             LandedJournal journal = stateDir == null ? null : LandedJournal.open(stateDir)) {
            return new Run(files, errors, journal).execute();
        }
    }

    /** The client's model and the server's load order, read on the first load (building does no network I/O). */
    private synchronized void resolveModel() {
        if (model == null) {
            model = client.model();
        }
        if (dependencies == null) {
            dependencies = client != null ? Dependencies.of(client, model, note -> { }) : model.dependencies();
        }
    }

    /** The order level of each resource path in the dependency list (resources it lacks go last). */
    private Map<ResourceModel, Integer> levels() {
        Map<ResourceModel, Integer> m = new HashMap<>();
        for (Dependency d : dependencies) {
            model.resource(d.path()).ifPresent(r -> m.putIfAbsent(r, d.order()));
        }
        return m;
    }

    /** One load: its counters, workers and state. */
    private final class Run {
        private final List<InputFile> files;
        private final ErrorLog errors;
        private final LandedJournal journal;
        private final Map<String, Counters> counts = new ConcurrentHashMap<>();
        private final Map<String, Integer> levelOf = new ConcurrentHashMap<>();
        private final SendQueue senders;
        private final ExecutorService readers;
        private final LongAdder requests = new LongAdder();
        private final AtomicInteger consecutiveConnectionFailures = new AtomicInteger();
        private final AtomicReference<EdFiException> abort = new AtomicReference<>();
        private final List<Deferred> deferred = new ArrayList<>();
        private final AtomicLong handled = new AtomicLong();
        private final long started = System.nanoTime();
        private volatile String phase = "";
        private long expected = -1;

        Run(List<InputFile> files, ErrorLog errors, LandedJournal journal) {
            this.files = files;
            this.errors = errors;
            this.journal = journal;
            AtomicInteger m = new AtomicInteger();
            this.readers = Executors.newFixedThreadPool(READERS, r -> {
                Thread t = new Thread(r, "edfi-load-read-" + m.incrementAndGet());
                t.setDaemon(true);
                return t;
            });
            this.senders = new SendQueue(concurrency, Math.max(16, 2 * concurrency), "edfi-load-");
        }

        LoadReport execute() throws IOException {
            Progress progress = progressOut == null ? null : new Progress(progressOut, terminal, this::progressLine);
            try {
                Map<ResourceModel, Integer> order = levels();
                int last = order.values().stream().mapToInt(Integer::intValue).max().orElse(0) + 1;
                TreeMap<Integer, Set<ResourceModel>> levels = new TreeMap<>();
                Map<InputFile, Set<ResourceModel>> byFile = new LinkedHashMap<>();
                for (InputFile f : files) {
                    Set<ResourceModel> rs = f.resources();
                    byFile.put(f, rs);
                    for (ResourceModel r : rs) {
                        int level = order.getOrDefault(r, last);
                        levels.computeIfAbsent(level, k -> new TreeSet<>(Comparator.comparing(ResourceModel::name))).add(r);
                        levelOf.put(r.name(), level);
                        counter(r.name());
                    }
                }
                long total = 0;
                for (InputFile f : files) {
                    long c = f.recordCount();
                    total = c < 0 || total < 0 ? -1 : total + c;
                }
                expected = total;
                Set<InputFile> unknownsReported = new HashSet<>();
                int i = 0;
                for (Map.Entry<Integer, Set<ResourceModel>> level : levels.entrySet()) {
                    i++;
                    Set<ResourceModel> wanted = level.getValue();
                    phase = "level " + i + "/" + levels.size() + " (" + names(wanted) + ")";
                    // The level's files are read side by side (each by one reader), so its resources go out together.
                    List<Future<?>> reads = new ArrayList<>();
                    for (InputFile f : files) {
                        if (byFile.get(f).stream().anyMatch(wanted::contains)) {
                            boolean includeUnknown = unknownsReported.add(f);
                            reads.add(readers.submit(() -> {
                                f.read(wanted::contains, includeUnknown, this::submit);
                                return null;
                            }));
                        }
                    }
                    for (Future<?> read : reads) {
                        try {
                            read.get();
                        } catch (ExecutionException e) {
                            if (e.getCause() instanceof IOException io) {
                                throw io;
                            }
                            if (e.getCause() instanceof UncheckedIOException uio) {
                                throw uio.getCause();
                            }
                            throw new IllegalStateException(e.getCause());
                        }
                    }
                    checkAbort();
                    drain();
                    retryDeferred();
                    checkAbort();
                }
                for (InputFile f : files) {
                    if (unknownsReported.add(f)) {
                        f.read(r -> false, true, this::submit);
                    }
                }
                drain();
                checkAbort();
                return report();
            } catch (UncheckedIOException e) {
                throw e.getCause();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IOException("The load was interrupted", e);
            } finally {
                readers.shutdownNow();
                senders.close();
                if (progress != null) {
                    progress.close();
                }
            }
        }

        private String names(Set<ResourceModel> rs) {
            List<String> n = rs.stream().map(ResourceModel::name).limit(3).toList();
            return String.join(", ", n) + (rs.size() > 3 ? ", +" + (rs.size() - 3) : "");
        }

        private void checkAbort() throws LoadAbortedException {
            EdFiException e = abort.get();
            if (e != null) {
                try {
                    drain();
                } catch (InterruptedException ie) {
                    Thread.currentThread().interrupt();
                }
                String why = e instanceof EdFiApiException api && api.status() == 401
                        ? "The API refused the credentials (" + e.getMessage() + "); check the key and secret, then"
                        : "The server stopped answering (" + e.getMessage() + ");";
                throw new LoadAbortedException(why + " rerun the same command to resume", e, report());
            }
        }

        /** Waits until every record sent so far has its answer. */
        private void drain() throws InterruptedException {
            senders.awaitIdle();
        }

        private void submit(InputRecord rec) {
            if (abort.get() != null) {
                return; // stopping: the records not sent are not journaled, so a rerun sends them
            }
            if (!rec.readable()) {
                String resource = rec.resource() == null ? null : rec.resource().name();
                fail(rec, resource, null, 0, RecordFailure.MALFORMED, rec.readError(), Map.of());
                return;
            }
            ResourceModel r = rec.resource();
            JsonObject doc = rec.document();
            // Keys and hashes only matter with a journal; without one they would only cost CPU the server could use.
            NaturalKey key = journal == null ? null : r.naturalKey(doc);
            boolean journaled = key != null && key.isComplete();
            long contentHash = journaled ? RecordHashes.content(doc) : 0;
            long keyHash = journaled ? RecordHashes.key(key) : 0;
            if (journaled && journal.landedUnchanged(keyHash, contentHash)) {
                counter(r.name()).unchanged.increment();
                handled.incrementAndGet();
                return;
            }
            if (dryRun) {
                counter(r.name()).dryRun.increment();
                handled.incrementAndGet();
                return;
            }
            try {
                senders.put(() -> send(rec, key, keyHash, contentHash));
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException("interrupted", e);
            }
        }

        private void send(InputRecord rec, NaturalKey key, long keyHash, long contentHash) {
            ResourceModel r = rec.resource();
            requests.increment();
            try {
                // A line read unchanged goes out as its own bytes: serialising the parsed copy again costs CPU the
                // server could use.
                WriteResult w = rec.json() != null ? documents.post(r.path(), rec.json(), RequestOptions.none())
                        : documents.post(r.path(), rec.document());
                consecutiveConnectionFailures.set(0);
                if (key != null && key.isComplete()) {
                    try {
                        journal.record(keyHash, contentHash, r.name(), key.canonical());
                    } catch (IOException e) {
                        abort.compareAndSet(null, new EdFiException("cannot write the state journal: " + e.getMessage(), e));
                    }
                }
                Counters c = counter(r.name());
                (w.created() ? c.created : c.updated).increment();
                handled.incrementAndGet();
            } catch (EdFiApiException e) {
                consecutiveConnectionFailures.set(0);
                if (e.status() == 401) {
                    // The credentials were refused (the runtime already tried a fresh token): every other record
                    // would fail the same way. Stop; this record is not journaled, so the rerun sends it.
                    abort.compareAndSet(null, e);
                    return;
                }
                ProblemDetails p = e.problem();
                if (e.status() == 409 && UNRESOLVED.equals(p.type())) {
                    synchronized (deferred) {
                        if (deferred.size() < MAX_DEFERRED) {
                            deferred.add(new Deferred(rec, key, keyHash, contentHash, e));
                            return;
                        }
                    }
                }
                String message = p.detail() != null ? p.detail() : p.title() != null ? p.title() : e.getMessage();
                fail(rec, r.name(), keyOf(rec, key), e.status(), p.type(), message, p.validationErrors());
            } catch (EdFiException e) {
                // The runtime spent its retries: the server did not answer.
                fail(rec, r.name(), keyOf(rec, key), 0, RecordFailure.CONNECTION, e.getMessage(), Map.of());
                if (consecutiveConnectionFailures.incrementAndGet() >= abortAfterConnectionFailures) {
                    abort.compareAndSet(null, e);
                }
            } catch (RuntimeException e) {
                fail(rec, r.name(), keyOf(rec, key), 0, RecordFailure.CONNECTION, e.toString(), Map.of());
            }
        }

        /** Sends the records refused for a reference that another record of the same level provides. */
        private void retryDeferred() throws InterruptedException {
            while (true) {
                List<Deferred> round;
                synchronized (deferred) {
                    if (deferred.isEmpty()) {
                        return;
                    }
                    round = new ArrayList<>(deferred);
                    deferred.clear();
                }
                long before = landed();
                for (Deferred d : round) {
                    senders.put(() -> send(d.record, d.key, d.keyHash, d.contentHash));
                }
                drain();
                if (landed() == before) {
                    // No progress: these references are missing for good. Report the server's last answer.
                    List<Deferred> rest;
                    synchronized (deferred) {
                        rest = new ArrayList<>(deferred);
                        deferred.clear();
                    }
                    for (Deferred d : rest) {
                        ProblemDetails p = d.answer.problem();
                        String message = p.detail() != null ? p.detail() : p.title() != null ? p.title() : d.answer.getMessage();
                        fail(d.record, d.record.resource().name(), keyOf(d.record, d.key), d.answer.status(), p.type(),
                                message, p.validationErrors());
                    }
                    return;
                }
            }
        }

        private NaturalKey keyOf(InputRecord rec, NaturalKey known) {
            return known != null ? known : rec.resource().naturalKey(rec.document());
        }

        private long landed() {
            return counts.values().stream().mapToLong(c -> c.created.sum() + c.updated.sum()).sum();
        }

        private void fail(InputRecord rec, String resource, NaturalKey key, int status, String type, String message,
                          Map<String, List<String>> validationErrors) {
            counter(resource == null ? "(unknown resource)" : resource).failed.increment();
            handled.incrementAndGet();
            errors.add(new RecordFailure(rec.source(), rec.line(), resource, key == null ? null : key.values(), status,
                    type, message, validationErrors == null ? Map.of() : validationErrors));
        }

        private Counters counter(String resource) {
            return counts.computeIfAbsent(resource, k -> new Counters());
        }

        private String progressLine() {
            double s = (System.nanoTime() - started) / 1e9;
            long n = handled.get();
            String rate = String.format("%d failed, %.0f/s  %s", errors.count(), s > 0 ? n / s : 0.0, phase);
            if (expected > 0) {
                return Progress.bar(n, expected) + " " + rate;
            }
            return n + " records, " + rate;
        }

        private LoadReport report() {
            List<ResourceCounts> list = new ArrayList<>();
            counts.forEach((name, c) -> list.add(new ResourceCounts(name, levelOf.getOrDefault(name, Integer.MAX_VALUE),
                    c.created.sum(), c.updated.sum(), c.unchanged.sum(), c.failed.sum(), c.dryRun.sum())));
            list.sort(Comparator.comparingInt(ResourceCounts::level).thenComparing(ResourceCounts::resource));
            Map<String, Long> unmapped = new TreeMap<>();
            for (InputFile f : files) {
                if (f instanceof InterchangeFile x) {
                    x.unmapped().forEach((k, v) -> unmapped.merge(k, v, Long::sum));
                }
            }
            return new LoadReport(list, Duration.ofNanos(System.nanoTime() - started), errors.count(), errors.failures(),
                    unmapped, requests.sum(), dryRun);
        }
    }

    /** A record refused for a missing reference, with that answer (reported as is if no retry round helps). */
    private record Deferred(InputRecord record, NaturalKey key, long keyHash, long contentHash, EdFiApiException answer) {
    }

    private static final class Counters {
        final LongAdder created = new LongAdder();
        final LongAdder updated = new LongAdder();
        final LongAdder unchanged = new LongAdder();
        final LongAdder failed = new LongAdder();
        final LongAdder dryRun = new LongAdder();
    }

    /** Options of a load. */
    public static final class Builder {
        private DocumentClient documents;
        private EdFiClient client;
        private DataStandardModel model;
        private List<Dependency> dependencies;
        private int concurrency = 8;
        private Path stateDir;
        private Path errorsFile;
        private boolean redactValues;
        private Path csvMapping;
        private boolean dryRun;
        private PrintStream progressOut;
        private boolean terminal;
        private Consumer<RecordFailure> failureListener;

        private Builder() {
        }

        /**
         * The API to load into; unless given, the model ({@link EdFiClient#model()}) and the server's load order come
         * from it when the load starts (no request is made here).
         */
        public Builder client(EdFiClient client) {
            this.documents = client.documents();
            this.client = client;
            return this;
        }

        /** The document client to POST with (when not using {@link #client}). */
        public Builder documents(DocumentClient documents) {
            this.documents = documents;
            return this;
        }

        /** The Data Standard's model (for offline dry runs, or to override the client's). */
        public Builder model(DataStandardModel model) {
            this.model = model;
            return this;
        }

        /** The load order (default: the server's, or the model's). */
        public Builder dependencies(List<Dependency> dependencies) {
            this.dependencies = List.copyOf(dependencies);
            return this;
        }

        /** Requests in flight at most (default 8). */
        public Builder concurrency(int concurrency) {
            if (concurrency < 1 || concurrency > 256) {
                throw new IllegalArgumentException("concurrency must be 1 to 256, was " + concurrency);
            }
            this.concurrency = concurrency;
            return this;
        }

        /** Where the journal of landed records is kept, so that a rerun resumes (default: none). */
        public Builder stateDir(Path stateDir) {
            this.stateDir = stateDir;
            return this;
        }

        /** Leave record values out of failure messages and the errors file (see {@link RecordFailure#withoutValues()}). */
        public Builder redactValues(boolean redact) {
            this.redactValues = redact;
            return this;
        }

        /** Where failed records are written as JSON Lines (default: only in the report). */
        public Builder errorsFile(Path errorsFile) {
            this.errorsFile = errorsFile;
            return this;
        }

        /** The mapping of every CSV input (default: each file's {@code x.mapping.json}). */
        public Builder csvMapping(Path csvMapping) {
            this.csvMapping = csvMapping;
            return this;
        }

        /** Read, order and check against the journal, but send nothing. */
        public Builder dryRun(boolean dryRun) {
            this.dryRun = dryRun;
            return this;
        }

        /** Shows progress on {@code out}: a bar redrawn in place when {@code terminal}, else a line every 5 s. */
        public Builder progress(PrintStream out, boolean terminal) {
            this.progressOut = out;
            this.terminal = terminal;
            return this;
        }

        /** Called with each failed record as it fails (from worker threads). */
        public Builder onFailure(Consumer<RecordFailure> listener) {
            this.failureListener = listener;
            return this;
        }

        public Loader build() {
            return new Loader(this);
        }
    }
}
