package io.github.edfisdk.model;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;

/**
 * Finds the Ed-Fi input files (specs, dependency orders, default descriptors, sample data, certification pages).
 *
 * <p>Paths are relative to the {@code edfi/} folder, e.g. {@code openapi/ds5.1/resources.json}. They are read from
 * {@code <edfi.shared.dir>/edfi/} when the system property {@code edfi.shared.dir} (or the environment variable
 * {@code EDFI_SHARED_DIR}) names a folder, else from the copies the build packages into the jar under {@code edfi/}.
 */
public final class EdFiFiles {
    private EdFiFiles() {
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
        return EdFiFiles.class.getClassLoader().getResource("edfi/" + relativePath) != null;
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
        InputStream in = EdFiFiles.class.getClassLoader().getResourceAsStream("edfi/" + relativePath);
        if (in == null) {
            throw new UncheckedIOException(new IOException("Ed-Fi file not found: edfi/" + relativePath
                    + " (neither under -Dedfi.shared.dir nor on the class path)"));
        }
        return in;
    }
}
