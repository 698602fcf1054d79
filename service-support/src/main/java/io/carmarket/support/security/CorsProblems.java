package io.carmarket.support.security;

import io.carmarket.support.web.ApiProblems;
import io.carmarket.support.web.ProblemResponses;
import jakarta.servlet.http.HttpServletResponse;
import org.springframework.http.HttpStatus;
import org.springframework.http.server.ServerHttpResponse;
import org.springframework.http.server.ServletServerHttpResponse;
import org.springframework.web.cors.DefaultCorsProcessor;

import java.io.IOException;

/** A cross-origin request from an origin that is not allowed: 403 as problem+json, not Spring's plain text. */
class CorsProblems extends DefaultCorsProcessor {

    static final String CORS_REJECTED = "CORS_REJECTED";

    private final ProblemResponses responses;

    CorsProblems(ProblemResponses responses) {
        this.responses = responses;
    }

    @Override
    protected void rejectRequest(ServerHttpResponse response) throws IOException {
        if (response instanceof ServletServerHttpResponse servletResponse) {
            HttpServletResponse raw = servletResponse.getServletResponse();
            responses.write(null, raw, ApiProblems.problem(HttpStatus.FORBIDDEN, CORS_REJECTED,
                    "Cross-origin requests from this origin, or with this method or these headers, are not allowed"));
            return;
        }
        super.rejectRequest(response);
    }
}
