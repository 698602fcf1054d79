package io.carmarket.command.identity;

import io.carmarket.support.web.ApiProblems;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestControllerAdvice;

import java.util.List;
import java.util.Map;

/** The identity feature's refusals as problems. */
@RestControllerAdvice
@Order(Ordered.HIGHEST_PRECEDENCE)
class IdentityProblemHandler {

    @ExceptionHandler(EmailTakenException.class)
    ResponseEntity<ProblemDetail> emailTaken(EmailTakenException ex) {
        return answer(HttpStatus.CONFLICT, "EMAIL_TAKEN", ex.getMessage());
    }

    @ExceptionHandler(InvalidCredentialsException.class)
    ResponseEntity<ProblemDetail> invalidCredentials(InvalidCredentialsException ex) {
        return answer(HttpStatus.UNAUTHORIZED, "INVALID_CREDENTIALS", ex.getMessage());
    }

    @ExceptionHandler(RefreshTokenReusedException.class)
    ResponseEntity<ProblemDetail> refreshTokenReused(RefreshTokenReusedException ex) {
        return answer(HttpStatus.UNAUTHORIZED, "REFRESH_TOKEN_REUSED", ex.getMessage());
    }

    @ExceptionHandler(WeakPasswordException.class)
    ResponseEntity<ProblemDetail> weakPassword(WeakPasswordException ex) {
        ProblemDetail problem = ApiProblems.problem(HttpStatus.BAD_REQUEST, "VALIDATION_FAILED",
                "The request has invalid fields");
        problem.setProperty(ApiProblems.FIELD_ERRORS, Map.of("password", List.of(ex.getMessage())));
        return ResponseEntity.badRequest().body(problem);
    }

    @ExceptionHandler(TooManyLoginAttemptsException.class)
    ResponseEntity<ProblemDetail> tooManyAttempts(TooManyLoginAttemptsException ex) {
        long seconds = Math.max(1, (long) Math.ceil(ex.retryAfter().toMillis() / 1000.0));
        return ResponseEntity.status(HttpStatus.TOO_MANY_REQUESTS)
                .header(HttpHeaders.RETRY_AFTER, Long.toString(seconds))
                .body(ApiProblems.problem(HttpStatus.TOO_MANY_REQUESTS, "TOO_MANY_LOGIN_ATTEMPTS", ex.getMessage()));
    }

    private static ResponseEntity<ProblemDetail> answer(HttpStatus status, String code, String detail) {
        return ResponseEntity.status(status).body(ApiProblems.problem(status, code, detail));
    }
}
