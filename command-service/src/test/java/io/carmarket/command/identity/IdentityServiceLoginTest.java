package io.carmarket.command.identity;

import io.carmarket.api.identity.Role;
import io.carmarket.support.security.JwtProperties;
import io.carmarket.support.security.TokenVerifier;
import org.axonframework.eventhandling.gateway.EventGateway;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.dao.DataAccessResourceFailureException;
import org.springframework.security.crypto.bcrypt.BCryptPasswordEncoder;
import org.springframework.security.crypto.password.PasswordEncoder;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import java.util.stream.IntStream;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.mockito.ArgumentMatchers.anyString;
import static org.mockito.Mockito.doReturn;
import static org.mockito.Mockito.doThrow;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.when;

/**
 * How {@link IdentityService#login} counts against the {@link LoginRateLimiter}: a wrong password is a failure, a
 * right one is not, and a blocked address or account is refused before any password is checked. Here: 3 failures
 * per account and 5 per address in 15 minutes.
 */
class IdentityServiceLoginTest {

    private static final String RIGHT = "Right-Pass-2026";
    private static final String OFFICE = "198.51.100.7";

    /** The cheapest bcrypt cost: these tests are about counting, not hashing. */
    private final PasswordEncoder passwordEncoder = new BCryptPasswordEncoder(4);
    private final UserAccounts accounts = mock(UserAccounts.class);
    private final Clock clock = Clock.systemUTC();
    private IdentityService identity;

    @BeforeEach
    void identity() {
        IdentityProperties properties = new IdentityProperties(null,
                new IdentityProperties.Login(3, 5, Duration.ofMinutes(15)), null, Duration.ofHours(1), null);
        identity = new IdentityService(accounts, mock(RefreshTokenFamilies.class), mock(TokenIssuer.class),
                mock(TokenVerifier.class), passwordEncoder, new LoginRateLimiter(properties, clock),
                new JwtProperties("carmarket", "carmarket-api", Duration.ofMinutes(15), Duration.ofDays(7),
                        Duration.ofSeconds(30), null, null, 100),
                clock, mock(EventGateway.class));
        when(accounts.byEmail(anyString())).thenAnswer(call -> Optional.of(account(call.getArgument(0))));
    }

    @Test
    void thirty_colleagues_behind_one_address_all_log_in() {
        IntStream.rangeClosed(1, 30).forEach(i -> assertThatCode(
                () -> identity.login("colleague" + i + "@example.com", RIGHT, OFFICE))
                .as("colleague %d", i).doesNotThrowAnyException());
    }

    @Test
    void a_wrong_password_counts_as_a_failure_of_the_account() {
        IntStream.rangeClosed(1, 3).forEach(i -> assertThatThrownBy(
                () -> identity.login("victim@example.com", "Wrong-Pass-" + i, "203.0.113." + i))
                .isInstanceOf(InvalidCredentialsException.class));

        assertThatThrownBy(() -> identity.login("victim@example.com", "Wrong-Pass-4", "203.0.113.4"))
                .isInstanceOf(TooManyLoginAttemptsException.class);
    }

    @Test
    void a_blocked_account_refuses_the_right_password_too() {
        IntStream.rangeClosed(1, 3).forEach(i -> wrongPassword("victim@example.com", "203.0.113." + i));

        assertThatThrownBy(() -> identity.login("victim@example.com", RIGHT, "203.0.113.50"))
                .isInstanceOf(TooManyLoginAttemptsException.class);
    }

    @Test
    void a_blocked_address_refuses_the_right_password_too() {
        IntStream.rangeClosed(1, 5).forEach(i -> wrongPassword("user" + i + "@example.com", OFFICE));

        assertThatThrownBy(() -> identity.login("owner@example.com", RIGHT, OFFICE))
                .isInstanceOf(TooManyLoginAttemptsException.class);
    }

    @Test
    void a_login_the_account_store_could_not_answer_is_not_a_failure() {
        doThrow(new DataAccessResourceFailureException("down")).when(accounts).byEmail("user@example.com");
        IntStream.rangeClosed(1, 10).forEach(i -> assertThatThrownBy(
                () -> identity.login("user@example.com", "Wrong-Pass-2026", OFFICE))
                .isInstanceOf(DataAccessResourceFailureException.class));

        doReturn(Optional.of(account("user@example.com"))).when(accounts).byEmail("user@example.com");
        assertThat(identity.login("user@example.com", RIGHT, OFFICE).user().email()).isEqualTo("user@example.com");
    }

    private void wrongPassword(String email, String address) {
        assertThatThrownBy(() -> identity.login(email, "Wrong-Pass-2026", address))
                .isInstanceOf(InvalidCredentialsException.class);
    }

    private UserAccount account(String email) {
        return new UserAccount("id-" + email, email, UserAccount.emailKeyOf(email), passwordEncoder.encode(RIGHT),
                "User", Role.CUSTOMER, Instant.parse("2026-01-05T10:00:00Z"));
    }
}
