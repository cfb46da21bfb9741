package io.github.edfisdk.bench;

import io.github.edfisdk.client.EdFiClient;
import io.github.edfisdk.load.LoadReport;
import io.github.edfisdk.load.Loader;
import io.github.edfisdk.sandbox.EdFiSandbox;
import java.io.BufferedWriter;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Semaphore;
import java.util.concurrent.atomic.AtomicLong;
import okhttp3.HttpUrl;
import okhttp3.MediaType;
import okhttp3.OkHttpClient;
import okhttp3.Request;
import okhttp3.RequestBody;
import okhttp3.Response;

/**
 * The loader in process, side by side in one run: N generated students loaded into a fresh embedded sandbox by
 * {@link Loader}, and the same N bodies, serialised beforehand, POSTed by an OkHttp loop with the same concurrency
 * through the same authenticated client into another fresh sandbox. Prints both rates and their ratio. The loop pays
 * most of the loader's HTTP overhead (OkHttp, interceptors) and shares its JVM with the sandbox, so its ratio is not
 * the ceiling: {@link EndToEndLoadBenchmark} measures {@code edfi load} as a user runs it against a bare client.
 * Then (unless {@code --no-million}) loads a 1,000,000-record file with {@code edfi load} in a child JVM limited to
 * {@code -Xmx256m} and prints its peak heap.
 *
 * <pre>
 * mvn -q -o test-compile &amp;&amp; java -cp target/test-classes:target/classes:$(cat cp.txt) \
 *     io.github.edfisdk.bench.LoaderBenchmark [N=50000] [CONCURRENCY=8] [--no-million]
 * </pre>
 */
public final class LoaderBenchmark {
    private static final MediaType JSON = MediaType.get("application/json; charset=utf-8");

    public static void main(String[] args) throws Exception {
        int n = args.length > 0 && !args[0].startsWith("--") ? Integer.parseInt(args[0]) : 50_000;
        int concurrency = args.length > 1 && !args[1].startsWith("--") ? Integer.parseInt(args[1]) : 8;
        boolean million = !List.of(args).contains("--no-million");
        Path dir = Files.createTempDirectory("edfi-load-bench");
        Path file = write(dir.resolve("measured/students.jsonl"), "B", n);
        Path warm = write(dir.resolve("warm/students.jsonl"), "W", n);

        System.out.printf("LoaderBenchmark: %d students, concurrency %d, %d cores%n", n, concurrency,
                Runtime.getRuntime().availableProcessors());
        // Warm-up of both paths (JIT of the loader, the client and the sandbox; connection pools), not measured.
        for (int i = 0; i < 3; i++) {
            loader(warm, concurrency);
            bare(Files.readAllLines(warm), concurrency);
        }

        // Alternate which goes first, so that neither profits from running later (more JIT, warmer caches).
        int rounds = 6;
        double[] loaderRates = new double[rounds];
        double[] bareRates = new double[rounds];
        List<String> bodies = Files.readAllLines(file);
        for (int round = 0; round < rounds; round++) {
            if (round % 2 == 0) {
                loaderRates[round] = loader(file, concurrency);
                bareRates[round] = bare(bodies, concurrency);
            } else {
                bareRates[round] = bare(bodies, concurrency);
                loaderRates[round] = loader(file, concurrency);
            }
            System.out.printf("round %d: loader %.0f records/s, bare HTTP %.0f records/s, ratio %.2f%n", round + 1,
                    loaderRates[round], bareRates[round], loaderRates[round] / bareRates[round]);
        }
        double l = median(loaderRates);
        double b = median(bareRates);
        System.out.printf("RESULT loader %.0f records/s, bare HTTP ceiling %.0f records/s, ratio %.2f (medians of %d rounds)%n",
                l, b, l / b, rounds);

        if (million) {
            millionRecords(dir, concurrency);
        }
    }

    /** Loads the file into a fresh sandbox with the loader; records per second from the first request to the last. */
    static double loader(Path file, int concurrency) throws IOException {
        try (EdFiSandbox sb = EdFiSandbox.builder().port(0).start();
             EdFiClient client = EdFiClient.builder().baseUrl(sb.baseUrl()).credentials(sb.key(), sb.secret()).build()) {
            client.documents().count("students", Map.of()); // token and discovery, as the bare loop gets them
            Loader loader = Loader.builder().client(client).concurrency(concurrency).build();
            long t0 = System.nanoTime();
            LoadReport r = loader.load(List.of(file));
            double s = (System.nanoTime() - t0) / 1e9;
            if (r.failedTotal() != 0 || r.created() != Files.lines(file).count()) {
                throw new IllegalStateException("loader run incomplete: " + r.format());
            }
            return r.created() / s;
        }
    }

