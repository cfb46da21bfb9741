package io.github.edfisdk.bench;

import com.google.gson.JsonParser;
import io.github.edfisdk.sandbox.EdFiSandbox;
import io.github.edfisdk.sandbox.Seed;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import okhttp3.ConnectionPool;
import okhttp3.MediaType;
import okhttp3.OkHttpClient;
import okhttp3.Request;
import okhttp3.RequestBody;
import okhttp3.Response;

/**
 * Throughput of the sandbox over HTTP on loopback (client and server in one JVM on one machine): validated POST
 * upserts per second and GET-by-id per second, with a few client threads. Not a test; run it with
 * <pre>
 * mvn -q -o test-compile dependency:build-classpath -Dmdep.outputFile=target/test-cp.txt -Dmdep.includeScope=test
 * java -Dedfi.shared.dir=../shared -cp target/test-classes:target/classes:$(cat target/test-cp.txt) \
 *      io.github.edfisdk.bench.SandboxBenchmark [seconds per phase, 5] [client threads, 4]
 * </pre>
 *
 * <p>Each POST is parsed, validated against the model (required, lengths, types, descriptor format), checked for
 * descriptor existence and reference resolution, stored, and (in the journal run) written to the journal before the
 * answer. Every answer's status is checked; a wrong status fails the run.
 */
public final class SandboxBenchmark {
    private static final MediaType JSON = MediaType.get("application/json");

    public static void main(String[] args) throws Exception {
        int seconds = args.length > 0 ? Integer.parseInt(args[0]) : 5;
        int threads = args.length > 1 ? Integer.parseInt(args[1]) : 4;
        System.out.printf(Locale.ROOT, "Sandbox benchmark: %d client threads, %d s per phase, %d cores%n", threads, seconds,
                Runtime.getRuntime().availableProcessors());
        // Two whole rounds warm the JIT up for every code path (one was not enough: the first measured round came out
        // at half the speed of the second, whichever store it used); then the stores alternate, round by round.
        for (int round = 0; round <= 3; round++) {
            String n = round < 2 ? null : " (round " + (round - 1) + ")";
            run(n == null ? null : "in memory" + n, null, seconds, threads);
            Path dir = Files.createTempDirectory("sandbox-bench");
            try {
                run(n == null ? null : "--data-dir journal" + n, dir, seconds, threads);
            } finally {
                deleteTree(dir);
            }
        }
    }

