package io.carmarket.support.security;

import io.carmarket.api.identity.Role;
import io.jsonwebtoken.JwtBuilder;
import io.jsonwebtoken.Jwts;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.PrivateKey;
import java.security.Signature;
import java.security.spec.ECGenParameterSpec;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.Base64;
import java.util.Date;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * Specification of {@link TokenVerifier}: only ES256 tokens signed by our key, from our issuer, for the right
 * audience, of the right use, unexpired (give or take the clock skew of 30 s), and naming what the use needs.
 * <p>
 * The verifier checks expiry against the system clock, so the tokens here are dated relative to
 * {@link Instant#now()}, with margins far wider than a test run takes.
 */
class TokenVerifierTest {

    private static final String ISSUER = "carmarket";
    private static final String AUDIENCE = "carmarket-api";
    private static final String REFRESH_AUDIENCE = "carmarket-api-refresh";
    private static final Duration CLOCK_SKEW = Duration.ofSeconds(30);

    private static final KeyPair OUR_KEYS = newEcKeyPair();
    private static final KeyPair OTHER_KEYS = newEcKeyPair();

    private final TokenVerifier verifier = new TokenVerifier(JwtKeys.verifyOnly(OUR_KEYS.getPublic()),
            new JwtProperties(ISSUER, AUDIENCE, Duration.ofMinutes(15), Duration.ofDays(7), CLOCK_SKEW, null, null, 0));

    // ---------------------------------------------------------------------------------------------------------
    // Accepted tokens
    // ---------------------------------------------------------------------------------------------------------

    @Test
    void a_valid_access_token_yields_its_subject_and_role() {
        String token = anAccessToken("user-1", "DEALER").compact();

        assertThat(verifier.verifyAccessToken(token)).isEqualTo(new AuthenticatedUser("user-1", Role.DEALER));
    }

    @Test
    void a_valid_refresh_token_yields_its_user_family_token_id_and_expiry() {
        Instant expiresAt = Instant.now().plus(Duration.ofDays(7)).truncatedTo(ChronoUnit.SECONDS);
        String token = aRefreshToken("user-1", "family-1", "token-1").expiration(Date.from(expiresAt)).compact();

        assertThat(verifier.verifyRefreshToken(token))
                .isEqualTo(new RefreshTokenClaims("user-1", "family-1", "token-1", expiresAt));
    }

    @Test
    void an_access_token_expired_by_less_than_the_clock_skew_is_still_accepted() {
        String token = anAccessToken("user-1", "CUSTOMER").expiration(secondsFromNow(-10)).compact();

        assertThat(verifier.verifyAccessToken(token)).isEqualTo(new AuthenticatedUser("user-1", Role.CUSTOMER));
    }

    @Test
    void an_es256_token_signed_by_our_key_outside_jjwt_is_accepted() {
        String validPayload = payloadSegmentOf(anAccessToken("user-1", "ADMIN"));
        String signingInput = encode("{\"alg\":\"ES256\"}") + "." + validPayload;
        String token = signingInput + "." + ecdsaSha256ByHand(OUR_KEYS.getPrivate(), signingInput);

        assertThat(verifier.verifyAccessToken(token)).isEqualTo(new AuthenticatedUser("user-1", Role.ADMIN));
    }

    // ---------------------------------------------------------------------------------------------------------
    // Forged or broken tokens
    // ---------------------------------------------------------------------------------------------------------

    @Test
    void an_access_token_whose_payload_was_changed_after_signing_is_rejected() {
        String signed = anAccessToken("user-1", "CUSTOMER").compact();
        String[] parts = signed.split("\\.");
        String payload = decode(parts[1]);
        assertThat(payload).contains("\"role\":\"CUSTOMER\"");
        String tampered = parts[0] + "." + encode(payload.replace("\"CUSTOMER\"", "\"ADMIN\"")) + "." + parts[2];

        assertRejectedAsAccessToken(tampered);
    }

    @Test
    void an_access_token_signed_by_another_ec_key_is_rejected() {
        String token = anAccessToken("user-1", "CUSTOMER")
                .signWith(OTHER_KEYS.getPrivate(), Jwts.SIG.ES256)
                .compact();

        assertRejectedAsAccessToken(token);
    }

    @Test
    void an_access_token_expired_beyond_the_clock_skew_is_rejected() {
        String token = anAccessToken("user-1", "CUSTOMER").expiration(secondsFromNow(-60)).compact();

        assertRejectedAsAccessToken(token);
    }

    @Test
    void an_access_token_without_an_expiry_is_rejected() {
        String token = anAccessToken("user-1", "ADMIN").expiration(null).compact();

        assertRejectedAsAccessToken(token);
    }

    @Test
    void a_refresh_token_without_an_expiry_is_rejected() {
        String token = aRefreshToken("user-1", "family-1", "token-1").expiration(null).compact();

        assertRejectedAsRefreshToken(token);
    }

    @Test
    void an_access_token_not_valid_before_a_time_beyond_the_clock_skew_is_rejected() {
        String token = anAccessToken("user-1", "CUSTOMER").notBefore(secondsFromNow(120)).compact();

        assertRejectedAsAccessToken(token);
    }

    @Test
    void an_unsigned_token_declaring_alg_none_is_rejected() {
        String validPayload = payloadSegmentOf(anAccessToken("user-1", "ADMIN"));
        String unsigned = encode("{\"alg\":\"none\"}") + "." + validPayload + ".";

        assertRejectedAsAccessToken(unsigned);
    }

    @Test
    void a_token_hmac_signed_with_our_public_key_as_the_secret_is_rejected() {
        String validPayload = payloadSegmentOf(anAccessToken("user-1", "ADMIN"));
        String signingInput = encode("{\"alg\":\"HS256\",\"typ\":\"JWT\"}") + "." + validPayload;
        String forged = signingInput + "." + hmacSha256(OUR_KEYS.getPublic().getEncoded(), signingInput);

        assertRejectedAsAccessToken(forged);
    }

    @Test
    void a_token_hmac_signed_with_our_public_key_pem_text_as_the_secret_is_rejected() {
        String validPayload = payloadSegmentOf(anAccessToken("user-1", "ADMIN"));
        String signingInput = encode("{\"alg\":\"HS256\",\"typ\":\"JWT\"}") + "." + validPayload;
        byte[] pemText = PemKeys.encode(OUR_KEYS.getPublic()).getBytes(StandardCharsets.US_ASCII);
        String forged = signingInput + "." + hmacSha256(pemText, signingInput);

        assertRejectedAsAccessToken(forged);
    }

    @Test
    void a_token_declaring_es384_over_a_signature_by_our_p256_key_is_rejected() {
        String validPayload = payloadSegmentOf(anAccessToken("user-1", "ADMIN"));
        String signingInput = encode("{\"alg\":\"ES384\"}") + "." + validPayload;
        String token = signingInput + "." + ecdsaSha256ByHand(OUR_KEYS.getPrivate(), signingInput);

        assertRejectedAsAccessToken(token);
    }

    @Test
    void garbage_text_is_rejected() {
        assertRejectedAsAccessToken("this-is-not-a-token");
    }

    @Test
    void an_empty_string_is_rejected() {
        assertRejectedAsAccessToken("");
    }

    // ---------------------------------------------------------------------------------------------------------
    // Tokens that are ours but not good for this
    // ---------------------------------------------------------------------------------------------------------

    @Test
    void an_access_token_from_another_issuer_is_rejected() {
        assertRejectedAsAccessToken(anAccessToken("user-1", "CUSTOMER").issuer("someone-else").compact());
    }

    @Test
    void an_access_token_for_another_audience_is_rejected() {
        String token = anAccessToken("user-1", "CUSTOMER")
                .audience().single("another-api")
                .compact();

        assertRejectedAsAccessToken(token);
    }

    @Test
    void a_refresh_token_presented_as_an_access_token_is_rejected() {
        assertRejectedAsAccessToken(aRefreshToken("user-1", "family-1", "token-1").compact());
    }

    @Test
    void an_access_token_presented_as_a_refresh_token_is_rejected() {
        assertRejectedAsRefreshToken(anAccessToken("user-1", "CUSTOMER").compact());
    }

    @Test
    void a_token_for_the_access_audience_but_of_refresh_use_is_rejected_as_an_access_token() {
        String token = aRefreshToken("user-1", "family-1", "token-1")
                .audience().single(AUDIENCE)
                .compact();

        assertRejectedAsAccessToken(token);
    }

    @Test
    void a_token_for_the_refresh_audience_but_of_access_use_is_rejected_as_a_refresh_token() {
        String token = anAccessToken("user-1", "CUSTOMER")
                .audience().single(REFRESH_AUDIENCE)
                .id("token-1")
                .claim(TokenClaims.FAMILY, "family-1")
                .compact();

        assertRejectedAsRefreshToken(token);
    }

    @Test
    void an_access_token_without_a_subject_is_rejected() {
        assertRejectedAsAccessToken(anAccessToken(null, "CUSTOMER").compact());
    }

    @Test
    void an_access_token_without_a_role_is_rejected() {
        assertRejectedAsAccessToken(anAccessToken("user-1", null).compact());
    }

    @ParameterizedTest(name = "role \"{0}\"")
    @ValueSource(strings = {"SUPERUSER", "admin", ""})
    void an_access_token_with_an_unknown_role_is_rejected(String role) {
        assertRejectedAsAccessToken(anAccessToken("user-1", role).compact());
    }

    @Test
    void an_access_token_whose_role_is_not_a_string_is_rejected() {
        assertRejectedAsAccessToken(anAccessToken("user-1", null).claim(TokenClaims.ROLE, 42).compact());
    }

    @Test
    void an_access_token_whose_token_use_is_not_a_string_is_rejected() {
        assertRejectedAsAccessToken(anAccessToken("user-1", "ADMIN").claim(TokenClaims.TOKEN_USE, 1).compact());
    }

    @Test
    void a_refresh_token_whose_family_is_not_a_string_is_rejected() {
        assertRejectedAsRefreshToken(aRefreshToken("user-1", null, "token-1").claim(TokenClaims.FAMILY, 42).compact());
    }

    @Test
    void a_refresh_token_without_a_family_is_rejected() {
        assertRejectedAsRefreshToken(aRefreshToken("user-1", null, "token-1").compact());
    }

    @Test
    void a_refresh_token_without_a_token_id_is_rejected() {
        assertRejectedAsRefreshToken(aRefreshToken("user-1", "family-1", null).compact());
    }

    // ---------------------------------------------------------------------------------------------------------
    // Remembered access tokens (the signature is checked once per token text)
    // ---------------------------------------------------------------------------------------------------------

    @Test
    void a_remembered_access_token_yields_the_same_subject_and_role_again() {
        TokenVerifier remembering = rememberingVerifier(Clock.systemUTC());
        String token = anAccessToken("user-1", "DEALER").compact();

        remembering.verifyAccessToken(token);

        assertThat(remembering.verifyAccessToken(token)).isEqualTo(new AuthenticatedUser("user-1", Role.DEALER));
    }

    @Test
    void a_remembered_access_token_is_refused_once_it_has_expired_beyond_the_clock_skew() {
        MovableClock clock = new MovableClock();
        TokenVerifier remembering = rememberingVerifier(clock);
        String token = anAccessToken("user-1", "DEALER").expiration(secondsFromNow(60)).compact();
        remembering.verifyAccessToken(token);

        clock.advance(Duration.ofSeconds(60).plus(CLOCK_SKEW).plusSeconds(1));

        assertThatThrownBy(() -> remembering.verifyAccessToken(token))
                .isInstanceOf(TokenRejectedException.class).hasMessageContaining("expired");
    }

    @Test
    void a_refused_access_token_is_refused_again_on_its_next_request() {
        TokenVerifier remembering = rememberingVerifier(Clock.systemUTC());
        String token = anAccessToken("user-1", "DEALER").signWith(OTHER_KEYS.getPrivate(), Jwts.SIG.ES256).compact();

        assertThatThrownBy(() -> remembering.verifyAccessToken(token)).isInstanceOf(TokenRejectedException.class);
        assertThatThrownBy(() -> remembering.verifyAccessToken(token)).isInstanceOf(TokenRejectedException.class);
    }

    private static TokenVerifier rememberingVerifier(Clock clock) {
        return new TokenVerifier(JwtKeys.verifyOnly(OUR_KEYS.getPublic()), new JwtProperties(ISSUER, AUDIENCE,
                Duration.ofMinutes(15), Duration.ofDays(7), CLOCK_SKEW, null, null, 100), clock);
    }

    /** The system clock, moved forward by the test. */
    private static final class MovableClock extends Clock {

        private Duration offset = Duration.ZERO;

        void advance(Duration duration) {
            offset = offset.plus(duration);
        }

        @Override
        public ZoneId getZone() {
            return ZoneOffset.UTC;
        }

        @Override
        public Clock withZone(ZoneId zone) {
            throw new UnsupportedOperationException();
        }

        @Override
        public Instant instant() {
            return Instant.now().plus(offset);
        }
    }

    // ---------------------------------------------------------------------------------------------------------
    // Token builders: what the identity service issues, signed by our key, valid for 15 minutes / 7 days
    // ---------------------------------------------------------------------------------------------------------

    private static JwtBuilder anAccessToken(String userId, String role) {
        return Jwts.builder()
                .issuer(ISSUER)
                .subject(userId)
                .audience().add(AUDIENCE).and()
                .id("access-1")
                .issuedAt(secondsFromNow(0))
                .expiration(secondsFromNow(15 * 60))
                .claim(TokenClaims.TOKEN_USE, TokenClaims.ACCESS)
                .claim(TokenClaims.ROLE, role)
                .signWith(OUR_KEYS.getPrivate(), Jwts.SIG.ES256);
    }

    private static JwtBuilder aRefreshToken(String userId, String familyId, String tokenId) {
        return Jwts.builder()
                .issuer(ISSUER)
                .subject(userId)
                .audience().add(REFRESH_AUDIENCE).and()
                .id(tokenId)
                .issuedAt(secondsFromNow(0))
                .expiration(secondsFromNow(7 * 24 * 3600))
                .claim(TokenClaims.TOKEN_USE, TokenClaims.REFRESH)
                .claim(TokenClaims.FAMILY, familyId)
                .signWith(OUR_KEYS.getPrivate(), Jwts.SIG.ES256);
    }

    /** The base64url payload of a token, to put under another header or signature. */
    private static String payloadSegmentOf(JwtBuilder token) {
        return token.compact().split("\\.")[1];
    }

    private void assertRejectedAsAccessToken(String token) {
        assertThatThrownBy(() -> verifier.verifyAccessToken(token)).isInstanceOf(TokenRejectedException.class);
    }

    private void assertRejectedAsRefreshToken(String token) {
        assertThatThrownBy(() -> verifier.verifyRefreshToken(token)).isInstanceOf(TokenRejectedException.class);
    }

    private static Date secondsFromNow(long seconds) {
        return Date.from(Instant.now().plusSeconds(seconds));
    }

    private static String encode(String json) {
        return Base64.getUrlEncoder().withoutPadding().encodeToString(json.getBytes(StandardCharsets.UTF_8));
    }

    private static String decode(String segment) {
        return new String(Base64.getUrlDecoder().decode(segment), StandardCharsets.UTF_8);
    }

    private static String hmacSha256(byte[] secret, String signingInput) {
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(new SecretKeySpec(secret, "HmacSHA256"));
            byte[] signature = mac.doFinal(signingInput.getBytes(StandardCharsets.US_ASCII));
            return Base64.getUrlEncoder().withoutPadding().encodeToString(signature);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }

    /** ES256 as JWS defines it (raw R || S, not DER), computed without jjwt so the header can say anything. */
    private static String ecdsaSha256ByHand(PrivateKey key, String signingInput) {
        try {
            Signature ecdsa = Signature.getInstance("SHA256withECDSAinP1363Format");
            ecdsa.initSign(key);
            ecdsa.update(signingInput.getBytes(StandardCharsets.US_ASCII));
            return Base64.getUrlEncoder().withoutPadding().encodeToString(ecdsa.sign());
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }

    static KeyPair newEcKeyPair() {
        try {
            KeyPairGenerator generator = KeyPairGenerator.getInstance("EC");
            generator.initialize(new ECGenParameterSpec("secp256r1"));
            return generator.generateKeyPair();
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }
}
