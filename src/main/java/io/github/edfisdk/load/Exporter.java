package io.github.edfisdk.load;

import com.google.gson.JsonObject;
import io.github.edfisdk.client.DocumentClient;
import io.github.edfisdk.client.ServerFields;
import io.github.edfisdk.model.ResourceModel;
import java.io.IOException;
import java.io.Writer;
import java.util.Map;

/**
 * Writes every item of a resource matching a query as JSON Lines, page by page (memory holds one page). Without
 * server fields ({@code id}, {@code _etag}, {@code _lastModifiedDate}, {@code link}) the output loads back as is.
 */
public final class Exporter {
    private final DocumentClient documents;

    public Exporter(DocumentClient documents) {
        this.documents = documents;
    }

    /**
     * Exports the items of {@code resource} matching {@code query}, after checking every query name against the spec.
     *
     * @return the number of items written
     * @throws IllegalArgumentException a query name the resource does not have (the ODS would ignore it and answer
     *                                  every item); nothing is written
     */
    public long export(ResourceModel resource, Map<String, String> query, boolean keepServerFields, Writer out)
            throws IOException {
        resource.requireQueryParameters(query.keySet());
        return export(resource.path(), query, keepServerFields, out);
    }

    /** Exports by path, without checking the query names (the caller did). @return the number of items written */
    public long export(String resourcePath, Map<String, String> query, boolean keepServerFields, Writer out) throws IOException {
        long n = 0;
        for (JsonObject item : documents.query(resourcePath, query)) {
            out.write((keepServerFields ? item : ServerFields.strip(item)).toString());
            out.write('\n');
            n++;
        }
        out.flush();
        return n;
    }
}
