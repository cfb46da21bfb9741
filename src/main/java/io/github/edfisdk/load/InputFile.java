package io.github.edfisdk.load;

import io.github.edfisdk.model.ResourceModel;
import java.io.IOException;
import java.util.Set;
import java.util.function.Consumer;
import java.util.function.Predicate;

/**
 * A streamed input file. The loader reads a file once per dependency level that it holds records of, so memory does
 * not grow with the file's size. Records that cannot be read are handed on as {@link InputRecord#unreadable} so that
 * every record is accounted for; a record whose resource cannot be told is passed whatever {@code wanted} says.
 */
public interface InputFile {

    /** The file name as given by the user. */
    String name();

    /** The resources this file holds records of (may read the whole file once, streaming). */
    Set<ResourceModel> resources() throws IOException;

    /** How many records the file holds, known after {@link #resources()}; -1 when not counted. */
    default long recordCount() {
        return -1;
    }

    /**
     * Streams the records of the wanted resources in file order.
     *
     * @param wanted     which resources to pass on; unreadable records of an unknown resource are passed when
     *                   {@code includeUnknown} is true
     */
    void read(Predicate<ResourceModel> wanted, boolean includeUnknown, Consumer<InputRecord> sink) throws IOException;
}
