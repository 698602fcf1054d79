package io.carmarket.command.idempotency;

import java.util.regex.Pattern;

/** The headers of idempotent requests and the shape of a key. */
public final class IdempotencyKeys {

    /** Request header: the client's key for one logical request, reused on every retry of it. */
    public static final String HEADER = "Idempotency-Key";
    /** Response header on an answer that was replayed from the record instead of being computed again. */
    public static final String REPLAYED_HEADER = "Idempotent-Replayed";

    /** A UUID fits, so do ULIDs and most other id formats; nothing that needs quoting or escaping. */
    private static final Pattern VALID = Pattern.compile("[A-Za-z0-9._:-]{1,100}");

    private IdempotencyKeys() {
    }

    public static boolean isValid(String key) {
        return key != null && VALID.matcher(key).matches();
    }
}
