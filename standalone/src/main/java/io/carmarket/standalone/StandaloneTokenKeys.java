package io.carmarket.standalone;

import io.carmarket.support.security.JwtKeys;
import io.carmarket.support.security.JwtProperties;
import io.carmarket.support.security.PemKeys;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.GeneralSecurityException;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.spec.ECGenParameterSpec;

/**
 * The token signing pair of the standalone. Keys given in configuration win; otherwise the pair is created on
 * the first start and kept in the data directory (the private key readable by its owner only), so tokens stay
 * valid across restarts and no key ever sits in the repository.
 */
@Configuration(proxyBeanMethods = false)
public class StandaloneTokenKeys {

    private static final Logger log = LoggerFactory.getLogger(StandaloneTokenKeys.class);
    private static final String PRIVATE_KEY_FILE = "jwt-signing-key.pem";
    private static final String PUBLIC_KEY_FILE = "jwt-public-key.pem";
    private static final String CURVE = "secp256r1";

    @Bean
    public JwtKeys jwtKeys(StandaloneProperties standalone, JwtProperties jwt) {
        if (jwt.privateKey() != null && !jwt.privateKey().isBlank()) {
            return new JwtKeys(PemKeys.publicKey(jwt.publicKey()), PemKeys.privateKey(jwt.privateKey()));
        }
        Path keyDir = standalone.dataDir().resolve("keys");
        Path privateKeyFile = keyDir.resolve(PRIVATE_KEY_FILE);
        Path publicKeyFile = keyDir.resolve(PUBLIC_KEY_FILE);
        try {
            if (!Files.exists(privateKeyFile)) {
                createKeyPair(keyDir, privateKeyFile, publicKeyFile);
            }
            return new JwtKeys(PemKeys.publicKey(Files.readString(publicKeyFile)),
                    PemKeys.privateKey(Files.readString(privateKeyFile)));
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot read or write the token keys in " + keyDir.toAbsolutePath(), e);
        }
    }

    private static void createKeyPair(Path keyDir, Path privateKeyFile, Path publicKeyFile) throws IOException {
        KeyPair pair;
        try {
            KeyPairGenerator generator = KeyPairGenerator.getInstance("EC");
            generator.initialize(new ECGenParameterSpec(CURVE));
            pair = generator.generateKeyPair();
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("This JVM cannot create EC P-256 keys", e);
        }
        Files.createDirectories(keyDir);
        Files.writeString(privateKeyFile, PemKeys.encode(pair.getPrivate()));
        try {
            Files.setPosixFilePermissions(privateKeyFile, PosixFilePermissions.fromString("rw-------"));
        } catch (UnsupportedOperationException notPosix) {
            log.warn("Cannot restrict the permissions of {} on this file system", privateKeyFile);
        }
        Files.writeString(publicKeyFile, PemKeys.encode(pair.getPublic()));
        log.info("Created a new token signing key pair in {}", keyDir.toAbsolutePath());
    }
}
