package io.carmarket.support.web;

import com.fasterxml.jackson.databind.ObjectMapper;
import jakarta.servlet.RequestDispatcher;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.springframework.http.MediaType;
import org.springframework.http.ProblemDetail;

import java.io.IOException;
import java.net.URI;

/**
 * Writes a problem straight to the servlet response, for refusals decided outside Spring MVC: in a servlet filter,
 * the security filters, the firewall, the CORS check or the error page.
 */
public final class ProblemResponses {

    private final ObjectMapper objectMapper;

    public ProblemResponses(ObjectMapper objectMapper) {
        this.objectMapper = objectMapper;
    }

    /**
     * @param request the request answered, for the problem's {@code instance}; may be null
     */
    public void write(HttpServletRequest request, HttpServletResponse response, ProblemDetail problem)
            throws IOException {
        if (response.isCommitted()) {
            return;
        }
        if (problem.getInstance() == null && request != null) {
            problem.setInstance(instanceOf(request));
        }
        response.resetBuffer();
        response.setStatus(problem.getStatus());
        response.setContentType(MediaType.APPLICATION_PROBLEM_JSON_VALUE);
        objectMapper.writeValue(response.getOutputStream(), problem);
        response.flushBuffer();
    }

    /**
     * The path the client asked for, as an {@code instance} URI; none when it cannot be one (the path may be the
     * very thing that was refused).
     */
    static URI instanceOf(HttpServletRequest request) {
        // On an error dispatch the request URI is the error page's; the client asked for the original one.
        Object original = request.getAttribute(RequestDispatcher.ERROR_REQUEST_URI);
        try {
            return URI.create(original instanceof String uri ? uri : request.getRequestURI());
        } catch (IllegalArgumentException notAUri) {
            return null;
        }
    }
}
