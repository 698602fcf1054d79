package io.carmarket.support.security;

import io.carmarket.support.web.ApiProblems;
import io.carmarket.support.web.ProblemResponses;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.security.core.AuthenticationException;
import org.springframework.security.web.AuthenticationEntryPoint;
import org.springframework.security.web.access.AccessDeniedHandler;

import java.io.IOException;

/** 401 and 403 as problem+json, for failures that happen in the security filters, before any controller. */
public class SecurityProblems implements AuthenticationEntryPoint, AccessDeniedHandler {

    public static final String UNAUTHENTICATED = "UNAUTHENTICATED";
    public static final String FORBIDDEN = "FORBIDDEN";

    private final ProblemResponses responses;

    public SecurityProblems(ProblemResponses responses) {
        this.responses = responses;
    }

    @Override
    public void commence(HttpServletRequest request, HttpServletResponse response,
                         AuthenticationException failure) throws IOException {
        response.setHeader(HttpHeaders.WWW_AUTHENTICATE, "Bearer");
        responses.write(request, response, unauthenticated(failure));
    }

    @Override
    public void handle(HttpServletRequest request, HttpServletResponse response,
                       AccessDeniedException denied) throws IOException {
        responses.write(request, response, forbidden());
    }

    public static ProblemDetail unauthenticated(AuthenticationException failure) {
        String detail = failure instanceof TokenRejectedException
                ? failure.getMessage()
                : "A valid access token is required (Authorization: Bearer ...)";
        return ApiProblems.problem(HttpStatus.UNAUTHORIZED, UNAUTHENTICATED, detail);
    }

    public static ProblemDetail forbidden() {
        return ApiProblems.problem(HttpStatus.FORBIDDEN, FORBIDDEN, "Your role does not allow this");
    }
}
