package io.carmarket.support.security;

import java.time.Instant;

/** What a verified refresh token says: whose it is, which login family it belongs to, and its own id. */
public record RefreshTokenClaims(String userId, String familyId, String tokenId, Instant expiresAt) {
}
