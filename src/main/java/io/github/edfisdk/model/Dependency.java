package io.github.edfisdk.model;

import java.util.List;

/**
 * One line of {@code /metadata/data/v3/dependencies}: resources of a lower order are loaded first.
 *
 * @param path       e.g. {@code /ed-fi/schools}
 * @param order      1-based load order level
 * @param operations {@code Create}, {@code Update} (students, staffs, contacts appear twice)
 */
public record Dependency(String path, int order, List<String> operations) {
    public Dependency {
        operations = List.copyOf(operations);
    }
}
