package io.carmarket.command.identity;

class EmailTakenException extends RuntimeException {

    EmailTakenException() {
        super("An account with this email already exists");
    }
}
