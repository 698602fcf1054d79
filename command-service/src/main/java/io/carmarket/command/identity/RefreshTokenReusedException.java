package io.carmarket.command.identity;

import io.carmarket.support.security.TokenRejectedException;

/** A retired refresh token came back: its whole family has been revoked. */
class RefreshTokenReusedException extends TokenRejectedException {

    RefreshTokenReusedException() {
        super("This refresh token was already used; every session of this login has been revoked");
    }
}
