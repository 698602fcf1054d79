package io.carmarket.command.idempotency;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

import java.time.Duration;

/**
 * Settings of {@code Idempotency-Key} handling (see docs/idempotency.md).
 *
 * @param retention         how long a key is remembered after its first use; a retry after that runs again
 * @param maxBodyBytes      the largest request body accepted with a key (it is read whole to fingerprint it);
 *                          larger bodies are answered 413
 * @param pruneInterval     how often expired records are deleted
 * @param inProgressTimeout how long a started request may hold its key; after that, a retry of the same request
 *                          takes the key over (the first attempt is presumed lost with its instance). Must be far
 *                          longer than any request takes.
 */
@ConfigurationProperties("carmarket.idempotency")
public record IdempotencyProperties(
        @DefaultValue("24h") Duration retention,
        @DefaultValue("1048576") int maxBodyBytes,
        @DefaultValue("1h") Duration pruneInterval,
        @DefaultValue("2m") Duration inProgressTimeout) {

    public IdempotencyProperties {
        if (retention == null || retention.isNegative() || retention.isZero()) {
            throw new IllegalArgumentException("carmarket.idempotency.retention must be positive");
        }
        if (maxBodyBytes <= 0 || maxBodyBytes == Integer.MAX_VALUE) {
            throw new IllegalArgumentException("carmarket.idempotency.max-body-bytes must be positive and below 2 GiB");
        }
        if (pruneInterval == null || pruneInterval.isNegative() || pruneInterval.isZero()) {
            throw new IllegalArgumentException("carmarket.idempotency.prune-interval must be positive");
        }
        if (inProgressTimeout == null || inProgressTimeout.isNegative() || inProgressTimeout.isZero()
                || inProgressTimeout.compareTo(retention) >= 0) {
            throw new IllegalArgumentException(
                    "carmarket.idempotency.in-progress-timeout must be positive and shorter than the retention");
        }
    }
}
