package io.github.edfisdk.model;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.channels.FileChannel;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.OpenOption;
import java.nio.file.Path;
import java.nio.file.attribute.FileAttribute;
import java.nio.file.attribute.PosixFilePermission;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.Set;

/**
 * Files that hold student records or the sandbox's data (journals, errors files): created readable by their owner
 * only ({@code 0600}, folders {@code 0700}), whatever the umask. On a file system without POSIX permissions
 * (Windows) the defaults apply. Files and folders that already exist keep the permissions the user gave them.
 */
public final class PrivateFiles {
    private static final Set<PosixFilePermission> FILE = PosixFilePermissions.fromString("rw-------");
    private static final Set<PosixFilePermission> DIR = PosixFilePermissions.fromString("rwx------");

    private PrivateFiles() {
    }

    /** Creates the folder and its missing parents, the ones created {@code 0700}. */
    public static void createDirectories(Path dir) throws IOException {
        Path abs = dir.toAbsolutePath();
        if (Files.isDirectory(abs)) {
            return;
        }
        Path parent = abs.getParent();
        if (parent != null) {
            createDirectories(parent);
        }
        try {
            if (posix(parent)) {
                Files.createDirectory(abs, PosixFilePermissions.asFileAttribute(DIR));
            } else {
                Files.createDirectory(abs);
            }
        } catch (FileAlreadyExistsException raced) {
            if (!Files.isDirectory(abs)) {
                throw raced;
            }
        }
    }

    /** Creates the file {@code 0600} if it does not exist (an existing file is left as it is). */
    public static void create(Path file) throws IOException {
        if (Files.exists(file)) {
            return;
        }
        try {
            Files.createFile(file, attributes(file));
        } catch (FileAlreadyExistsException raced) {
            // created meanwhile: fine
        }
    }

    /** {@link Files#newOutputStream}, creating the file {@code 0600} first when it does not exist. */
    public static OutputStream newOutputStream(Path file, OpenOption... options) throws IOException {
        create(file);
        return Files.newOutputStream(file, options);
    }

    /** {@link FileChannel#open}, creating the file {@code 0600} first when it does not exist. */
    public static FileChannel openChannel(Path file, OpenOption... options) throws IOException {
        create(file);
        return FileChannel.open(file, options);
    }

    private static FileAttribute<?>[] attributes(Path file) {
        return posix(file.toAbsolutePath().getParent())
                ? new FileAttribute<?>[] {PosixFilePermissions.asFileAttribute(FILE)}
                : new FileAttribute<?>[0];
    }

    private static boolean posix(Path anyPathOnTheFileSystem) {
        Path p = anyPathOnTheFileSystem == null ? Path.of("").toAbsolutePath() : anyPathOnTheFileSystem;
        return p.getFileSystem().supportedFileAttributeViews().contains("posix");
    }
}
