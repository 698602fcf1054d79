package io.carmarket.support.web.input;

import io.carmarket.support.web.ApiProblems;
import io.carmarket.support.web.ProblemResponses;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.InvalidMediaTypeException;
import org.springframework.http.MediaType;
import org.springframework.web.filter.OncePerRequestFilter;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.Set;

/**
 * Request bodies are JSON in UTF-8 and at most {@link RequestBodyProperties#maxSize()} bytes, for every endpoint:
 * any other declared type answers 415 (including {@code *}{@code /*}, YAML, XML, forms, and a body without a
 * type), a larger body 413, before any controller, converter or command sees it. A chunked body is counted while
 * it is read.
 */
public class JsonRequestBodyFilter extends OncePerRequestFilter {

    static final String UNSUPPORTED_MEDIA_TYPE = "UNSUPPORTED_MEDIA_TYPE";
    private static final Set<String> WRITE_METHODS = Set.of("POST", "PUT", "PATCH", "DELETE");
    private static final String JSON_SUFFIX = "+json";

    private final long maxBytes;
    private final ProblemResponses problems;

    public JsonRequestBodyFilter(RequestBodyProperties properties, ProblemResponses problems) {
        this.maxBytes = properties.maxSize().toBytes();
        this.problems = problems;
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        boolean hasBody = request.getContentLengthLong() > 0 || request.getHeader(HttpHeaders.TRANSFER_ENCODING) != null;
        String contentType = request.getHeader(HttpHeaders.CONTENT_TYPE);
        boolean declaresBody = contentType != null && WRITE_METHODS.contains(request.getMethod());
        if (!hasBody && !declaresBody) {
            chain.doFilter(request, response);
            return;
        }
        if (!isJson(contentType)) {
            response.setHeader(HttpHeaders.ACCEPT, MediaType.APPLICATION_JSON_VALUE);
            problems.write(request, response, ApiProblems.problem(HttpStatus.UNSUPPORTED_MEDIA_TYPE,
                    UNSUPPORTED_MEDIA_TYPE, "Request bodies must be JSON: send Content-Type: application/json "
                            + "(UTF-8)"));
            return;
        }
        if (request.getContentLengthLong() > maxBytes) {
            problems.write(request, response, RequestBodyTooLargeException.problem(maxBytes));
            return;
        }
        try {
            chain.doFilter(new BoundedBodyRequest(request, maxBytes), response);
        } catch (IOException | ServletException | RuntimeException failed) {
            // A filter after this one read past the limit (Spring MVC answers that itself, see ApiProblemHandler).
            RequestBodyTooLargeException tooLarge = RequestBodyTooLargeException.findIn(failed);
            if (tooLarge == null || response.isCommitted()) {
                throw failed;
            }
            problems.write(request, response, tooLarge.problem());
        }
    }

    /** {@code application/json} or {@code application/*+json}, in UTF-8 if a charset is named. */
    static boolean isJson(String contentType) {
        if (contentType == null) {
            return false;
        }
        MediaType type;
        try {
            type = MediaType.parseMediaType(contentType);
        } catch (InvalidMediaTypeException malformed) {
            return false;
        }
        if (type.isWildcardType() || type.isWildcardSubtype() || !"application".equals(type.getType())) {
            return false;
        }
        boolean json = "json".equals(type.getSubtype()) || type.getSubtype().endsWith(JSON_SUFFIX);
        try {
            return json && (type.getCharset() == null || StandardCharsets.UTF_8.equals(type.getCharset()));
        } catch (IllegalArgumentException unknownCharset) {
            return false;
        }
    }
}
