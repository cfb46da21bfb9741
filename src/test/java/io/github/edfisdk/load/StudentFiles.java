package io.github.edfisdk.load;

import java.io.BufferedWriter;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

/** Generated test inputs: {@code n} distinct students as JSON Lines (streamed to disk, any size). */
final class StudentFiles {
    private StudentFiles() {
    }

    static Path write(Path file, int n) throws IOException {
        try (BufferedWriter w = Files.newBufferedWriter(file, StandardCharsets.UTF_8)) {
            for (int i = 0; i < n; i++) {
                w.write(line(i));
                w.write('\n');
            }
        }
        return file;
    }

    static String line(int i) {
        return "{\"studentUniqueId\":\"G" + i + "\",\"firstName\":\"First" + i + "\",\"lastSurname\":\"Last" + (i % 997)
                + "\",\"birthDate\":\"20" + (10 + i % 10) + "-0" + (1 + i % 9) + "-1" + (i % 10) + "\"}";
    }
}
