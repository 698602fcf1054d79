package io.carmarket.support.web;

import io.carmarket.support.axon.AxonServerOutage;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;

import java.util.Optional;

/**
 * 503 answers for a request that failed because something it needs cannot be reached: problem+json with a stable
 * code and {@code Retry-After} ({@code carmarket.web.unavailable.retry-after}). The failure is logged in one line,
 * not as an error with its stack trace: an outage is expected, and it would otherwise be logged once per request.
 */
public final class UnavailableProblems {

    /** Axon Server, the event store and message router of the distributed deployment, cannot be reached. */
    public static final String EVENT_STORE_UNAVAILABLE = "EVENT_STORE_UNAVAILABLE";

    private static final Logger log = LoggerFactory.getLogger(UnavailableProblems.class);

    private final String retryAfterSeconds;

    public UnavailableProblems(UnavailableProperties properties) {
        long seconds = (properties.retryAfter().toMillis() + 999) / 1000;
        this.retryAfterSeconds = Long.toString(Math.max(1, seconds));
    }

    /** The answer to a request that failed because Axon Server cannot be reached; empty for any other failure. */
    public Optional<ResponseEntity<Object>> ifAxonServerUnreachable(Throwable failure) {
        if (!AxonServerOutage.isCauseOf(failure)) {
            return Optional.empty();
        }
        log.warn("Axon Server cannot be reached; answered 503 {}: {}", EVENT_STORE_UNAVAILABLE, failure.toString());
        return Optional.of(answer(EVENT_STORE_UNAVAILABLE,
                "The event store cannot be reached right now, so the request could not be carried out; retry later"));
    }

    /** A 503 with {@code code}, {@code detail} and {@code Retry-After}. */
    public ResponseEntity<Object> answer(String code, String detail) {
        return ResponseEntity.status(HttpStatus.SERVICE_UNAVAILABLE)
                .header(HttpHeaders.RETRY_AFTER, retryAfterSeconds)
                .contentType(MediaType.APPLICATION_PROBLEM_JSON)
                .body(ApiProblems.problem(HttpStatus.SERVICE_UNAVAILABLE, code, detail));
    }

    /** The {@code Retry-After} value, in seconds. */
    public String retryAfterSeconds() {
        return retryAfterSeconds;
    }
}
