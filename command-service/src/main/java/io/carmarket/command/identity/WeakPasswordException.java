package io.carmarket.command.identity;

class WeakPasswordException extends RuntimeException {

    WeakPasswordException(String message) {
        super(message);
    }
}