    private static void run(String label, Path dataDir, int seconds, int threads) throws Exception {
        try (EdFiSandbox sb = EdFiSandbox.builder().seed(Seed.POPULATED).dataDir(dataDir).start()) {
            OkHttpClient http = new OkHttpClient.Builder().connectionPool(new ConnectionPool(threads * 2, 1, TimeUnit.MINUTES))
                    .build();
            String token = token(http, sb);
            String base = sb.dataUrl();
            AtomicInteger seq = new AtomicInteger();
            ConcurrentLinkedQueue<String> ids = new ConcurrentLinkedQueue<>();
            String tag = Long.toString(System.nanoTime(), 36);

            Op postStudent = () -> {
                int n = seq.incrementAndGet();
                String body = "{\"studentUniqueId\":\"B" + tag + n + "\",\"firstName\":\"Bench\",\"lastSurname\":\"Mark" + n
                        + "\",\"birthDate\":\"2010-05-04\",\"birthCountryDescriptor\":\"uri://ed-fi.org/CountryDescriptor#US\"}";
                try (Response r = call(http, token, new Request.Builder().url(base + "/ed-fi/students")
                        .post(RequestBody.create(body, JSON)))) {
                    expect(r, 201);
                    if (n % 16 == 0) {
                        String loc = r.header("Location");
                        ids.add(loc.substring(loc.lastIndexOf('/') + 1));
                    }
                }
            };
            AtomicInteger enrolled = new AtomicInteger();
            AtomicInteger students = new AtomicInteger();
            Op postEnrollment = () -> {
                // Every enrolment is a new item: student n at one of up to 28 entry dates.
                int e = enrolled.incrementAndGet();
                int n = 1 + e % students.get();
                int day = 1 + (e / students.get()) % 28;
                String body = "{\"studentReference\":{\"studentUniqueId\":\"B" + tag + n + "\"},\"schoolReference\":"
                        + "{\"schoolId\":255901001},\"entryDate\":\"2024-08-" + (day < 10 ? "0" : "") + day
                        + "\",\"entryGradeLevelDescriptor\":"
                        + "\"uri://ed-fi.org/GradeLevelDescriptor#Ninth grade\"}";
                try (Response r = call(http, token, new Request.Builder().url(base + "/ed-fi/studentSchoolAssociations")
                        .post(RequestBody.create(body, JSON)))) {
                    expect(r, 201);
                }
            };
            Op getById = () -> {
                String id = ids.poll();
                ids.add(id);
                try (Response r = call(http, token, new Request.Builder().url(base + "/ed-fi/students/" + id).get())) {
                    expect(r, 200);
                    r.body().bytes();
                }
            };

            measure(postStudent, seconds, threads); // warm-up (JIT, connections); not counted
            ids.clear();
            double posts = measure(postStudent, seconds, threads);
            students.set(seq.get());
            double enrollments = measure(postEnrollment, seconds, threads);
            double gets = measure(getById, seconds, threads);
            if (label == null) {
                return;
            }
            System.out.printf(Locale.ROOT, "%-30s POST /students (validated upsert, create): %,8.0f /s%n", label, posts);
            System.out.printf(Locale.ROOT, "%-30s POST /studentSchoolAssociations (+2 reference checks): %,8.0f /s%n", label,
                    enrollments);
            System.out.printf(Locale.ROOT, "%-30s GET /students/{id}: %,8.0f /s%n", label, gets);
        }
    }

    interface Op {
        void run() throws IOException;
    }

    /** Runs the operation from {@code threads} threads for {@code seconds}; returns operations per second. */
    private static double measure(Op op, int seconds, int threads) throws Exception {
        ExecutorService pool = Executors.newFixedThreadPool(threads);
        AtomicLong done = new AtomicLong();
        long end = System.nanoTime() + TimeUnit.SECONDS.toNanos(seconds);
        long start = System.nanoTime();
        List<Future<?>> fs = new ArrayList<>();
        for (int t = 0; t < threads; t++) {
            fs.add(pool.submit(() -> {
                while (System.nanoTime() < end) {
                    op.run();
                    done.incrementAndGet();
                }
                return null;
            }));
        }
        for (Future<?> f : fs) {
            f.get();
        }
        double elapsed = (System.nanoTime() - start) / 1e9;
        pool.shutdown();
        return done.get() / elapsed;
    }

    private static Response call(OkHttpClient http, String token, Request.Builder b) throws IOException {
        return http.newCall(b.header("Authorization", "Bearer " + token).build()).execute();
    }

    private static void expect(Response r, int status) throws IOException {
        if (r.code() != status) {
            throw new IllegalStateException("expected " + status + ", got " + r.code() + ": " + r.body().string());
        }
    }

    private static String token(OkHttpClient http, EdFiSandbox sb) throws IOException {
        Request req = new Request.Builder().url(sb.tokenUrl())
                .header("Authorization", okhttp3.Credentials.basic(sb.key(), sb.secret()))
                .post(RequestBody.create("grant_type=client_credentials",
                        MediaType.get("application/x-www-form-urlencoded"))).build();
        try (Response r = http.newCall(req).execute()) {
            return JsonParser.parseString(r.body().string()).getAsJsonObject().get("access_token").getAsString();
        }
    }

    private static void deleteTree(Path dir) throws IOException {
        try (var s = Files.walk(dir)) {
            s.sorted(java.util.Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
        }
    }
}
