package io.github.edfisdk.sandbox;

import com.google.gson.JsonElement;
import com.google.gson.JsonParser;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.util.Map;

/**
 * Decodes a request body as UTF-8, refusing bytes that are not UTF-8 instead of storing U+FFFD in their place (a
 * replaced character would be silently changed data). The refusal names the JSON path of the value that holds them.
 */
final class Utf8Body {
    private Utf8Body() {
    }

    static String decode(byte[] bytes) {
        try {
            return StandardCharsets.UTF_8.newDecoder().onMalformedInput(CodingErrorAction.REPORT)
                    .onUnmappableCharacter(CodingErrorAction.REPORT).decode(ByteBuffer.wrap(bytes)).toString();
        } catch (CharacterCodingException e) {
            throw refusal(new String(bytes, StandardCharsets.UTF_8));
        }
    }

    /** A 400 at the first value (or member name) that held bytes which are not UTF-8, or about the body when unknown. */
    private static ApiProblem refusal(String replaced) {
        String path = null;
        try {
            path = find(JsonParser.parseString(replaced), "$");
        } catch (RuntimeException notJson) {
            // Not JSON either: the body as a whole is named.
        }
        if (path == null) {
            return ApiProblem.badRequest("The request body is not valid UTF-8 text.");
        }
        return ApiProblem.validation(path, "The value is not valid UTF-8 text.");
    }

    private static String find(JsonElement e, String path) {
        if (e.isJsonPrimitive()) {
            return e.getAsJsonPrimitive().isString() && e.getAsString().indexOf('\uFFFD') >= 0 ? path : null;
        }
        if (e.isJsonArray()) {
            for (int i = 0; i < e.getAsJsonArray().size(); i++) {
                String p = find(e.getAsJsonArray().get(i), path + "[" + i + "]");
                if (p != null) {
                    return p;
                }
            }
        } else if (e.isJsonObject()) {
            for (Map.Entry<String, JsonElement> m : e.getAsJsonObject().entrySet()) {
                String at = path + "." + m.getKey();
                if (m.getKey().indexOf('\uFFFD') >= 0) {
                    return at;
                }
                String p = find(m.getValue(), at);
                if (p != null) {
                    return p;
                }
            }
        }
        return null;
    }
}
