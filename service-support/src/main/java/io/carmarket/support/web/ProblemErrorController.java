package io.carmarket.support.web;

import io.carmarket.support.web.input.RequestBodyTooLargeException;
import jakarta.servlet.RequestDispatcher;
import jakarta.servlet.http.HttpServletRequest;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.web.servlet.error.ErrorController;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

/**
 * The container's error page ({@code /error}), in place of Spring Boot's Whitelabel page and its JSON: whatever
 * ends there (a {@code sendError} from a filter or the container, an exception that escaped every filter) is
 * answered as problem+json with the original status and correlation id (the correlation-id filter also runs on
 * error dispatches). Asked for directly, there is no error to show: 404.
 */
@RestController
public class ProblemErrorController implements ErrorController {

    private static final Logger log = LoggerFactory.getLogger(ProblemErrorController.class);

    @RequestMapping("${server.error.path:/error}")
    public ResponseEntity<ProblemDetail> error(HttpServletRequest request) {
        Object statusAttribute = request.getAttribute(RequestDispatcher.ERROR_STATUS_CODE);
        ProblemDetail problem = statusAttribute instanceof Integer statusCode
                ? problemFor(statusCode, (Throwable) request.getAttribute(RequestDispatcher.ERROR_EXCEPTION),
                        request.getAttribute(RequestDispatcher.ERROR_REQUEST_URI))
                : ApiProblems.problem(HttpStatus.NOT_FOUND, "NOT_FOUND", "No such resource");
        problem.setInstance(ProblemResponses.instanceOf(request));
        return ResponseEntity.status(problem.getStatus()).contentType(MediaType.APPLICATION_PROBLEM_JSON)
                .body(problem);
    }

    private static ProblemDetail problemFor(int statusCode, Throwable failure, Object originalUri) {
        RequestBodyTooLargeException tooLarge = RequestBodyTooLargeException.findIn(failure);
        if (tooLarge != null) {
            return tooLarge.problem();
        }
        HttpStatus status = HttpStatus.resolve(statusCode);
        if (status == null || status.is5xxServerError()) {
            log.error("Request to {} failed with status {}", originalUri, statusCode, failure);
            return ApiProblems.problem(HttpStatus.INTERNAL_SERVER_ERROR, "INTERNAL_ERROR",
                    "The request could not be completed. It has been logged.");
        }
        if (status == HttpStatus.BAD_REQUEST) {
            return ApiProblems.problem(status, "MALFORMED_REQUEST", "The request could not be understood");
        }
        return ApiProblems.problem(status, ApiProblems.codeOf(status), status.getReasonPhrase());
    }
}
