package io.carmarket.support.security;

import io.carmarket.support.web.ApiProblems;
import io.carmarket.support.web.ProblemResponses;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.security.web.firewall.RequestRejectedException;
import org.springframework.security.web.firewall.RequestRejectedHandler;

import java.io.IOException;
import java.util.Set;

/**
 * Answers what Spring Security's firewall refuses (encoded dots, slashes or line breaks, {@code ;parameters},
 * {@code //}, methods HTTP does not define here) as problem+json, written directly: the request never reaches
 * Spring MVC, and an error dispatch would be refused by the same firewall rules.
 */
public class RejectedRequestProblems implements RequestRejectedHandler {

    static final String REQUEST_REJECTED = "REQUEST_REJECTED";
    static final Set<String> METHODS = Set.of("GET", "HEAD", "POST", "PUT", "PATCH", "DELETE", "OPTIONS");
    private static final String ALLOW = String.join(", ", METHODS.stream().sorted().toList());

    private static final Logger log = LoggerFactory.getLogger(RejectedRequestProblems.class);

    private final ProblemResponses responses;

    public RejectedRequestProblems(ProblemResponses responses) {
        this.responses = responses;
    }

    @Override
    public void handle(HttpServletRequest request, HttpServletResponse response, RequestRejectedException rejected)
            throws IOException {
        log.debug("Firewall refused a request: {}", rejected.getMessage());
        if (!METHODS.contains(request.getMethod())) {
            response.setHeader(HttpHeaders.ALLOW, ALLOW);
            responses.write(request, response, ApiProblems.problem(HttpStatus.METHOD_NOT_ALLOWED,
                    ApiProblems.codeOf(HttpStatus.METHOD_NOT_ALLOWED), "This API does not answer that HTTP method"));
            return;
        }
        responses.write(request, response, ApiProblems.problem(HttpStatus.BAD_REQUEST, REQUEST_REJECTED,
                "The request was refused: its URL or headers contain characters or sequences this API does not "
                        + "accept (encoded dots, slashes, backslashes or line breaks, ;parameters, //, control "
                        + "characters)"));
    }
}
