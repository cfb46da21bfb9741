package io.github.edfisdk.bench;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.Writer;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Base64;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * {@code edfi load} as a user runs it, against its ceiling. Each run starts a fresh sandbox in its own process
 * ({@code EdFiCli sandbox}, seed minimal), then either {@code ./edfi load} (the launcher script, so its JVM options
 * count; {@code EDFI_JAVA_OPTS=-Xmx256m}) or {@link BareHttpLoad} (a separate JVM, {@code -Xmx256m}, raw keep-alive
 * sockets, no OkHttp) sends the same files:
 * one school, N students and N student-school associations, at the same concurrency. Rates are records per second of
 * the tool's process, from its start to its exit (JVM start included, as a user waits for it). The two tools alternate
 * which goes first, round by round. After every run the server's counts are checked (exactly 1 school, N students, N
 * enrolments); the loader's peak RSS (VmHWM) and both tools' CPU time (utime+stime from /proc) are printed.
 *
 * <pre>
 * mvn -o -q -DskipTests package   # target/test-classes and target/runtime-classpath.txt
 * java -cp "target/test-classes:target/classes:$(cat target/runtime-classpath.txt)" \
 *     io.github.edfisdk.bench.EndToEndLoadBenchmark [STUDENTS=20000] [ROUNDS=3] [CONCURRENCY=8] [--jfr DIR] \
 *     [--loader-java-opts "OPTIONS"]
 * </pre>
 * Run it from the project folder; it first runs {@code ./edfi --version} (untimed), which builds the jar when the
 * sources changed, and one untimed one-record {@code ./edfi load}, which leaves the launcher's class-data archive. {@code --jfr DIR} records the loader runs with Java Flight Recorder into {@code DIR};
 * {@code --loader-java-opts} adds JVM options to the loader's {@code EDFI_JAVA_OPTS} (e.g. to compare with the
 * launcher's defaults: {@code "-XX:TieredStopAtLevel=4 -XX:+UseG1GC"}).
 */
public final class EndToEndLoadBenchmark {
    private static final Pattern LINE = Pattern.compile("^(URL|Data API|Token URL|Key|Secret):\\s+(\\S+)");
    private static final long CLOCK_TICKS = 100; // USER_HZ of /proc/PID/stat on Linux

