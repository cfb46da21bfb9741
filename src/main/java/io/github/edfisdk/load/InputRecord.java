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
 * @param json      the UTF-8 JSON text {@code document} was parsed from, when it is exactly that document (a JSON
 *                  Lines line without {@code _resource}); the loader sends these bytes instead of serialising the
 *                  document again. Null when the document was built or changed (CSV, XML, {@code _resource} removed)
 */
public record InputRecord(String source, long line, ResourceModel resource, JsonObject document, String readError,
                          byte[] json) {

    public static InputRecord of(String source, long line, ResourceModel resource, JsonObject document) {
        return new InputRecord(source, line, resource, document, null, null);
    }

    /** A record whose document was parsed from {@code json} and is unchanged. */
    public static InputRecord of(String source, long line, ResourceModel resource, JsonObject document, byte[] json) {
        return new InputRecord(source, line, resource, document, null, json);
    }

    public static InputRecord unreadable(String source, long line, ResourceModel resource, String error) {
        return new InputRecord(source, line, resource, null, error, null);
    }

    public boolean readable() {
        return readError == null;
    }
}
