package io.github.edfisdk.load;

/**
 * What happened to the records of one resource.
 *
 * @param created   201 answers
 * @param updated   200 answers (an item with the same natural key existed and was replaced)
 * @param unchanged skipped without a request: the state journal shows the same key and content landed before
 * @param failed    failed for good (in the errors file)
 * @param dryRun    would have been sent (dry run only)
 */
public record ResourceCounts(String resource, int level, long created, long updated, long unchanged, long failed,
                             long dryRun) {

    public long total() {
        return created + updated + unchanged + failed + dryRun;
    }

    public long sent() {
        return created + updated + failed;
    }
}
