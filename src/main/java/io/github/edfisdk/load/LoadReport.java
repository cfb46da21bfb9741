package io.github.edfisdk.load;

import java.time.Duration;
import java.util.List;
import java.util.Map;

/**
 * The account of a load: per resource (in load order) what was created, updated, skipped unchanged and failed, the
 * time and rate, the failures (the first {@value ErrorLog#KEPT}; all of them are in the errors file) and what of the
 * input did not map to the Data Standard (XML elements and records it does not have).
 *
 * @param requests the POSTs made (including retries of deferred records, not counting the runtime's own retries;
 *                 the server's count, e.g. {@code EdFiSandbox.stats()}, includes those)
 */
public record LoadReport(List<ResourceCounts> resources, Duration elapsed, long failedTotal, List<RecordFailure> failures,
                         Map<String, Long> unmapped, long requests, boolean dryRun) {

    public long created() {
        return resources.stream().mapToLong(ResourceCounts::created).sum();
    }

    public long updated() {
        return resources.stream().mapToLong(ResourceCounts::updated).sum();
    }

    public long unchanged() {
        return resources.stream().mapToLong(ResourceCounts::unchanged).sum();
    }

    /** Records that are on the server as given: created, updated or already there unchanged. */
    public long landed() {
        return created() + updated() + unchanged();
    }

    public long records() {
        return resources.stream().mapToLong(ResourceCounts::total).sum();
    }

    /** Records handled per second (sent, skipped or failed). */
    public double rate() {
        double s = elapsed.toNanos() / 1e9;
        return s <= 0 ? 0 : records() / s;
    }

    /** 0 when every record landed (or was unchanged), 1 when some failed. */
    public int exitCode() {
        return failedTotal == 0 ? 0 : 1;
    }

    /** The summary table printed at the end of a load. */
    public String format() {
        StringBuilder b = new StringBuilder();
        String head = dryRun ? "would send" : "created";
        b.append(String.format("%-5s %-52s %10s %10s %10s %10s%n", "level", "resource", head, "updated", "unchanged", "failed"));
        for (ResourceCounts c : resources) {
            String level = c.level() == Integer.MAX_VALUE ? "-" : Integer.toString(c.level());
            b.append(String.format("%-5s %-52s %10d %10d %10d %10d%n", level, c.resource(),
                    dryRun ? c.dryRun() : c.created(), c.updated(), c.unchanged(), c.failed()));
        }
        b.append(String.format("%-58s %10d %10d %10d %10d%n", "TOTAL",
                dryRun ? resources.stream().mapToLong(ResourceCounts::dryRun).sum() : created(), updated(), unchanged(),
                failedTotal));
        b.append(String.format("%d records in %.1f s (%.0f records/s), %d requests%n", records(),
                elapsed.toNanos() / 1e9, rate(), requests));
        if (!dryRun) {
            // The account a user checks first: every record is either on the server or in the errors file.
            b.append(String.format("%d landed, %d failed, of %d records%n", landed(), failedTotal, records()));
        }
        if (!unmapped.isEmpty()) {
            b.append("Not mapped to the Data Standard (left out):").append(System.lineSeparator());
            unmapped.forEach((what, n) -> b.append(String.format("  %6d x %s%n", n, what)));
        }
        return b.toString();
    }
}
