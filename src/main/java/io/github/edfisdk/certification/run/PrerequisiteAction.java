package io.github.edfisdk.certification.run;

/**
 * An item the runner created because a scenario refers to it and the ODS lacked it.
 *
 * @param resource e.g. {@code Student}
 * @param key      its natural key values, e.g. {@code {"studentUniqueId":"222222"}}
 * @param source   where its body came from: "Student scenario 1", "minimal document", "descriptor value"
 * @param created  whether the POST succeeded
 * @param error    the server's answer when it did not, else ""
 */
public record PrerequisiteAction(String resource, String key, String source, boolean created, String error) {
    static PrerequisiteAction created(String resource, String key, String source) {
        return new PrerequisiteAction(resource, key, source, true, "");
    }

    static PrerequisiteAction failed(String resource, String key, String source, String error) {
        return new PrerequisiteAction(resource, key, source, false, error);
    }

    @Override
    public String toString() {
        return (created ? "created " : "could not create ") + resource + " " + key
                + (source.isEmpty() ? "" : " (" + source + ")") + (created ? "" : ": " + error);
    }
}
