package io.carmarket.command.identity;

import io.carmarket.api.identity.Role;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.context.event.EventListener;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.scheduling.annotation.EnableScheduling;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.security.crypto.factory.PasswordEncoderFactories;
import org.springframework.security.crypto.password.PasswordEncoder;

import java.time.Clock;

/** Password hashing, the administrator from configuration, and the pruning of expired sessions. */
@Configuration(proxyBeanMethods = false)
@EnableScheduling
@EnableConfigurationProperties(IdentityProperties.class)
public class IdentityConfiguration {

    private static final Logger log = LoggerFactory.getLogger(IdentityConfiguration.class);

    /** bcrypt today; the {id} prefix of each stored hash lets a later default re-hash on login. */
    @Bean
    public PasswordEncoder passwordEncoder() {
        return PasswordEncoderFactories.createDelegatingPasswordEncoder();
    }

    @Bean
    AdminBootstrap adminBootstrap(IdentityProperties properties, UserAccounts accounts, IdentityService identity) {
        return new AdminBootstrap(properties, accounts, identity);
    }

    @Bean
    RefreshTokenPruner refreshTokenPruner(RefreshTokenFamilies families, Clock clock) {
        return new RefreshTokenPruner(families, clock);
    }

    /**
     * Creates the configured administrator on the first start; later starts find it and change nothing, and so do
     * instances that start together with the one that creates it (the unique email decides).
     */
    record AdminBootstrap(IdentityProperties properties, UserAccounts accounts, IdentityService identity) {

        @EventListener(ApplicationReadyEvent.class)
        @Order(Ordered.HIGHEST_PRECEDENCE)
        public void ensureAdmin() {
            IdentityProperties.Admin admin = properties.admin();
            if (admin == null || !admin.isConfigured()) {
                log.warn("No administrator configured (CARMARKET_ADMIN_EMAIL, CARMARKET_ADMIN_PASSWORD); none created");
                return;
            }
            if (accounts.byEmail(admin.email()).isEmpty()) {
                try {
                    identity.register(admin.email(), admin.password(), admin.name(), Role.ADMIN);
                    log.info("Administrator {} created", admin.email());
                } catch (WeakPasswordException weak) {
                    throw new IllegalStateException("The configured administrator password (CARMARKET_ADMIN_PASSWORD) "
                            + weak.getMessage());
                } catch (EmailTakenException createdMeanwhile) {
                    // Another instance starting at the same moment stored it between this one's look-up and insert.
                    log.info("Administrator {} created by another instance", admin.email());
                }
            }
        }
    }

    record RefreshTokenPruner(RefreshTokenFamilies families, Clock clock) {

        @Scheduled(fixedDelayString = "${carmarket.identity.prune-interval:1h}",
                initialDelayString = "${carmarket.identity.prune-interval:1h}")
        public void pruneExpiredSessions() {
            long pruned = families.pruneExpired(clock.instant());
            if (pruned > 0) {
                log.info("Pruned {} expired refresh-token families", pruned);
            }
        }
    }
}
