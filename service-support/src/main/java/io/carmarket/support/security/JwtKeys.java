package io.carmarket.support.security;

import java.security.PrivateKey;
import java.security.PublicKey;
import java.util.Optional;

/**
 * The key pair of the access and refresh tokens (ES256). Services that only check tokens have the public key;
 * the service that issues them (identity, on the command side) also has the private key.
 */
public record JwtKeys(PublicKey verificationKey, PrivateKey signingKey) {

    public static JwtKeys verifyOnly(PublicKey verificationKey) {
        return new JwtKeys(verificationKey, null);
    }

    public Optional<PrivateKey> signing() {
        return Optional.ofNullable(signingKey);
    }
}
