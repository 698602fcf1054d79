package io.carmarket.standalone;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

/**
 * A JSON object written member by member as text, so that a test sends exactly the bytes it means: duplicate keys,
 * raw values, escapes and characters a serializer would never produce. Immutable: every change returns a copy, so a
 * valid body can be the template of many hostile ones.
 */
final class HostileJson {

    private final List<Map.Entry<String, String>> members;

    private HostileJson(List<Map.Entry<String, String>> members) {
        this.members = Collections.unmodifiableList(members);
    }

    static HostileJson object() {
        return new HostileJson(List.of());
    }

    /** The member set to this raw JSON value text: replaced where the key already is, else appended. */
    HostileJson with(String key, String rawValue) {
        List<Map.Entry<String, String>> copy = new ArrayList<>(members);
        for (int i = 0; i < copy.size(); i++) {
            if (copy.get(i).getKey().equals(key)) {
                copy.set(i, Map.entry(key, rawValue));
                return new HostileJson(copy);
            }
        }
        copy.add(Map.entry(key, rawValue));
        return new HostileJson(copy);
    }

    HostileJson with(String key, HostileJson value) {
        return with(key, value.toString());
    }

    /** The member set to a string, written as a JSON string literal (see {@link #quote}). */
    HostileJson str(String key, String value) {
        return with(key, quote(value));
    }

    HostileJson without(String key) {
        List<Map.Entry<String, String>> copy = new ArrayList<>(members);
        copy.removeIf(member -> member.getKey().equals(key));
        return new HostileJson(copy);
    }

    /** Appends the member even if the key is there already: a duplicate key. */
    HostileJson plus(String key, String rawValue) {
        List<Map.Entry<String, String>> copy = new ArrayList<>(members);
        copy.add(Map.entry(key, rawValue));
        return new HostileJson(copy);
    }

    /** The raw value text of the first member with this key. */
    String get(String key) {
        return members.stream().filter(member -> member.getKey().equals(key)).map(Map.Entry::getValue).findFirst()
                .orElseThrow(() -> new IllegalArgumentException("no member " + key + " in " + this));
    }

    @Override
    public String toString() {
        return members.stream().map(member -> quote(member.getKey()) + ":" + member.getValue())
                .collect(Collectors.joining(",", "{", "}"));
    }

    /**
     * A JSON string literal. Escapes only what JSON requires ({@code "}, {@code \} and U+0000..U+001F) and unpaired
     * surrogates (which have no UTF-8 form, so they can only travel as {@code \\uD800} escapes); every other
     * character, U+007F, U+0085 and the bidi controls included, is written as itself and sent as UTF-8.
     */
    static String quote(String text) {
        StringBuilder json = new StringBuilder(text.length() + 2).append('"');
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            boolean pairedHigh = Character.isHighSurrogate(c) && i + 1 < text.length()
                    && Character.isLowSurrogate(text.charAt(i + 1));
            boolean pairedLow = Character.isLowSurrogate(c) && i > 0 && Character.isHighSurrogate(text.charAt(i - 1));
            if (c == '"' || c == '\\') {
                json.append('\\').append(c);
            } else if (c < 0x20 || (Character.isSurrogate(c) && !pairedHigh && !pairedLow)) {
                json.append(String.format("\\u%04x", (int) c));
            } else {
                json.append(c);
            }
        }
        return json.append('"').toString();
    }

    /** A JSON string literal with the text between the quotes exactly as given: raw control characters stay raw. */
    static String quoteRaw(String text) {
        return "\"" + text + "\"";
    }

    /** A JSON array of raw value texts (or {@link HostileJson} objects). */
    static String array(Object... rawItems) {
        return array(List.of(rawItems));
    }

    static String array(List<?> rawItems) {
        return rawItems.stream().map(String::valueOf).collect(Collectors.joining(",", "[", "]"));
    }

    /** A JSON array of {@code count} copies of one raw value text. */
    static String arrayOf(int count, Object rawItem) {
        return array(Collections.nCopies(count, rawItem));
    }
}
