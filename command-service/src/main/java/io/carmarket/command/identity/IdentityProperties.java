package io.carmarket.command.identity;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

import java.time.Duration;

/**
 * @param admin          the administrator created at start when absent; without an email and password none is
 *                       created (credentials come from the environment, never from the repository)
 * @param login          how many failed logins are allowed (docs/security.md, "Throttling")
 * @param refreshCookie  the HttpOnly cookie that also carries the refresh token
 * @param pruneInterval  how often expired refresh-token families are deleted
 * @param knownUsers     users found to exist are remembered this long (at most this many), so that a token's
 *                       check does not read the users collection on every request
 */
@ConfigurationProperties("carmarket.identity")
public record IdentityProperties(
        Admin admin,
        @DefaultValue Login login,
        @DefaultValue RefreshCookie refreshCookie,
        @DefaultValue("1h") Duration pruneInterval,
        @DefaultValue KnownUsers knownUsers) {

    public record Admin(String email, String password, @DefaultValue("Administrator") String name) {

        public boolean isConfigured() {
            return email != null && !email.isBlank() && password != null && !password.isBlank();
        }
    }

    /**
     * @param failuresPerAccount failed logins allowed per account (email) in a window
     * @param failuresPerAddress failed logins allowed per client address in a window, whatever the accounts
     * @param window             the period over which a spent budget refills, evenly
     */
    public record Login(@DefaultValue("10") int failuresPerAccount,
                        @DefaultValue("30") int failuresPerAddress,
                        @DefaultValue("15m") Duration window) {
    }

    /**
     * @param remembered how long a user found to exist is not looked up again
     * @param maxSize    how many such users are remembered at most (the least recently used go first)
     */
    public record KnownUsers(@DefaultValue("30s") Duration remembered, @DefaultValue("10000") int maxSize) {
    }

    /**
     * @param name   cookie name
     * @param path   only requests under this path carry it (the auth endpoints)
     * @param secure send it over HTTPS only; switch off only for plain-HTTP local runs
     */
    public record RefreshCookie(@DefaultValue("carmarket_refresh") String name,
                                @DefaultValue("/api/v1/auth") String path,
                                @DefaultValue("true") boolean secure) {
    }
}
