package io.github.edfisdk.sync;

import com.google.gson.JsonElement;
import com.google.gson.JsonObject;
import io.github.edfisdk.model.ResourceModel;
import java.util.List;
import java.util.Locale;

/**
 * The natural key of an Ed-Fi document as a canonical string: two documents with the same key are the same ODS
 * resource. Strings (descriptor URIs included) compare case-insensitively, as the ODS does.
 */
@FunctionalInterface
public interface DocumentKey {
    String of(JsonObject document);

    /** The identity of the resource as the Data Standard's model defines it (the usual choice). */
    static DocumentKey of(ResourceModel resource) {
        return document -> resource.naturalKey(document).canonical();
    }

    /** A key made of the values at these dotted paths, e.g. "studentReference.studentUniqueId". */
    static DocumentKey ofPaths(String... dottedPaths) {
        List<String> paths = List.of(dottedPaths);
        return document -> {
            StringBuilder key = new StringBuilder();
            for (String path : paths) {
                JsonElement value = document;
                for (String segment : path.split("\\.")) {
                    value = value != null && value.isJsonObject() ? value.getAsJsonObject().get(segment) : null;
                }
                if (key.length() > 0) {
                    key.append('|');
                }
                key.append(path).append('=');
                if (value != null && !value.isJsonNull()) {
                    key.append(value.isJsonPrimitive() ? value.getAsString().trim().toLowerCase(Locale.ROOT)
                            : value.toString());
                }
            }
            return key.toString();
        };
    }
}