    /** POSTs pre-serialised bodies with {@code concurrency} threads: the ceiling of the HTTP path. */
    static double bare(List<String> bodies, int concurrency) throws Exception {
        try (EdFiSandbox sb = EdFiSandbox.builder().port(0).start();
             EdFiClient client = EdFiClient.builder().baseUrl(sb.baseUrl()).credentials(sb.key(), sb.secret()).build()) {
            client.documents().count("students", Map.of());
            OkHttpClient http = client.httpClient();
            HttpUrl url = HttpUrl.get(sb.dataUrl() + "/ed-fi/students");
            List<RequestBody> prepared = new ArrayList<>(bodies.size());
            for (String b : bodies) {
                prepared.add(RequestBody.create(b.getBytes(StandardCharsets.UTF_8), JSON));
            }
            ExecutorService pool = Executors.newFixedThreadPool(concurrency);
            Semaphore inFlight = new Semaphore(concurrency);
            AtomicLong created = new AtomicLong();
            long t0 = System.nanoTime();
            for (RequestBody body : prepared) {
                inFlight.acquire();
                pool.execute(() -> {
                    try (Response resp = http.newCall(new Request.Builder().url(url).post(body).build()).execute()) {
                        if (resp.code() == 201) {
                            created.incrementAndGet();
                        }
                    } catch (IOException e) {
                        // counted as not created
                    } finally {
                        inFlight.release();
                    }
                });
            }
            inFlight.acquire(concurrency);
            double s = (System.nanoTime() - t0) / 1e9;
            pool.shutdown();
            if (created.get() != bodies.size()) {
                throw new IllegalStateException("bare run incomplete: " + created + " of " + bodies.size());
            }
            return created.get() / s;
        }
    }

    /** 1,000,000 students loaded by {@code edfi load} in a JVM with {@code -Xmx256m}; prints its peak heap. */
    static void millionRecords(Path dir, int concurrency) throws Exception {
        Path file = write(dir.resolve("million/students.jsonl"), "M", 1_000_000);
        System.out.printf("1,000,000-record file: %.0f MB%n", Files.size(file) / 1048576.0);
        try (EdFiSandbox sb = EdFiSandbox.builder().port(0).start()) {
            Path creds = dir.resolve("creds.properties");
            Files.writeString(creds, "key=" + sb.key() + "\nsecret=" + sb.secret() + "\n");
            List<String> cmd = new ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                    "-Xmx256m", "-cp", System.getProperty("java.class.path")));
            if (System.getProperty("edfi.shared.dir") != null) {
                cmd.add("-Dedfi.shared.dir=" + System.getProperty("edfi.shared.dir"));
            }
            cmd.addAll(List.of(HeapReportingLoad.class.getName(), "load", file.toString(), "--base-url", sb.baseUrl(),
                    "--credentials-file", creds.toString(), "--concurrency", Integer.toString(concurrency),
                    "--state-dir", dir.resolve("million-state").toString()));
            Process p = new ProcessBuilder(cmd).redirectErrorStream(true).start();
            List<String> out = new ArrayList<>();
            try (var r = p.inputReader()) {
                String line;
                while ((line = r.readLine()) != null) {
                    out.add(line);
                    if (line.startsWith("TOTAL") || line.startsWith("PEAK_HEAP") || line.contains("records in")) {
                        System.out.println("  " + line);
                    }
                }
            }
            int code = p.waitFor();
            System.out.printf("RESULT 1,000,000 records with -Xmx256m: exit %d%n", code);
            if (code != 0) {
                out.stream().limit(50).forEach(System.out::println);
            }
        }
    }

    private static double median(double[] v) {
        double[] c = v.clone();
        java.util.Arrays.sort(c);
        return c.length % 2 == 1 ? c[c.length / 2] : (c[c.length / 2 - 1] + c[c.length / 2]) / 2;
    }

    private static Path write(Path file, String prefix, int n) throws IOException {
        Files.createDirectories(file.getParent()); // the file is named after its resource
        try (BufferedWriter w = Files.newBufferedWriter(file, StandardCharsets.UTF_8)) {
            for (int i = 0; i < n; i++) {
                w.write("{\"studentUniqueId\":\"" + prefix + i + "\",\"firstName\":\"First" + i + "\",\"lastSurname\":\"Last"
                        + (i % 997) + "\",\"birthDate\":\"20" + (10 + i % 10) + "-0" + (1 + i % 9) + "-1" + (i % 10) + "\"}\n");
            }
        }
        return file;
    }
}
