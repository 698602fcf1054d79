package io.carmarket.support.web;

import com.fasterxml.jackson.databind.ObjectMapper;
import org.apache.catalina.connector.Request;
import org.apache.catalina.connector.Response;
import org.apache.catalina.valves.ErrorReportValve;
import org.apache.coyote.ActionCode;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ProblemDetail;

import java.io.IOException;
import java.io.Writer;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicBoolean;

/**
 * Tomcat's error report, as problem+json instead of its HTML page. It answers what Tomcat refuses before any
 * servlet sees the request (a malformed request line, invalid percent-encoding, control characters in a header,
 * headers over the size or count limit) and anything else that reaches the container's error handling unanswered.
 * Such a request never passed the correlation-id filter, so it gets a new correlation id here.
 */
public class ContainerProblemReportValve extends ErrorReportValve {

    private static final Logger log = LoggerFactory.getLogger(ContainerProblemReportValve.class);
    private static final String TOO_LARGE = "too large";
    private static final String MAXIMUM_COUNT = "maximum allowed number";

    private final ObjectMapper objectMapper;

    public ContainerProblemReportValve(ObjectMapper objectMapper) {
        this.objectMapper = objectMapper;
    }

    @Override
    protected void report(Request request, Response response, Throwable throwable) {
        int status = response.getStatus();
        if (status < 400 || response.getContentWritten() > 0 || !response.setErrorReported()) {
            return;
        }
        AtomicBoolean ioAllowed = new AtomicBoolean(false);
        response.getCoyoteResponse().action(ActionCode.IS_IO_ALLOWED, ioAllowed);
        if (!ioAllowed.get()) {
            return;
        }
        ProblemDetail problem = problemFor(request, status, throwable);
        String correlationId = response.getHeader(CorrelationIdFilter.HEADER);
        if (correlationId == null) {
            correlationId = UUID.randomUUID().toString();
            response.setHeader(CorrelationIdFilter.HEADER, correlationId);
        }
        problem.setProperty(ApiProblems.CORRELATION_ID, correlationId);
        try {
            response.setStatus(problem.getStatus());
            response.setContentType(MediaType.APPLICATION_PROBLEM_JSON_VALUE);
            response.setCharacterEncoding("UTF-8");
            Writer writer = response.getReporter();
            if (writer != null) {
                writer.write(objectMapper.writeValueAsString(problem));
            }
        } catch (IOException | IllegalStateException failed) {
            log.debug("Could not write the container's problem response", failed);
        }
    }

    private static ProblemDetail problemFor(Request request, int status, Throwable throwable) {
        String reason = throwable == null || throwable.getMessage() == null ? "" : throwable.getMessage();
        if (status == HttpStatus.BAD_REQUEST.value() && reason.contains(MAXIMUM_COUNT)) {
            return problem(HttpStatus.REQUEST_HEADER_FIELDS_TOO_LARGE, "The request has too many header fields");
        }
        if (status == HttpStatus.BAD_REQUEST.value() && reason.contains(TOO_LARGE)) {
            // Tomcat reads the request line and the headers into one buffer; without a parsed URI, the request
            // line alone did not fit.
            boolean uriParsed = !request.getCoyoteRequest().requestURI().isNull();
            return uriParsed
                    ? problem(HttpStatus.REQUEST_HEADER_FIELDS_TOO_LARGE, "The request's header fields are too large")
                    : problem(HttpStatus.URI_TOO_LONG, "The request URL is too long");
        }
        HttpStatus known = HttpStatus.resolve(status);
        if (known == null) {
            return problem(HttpStatus.BAD_REQUEST, "The request could not be understood");
        }
        if (known == HttpStatus.BAD_REQUEST) {
            return ApiProblems.problem(known, "MALFORMED_REQUEST", "The request is not well-formed HTTP: its "
                    + "request line, URL encoding or headers contain characters or sequences this API refuses");
        }
        if (known.is5xxServerError()) {
            log.error("The container answered {} for {}", status, request.getRequestURI(), throwable);
            return ApiProblems.problem(known, "INTERNAL_ERROR",
                    "The request could not be completed. It has been logged.");
        }
        return problem(known, known.getReasonPhrase());
    }

    private static ProblemDetail problem(HttpStatus status, String detail) {
        return ApiProblems.problem(status, ApiProblems.codeOf(status), detail);
    }
}
