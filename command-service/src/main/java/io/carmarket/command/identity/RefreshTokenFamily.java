package io.carmarket.command.identity;

import org.springframework.data.annotation.Id;
import org.springframework.data.mongodb.core.mapping.Document;

import java.time.Instant;

/**
 * Every refresh token derived from one login. Only {@code currentTokenId} may be exchanged; presenting an older
 * token of the family means it was stolen or replayed, and the whole family is revoked.
 */
@Document(RefreshTokenFamily.COLLECTION)
public record RefreshTokenFamily(@Id String id, String userId, String currentTokenId, Instant createdAt,
                                 Instant expiresAt, Instant revokedAt, String revocationReason) {

    public static final String COLLECTION = "refresh_token_families";

    boolean isRevoked() {
        return revokedAt != null;
    }
}
