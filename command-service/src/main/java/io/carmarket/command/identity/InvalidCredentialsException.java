package io.carmarket.command.identity;

/** Unknown email or wrong password: deliberately one answer for both. */
class InvalidCredentialsException extends RuntimeException {

    InvalidCredentialsException() {
        super("Email or password is wrong");
    }
}
