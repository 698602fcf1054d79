package io.carmarket.support.security;

import org.junit.jupiter.api.Test;

import java.security.KeyPair;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** Specification of {@link PemKeys}: what it writes it reads back as the same key. */
class PemKeysTest {

    private static final KeyPair KEYS = TokenVerifierTest.newEcKeyPair();

    @Test
    void a_public_key_written_as_pem_reads_back_as_an_equal_key() {
        String pem = PemKeys.encode(KEYS.getPublic());

        assertThat(PemKeys.publicKey(pem)).isEqualTo(KEYS.getPublic());
    }

    @Test
    void a_private_key_written_as_pem_reads_back_as_an_equal_key() {
        String pem = PemKeys.encode(KEYS.getPrivate());

        assertThat(PemKeys.privateKey(pem)).isEqualTo(KEYS.getPrivate());
    }

    @Test
    void a_public_key_is_written_as_x509_public_key_pem() {
        assertThat(PemKeys.encode(KEYS.getPublic()))
                .startsWith("-----BEGIN PUBLIC KEY-----\n")
                .endsWith("\n-----END PUBLIC KEY-----\n");
    }

    @Test
    void a_private_key_is_written_as_pkcs8_private_key_pem() {
        assertThat(PemKeys.encode(KEYS.getPrivate()))
                .startsWith("-----BEGIN PRIVATE KEY-----\n")
                .endsWith("\n-----END PRIVATE KEY-----\n");
    }

    @Test
    void text_that_is_not_a_pem_key_is_refused_as_an_illegal_argument() {
        assertThatThrownBy(() -> PemKeys.publicKey("-----BEGIN PUBLIC KEY-----\nnot base64!\n-----END PUBLIC KEY-----"))
                .isInstanceOf(IllegalArgumentException.class);
    }
}
