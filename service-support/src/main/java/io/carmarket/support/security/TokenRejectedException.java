package io.carmarket.support.security;

import org.springframework.security.core.AuthenticationException;

/** A bearer or refresh token that is not signed by us, expired, of the wrong kind, or names no user. */
public class TokenRejectedException extends AuthenticationException {

    public TokenRejectedException(String message) {
        super(message);
    }

    public TokenRejectedException(String message, Throwable cause) {
        super(message, cause);
    }
}
