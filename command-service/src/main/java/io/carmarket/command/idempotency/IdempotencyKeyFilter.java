package io.carmarket.command.idempotency;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.carmarket.command.idempotency.IdempotencyRecord.State;
import io.carmarket.command.idempotency.IdempotencyRecord.StoredResponse;
import io.carmarket.command.idempotency.IdempotencyRecords.Claim;
import io.carmarket.support.security.AuthenticatedUser;
import io.carmarket.support.web.ApiProblems;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.dao.DataAccessException;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ProblemDetail;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.web.filter.OncePerRequestFilter;
import org.springframework.web.util.UrlPathHelper;

import java.io.IOException;
import java.io.InputStream;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.util.Collections;
import java.util.List;
import java.util.Set;

/**
 * Makes every write request that carries an {@code Idempotency-Key} run at most once per user and key: the first
 * request runs and its answer is recorded; a retry gets that answer again (with {@code Idempotent-Replayed:
 * true}) and reaches no controller, so no command is sent and no event emitted.
 * <p>
 * Runs after the security filters (it needs the authenticated user; requests refused there never get here).
 * Requests without the header, anonymous ones, reads and the auth endpoints pass through untouched.
 * See docs/idempotency.md.
 */
class IdempotencyKeyFilter extends OncePerRequestFilter {

    static final String KEY_INVALID = "IDEMPOTENCY_KEY_INVALID";
    static final String KEY_REUSED = "IDEMPOTENCY_KEY_REUSED";
    static final String IN_PROGRESS = "IDEMPOTENT_REQUEST_IN_PROGRESS";
    static final String PAYLOAD_TOO_LARGE = "PAYLOAD_TOO_LARGE";
    static final String UNAVAILABLE = "IDEMPOTENCY_UNAVAILABLE";

    private static final Logger log = LoggerFactory.getLogger(IdempotencyKeyFilter.class);
    private static final Set<String> WRITE_METHODS = Set.of("POST", "PUT", "PATCH", "DELETE");
    private static final String API = "/api/v1/";
    private static final String AUTH = "/api/v1/auth";

    private final IdempotencyRecords records;
    private final IdempotencyProperties properties;
    private final ObjectMapper objectMapper;
    private final Clock clock;

    IdempotencyKeyFilter(IdempotencyRecords records, IdempotencyProperties properties,
                                ObjectMapper objectMapper, Clock clock) {
        this.records = records;
        this.properties = properties;
        this.objectMapper = objectMapper;
        this.clock = clock;
    }

    /** Commands only: writes under the API, except login, refresh, logout and registration. */
    @Override
    protected boolean shouldNotFilter(HttpServletRequest request) {
        if (!WRITE_METHODS.contains(request.getMethod())) {
            return true;
        }
        String path = UrlPathHelper.defaultInstance.getPathWithinApplication(request);
        return !path.startsWith(API) || path.equals(AUTH) || path.startsWith(AUTH + "/");
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        List<String> keys = Collections.list(request.getHeaders(IdempotencyKeys.HEADER));
        AuthenticatedUser user = currentUser();
        if (keys.isEmpty() || user == null) {
            // Without a key a request is not idempotent; without a user the security chain has refused it already.
            chain.doFilter(request, response);
            return;
        }
        if (keys.size() > 1 || !IdempotencyKeys.isValid(keys.get(0))) {
            problem(request, response, HttpStatus.BAD_REQUEST, KEY_INVALID, "Send one " + IdempotencyKeys.HEADER
                    + " header of 1 to 100 characters from A-Z, a-z, 0-9 and . _ : - (a UUID, for example)");
            return;
        }
        String key = keys.get(0);
        byte[] body = readBody(request);
        if (body == null) {
            problem(request, response, HttpStatus.PAYLOAD_TOO_LARGE, PAYLOAD_TOO_LARGE, "A request with an "
                    + IdempotencyKeys.HEADER + " may have at most " + properties.maxBodyBytes() + " bytes of body");
            return;
        }
        String fingerprint = RequestFingerprint.of(request.getMethod(), request.getRequestURI(),
                request.getQueryString(), body);

        Claim claim;
        try {
            claim = records.claim(user.userId(), key, fingerprint, clock.instant());
        } catch (DataAccessException storeDown) {
            log.error("Idempotency records unavailable; refusing a request with an {}", IdempotencyKeys.HEADER,
                    storeDown);
            response.setHeader(HttpHeaders.RETRY_AFTER, "5");
            problem(request, response, HttpStatus.SERVICE_UNAVAILABLE, UNAVAILABLE,
                    "Requests with an " + IdempotencyKeys.HEADER + " cannot be handled right now; retry later");
            return;
        }

        if (claim instanceof Claim.Acquired acquired) {
            runAndRecord(new CachedBodyRequest(request, body), response, chain, acquired);
        } else if (claim instanceof Claim.Existing existing) {
            answerFromRecord(request, response, existing.record(), fingerprint);
        } else {
            inProgress(request, response);
        }
    }

