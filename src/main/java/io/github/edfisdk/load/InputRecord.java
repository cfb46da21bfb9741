package io.github.edfisdk.load;

import com.google.gson.JsonObject;
import io.github.edfisdk.model.ResourceModel;

/**
 * One record read from an input file: the resource and its JSON document, or the reason it could not be read
 * (then {@code document} is null and {@code readError} says why; {@code resource} may be null when unknown).
 *
 * @param source    the file the record came from, as given
 * @param line      the 1-based line where the record starts
 * @param resource  the resource, or null when it could not be told
 * @param document  the API document, or null when the record could not be read
 * @param readError why the record could not be read, or null
 */
public record InputRecord(String source, long line, ResourceModel resource, JsonObject document, String readError) {

    public static InputRecord of(String source, long line, ResourceModel resource, JsonObject document) {
        return new InputRecord(source, line, resource, document, null);
    }

    public static InputRecord unreadable(String source, long line, ResourceModel resource, String error) {
        return new InputRecord(source, line, resource, null, error);
    }

    public boolean readable() {
        return readError == null;
    }
}