    public static void main(String[] args) throws Exception {
        List<String> positional = new ArrayList<>();
        Path jfr = null;
        String javaOpts = "-Xmx256m";
        for (int i = 0; i < args.length; i++) {
            if (args[i].equals("--jfr")) {
                jfr = Path.of(args[++i]).toAbsolutePath();
                Files.createDirectories(jfr);
            } else if (args[i].equals("--loader-java-opts")) {
                javaOpts += " " + args[++i];
            } else {
                positional.add(args[i]);
            }
        }
        int students = positional.size() > 0 ? Integer.parseInt(positional.get(0)) : 20_000;
        int rounds = positional.size() > 1 ? Integer.parseInt(positional.get(1)) : 3;
        int concurrency = positional.size() > 2 ? Integer.parseInt(positional.get(2)) : 8;
        Path dir = Files.createTempDirectory("edfi-e2e-bench");
        try {
            measure(dir, students, rounds, concurrency, javaOpts, jfr);
        } finally {
            try (var walk = Files.walk(dir)) {
                walk.sorted(java.util.Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
            }
        }
    }

    private static void measure(Path dir, int students, int rounds, int concurrency, String javaOpts, Path jfr)
            throws Exception {
        Path data = Files.createDirectories(dir.resolve("data"));
        List<Path> files = writeData(data, students);
        Process build = new ProcessBuilder("./edfi", "--version").redirectErrorStream(true).start();
        String version = new String(build.getInputStream().readAllBytes(), StandardCharsets.UTF_8).strip().split("\n")[0];
        if (build.waitFor() != 0) {
            throw new IllegalStateException("./edfi --version failed:\n" + version);
        }
        long records = 1 + 2L * students;
        System.out.printf(Locale.ROOT, "EndToEndLoadBenchmark: %,d records (1 school, %,d students, %,d enrolments), "
                + "concurrency %d, %d rounds, %d cores; loader: ./edfi load (%s), EDFI_JAVA_OPTS=%s%n", records, students,
                students, concurrency, rounds, Runtime.getRuntime().availableProcessors(), version, javaOpts);

        // One untimed load first, as any earlier load would have done: the launcher archives the classes of the first
        // load after a build (class-data sharing) when it exits, and later loads map that archive.
        try (SandboxProcess sb = SandboxProcess.start(dir)) {
            run(List.of("./edfi", "load", files.get(0).toString(), "--base-url", sb.url, "--credentials-file",
                    sb.credentials.toString()), Map.of("EDFI_JAVA_OPTS", javaOpts), out -> { });
        }
        double[] loader = new double[rounds];
        double[] bare = new double[rounds];
        long maxRss = 0;
        for (int round = 0; round < rounds; round++) {
            Run l = null;
            Run b = null;
            for (int k = 0; k < 2; k++) {
                boolean loaderTurn = (k == 0) == (round % 2 == 0);
                try (SandboxProcess sb = SandboxProcess.start(dir)) {
                    Run r = loaderTurn ? runLoader(sb, data, concurrency, javaOpts, jfr, round) : runBare(sb, files, concurrency);
                    verify(sb, students);
                    if (loaderTurn) {
                        l = r;
                    } else {
                        b = r;
                    }
                }
            }
            loader[round] = records / l.seconds;
            bare[round] = records / b.seconds;
            maxRss = Math.max(maxRss, l.rssKb);
            System.out.printf(Locale.ROOT, "round %d (%s first): edfi load %,.0f records/s (%.1f s, CPU %.1f s of which"
                            + " system %.1f s, peak RSS %d MB) | bare %,.0f records/s (%.1f s, CPU %.1f s of which system %.1f s)"
                            + " | ratio %.2f%n", round + 1, round % 2 == 0 ? "loader" : "bare", loader[round], l.seconds,
                    l.cpuSeconds, l.systemSeconds, l.rssKb / 1024, bare[round], b.seconds, b.cpuSeconds, b.systemSeconds,
                    loader[round] / bare[round]);
        }
        double[] ratios = new double[rounds];
        for (int i = 0; i < rounds; i++) {
            ratios[i] = loader[i] / bare[i];
        }
        System.out.printf(Locale.ROOT, "RESULT %,d records: edfi load %,.0f/s, bare %,.0f/s (medians), ratio %.2f "
                        + "(median; range %.2f-%.2f over %d rounds); loader peak RSS %d MB at -Xmx256m%n", records,
                median(loader), median(bare), median(ratios), Arrays.stream(ratios).min().orElse(0),
                Arrays.stream(ratios).max().orElse(0), rounds, maxRss / 1024);
    }

    /** One tool's run: wall time from process start to exit, CPU time, peak resident memory. */
    record Run(double seconds, double cpuSeconds, double systemSeconds, long rssKb) {
    }

    static Run runLoader(SandboxProcess sb, Path data, int concurrency, String javaOpts, Path jfr, int round)
            throws Exception {
        String opts = jfr == null ? javaOpts
                : javaOpts + " -XX:StartFlightRecording=filename=" + jfr.resolve("load-" + (round + 1) + ".jfr") + ",settings=profile";
        List<String> cmd = List.of("./edfi", "load", data.toString(), "--base-url", sb.url, "--credentials-file",
                sb.credentials.toString(), "--concurrency", Integer.toString(concurrency));
        return run(cmd, Map.of("EDFI_JAVA_OPTS", opts), out -> {
            if (!out.contains(" 0 failed")) {
                throw new IllegalStateException("edfi load did not land every record:\n" + out);
            }
        });
    }

    static Run runBare(SandboxProcess sb, List<Path> files, int concurrency) throws Exception {
        List<String> cmd = new ArrayList<>(List.of(java(), "-Xmx256m", "-cp", System.getProperty("java.class.path"),
                BareHttpLoad.class.getName(), sb.dataUrl, sb.tokenUrl, sb.credentials.toString(),
                Integer.toString(concurrency)));
        files.forEach(f -> cmd.add(f.toString()));
        return run(cmd, Map.of(), out -> {
            if (!out.contains("BARE ") || !out.trim().endsWith(" 0")) {
                throw new IllegalStateException("the bare client did not land every record:\n" + out);
            }
        });
    }

    interface OutputCheck {
        void check(String output);
    }

    /** Runs a tool, sampling its CPU time and peak RSS from /proc until it exits. */
    private static Run run(List<String> cmd, Map<String, String> env, OutputCheck check) throws Exception {
        ProcessBuilder pb = new ProcessBuilder(cmd).redirectErrorStream(true);
        pb.environment().putAll(env);
        long t0 = System.nanoTime();
        Process p = pb.start();
        StringBuilder out = new StringBuilder();
        Thread reader = new Thread(() -> {
            try (BufferedReader r = p.inputReader()) {
                for (String line = r.readLine(); line != null; line = r.readLine()) {
                    synchronized (out) {
                        out.append(line).append('\n');
                    }
                }
            } catch (IOException ignored) {
                // the process ended
            }
        });
        reader.start();
        long rss = 0;
        long cpuTicks = 0;
        long systemTicks = 0;
        Path proc = Path.of("/proc", Long.toString(p.pid()));
        while (!p.waitFor(20, TimeUnit.MILLISECONDS)) {
            try {
                rss = Math.max(rss, vmHwmKb(Files.readString(proc.resolve("status"))));
                String stat = Files.readString(proc.resolve("stat"));
                cpuTicks = cpuTicks(stat);
                systemTicks = systemTicks(stat);
            } catch (IOException | RuntimeException e) {
                // exited between the checks
            }
        }
        double seconds = (System.nanoTime() - t0) / 1e9;
        reader.join();
        if (p.exitValue() != 0) {
            throw new IllegalStateException(String.join(" ", cmd.subList(0, 2)) + " exited " + p.exitValue() + ":\n" + out);
        }
        check.check(out.toString());
        return new Run(seconds, (double) cpuTicks / CLOCK_TICKS, (double) systemTicks / CLOCK_TICKS, rss);
    }

    static long vmHwmKb(String status) {
        for (String line : status.split("\n")) {
            if (line.startsWith("VmHWM:")) {
                return Long.parseLong(line.replaceAll("[^0-9]", ""));
            }
        }
        return 0;
    }

    /** utime + stime (fields 14 and 15 of /proc/PID/stat; the command name in field 2 may hold spaces). */
    static long cpuTicks(String stat) {
        String[] f = stat.substring(stat.lastIndexOf(')') + 2).split(" ");
        return Long.parseLong(f[11]) + Long.parseLong(f[12]);
    }

    /** stime (field 15 of /proc/PID/stat). */
    static long systemTicks(String stat) {
        return Long.parseLong(stat.substring(stat.lastIndexOf(')') + 2).split(" ")[12]);
    }

    /** Exactly one school, N students and N enrolments on the server, or the benchmark stops. */
    static void verify(SandboxProcess sb, int students) throws Exception {
        HttpClient http = HttpClient.newHttpClient();
        String basic = Base64.getEncoder().encodeToString((sb.key + ":" + sb.secret).getBytes(StandardCharsets.UTF_8));
        HttpResponse<String> t = http.send(HttpRequest.newBuilder(URI.create(sb.tokenUrl))
                .header("Authorization", "Basic " + basic).header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString("grant_type=client_credentials")).build(),
                HttpResponse.BodyHandlers.ofString());
        Matcher m = Pattern.compile("\"access_token\"\\s*:\\s*\"([^\"]+)\"").matcher(t.body());
        if (!m.find()) {
            throw new IllegalStateException("no token for the count check (status " + t.statusCode() + ")");
        }
        for (Map.Entry<String, Integer> e : Map.of("schools", 1, "students", students, "studentSchoolAssociations", students)
                .entrySet()) {
            HttpResponse<Void> r = http.send(HttpRequest.newBuilder(URI.create(sb.dataUrl + "/ed-fi/" + e.getKey()
                            + "?limit=0&totalCount=true")).header("Authorization", "Bearer " + m.group(1)).GET().build(),
                    HttpResponse.BodyHandlers.discarding());
            long n = Long.parseLong(r.headers().firstValue("Total-Count").orElse("-1"));
            if (n != e.getValue()) {
                throw new IllegalStateException("the server holds " + n + " " + e.getKey() + ", expected " + e.getValue());
            }
        }
    }

