package io.github.edfisdk.examples;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * A vendor's own Maven project ({@code sdk-examples/vendor-app}, written from the README) built and tested offline
 * against the SDK jar this build just packaged, as if it had been installed: the jar and this pom go into a local
 * repository of their own, laid over the user's (links to everything else in it), so nothing is written to the
 * user's repository for the SDK and no network is needed.
 */
class VendorProjectIT {
    static Path work;
    static Path repo;
    static Path app;
    static String version;

    @BeforeAll
    static void installTheJustBuiltJar() throws IOException {
        Path jar = Path.of(System.getProperty("edfi.sdk.jar"));
        Path basedir = Path.of(System.getProperty("edfi.sdk.basedir"));
        version = System.getProperty("edfi.sdk.version");
        assertTrue(Files.isRegularFile(jar), jar + " is built by `mvn package`");
        work = basedir.resolve("target/vendor-it");
        deleteTree(work);
        repo = overlayRepository(Path.of(System.getProperty("edfi.local.repository")), work.resolve("repo"));
        Path installed = Files.createDirectories(repo.resolve("io/github/edfisdk/edfi-sdk/" + version));
        Files.copy(jar, installed.resolve("edfi-sdk-" + version + ".jar"));
        Files.copy(basedir.resolve("pom.xml"), installed.resolve("edfi-sdk-" + version + ".pom"));
        app = work.resolve("app");
        copyTree(basedir.resolve("sdk-examples/vendor-app"), app);
    }

    @Test
    void theReadmeCodeCompilesAndRunsInAFreshProject() throws Exception {
        Result r = mvn("test");
        assertEquals(0, r.exit, r.output);
        assertTrue(r.output.contains("604822 Ann"), r.output);
        assertTrue(r.output.contains("Tests run: 1, Failures: 0, Errors: 0"), r.output);
    }

    @Test
    void theCompileClassPathHasTheRuntimeButNotTheCli() throws Exception {
        Path cp = work.resolve("compile-classpath.txt");
        Result r = mvn("org.apache.maven.plugins:maven-dependency-plugin:3.8.1:build-classpath",
                "-Dmdep.outputFile=" + cp, "-Dmdep.includeScope=compile");
        assertEquals(0, r.exit, r.output);
        String classpath = Files.readString(cp);
        assertTrue(classpath.contains("edfi-sdk-" + version + ".jar"), classpath);
        assertTrue(classpath.contains("okhttp-") && classpath.contains("gson-"), classpath);
        assertFalse(classpath.contains("picocli"), classpath);
        assertFalse(classpath.contains("logging-interceptor"), classpath);
    }

    record Result(int exit, String output) {
    }

    private static Result mvn(String... goals) throws Exception {
        String home = System.getProperty("maven.home");
        String exe = home != null && Files.isRegularFile(Path.of(home, "bin", "mvn")) ? Path.of(home, "bin", "mvn").toString() : "mvn";
        List<String> cmd = new ArrayList<>(List.of(exe, "-o", "-B", "-Dmaven.repo.local=" + repo,
                "-Dedfi-sdk.version=" + version));
        cmd.addAll(List.of(goals));
        Path log = Files.createTempFile(work, "mvn", ".log");
        Process p = new ProcessBuilder(cmd).directory(app.toFile()).redirectErrorStream(true).redirectOutput(log.toFile()).start();
        assertTrue(p.waitFor(10, TimeUnit.MINUTES), "the vendor build did not finish");
        return new Result(p.exitValue(), Files.readString(log));
    }

    /** {@code target} with a link for every entry of {@code source}, except {@code io/github/edfisdk}. */
    private static Path overlayRepository(Path source, Path target) throws IOException {
        link(source, target, List.of("io", "github", "edfisdk"));
        return target;
    }

    private static void link(Path source, Path target, List<String> exceptPath) throws IOException {
        Files.createDirectories(target);
        if (!Files.isDirectory(source)) {
            return;
        }
        try (Stream<Path> entries = Files.list(source)) {
            for (Path e : entries.toList()) {
                String name = e.getFileName().toString();
                if (name.equals(exceptPath.get(0))) {
                    if (exceptPath.size() > 1) {
                        link(e, target.resolve(name), exceptPath.subList(1, exceptPath.size()));
                    }
                } else {
                    Files.createSymbolicLink(target.resolve(name), e);
                }
            }
        }
    }

    private static void copyTree(Path from, Path to) throws IOException {
        try (Stream<Path> all = Files.walk(from)) {
            for (Path p : all.filter(p -> !from.relativize(p).startsWith("target")).toList()) {
                Path dest = to.resolve(from.relativize(p).toString());
                if (Files.isDirectory(p)) {
                    Files.createDirectories(dest);
                } else {
                    Files.copy(p, dest, StandardCopyOption.REPLACE_EXISTING);
                }
            }
        }
    }

    private static void deleteTree(Path dir) throws IOException {
        if (!Files.exists(dir, java.nio.file.LinkOption.NOFOLLOW_LINKS)) {
            return;
        }
        try (Stream<Path> all = Files.walk(dir)) { // does not follow links: only the links themselves are deleted
            for (Path p : all.sorted(java.util.Comparator.reverseOrder()).toList()) {
                Files.delete(p);
            }
        }
    }
}
