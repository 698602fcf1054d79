package io.carmarket.command.idempotency;

import jakarta.servlet.http.HttpServletResponse;
import org.springframework.web.util.ContentCachingResponseWrapper;

import java.io.IOException;

/**
 * Keeps the body of the answer so it can be recorded, and notices {@code sendError}: such an answer gets its
 * body later, from the container's error page, so there is nothing complete to record.
 */
final class RecordingResponse extends ContentCachingResponseWrapper {

    private boolean errorSent;

    RecordingResponse(HttpServletResponse response) {
        super(response);
    }

    boolean errorSent() {
        return errorSent;
    }

    @Override
    public void sendError(int status) throws IOException {
        errorSent = true;
        super.sendError(status);
    }

    @Override
    public void sendError(int status, String message) throws IOException {
        errorSent = true;
        super.sendError(status, message);
    }
}
