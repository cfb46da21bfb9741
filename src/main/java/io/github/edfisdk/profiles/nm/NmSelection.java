package io.github.edfisdk.profiles.nm;

import java.util.List;

/**
 * Whether one source record is published, and if not, every selection criterion it fails (in the seed's wording).
 *
 * @param source            the source facts
 * @param exclusionReasons  empty when the record is published
 */
public record NmSelection<T>(T source, List<String> exclusionReasons) {
    public NmSelection {
        exclusionReasons = List.copyOf(exclusionReasons);
    }

    public boolean included() {
        return exclusionReasons.isEmpty();
    }
}
