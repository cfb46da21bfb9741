package io.github.edfisdk.model;

import com.google.gson.JsonArray;
import com.google.gson.JsonElement;
import com.google.gson.JsonNull;
import com.google.gson.JsonObject;
import com.google.gson.JsonPrimitive;
import com.google.gson.Strictness;
import com.google.gson.internal.LazilyParsedNumber;
import com.google.gson.stream.JsonReader;
import com.google.gson.stream.JsonToken;
import java.io.IOException;
import java.io.StringReader;

/**
 * Parses one JSON value as the API would accept it (RFC 8259, no comments or single quotes), and refuses a member
 * given twice in one object: which of the two values the user meant cannot be told, so the record is reported
 * rather than sent with one of them silently dropped. Shared by the loader and the profiles' record files.
 */
public final class StrictJson {
    private StrictJson() {
    }

    /** A parse failure: the parser's words, with the line, column and JSON path where it stopped. */
    public static final class Malformed extends Exception {
        Malformed(String message) {
            super(message, null, false, false);
        }
    }

    /** The JSON value of {@code text}, or {@link Malformed} naming where and why it is not strict JSON. */
    public static JsonElement parse(String text) throws Malformed {
        JsonReader r = new JsonReader(new StringReader(text));
        r.setStrictness(Strictness.LEGACY_STRICT);
        try {
            JsonElement e = read(r);
            if (r.peek() != JsonToken.END_DOCUMENT) {
                throw new Malformed("unexpected content after the JSON value at " + r.getPath());
            }
            return e;
        } catch (IOException | RuntimeException e) {
            throw new Malformed(parserWords(e));
        }
    }

    /**
     * Gson's message without its advice for Java callers ("Use JsonReader.setStrictness...", "See https://...") or
     * a Java class name: the user needs to know where the text stops being JSON.
     */
    public static String parserWords(Exception e) {
        String m = e.getMessage() == null ? e.toString() : e.getMessage();
        m = m.replaceAll("(?:[a-z][a-z0-9]*\\.)+[A-Z][A-Za-z0-9]*(?:Exception|Error): ", "");
        int see = m.indexOf("\nSee ");
        return (see > 0 ? m.substring(0, see) : m)
                .replace("Use JsonReader.setStrictness(Strictness.LENIENT) to accept malformed JSON", "unexpected text");
    }

    private static JsonElement read(JsonReader in) throws IOException, Malformed {
        switch (in.peek()) {
            case BEGIN_OBJECT -> {
                JsonObject o = new JsonObject();
                in.beginObject();
                while (in.hasNext()) {
                    String name = in.nextName();
                    if (o.has(name)) {
                        throw new Malformed("duplicate member '" + name + "' at " + in.getPath()
                                + ": give each member once");
                    }
                    o.add(name, read(in));
                }
                in.endObject();
                return o;
            }
            case BEGIN_ARRAY -> {
                JsonArray a = new JsonArray();
                in.beginArray();
                while (in.hasNext()) {
                    a.add(read(in));
                }
                in.endArray();
                return a;
            }
            case STRING -> {
                return new JsonPrimitive(in.nextString());
            }
            case NUMBER -> {
                return new JsonPrimitive(new LazilyParsedNumber(in.nextString()));
            }
            case BOOLEAN -> {
                return new JsonPrimitive(in.nextBoolean());
            }
            case NULL -> {
                in.nextNull();
                return JsonNull.INSTANCE;
            }
            default -> throw new Malformed("unexpected " + in.peek() + " at " + in.getPath());
        }
    }
}
