package io.carmarket.support.web;

import org.springframework.http.HttpStatus;
import org.springframework.http.HttpStatusCode;
import org.springframework.http.ProblemDetail;

import java.net.URI;
import java.util.Locale;

/** Builds the RFC 9457 problems every CarMarket endpoint answers with. */
public final class ApiProblems {

    /** Property of a problem that names the business reason in a stable, machine-readable way. */
    public static final String CODE = "code";
    /** Property of a 400 problem: field name to its messages. */
    public static final String FIELD_ERRORS = "errors";
    /** Property of every problem: the request's correlation id, also sent as the {@code X-Correlation-Id} header. */
    public static final String CORRELATION_ID = "correlationId";

    private static final String TYPE_PREFIX = "urn:carmarket:problem:";

    private ApiProblems() {
    }

    /** A problem for the request being handled on this thread (its correlation id is taken from there). */
    public static ProblemDetail problem(HttpStatusCode status, String code, String detail) {
        ProblemDetail problem = ProblemDetail.forStatusAndDetail(status, detail);
        problem.setType(typeOf(code));
        problem.setProperty(CODE, code);
        CorrelationIdFilter.current().ifPresent(correlationId -> problem.setProperty(CORRELATION_ID, correlationId));
        return problem;
    }

    public static URI typeOf(String code) {
        return URI.create(TYPE_PREFIX + code.toLowerCase(Locale.ROOT).replace('_', '-'));
    }

    /** The code of a problem that has none yet: the status's name, such as {@code METHOD_NOT_ALLOWED}. */
    public static String codeOf(HttpStatusCode status) {
        HttpStatus known = HttpStatus.resolve(status.value());
        return known == null ? "HTTP_" + status.value() : known.name();
    }
}
