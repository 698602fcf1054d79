package io.carmarket.command.identity;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import io.github.bucket4j.Bandwidth;
import io.github.bucket4j.Bucket;
import io.github.bucket4j.ConsumptionProbe;
import io.github.bucket4j.TimeMeter;
import org.springframework.stereotype.Component;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;

/**
 * Throttles failed logins: per account (the email), so that nobody guesses one account's password, and per client
 * address, so that one machine does not try many accounts. A budget of failures per window refills evenly over the
 * window; successful logins cost nothing, so many people behind one address can all log in.
 * <p>
 * While either budget is spent, every login of that address or account is refused, the right password included:
 * otherwise a blocked guesser would learn from the refusal whether a guess was right.
 * <p>
 * Budgets live in memory, per instance, and are forgotten after a window without attempts (a bucket untouched that
 * long is full again anyway); their number is bounded.
 */
@Component
class LoginRateLimiter {

    private static final long MAX_TRACKED_KEYS = 100_000;

    private final Cache<String, Bucket> accounts;
    private final Cache<String, Bucket> addresses;
    private final IdentityProperties.Login limits;
    private final TimeMeter time;

    LoginRateLimiter(IdentityProperties properties, Clock clock) {
        this.limits = properties.login();
        this.time = new ClockTime(clock);
        this.accounts = Caffeine.newBuilder().maximumSize(MAX_TRACKED_KEYS).expireAfterAccess(limits.window()).build();
        this.addresses = Caffeine.newBuilder().maximumSize(MAX_TRACKED_KEYS).expireAfterAccess(limits.window()).build();
    }

    /**
     * Admits a login attempt, holding one failure of each budget until the attempt is {@link Attempt#release()
     * released}: an attempt never released counts as a failure. Holding before the password is checked keeps
     * concurrent guesses within the budget too.
     *
     * @throws TooManyLoginAttemptsException when the address or the account has no failures left
     */
    Attempt admit(String clientAddress, String email) {
        Bucket address = addresses.get(clientAddress, key -> bucket(limits.failuresPerAddress()));
        take(address);
        Bucket account = accounts.get(UserAccount.emailKeyOf(email), key -> bucket(limits.failuresPerAccount()));
        try {
            take(account);
        } catch (TooManyLoginAttemptsException blocked) {
            address.addTokens(1);
            throw blocked;
        }
        return new Attempt(address, account);
    }

    private Bucket bucket(int failures) {
        return Bucket.builder()
                .addLimit(Bandwidth.builder().capacity(failures).refillGreedy(failures, limits.window()).build())
                .withCustomTimePrecision(time)
                .build();
    }

    private static void take(Bucket bucket) {
        ConsumptionProbe probe = bucket.tryConsumeAndReturnRemaining(1);
        if (!probe.isConsumed()) {
            throw new TooManyLoginAttemptsException(Duration.ofNanos(probe.getNanosToWaitForRefill()));
        }
    }

    /** An admitted login attempt, counted as a failure of its address and its account unless released. */
    static final class Attempt {

        private final Bucket address;
        private final Bucket account;
        private boolean released;

        private Attempt(Bucket address, Bucket account) {
            this.address = address;
            this.account = account;
        }

        /** The attempt does not count: it succeeded, or it ended before a password was judged. */
        void release() {
            if (!released) {
                released = true;
                address.addTokens(1);
                account.addTokens(1);
            }
        }
    }

    /** The write side's clock for the buckets, so that tests can move time. */
    private record ClockTime(Clock clock) implements TimeMeter {

        @Override
        public long currentTimeNanos() {
            Instant now = clock.instant();
            return Math.addExact(Math.multiplyExact(now.getEpochSecond(), 1_000_000_000L), now.getNano());
        }

        @Override
        public boolean isWallClockBased() {
            return true;
        }
    }
}
