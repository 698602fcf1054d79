package io.carmarket.support.security;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import io.carmarket.api.identity.Role;
import io.jsonwebtoken.Claims;
import io.jsonwebtoken.ExpiredJwtException;
import io.jsonwebtoken.Jws;
import io.jsonwebtoken.JwtException;
import io.jsonwebtoken.JwtParser;
import io.jsonwebtoken.Jwts;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Date;

/**
 * Checks CarMarket tokens: ES256 signature by our key (no {@code alg=none}, no other algorithm), issuer,
 * audience, expiry, and the token's use. Anything else is a {@link TokenRejectedException}.
 * <p>
 * The ES256 signature check is the largest CPU cost of an authenticated request (docs/benchmarks.md), and a
 * client sends the same access token with every request for its 15 minutes. So verified access tokens are
 * remembered, by their exact text, until they expire: the same text carries the same signed claims, and expiry is
 * still checked on every request. Refresh tokens are always checked in full (they are rare, and rotated).
 */
public class TokenVerifier {

    private final JwtParser accessTokens;
    private final JwtParser refreshTokens;
    /** Null when remembering is switched off. */
    private final Cache<String, VerifiedAccessToken> verifiedAccessTokens;
    private final Duration clockSkew;
    private final Clock clock;

    public TokenVerifier(JwtKeys keys, JwtProperties properties) {
        this(keys, properties, Clock.systemUTC());
    }

    TokenVerifier(JwtKeys keys, JwtProperties properties, Clock clock) {
        this.clock = clock;
        this.accessTokens = parser(keys, properties, properties.audience(), clock);
        this.refreshTokens = parser(keys, properties, properties.refreshAudience(), clock);
        this.verifiedAccessTokens = properties.verifiedAccessTokens() <= 0 ? null : Caffeine.newBuilder()
                .maximumSize(properties.verifiedAccessTokens())
                .expireAfterWrite(properties.accessTokenTtl().plus(properties.clockSkew()))
                .build();
        this.clockSkew = properties.clockSkew();
    }

    public AuthenticatedUser verifyAccessToken(String token) {
        VerifiedAccessToken verified = verifiedAccessTokens == null ? null : verifiedAccessTokens.getIfPresent(token);
        if (verified != null && clock.instant().isBefore(verified.expiresAt().plus(clockSkew))) {
            return verified.user();
        }
        Claims claims = verify(accessTokens, token, TokenClaims.ACCESS);
        String role = stringClaim(claims, TokenClaims.ROLE);
        AuthenticatedUser user;
        try {
            user = new AuthenticatedUser(claims.getSubject(), Role.valueOf(role));
        } catch (IllegalArgumentException | NullPointerException badRole) {
            throw new TokenRejectedException("The token names no valid role");
        }
        if (verifiedAccessTokens != null) {
            verifiedAccessTokens.put(token, new VerifiedAccessToken(user, claims.getExpiration().toInstant()));
        }
        return user;
    }

    private record VerifiedAccessToken(AuthenticatedUser user, Instant expiresAt) {
    }

    public RefreshTokenClaims verifyRefreshToken(String token) {
        Claims claims = verify(refreshTokens, token, TokenClaims.REFRESH);
        String familyId = stringClaim(claims, TokenClaims.FAMILY);
        if (familyId == null || claims.getId() == null) {
            throw new TokenRejectedException("The refresh token lacks its family or id");
        }
        return new RefreshTokenClaims(claims.getSubject(), familyId, claims.getId(),
                claims.getExpiration().toInstant());
    }

    private static Claims verify(JwtParser parser, String token, String expectedUse) {
        Jws<Claims> jws;
        try {
            jws = parser.parseSignedClaims(token);
        } catch (ExpiredJwtException expired) {
            throw new TokenRejectedException("The token has expired");
        } catch (JwtException | IllegalArgumentException invalid) {
            throw new TokenRejectedException("The token is not valid", invalid);
        }
        if (!TokenClaims.ALGORITHM.equals(jws.getHeader().getAlgorithm())) {
            throw new TokenRejectedException("The token is not signed with " + TokenClaims.ALGORITHM);
        }
        Claims claims = jws.getPayload();
        if (claims.getExpiration() == null) {
            // jjwt checks exp only when present; a token that never expires is not one we issue.
            throw new TokenRejectedException("The token has no expiry");
        }
        if (!expectedUse.equals(stringClaim(claims, TokenClaims.TOKEN_USE)) || claims.getSubject() == null) {
            throw new TokenRejectedException("The token is not a valid " + expectedUse + " token");
        }
        return claims;
    }

    private static String stringClaim(Claims claims, String name) {
        try {
            return claims.get(name, String.class);
        } catch (JwtException wrongType) {
            throw new TokenRejectedException("The token's " + name + " claim is not text");
        }
    }

    private static JwtParser parser(JwtKeys keys, JwtProperties properties, String audience, Clock clock) {
        return Jwts.parser()
                .clock(() -> Date.from(clock.instant()))
                .verifyWith(keys.verificationKey())
                .requireIssuer(properties.issuer())
                .requireAudience(audience)
                .clockSkewSeconds(properties.clockSkew().toSeconds())
                .build();
    }
}
