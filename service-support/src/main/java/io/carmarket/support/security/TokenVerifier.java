package io.carmarket.support.security;

import io.carmarket.api.identity.Role;
import io.jsonwebtoken.Claims;
import io.jsonwebtoken.ExpiredJwtException;
import io.jsonwebtoken.Jws;
import io.jsonwebtoken.JwtException;
import io.jsonwebtoken.JwtParser;
import io.jsonwebtoken.Jwts;

/**
 * Checks CarMarket tokens: ES256 signature by our key (no {@code alg=none}, no other algorithm), issuer,
 * audience, expiry, and the token's use. Anything else is a {@link TokenRejectedException}.
 */
public class TokenVerifier {

    private final JwtParser accessTokens;
    private final JwtParser refreshTokens;

    public TokenVerifier(JwtKeys keys, JwtProperties properties) {
        this.accessTokens = parser(keys, properties, properties.audience());
        this.refreshTokens = parser(keys, properties, properties.refreshAudience());
    }

    public AuthenticatedUser verifyAccessToken(String token) {
        Claims claims = verify(accessTokens, token, TokenClaims.ACCESS);
        String role = stringClaim(claims, TokenClaims.ROLE);
        try {
            return new AuthenticatedUser(claims.getSubject(), Role.valueOf(role));
        } catch (IllegalArgumentException | NullPointerException badRole) {
            throw new TokenRejectedException("The token names no valid role");
        }
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

    private static JwtParser parser(JwtKeys keys, JwtProperties properties, String audience) {
        return Jwts.parser()
                .verifyWith(keys.verificationKey())
                .requireIssuer(properties.issuer())
                .requireAudience(audience)
                .clockSkewSeconds(properties.clockSkew().toSeconds())
                .build();
    }
}
