package io.carmarket.benchmark.audit;

import com.fasterxml.jackson.databind.JsonNode;
import io.carmarket.benchmark.Http;

import java.util.Map;
import java.util.concurrent.TimeUnit;

/**
 * A logged-in account whose access token is renewed by logging in again shortly before it expires: measurement 8
 * tops a store up to 100k events, which takes longer than an access token lives (15 minutes).
 */
final class Account {

    /** The status {@link Http} reports when no answer came within its timeout. */
    private static final int NO_ANSWER = -1;
    private static final int LOGIN_ATTEMPTS = 3;

    /** A token with less than this left is renewed before it is used. */
    private static final long RENEW_BEFORE_EXPIRY_SECONDS = 120;

    private final Http http;
    private final String email;
    private final String password;
    private final String userId;
    private String token;
    private long renewAtNanos;

    private Account(Http http, String email, String password, JsonNode session) {
        this.http = http;
        this.email = email;
        this.password = password;
        this.userId = session.get("user").get("id").asText();
        remember(session);
    }

    /** Logs in an existing account (the admin, an auditor). */
    static Account login(Http http, String email, String password) {
        return new Account(http, email, password, session(http, email, password));
    }

    /** Registers a customer or dealer (a 409 for an account that exists is fine), then logs it in. */
    static Account register(Http http, String email, String password, String name, String role) {
        Http.Answer registered = http.post("/api/v1/auth/register", null,
                Map.of("email", email, "password", password, "name", name, "role", role));
        if (registered.status() != 201 && registered.status() != 409) {
            throw new IllegalStateException("register " + email + ": " + registered.status() + " " + registered.body());
        }
        return login(http, email, password);
    }

    String userId() {
        return userId;
    }

    /** A token valid for at least {@link #RENEW_BEFORE_EXPIRY_SECONDS} more seconds. */
    synchronized String token() {
        if (System.nanoTime() >= renewAtNanos) {
            remember(session(http, email, password));
        }
        return token;
    }

    private void remember(JsonNode session) {
        token = session.get("accessToken").asText();
        long lifetimeSeconds = session.get("expiresIn").asLong();
        renewAtNanos = System.nanoTime()
                + TimeUnit.SECONDS.toNanos(Math.max(0, lifetimeSeconds - RENEW_BEFORE_EXPIRY_SECONDS));
    }

    /**
     * Logs in; a login that got no answer (status -1: the loaded server did not answer within the request timeout)
     * is tried again, up to {@link #LOGIN_ATTEMPTS} times, so one slow answer under load does not end the run.
     */
    private static JsonNode session(Http http, String email, String password) {
        Http.Answer login = http.post("/api/v1/auth/login", null, Map.of("email", email, "password", password));
        for (int attempt = 1; login.status() == NO_ANSWER && attempt < LOGIN_ATTEMPTS; attempt++) {
            login = http.post("/api/v1/auth/login", null, Map.of("email", email, "password", password));
        }
        if (login.status() != 200) {
            throw new IllegalStateException("login " + email + ": " + login.status() + " " + login.body()
                    + (login.status() == 429
                    ? " (too many failed logins from this address; see carmarket.identity.login)" : ""));
        }
        return login.json();
    }
}
