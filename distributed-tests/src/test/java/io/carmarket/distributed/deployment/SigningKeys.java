package io.carmarket.distributed.deployment;

import java.security.GeneralSecurityException;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.spec.ECGenParameterSpec;
import java.util.Base64;

/**
 * A fresh ES256 key pair for the services' tokens, in the form scripts/dev-secrets.sh writes for docker-compose: the
 * base64 body of the PKCS#8 private key and of the X.509 public key, one line each.
 */
record SigningKeys(String publicKey, String privateKey) {

    static SigningKeys generate() {
        try {
            KeyPairGenerator generator = KeyPairGenerator.getInstance("EC");
            generator.initialize(new ECGenParameterSpec("secp256r1"));
            KeyPair pair = generator.generateKeyPair();
            Base64.Encoder base64 = Base64.getEncoder();
            return new SigningKeys(base64.encodeToString(pair.getPublic().getEncoded()),
                    base64.encodeToString(pair.getPrivate().getEncoded()));
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("No EC P-256 support in this JVM", e);
        }
    }
}