    static List<Path> writeData(Path dir, int n) throws IOException {
        Path schools = dir.resolve("schools.jsonl");
        Files.writeString(schools, "{\"schoolId\":255901001,\"nameOfInstitution\":\"Bench High School\","
                + "\"educationOrganizationCategories\":[{\"educationOrganizationCategoryDescriptor\":"
                + "\"uri://ed-fi.org/EducationOrganizationCategoryDescriptor#School\"}],\"gradeLevels\":[{\"gradeLevelDescriptor\":"
                + "\"uri://ed-fi.org/GradeLevelDescriptor#Ninth grade\"}]}\n");
        Path students = dir.resolve("students.jsonl");
        Path enrolments = dir.resolve("studentSchoolAssociations.jsonl");
        try (Writer s = Files.newBufferedWriter(students); Writer e = Files.newBufferedWriter(enrolments)) {
            for (int i = 0; i < n; i++) {
                s.write("{\"studentUniqueId\":\"S" + i + "\",\"firstName\":\"First" + i + "\",\"lastSurname\":\"Last"
                        + (i % 997) + "\",\"birthDate\":\"20" + (10 + i % 10) + "-0" + (1 + i % 9) + "-1" + (i % 10) + "\"}\n");
                e.write("{\"studentReference\":{\"studentUniqueId\":\"S" + i + "\"},\"schoolReference\":{\"schoolId\":255901001},"
                        + "\"entryDate\":\"2024-08-" + (10 + i % 19) + "\",\"entryGradeLevelDescriptor\":"
                        + "\"uri://ed-fi.org/GradeLevelDescriptor#Ninth grade\"}\n");
            }
        }
        return List.of(schools, students, enrolments);
    }

