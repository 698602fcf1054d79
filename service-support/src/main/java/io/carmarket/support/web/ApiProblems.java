package io.carmarket.support.web;

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

    private static final String TYPE_PREFIX = "urn:carmarket:problem:";

    private ApiProblems() {
    }

    public static ProblemDetail problem(HttpStatusCode status, String code, String detail) {
        ProblemDetail problem = ProblemDetail.forStatusAndDetail(status, detail);
        problem.setType(typeOf(code));
        problem.setProperty(CODE, code);
        return problem;
    }

    public static URI typeOf(String code) {
        return URI.create(TYPE_PREFIX + code.toLowerCase(Locale.ROOT).replace('_', '-'));
    }
}
