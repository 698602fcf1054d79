package io.carmarket.command.identity;

import java.time.Duration;

class TooManyLoginAttemptsException extends RuntimeException {

    private final Duration retryAfter;

    TooManyLoginAttemptsException(Duration retryAfter) {
        super("Too many failed logins from this address or for this account; retry later");
        this.retryAfter = retryAfter;
    }

    Duration retryAfter() {
        return retryAfter;
    }
}
