package io.github.edfisdk.model;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.JarURLConnection;
import java.net.URI;
import java.net.URISyntaxException;
import java.net.URL;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Enumeration;
import java.util.List;
import java.util.Optional;
import java.util.TreeSet;
import java.util.jar.JarEntry;
import java.util.stream.Stream;

/**
 * Finds the Ed-Fi input files (specs, dependency orders, default descriptors, sample data, certification pages).
 *
 * <p>Paths are relative to the {@code edfi/} folder, e.g. {@code openapi/ds5.1/resources.json}. They are read from
 * {@code <edfi.shared.dir>/edfi/} when the system property {@code edfi.shared.dir} (or the environment variable
 * {@code EDFI_SHARED_DIR}) names a folder, else from the copies the build packages into the jar under {@code edfi/}.
 */
public final class SharedFiles {
    private SharedFiles() {
    }

    /** The shared folder given by configuration, if any and if it exists. */
    public static Optional<Path> sharedDir() {
        String dir = System.getProperty("edfi.shared.dir");
        if (dir == null || dir.isBlank()) {
            dir = System.getenv("EDFI_SHARED_DIR");
        }
        if (dir == null || dir.isBlank()) {
            return Optional.empty();
        }
        Path p = Path.of(dir);
        return Files.isDirectory(p.resolve("edfi")) ? Optional.of(p) : Optional.empty();
    }

    /** Whether the file exists in the shared folder or on the class path. */
    public static boolean exists(String relativePath) {
        Optional<Path> file = sharedDir().map(d -> d.resolve("edfi").resolve(relativePath));
        if (file.isPresent() && Files.isRegularFile(file.get())) {
            return true;
        }
        return SharedFiles.class.getClassLoader().getResource("edfi/" + relativePath) != null;
    }

    /** Opens the file; the caller closes the stream. */
    public static InputStream open(String relativePath) {
        Optional<Path> file = sharedDir().map(d -> d.resolve("edfi").resolve(relativePath));
        try {
            if (file.isPresent() && Files.isRegularFile(file.get())) {
                return Files.newInputStream(file.get());
            }
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot read " + file.get(), e);
        }
        InputStream in = SharedFiles.class.getClassLoader().getResourceAsStream("edfi/" + relativePath);
        if (in == null) {
            throw new UncheckedIOException(new IOException("Ed-Fi file not found: edfi/" + relativePath
                    + " (neither under -Dedfi.shared.dir nor on the class path)"));
        }
        return in;
    }

    /** The names of the files in a folder (e.g. {@code descriptors}), sorted; empty when the folder is unknown. */
    public static List<String> list(String relativeDir) {
        Optional<Path> dir = sharedDir().map(d -> d.resolve("edfi").resolve(relativeDir));
        if (dir.isPresent() && Files.isDirectory(dir.get())) {
            return names(dir.get());
        }
        URL url = SharedFiles.class.getClassLoader().getResource("edfi/" + relativeDir);
        if (url == null) {
            return List.of();
        }
        try {
            URI uri = url.toURI();
            if ("jar".equals(uri.getScheme())) {
                // The jar's entry list, not a zip file system: that would first index all ~15,000 entries of the jar
                // (about 40 ms of every CLI start).
                JarURLConnection jar = (JarURLConnection) url.openConnection();
                String prefix = jar.getEntryName().endsWith("/") ? jar.getEntryName() : jar.getEntryName() + "/";
                TreeSet<String> out = new TreeSet<>();
                Enumeration<JarEntry> entries = jar.getJarFile().entries();
                while (entries.hasMoreElements()) {
                    String name = entries.nextElement().getName();
                    if (name.startsWith(prefix) && name.length() > prefix.length()) {
                        String rest = name.substring(prefix.length());
                        int slash = rest.indexOf('/');
                        out.add(slash < 0 ? rest : rest.substring(0, slash)); // a file, or a folder as Files.list names it
                    }
                }
                return new ArrayList<>(out);
            }
            return names(Path.of(uri));
        } catch (URISyntaxException | IOException e) {
            throw new UncheckedIOException(new IOException("Cannot list edfi/" + relativeDir, e));
        }
    }

    private static List<String> names(Path dir) {
        try (Stream<Path> s = Files.list(dir)) {
            List<String> out = new ArrayList<>();
            s.forEach(p -> out.add(p.getFileName().toString()));
            Collections.sort(out);
            return out;
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot list " + dir, e);
        }
    }
}
