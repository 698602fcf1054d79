package io.carmarket.command.identity;

import io.carmarket.support.security.JwtKeys;
import io.carmarket.support.security.JwtProperties;
import io.carmarket.support.security.TokenClaims;
import io.jsonwebtoken.Jwts;
import org.springframework.stereotype.Component;

import java.security.PrivateKey;
import java.time.Clock;
import java.time.Instant;
import java.util.Date;
import java.util.UUID;

/** Signs access and refresh tokens (ES256) with the private key only this service holds. */
@Component
class TokenIssuer {

    private final PrivateKey signingKey;
    private final JwtProperties properties;
    private final Clock clock;

    TokenIssuer(JwtKeys keys, JwtProperties properties, Clock clock) {
        this.signingKey = keys.signing().orElseThrow(() -> new IllegalStateException(
                "carmarket.security.jwt.private-key (CARMARKET_JWT_PRIVATE_KEY) is not set: the identity service "
                        + "signs tokens and needs the PEM private key"));
        this.properties = properties;
        this.clock = clock;
    }

    IssuedToken accessToken(UserAccount user) {
        Instant now = clock.instant();
        Instant expiresAt = now.plus(properties.accessTokenTtl());
        String token = Jwts.builder()
                .issuer(properties.issuer())
                .subject(user.id())
                .audience().add(properties.audience()).and()
                .id(UUID.randomUUID().toString())
                .issuedAt(Date.from(now))
                .expiration(Date.from(expiresAt))
                .claim(TokenClaims.TOKEN_USE, TokenClaims.ACCESS)
                .claim(TokenClaims.ROLE, user.role().name())
                .signWith(signingKey, Jwts.SIG.ES256)
                .compact();
        return new IssuedToken(token, expiresAt);
    }

    IssuedToken refreshToken(String userId, String familyId, String tokenId, Instant expiresAt) {
        String token = Jwts.builder()
                .issuer(properties.issuer())
                .subject(userId)
                .audience().add(properties.refreshAudience()).and()
                .id(tokenId)
                .issuedAt(Date.from(clock.instant()))
                .expiration(Date.from(expiresAt))
                .claim(TokenClaims.TOKEN_USE, TokenClaims.REFRESH)
                .claim(TokenClaims.FAMILY, familyId)
                .signWith(signingKey, Jwts.SIG.ES256)
                .compact();
        return new IssuedToken(token, expiresAt);
    }

    record IssuedToken(String value, Instant expiresAt) {
    }
}