    private static String java() {
        return Path.of(System.getProperty("java.home"), "bin", "java").toString();
    }

    /** target/classes and the runtime dependencies: what {@code ./edfi} runs (without the test classes). */
    static String runtimeClasspath() throws IOException {
        Path classes = Path.of("target/classes").toAbsolutePath();
        return classes + ":" + Files.readString(Path.of("target/runtime-classpath.txt")).strip();
    }

    private static double median(double[] v) {
        double[] c = v.clone();
        Arrays.sort(c);
        return c.length % 2 == 1 ? c[c.length / 2] : (c[c.length / 2 - 1] + c[c.length / 2]) / 2;
    }

    /** {@code EdFiCli sandbox --port 0 --seed minimal} in its own JVM; its generated key and secret are never printed. */
    static final class SandboxProcess implements AutoCloseable {
        final Process process;
        final String url;
        final String dataUrl;
        final String tokenUrl;
        final String key;
        final String secret;
        final Path credentials;

        private SandboxProcess(Process process, Map<String, String> fields, Path credentials) {
            this.process = process;
            this.url = fields.get("URL");
            this.dataUrl = fields.get("Data API");
            this.tokenUrl = fields.get("Token URL");
            this.key = fields.get("Key");
            this.secret = fields.get("Secret");
            this.credentials = credentials;
        }

        static SandboxProcess start(Path dir) throws Exception {
            Process p = new ProcessBuilder(java(), "-cp", runtimeClasspath(), "io.github.edfisdk.cli.EdFiCli", "sandbox",
                    "--port", "0", "--seed", "minimal").redirectErrorStream(true).start();
            BufferedReader r = new BufferedReader(new InputStreamReader(p.getInputStream(), StandardCharsets.UTF_8));
            Map<String, String> fields = new java.util.HashMap<>();
            for (String line = r.readLine(); line != null && !line.startsWith("Press Ctrl-C"); line = r.readLine()) {
                Matcher m = LINE.matcher(line);
                if (m.find()) {
                    fields.put(m.group(1), m.group(2));
                }
            }
            if (fields.size() < 5) {
                p.destroyForcibly();
                throw new IllegalStateException("the sandbox did not start (fields seen: " + fields.keySet() + ")");
            }
            Thread drain = new Thread(() -> {
                try {
                    r.transferTo(Writer.nullWriter());
                } catch (IOException ignored) {
                    // stopped
                }
            });
            drain.setDaemon(true);
            drain.start();
            Path creds = dir.resolve("credentials.properties");
            Files.deleteIfExists(creds);
            Files.createFile(creds, PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rw-------")));
            Files.writeString(creds, "key=" + fields.get("Key") + "\nsecret=" + fields.get("Secret") + "\n");
            return new SandboxProcess(p, fields, creds);
        }

        @Override
        public void close() throws Exception {
            process.destroy();
            if (!process.waitFor(20, TimeUnit.SECONDS)) {
                process.destroyForcibly().waitFor();
            }
        }
    }
}
