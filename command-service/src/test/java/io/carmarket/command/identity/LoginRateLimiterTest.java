package io.carmarket.command.identity;

import org.junit.jupiter.api.Test;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.stream.IntStream;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * Specification of {@link LoginRateLimiter}: failed logins are limited per account and per client address, each
 * budget refilling evenly over the window; successful logins cost nothing; a blocked address or account admits no
 * login at all. Here: 3 failures per account, 5 per address, in 15 minutes (one failure back every 5 and 3 minutes).
 */
class LoginRateLimiterTest {

    private static final int PER_ACCOUNT = 3;
    private static final int PER_ADDRESS = 5;
    private static final Duration WINDOW = Duration.ofMinutes(15);
    private static final String OFFICE = "198.51.100.7";

    private final MovableClock clock = new MovableClock();
    private final LoginRateLimiter limiter = new LoginRateLimiter(new IdentityProperties(null,
            new IdentityProperties.Login(PER_ACCOUNT, PER_ADDRESS, WINDOW), null, Duration.ofHours(1), null), clock);

    // ---------------------------------------------------------------------------------------------------------
    // Per account
    // ---------------------------------------------------------------------------------------------------------

    @Test
    void an_account_is_blocked_after_its_failures_even_when_each_came_from_another_address() {
        IntStream.rangeClosed(1, PER_ACCOUNT).forEach(i -> fail("203.0.113." + i, "victim@example.com"));

        assertThatThrownBy(() -> limiter.admit("203.0.113.99", "victim@example.com"))
                .isInstanceOf(TooManyLoginAttemptsException.class);
    }

    @Test
    void an_account_is_the_email_in_any_letter_case_and_without_surrounding_spaces() {
        fail(OFFICE, "Victim@Example.com");
        fail(OFFICE, " victim@example.COM ");
        fail(OFFICE, "VICTIM@EXAMPLE.COM");

        assertThatThrownBy(() -> limiter.admit(OFFICE, "victim@example.com"))
                .isInstanceOf(TooManyLoginAttemptsException.class);
    }

    @Test
    void a_blocked_account_does_not_block_other_accounts_of_the_same_address() {
        IntStream.rangeClosed(1, PER_ACCOUNT).forEach(i -> fail(OFFICE, "victim@example.com"));

        assertThatCode(() -> limiter.admit(OFFICE, "colleague@example.com")).doesNotThrowAnyException();
    }

    // ---------------------------------------------------------------------------------------------------------
    // Per address
    // ---------------------------------------------------------------------------------------------------------

    @Test
    void an_address_is_blocked_after_its_failures_even_when_each_was_on_another_account() {
        IntStream.rangeClosed(1, PER_ADDRESS).forEach(i -> fail(OFFICE, "user" + i + "@example.com"));

        assertThatThrownBy(() -> limiter.admit(OFFICE, "fresh@example.com"))
                .isInstanceOf(TooManyLoginAttemptsException.class);
    }

    @Test
    void a_blocked_address_does_not_block_the_same_accounts_from_other_addresses() {
        IntStream.rangeClosed(1, PER_ADDRESS).forEach(i -> fail(OFFICE, "user" + i + "@example.com"));

        assertThatCode(() -> limiter.admit("203.0.113.5", "user1@example.com")).doesNotThrowAnyException();
    }

    // ---------------------------------------------------------------------------------------------------------
    // Successes
    // ---------------------------------------------------------------------------------------------------------

    @Test
    void thirty_colleagues_behind_one_address_all_log_in() {
        IntStream.rangeClosed(1, 30).mapToObj(i -> "colleague" + i + "@example.com").forEach(email ->
                assertThatCode(() -> succeed(OFFICE, email)).as(email).doesNotThrowAnyException());
    }

    @Test
    void successful_logins_leave_both_budgets_whole() {
        IntStream.rangeClosed(1, 50).forEach(i -> succeed(OFFICE, "user@example.com"));

        IntStream.rangeClosed(1, PER_ACCOUNT).forEach(i -> fail(OFFICE, "user@example.com"));
        assertThatThrownBy(() -> limiter.admit(OFFICE, "user@example.com"))
                .isInstanceOf(TooManyLoginAttemptsException.class);
    }

