package io.github.edfisdk.cli;

import java.util.regex.Pattern;

/**
 * Text that came from a server or a data file, made safe to print on a terminal: escape sequences removed (they can
 * clear the screen, retitle the window or move the cursor to forge output), line breaks and other control or
 * bidirectional-override characters shown as visible escapes (so one message stays one line), and cut to
 * {@value #MAX_CHARS} characters (a server may send a 20 MB {@code detail}). Every CLI print of a message that can
 * carry such text goes through {@link #of}; files keep the full text (JSON escapes control characters there).
 */
public final class TerminalText {
    /** Longest text printed for one message. */
    public static final int MAX_CHARS = 2000;
    // CSI (ESC [ ... final), OSC (ESC ] ... BEL or ESC \), and any other two-character escape.
    private static final Pattern ESCAPES = Pattern.compile(
            "\u001B\\[[0-?]*[ -/]*[@-~]|\u001B\\][^\u0007\u001B]*(?:\u0007|\u001B\\\\)?|\u001B.?|\u009B[0-?]*[ -/]*[@-~]");

    private TerminalText() {
    }

    /** The text, defused and cut; {@code "null"} for null. */
    public static String of(String text) {
        if (text == null) {
            return "null";
        }
        // Cut first (with room for what escaping adds) so a huge text is not copied whole.
        String head = text.length() > MAX_CHARS * 2 ? text.substring(0, MAX_CHARS * 2) : text;
        String clean = ESCAPES.matcher(head).replaceAll("");
        StringBuilder b = new StringBuilder(Math.min(clean.length(), MAX_CHARS) + 64);
        for (int i = 0; i < clean.length() && b.length() < MAX_CHARS; i++) {
            char c = clean.charAt(i);
            if (c == '\n') {
                b.append("\\n");
            } else if (c == '\r') {
                b.append("\\r");
            } else if (c == '\t') {
                b.append(' ');
            } else if (Character.isISOControl(c) || (c >= '\u202A' && c <= '\u202E')
                    || (c >= '\u2066' && c <= '\u2069')) {
                b.append(String.format("\\u%04x", (int) c));
            } else {
                b.append(c);
            }
        }
        int shownOfOriginal = approximateConsumed(text, b.length(), clean.length(), head.length());
        if (shownOfOriginal < text.length()) {
            b.append(" ... [").append(text.length() - shownOfOriginal).append(" more characters not shown]");
        }
        return b.toString();
    }

    /** How much of the original the printed part stands for (exact when nothing was escaped or removed). */
    private static int approximateConsumed(String text, int printed, int cleanLength, int headLength) {
        if (printed < MAX_CHARS && headLength == text.length()) {
            return text.length(); // all of it was shown
        }
        return Math.min(text.length(), printed + (headLength - cleanLength));
    }
}
