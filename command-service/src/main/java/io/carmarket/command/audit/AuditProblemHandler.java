package io.carmarket.command.audit;

import io.carmarket.support.web.ApiProblems;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestControllerAdvice;

/** The aggregate audit API's refusals as problems. */
@RestControllerAdvice
@Order(Ordered.HIGHEST_PRECEDENCE)
class AuditProblemHandler {

    @ExceptionHandler(AuditRefusal.class)
    ResponseEntity<ProblemDetail> refused(AuditRefusal refusal) {
        HttpStatus status = switch (refusal.kind()) {
            case NOT_FOUND -> HttpStatus.NOT_FOUND;
            case NOT_IMPLEMENTED -> HttpStatus.NOT_IMPLEMENTED;
        };
        ProblemDetail problem = ApiProblems.problem(status, refusal.code(), refusal.getMessage());
        refusal.details().forEach(problem::setProperty);
        return ResponseEntity.status(status).body(problem);
    }
}
