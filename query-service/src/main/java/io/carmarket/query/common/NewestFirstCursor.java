package io.carmarket.query.common;

import io.carmarket.support.web.InvalidParameterException;
import org.springframework.data.domain.Sort;
import org.springframework.data.mongodb.core.query.Criteria;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.Base64;
import java.util.Date;

import static org.springframework.data.mongodb.core.query.Criteria.where;

/**
 * Keyset pagination for the user's own lists (bookings, purchase reservations, notifications, favourites), all
 * ordered newest first: by a timestamp descending, then by id descending. The cursor holds the last item's
 * timestamp (milliseconds, as MongoDB stores it) and id, and the kind of list it belongs to, as opaque URL-safe
 * Base64. Pages stay stable while new items arrive.
 *
 * @param kind      which list the cursor was made for; a cursor of another list is refused
 * @param timestamp the last item's timestamp
 * @param id        the last item's id
 */
public record NewestFirstCursor(String kind, Instant timestamp, String id) {

    private static final String SEPARATOR = "\n";

    public static NewestFirstCursor after(String kind, Instant timestamp, String id) {
        return new NewestFirstCursor(kind, timestamp, id);
    }

    public String encode() {
        String raw = String.join(SEPARATOR, kind, Long.toString(timestamp.toEpochMilli()), id);
        return Base64.getUrlEncoder().withoutPadding().encodeToString(raw.getBytes(StandardCharsets.UTF_8));
    }

    /**
     * @throws InvalidCursorException if the text is not a cursor of this kind of list
     */
    public static NewestFirstCursor decode(String encoded, String expectedKind) {
        String raw;
        try {
            raw = new String(Base64.getUrlDecoder().decode(encoded), StandardCharsets.UTF_8);
        } catch (IllegalArgumentException notBase64) {
            throw new InvalidCursorException("cursor is not one this API returned");
        }
        String[] parts = raw.split(SEPARATOR, -1);
        if (parts.length != 3 || parts[2].isEmpty()) {
            throw new InvalidCursorException("cursor is not one this API returned");
        }
        if (!parts[0].equals(expectedKind)) {
            throw new InvalidCursorException("cursor belongs to another list");
        }
        try {
            return new NewestFirstCursor(parts[0], Instant.ofEpochMilli(Long.parseLong(parts[1])), parts[2]);
        } catch (NumberFormatException notANumber) {
            throw new InvalidCursorException("cursor is not one this API returned");
        }
    }

    /**
     * Checks a {@code cursor} request parameter: one that is not an answer of this list is a 400 naming
     * {@code cursor}, never a failed query.
     */
    public static void checkParameter(String cursor, String kind) {
        if (cursor == null) {
            return;
        }
        try {
            decode(cursor, kind);
        } catch (InvalidCursorException invalid) {
            throw new InvalidParameterException("cursor", invalid.getMessage());
        }
    }

    /** Newest first, ties broken by id. */
    public static Sort order(String timestampField) {
        return Sort.by(Sort.Direction.DESC, timestampField).and(Sort.by(Sort.Direction.DESC, "_id"));
    }

    /** Items strictly after this cursor in {@link #order(String)}. */
    public Criteria itemsAfter(String timestampField) {
        Date at = Date.from(timestamp);
        return new Criteria().orOperator(
                where(timestampField).lt(at),
                where(timestampField).is(at).and("_id").lt(id));
    }

    public static class InvalidCursorException extends IllegalArgumentException {
        public InvalidCursorException(String message) {
            super(message);
        }
    }
}
