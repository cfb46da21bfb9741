package io.github.edfisdk.sandbox;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Percent-decoding of request paths, query strings and form bodies. Strict about escapes ({@code %} must be followed by
 * two hex digits: {@link IllegalArgumentException} naming the position otherwise) and lenient about characters that
 * should have been escaped but are unambiguous, such as {@code {} or a space, which are read as themselves (as the
 * ODS/API's Kestrel does). The text is given as read from the wire in ISO-8859-1 (one char per byte); the decoded
 * bytes are UTF-8.
 */
final class UrlCoding {
    private UrlCoding() {
    }

    /** A path: {@code %XX} decoded as UTF-8; {@code +} stays a plus. */
    static String decodePath(String raw) {
        return decode(raw, false);
    }

    /**
     * {@code a=1&b=2} (query or {@code application/x-www-form-urlencoded} body) in order; {@code +} is a space; the
     * first value of a name wins.
     */
    static Map<String, String> decodeForm(String raw) {
        Map<String, String> out = new LinkedHashMap<>();
        if (raw == null || raw.isEmpty()) {
            return out;
        }
        for (String pair : raw.split("&")) {
            if (pair.isEmpty()) {
                continue;
            }
            int eq = pair.indexOf('=');
            String k = decode(eq < 0 ? pair : pair.substring(0, eq), true);
            String v = eq < 0 ? "" : decode(pair.substring(eq + 1), true);
            out.putIfAbsent(k, v);
        }
        return out;
    }

    private static String decode(String s, boolean plusIsSpace) {
        if (s.indexOf('%') < 0 && (!plusIsSpace || s.indexOf('+') < 0)) {
            return s;
        }
        ByteArrayOutputStream bytes = new ByteArrayOutputStream(s.length());
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            if (c == '%') {
                int hi = i + 1 < s.length() ? Character.digit(s.charAt(i + 1), 16) : -1;
                int lo = i + 2 < s.length() ? Character.digit(s.charAt(i + 2), 16) : -1;
                if (hi < 0 || lo < 0) {
                    String escape = s.substring(i, Math.min(s.length(), i + 3));
                    throw new IllegalArgumentException("'" + ApiProblem.printable(escape) + "' at character " + (i + 1)
                            + " is not a %-escape (% and two hex digits; a % itself is %25)");
                }
                bytes.write(hi * 16 + lo);
                i += 2;
            } else if (c == '+' && plusIsSpace) {
                bytes.write(' ');
            } else if (c <= 0xFF) {
                bytes.write(c); // the text was read as ISO-8859-1: one char per byte
            } else {
                byte[] b = String.valueOf(c).getBytes(StandardCharsets.UTF_8);
                bytes.write(b, 0, b.length);
            }
        }
        return bytes.toString(StandardCharsets.UTF_8);
    }
}