    private void runAndRecord(HttpServletRequest request, HttpServletResponse response, FilterChain chain,
                              Claim.Acquired claim) throws ServletException, IOException {
        RecordingResponse recording = new RecordingResponse(response);
        try {
            try {
                chain.doFilter(request, recording);
            } catch (ServletException | IOException | RuntimeException | Error failed) {
                releaseQuietly(claim);
                throw failed;
            }
            record(claim, recording);
        } finally {
            recording.copyBodyToResponse();
        }
    }

    /**
     * The first answer is the answer, a refusal (4xx) included. A server failure (5xx) is not an answer to the
     * request: the key is released so that a retry runs again.
     */
    private void record(Claim.Acquired claim, RecordingResponse recording) {
        int status = recording.getStatus();
        if (status >= 500 || recording.errorSent()) {
            releaseQuietly(claim);
            return;
        }
        StoredResponse answer = new StoredResponse(status, recording.getContentType(),
                recording.getHeader(HttpHeaders.LOCATION),
                new String(recording.getContentAsByteArray(), StandardCharsets.UTF_8));
        try {
            if (!records.complete(claim, answer, clock.instant())) {
                log.warn("Idempotency record {} was taken over before this attempt finished; its answer is not "
                        + "recorded", claim.recordId());
            }
        } catch (DataAccessException storeDown) {
            // The request has been executed; its answer still goes out. A retry sees IN_PROGRESS until the lease
            // ends, and then runs again.
            log.error("Could not record the answer for idempotency record {}", claim.recordId(), storeDown);
        }
    }

    private void answerFromRecord(HttpServletRequest request, HttpServletResponse response,
                                  IdempotencyRecord found, String fingerprint) throws IOException {
        if (!found.requestFingerprint().equals(fingerprint)) {
            problem(request, response, HttpStatus.UNPROCESSABLE_ENTITY, KEY_REUSED, "This "
                    + IdempotencyKeys.HEADER + " was used for a different request; use a new key for a new request");
        } else if (found.state() == State.IN_PROGRESS) {
            inProgress(request, response);
        } else {
            replay(response, found.response());
        }
    }

    private static void replay(HttpServletResponse response, StoredResponse answer) throws IOException {
        response.setStatus(answer.status());
        if (answer.contentType() != null) {
            response.setContentType(answer.contentType());
        }
        if (answer.location() != null) {
            response.setHeader(HttpHeaders.LOCATION, answer.location());
        }
        response.setHeader(IdempotencyKeys.REPLAYED_HEADER, "true");
        byte[] body = answer.body() == null ? new byte[0] : answer.body().getBytes(StandardCharsets.UTF_8);
        response.setContentLength(body.length);
        response.getOutputStream().write(body);
    }

    private void inProgress(HttpServletRequest request, HttpServletResponse response) throws IOException {
        response.setHeader(HttpHeaders.RETRY_AFTER, "1");
        problem(request, response, HttpStatus.CONFLICT, IN_PROGRESS,
                "A request with this " + IdempotencyKeys.HEADER + " is still being handled; retry shortly");
    }

    private void releaseQuietly(Claim.Acquired claim) {
        try {
            records.release(claim);
        } catch (DataAccessException storeDown) {
            log.error("Could not release idempotency record {}; it is released when its lease ends",
                    claim.recordId(), storeDown);
        }
    }

    /** @return the whole body, or null if it is larger than allowed */
    private byte[] readBody(HttpServletRequest request) throws IOException {
        int limit = properties.maxBodyBytes();
        if (request.getContentLengthLong() > limit) {
            return null;
        }
        InputStream in = request.getInputStream();
        byte[] body = in.readNBytes(limit + 1);
        return body.length > limit ? null : body;
    }

    private static AuthenticatedUser currentUser() {
        Authentication authentication = SecurityContextHolder.getContext().getAuthentication();
        return authentication != null && authentication.isAuthenticated()
                && authentication.getPrincipal() instanceof AuthenticatedUser user ? user : null;
    }

    private void problem(HttpServletRequest request, HttpServletResponse response, HttpStatus status, String code,
                         String detail) throws IOException {
        ProblemDetail problem = ApiProblems.problem(status, code, detail);
        problem.setInstance(URI.create(request.getRequestURI()));
        response.setStatus(status.value());
        response.setContentType(MediaType.APPLICATION_PROBLEM_JSON_VALUE);
        objectMapper.writeValue(response.getOutputStream(), problem);
    }
}
