package io.carmarket.support.security;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

import java.time.Duration;

/**
 * Token settings. The keys are PEM text from the environment or a secret store, never from the repository:
 * {@code CARMARKET_JWT_PUBLIC_KEY} for every service, {@code CARMARKET_JWT_PRIVATE_KEY} only where tokens are
 * issued. The standalone generates its own pair into its data directory instead.
 *
 * @param issuer          the {@code iss} every token carries and every check requires
 * @param audience        the {@code aud} of access tokens
 * @param accessTokenTtl  lifetime of an access token
 * @param refreshTokenTtl lifetime of a refresh token (renewed by each rotation)
 * @param clockSkew       tolerance for clocks of different machines when checking {@code exp} and {@code nbf}
 * @param publicKey       PEM, X.509 SubjectPublicKeyInfo of an EC P-256 key
 * @param privateKey      PEM, PKCS#8 of the matching private key; only on the issuing service
 * @param verifiedAccessTokens how many verified access tokens are remembered, so that a client's next request
 *                        with the same token skips the signature check (0: none)
 */
@ConfigurationProperties("carmarket.security.jwt")
public record JwtProperties(
        @DefaultValue("carmarket") String issuer,
        @DefaultValue("carmarket-api") String audience,
        @DefaultValue("15m") Duration accessTokenTtl,
        @DefaultValue("7d") Duration refreshTokenTtl,
        @DefaultValue("30s") Duration clockSkew,
        String publicKey,
        String privateKey,
        @DefaultValue("10000") int verifiedAccessTokens) {

    /** Refresh tokens carry their own audience so that no API accepts one as an access token. */
    public String refreshAudience() {
        return audience + "-refresh";
    }
}
