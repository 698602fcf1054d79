package io.carmarket.query.audit;

import io.carmarket.support.web.InvalidParameterException;

import java.nio.charset.StandardCharsets;
import java.util.Base64;

/**
 * Keyset position in the global log: the global index of the last event of a page. The log is ordered by global
 * index alone, so a cursor means the same under any filter; events appended after a page was taken come after it,
 * and the next page shows them once. Opaque URL-safe Base64 of {@value #PREFIX} and the index, so that a client does
 * not build cursors from indexes and an arbitrary string is refused.
 *
 * @param globalIndex the last event already returned
 */
record AuditLogCursor(long globalIndex) {

    private static final String PREFIX = "audit-log:";
    private static final String NOT_OURS = "is not a cursor this API returned";

    static AuditLogCursor after(long globalIndex) {
        return new AuditLogCursor(globalIndex);
    }

    String encode() {
        return Base64.getUrlEncoder().withoutPadding()
                .encodeToString((PREFIX + globalIndex).getBytes(StandardCharsets.UTF_8));
    }

    /**
     * @return null when {@code encoded} is null (from the start of the log)
     * @throws InvalidParameterException naming {@code cursor} if the text is not a cursor of this log
     */
    static AuditLogCursor parameter(String encoded) {
        if (encoded == null) {
            return null;
        }
        String raw;
        try {
            raw = new String(Base64.getUrlDecoder().decode(encoded), StandardCharsets.UTF_8);
        } catch (IllegalArgumentException notBase64) {
            throw new InvalidParameterException("cursor", NOT_OURS);
        }
        if (!raw.startsWith(PREFIX)) {
            throw new InvalidParameterException("cursor", NOT_OURS);
        }
        String index = raw.substring(PREFIX.length());
        // Digits only: Long.parseLong would also take a sign.
        if (index.isEmpty() || !index.chars().allMatch(Character::isDigit)) {
            throw new InvalidParameterException("cursor", NOT_OURS);
        }
        try {
            return new AuditLogCursor(Long.parseLong(index));
        } catch (NumberFormatException tooLarge) {
            throw new InvalidParameterException("cursor", NOT_OURS);
        }
    }
}
