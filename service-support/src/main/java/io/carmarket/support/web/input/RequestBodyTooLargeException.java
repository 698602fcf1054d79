package io.carmarket.support.web.input;

import io.carmarket.support.web.ApiProblems;
import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;

import java.io.IOException;

/** A request body went past the size limit while it was being read (a chunked body has no length to check first). */
public class RequestBodyTooLargeException extends IOException {

    public static final String CODE = "PAYLOAD_TOO_LARGE";

    private final long limitBytes;

    public RequestBodyTooLargeException(long limitBytes) {
        super("The request body is larger than " + limitBytes + " bytes");
        this.limitBytes = limitBytes;
    }

    public ProblemDetail problem() {
        return problem(limitBytes);
    }

    public static ProblemDetail problem(long limitBytes) {
        return ApiProblems.problem(HttpStatus.PAYLOAD_TOO_LARGE, CODE,
                "A request body may have at most " + limitBytes + " bytes");
    }

    /** This exception in {@code failure} or its causes, or null. */
    public static RequestBodyTooLargeException findIn(Throwable failure) {
        for (Throwable cause = failure; cause != null; cause = cause.getCause() == cause ? null : cause.getCause()) {
            if (cause instanceof RequestBodyTooLargeException tooLarge) {
                return tooLarge;
            }
        }
        return null;
    }
}
