package io.carmarket.command.identity;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import io.github.bucket4j.Bandwidth;
import io.github.bucket4j.Bucket;
import io.github.bucket4j.ConsumptionProbe;
import org.springframework.stereotype.Component;

import java.time.Duration;
import java.util.Locale;

/**
 * Throttles login attempts per client address and, separately, per email, so that neither one machine trying
 * many accounts nor many machines trying one account get far. Buckets live in memory, per instance, and are
 * forgotten after a quiet window (bounded in number).
 */
@Component
class LoginRateLimiter {

    private static final long MAX_TRACKED_KEYS = 100_000;

    private final int attempts;
    private final Duration window;
    private final Cache<String, Bucket> buckets;

    LoginRateLimiter(IdentityProperties properties) {
        this.attempts = properties.loginAttempts();
        this.window = properties.loginWindow();
        this.buckets = Caffeine.newBuilder().maximumSize(MAX_TRACKED_KEYS).expireAfterAccess(window).build();
    }

    /**
     * @throws TooManyLoginAttemptsException when the address or the email has used up its attempts
     */
    void attempt(String clientAddress, String email) {
        consume("address:" + clientAddress);
        consume("email:" + (email == null ? "" : email.trim().toLowerCase(Locale.ROOT)));
    }

    private void consume(String key) {
        Bucket bucket = buckets.get(key, k -> Bucket.builder()
                .addLimit(Bandwidth.builder().capacity(attempts).refillIntervally(attempts, window).build())
                .build());
        ConsumptionProbe probe = bucket.tryConsumeAndReturnRemaining(1);
        if (!probe.isConsumed()) {
            throw new TooManyLoginAttemptsException(Duration.ofNanos(probe.getNanosToWaitForRefill()));
        }
    }
}
