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

    /** The key as a person reads it, e.g. {@code {"studentUniqueId":"1","schoolId":255901001}}. */
    default String display(JsonObject document) {
        return readable(of(document));
    }

    /**
     * A canonical key (as kept in the identity map) made readable: the model's key separates its values with the
     * invisible U+001F and starts with the resource name; this gives {@code name=value; name=value}.
     */
    static String readable(String canonical) {
        if (canonical == null) {
            return "-";
        }
        String s = canonical;
        int bar = s.indexOf('|');
        if (bar > 0 && s.indexOf('=') > bar) {
            s = s.substring(bar + 1); // "StudentProgramAssociation|..." -> "..."
        }
        if (s.endsWith("\u001f")) {
            s = s.substring(0, s.length() - 1);
        }
        return s.replace("\u001f", "; ");
    }

    /** The identity of the resource as the Data Standard's model defines it (the usual choice). */
    static DocumentKey of(ResourceModel resource) {
        return new DocumentKey() {
            @Override
            public String of(JsonObject document) {
                return resource.naturalKey(document).canonical();
            }

            @Override
            public String display(JsonObject document) {
                return resource.naturalKey(document).values().toString();
            }
        };
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
