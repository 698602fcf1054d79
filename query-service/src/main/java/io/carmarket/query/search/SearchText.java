package io.carmarket.query.search;

import io.carmarket.support.web.InvalidParameterException;

import java.text.Normalizer;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * How text is normalised for equality and word matches, identically when a car is projected and when it is
 * searched: accents removed ("Citroën" is "citroen"), lower case, surrounding and repeated spaces removed.
 * <p>
 * The embedded MongoDB server has no {@code $text} search, so a car keeps the words of its make, model and variant
 * as a lower-case array; a search word matches when it starts one of them (an anchored, case-sensitive regular
 * expression, which real MongoDB answers from an index on the array).
 */
public final class SearchText {

    /** At most this many words of a free-text query are used; more answer 400. */
    public static final int MAX_QUERY_WORDS = 8;

    private static final Pattern MARKS = Pattern.compile("\\p{M}+");
    private static final Pattern SPACES = Pattern.compile("\\s+");
    private static final Pattern NOT_A_WORD_CHARACTER = Pattern.compile("[^\\p{L}\\p{N}]+");
    private static final Pattern WORD = Pattern.compile("[\\p{L}\\p{N}]+");

    private SearchText() {
    }

    /**
     * A list's {@code q} parameter as given, or null when blank; a 400 naming {@code q} when it has no word to search
     * for or more than {@value #MAX_QUERY_WORDS} words.
     */
    public static String checkedQuery(String q) {
        if (q == null || q.isBlank()) {
            return null;
        }
        List<String> words = queryWords(q);
        if (words.isEmpty()) {
            throw new InvalidParameterException("q", "must contain a letter or a digit");
        }
        if (words.size() > MAX_QUERY_WORDS) {
            throw new InvalidParameterException("q", "must have at most " + MAX_QUERY_WORDS + " words");
        }
        return q;
    }

    /** The equality key of a make or a city; null for null. */
    public static String key(String text) {
        if (text == null) {
            return null;
        }
        return SPACES.matcher(fold(text).trim()).replaceAll(" ");
    }

    /**
     * The searchable words of a car: every run of letters and digits of make, model and variant, and, for a word
     * with inner punctuation such as "e-tron" or "1.5", also the word without it ("etron", "15").
     */
    public static List<String> tokens(String... texts) {
        Set<String> tokens = new LinkedHashSet<>();
        for (String text : texts) {
            if (text == null) {
                continue;
            }
            for (String word : SPACES.split(fold(text).trim())) {
                List<String> parts = parts(word);
                tokens.addAll(parts);
                if (parts.size() > 1) {
                    tokens.add(String.join("", parts));
                }
            }
        }
        return List.copyOf(tokens);
    }

    /**
     * The words of a free-text query, each a run of letters and digits (so none needs escaping in a regular
     * expression); empty when the text has none.
     */
    public static List<String> queryWords(String q) {
        if (q == null) {
            return List.of();
        }
        return List.copyOf(new LinkedHashSet<>(parts(fold(q))));
    }

    /** The anchored prefix expression of a query word. */
    public static String prefixPattern(String word) {
        if (!WORD.matcher(word).matches()) {
            throw new IllegalArgumentException("not a query word: " + word);
        }
        return "^" + word;
    }

    private static List<String> parts(String text) {
        List<String> parts = new ArrayList<>();
        for (String part : NOT_A_WORD_CHARACTER.split(text)) {
            if (!part.isEmpty()) {
                parts.add(part);
            }
        }
        return parts;
    }

    private static String fold(String text) {
        String lowerCase = Normalizer.normalize(text, Normalizer.Form.NFKD).toLowerCase(Locale.ROOT);
        return MARKS.matcher(lowerCase).replaceAll("");
    }
}
