package io.carmarket.command.identity;

import java.time.Duration;

class TooManyLoginAttemptsException extends RuntimeException {

    private final Duration retryAfter;

    TooManyLoginAttemptsException(Duration retryAfter) {
        super("Too many login attempts; retry later");
        this.retryAfter = retryAfter;
    }

    Duration retryAfter() {
        return retryAfter;
    }
}
