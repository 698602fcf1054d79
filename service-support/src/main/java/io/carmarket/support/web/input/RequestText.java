package io.carmarket.support.web.input;

/**
 * Which characters a string of a request may hold. Refused everywhere: C0 and C1 control characters (NUL, BEL, ESC,
 * DEL, NEL ...), the bidirectional embedding, override and isolate controls (U+202A..U+202E, U+2066..U+2069, used
 * to make text display differently from what it is) and unpaired surrogates (they cannot be stored as UTF-8). Line
 * feed, carriage return and tab are accepted only in multi-line text.
 */
public final class RequestText {

    private RequestText() {
    }

    /** Why {@code text} is refused, or null when it is acceptable. */
    public static String problemWith(String text, boolean multiline) {
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (Character.isHighSurrogate(c)) {
                if (i + 1 < text.length() && Character.isLowSurrogate(text.charAt(i + 1))) {
                    i++;
                    continue;
                }
                return "must not contain an unpaired surrogate";
            }
            if (Character.isLowSurrogate(c)) {
                return "must not contain an unpaired surrogate";
            }
            if (c == '\n' || c == '\r' || c == '\t') {
                if (!multiline) {
                    return "must be a single line (no line breaks or tabs)";
                }
            } else if (Character.getType(c) == Character.CONTROL) {
                return "must not contain control characters";
            } else if (isBidiControl(c)) {
                return "must not contain bidirectional override or isolate characters";
            }
        }
        return null;
    }

    private static boolean isBidiControl(char c) {
        return (c >= '\u202A' && c <= '\u202E') || (c >= '\u2066' && c <= '\u2069');
    }
}
