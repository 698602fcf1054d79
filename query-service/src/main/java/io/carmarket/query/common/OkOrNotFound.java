package io.carmarket.query.common;

import io.carmarket.support.web.ApiProblems;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;

import java.util.Optional;

/**
 * The answer of a request for one thing of the user's: 200 with it, or 404 problem+json when it does not exist or
 * is not theirs to see (the two are answered alike, so existence does not leak).
 */
public final class OkOrNotFound {

    private OkOrNotFound() {
    }

    /**
     * @param code   the problem's code, e.g. {@code BOOKING_NOT_FOUND}
     * @param detail the problem's detail, e.g. "No booking b-1"
     */
    public static ResponseEntity<?> of(Optional<?> found, String code, String detail) {
        return found.<ResponseEntity<?>>map(ResponseEntity::ok).orElseGet(() -> notFound(code, detail));
    }

    /** 404 problem+json with this code and detail. */
    public static ResponseEntity<?> notFound(String code, String detail) {
        return ResponseEntity.status(HttpStatus.NOT_FOUND)
                .body(ApiProblems.problem(HttpStatus.NOT_FOUND, code, detail));
    }
}
