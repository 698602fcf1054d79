package io.carmarket.query.search;

import java.nio.charset.StandardCharsets;
import java.util.Base64;

/**
 * Where the next page of a search starts: the sort value and id of the last item of the previous page, bound to
 * the ordering it was made for. Opaque to clients (URL-safe Base64).
 */
record CarSearchCursor(String ordering, String sortValue, String carId) {

    private static final String SEPARATOR = "\n";

    String encode() {
        String raw = String.join(SEPARATOR, ordering, sortValue, carId);
        return Base64.getUrlEncoder().withoutPadding().encodeToString(raw.getBytes(StandardCharsets.UTF_8));
    }

    /**
     * @throws InvalidCursorException if the text is not a cursor of this ordering
     */
    static CarSearchCursor decode(String encoded, String expectedOrdering) {
        String raw;
        try {
            raw = new String(Base64.getUrlDecoder().decode(encoded), StandardCharsets.UTF_8);
        } catch (IllegalArgumentException notBase64) {
            throw new InvalidCursorException("cursor is not one this API returned");
        }
        String[] parts = raw.split(SEPARATOR, -1);
        if (parts.length != 3 || parts[1].isEmpty() || parts[2].isEmpty()) {
            throw new InvalidCursorException("cursor is not one this API returned");
        }
        if (!parts[0].equals(expectedOrdering)) {
            throw new InvalidCursorException("cursor belongs to a search with another sort or price type");
        }
        return new CarSearchCursor(parts[0], parts[1], parts[2]);
    }

    static class InvalidCursorException extends IllegalArgumentException {
        InvalidCursorException(String message) {
            super(message);
        }
    }
}