    @Test
    void a_success_does_not_give_back_earlier_failures() {
        IntStream.rangeClosed(1, PER_ACCOUNT - 1).forEach(i -> fail(OFFICE, "user@example.com"));
        succeed(OFFICE, "user@example.com");

        fail(OFFICE, "user@example.com");
        assertThatThrownBy(() -> limiter.admit(OFFICE, "user@example.com"))
                .isInstanceOf(TooManyLoginAttemptsException.class);
    }

    // ---------------------------------------------------------------------------------------------------------
    // Blocked means blocked (the right password too: IdentityServiceLoginTest)
    // ---------------------------------------------------------------------------------------------------------

    @Test
    void a_refused_attempt_costs_nothing() {
        IntStream.rangeClosed(1, PER_ACCOUNT).forEach(i -> fail(OFFICE, "victim@example.com"));
        IntStream.rangeClosed(1, 20).forEach(i -> assertThatThrownBy(() -> limiter.admit(OFFICE, "victim@example.com"))
                .isInstanceOf(TooManyLoginAttemptsException.class));

        IntStream.rangeClosed(1, PER_ADDRESS - PER_ACCOUNT).forEach(i -> fail(OFFICE, "other" + i + "@example.com"));
        assertThatThrownBy(() -> limiter.admit(OFFICE, "fresh@example.com"))
                .as("the address has spent exactly its failures").isInstanceOf(TooManyLoginAttemptsException.class);
    }

    @Test
    void attempts_in_progress_hold_the_budget_so_parallel_guesses_cannot_exceed_it() {
        IntStream.rangeClosed(1, PER_ACCOUNT).forEach(i -> limiter.admit("203.0.113." + i, "victim@example.com"));

        assertThatThrownBy(() -> limiter.admit("203.0.113.99", "victim@example.com"))
                .isInstanceOf(TooManyLoginAttemptsException.class);
    }

    @Test
    void the_refusal_says_when_the_next_failure_is_allowed() {
        IntStream.rangeClosed(1, PER_ACCOUNT).forEach(i -> fail(OFFICE, "victim@example.com"));

        assertThatThrownBy(() -> limiter.admit(OFFICE, "victim@example.com"))
                .isInstanceOfSatisfying(TooManyLoginAttemptsException.class,
                        refused -> assertThat(refused.retryAfter()).isEqualTo(WINDOW.dividedBy(PER_ACCOUNT)));
    }

    // ---------------------------------------------------------------------------------------------------------
    // Refill
    // ---------------------------------------------------------------------------------------------------------

    @Test
    void a_spent_budget_gives_back_one_failure_each_window_share() {
        IntStream.rangeClosed(1, PER_ACCOUNT).forEach(i -> fail(OFFICE, "victim@example.com"));

        clock.advance(WINDOW.dividedBy(PER_ACCOUNT));

        fail(OFFICE, "victim@example.com");
        assertThatThrownBy(() -> limiter.admit(OFFICE, "victim@example.com"))
                .isInstanceOf(TooManyLoginAttemptsException.class);
    }

    @Test
    void a_spent_budget_is_whole_again_after_a_window() {
        IntStream.rangeClosed(1, PER_ADDRESS).forEach(i -> fail(OFFICE, "user" + i + "@example.com"));

        clock.advance(WINDOW);

        IntStream.rangeClosed(1, PER_ADDRESS).forEach(i -> fail(OFFICE, "next" + i + "@example.com"));
        assertThatThrownBy(() -> limiter.admit(OFFICE, "fresh@example.com"))
                .as("no more than whole").isInstanceOf(TooManyLoginAttemptsException.class);
    }

    /** A login whose password was wrong: admitted, never released. */
    private void fail(String address, String email) {
        limiter.admit(address, email);
    }

    private void succeed(String address, String email) {
        limiter.admit(address, email).release();
    }

    private static final class MovableClock extends Clock {

        private Instant now = Instant.parse("2026-03-02T09:00:00Z");

        void advance(Duration duration) {
            now = now.plus(duration);
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
            return now;
        }
    }
}
