package io.carmarket.support.web;

import com.fasterxml.jackson.core.exc.InputCoercionException;
import com.fasterxml.jackson.core.exc.StreamConstraintsException;
import com.fasterxml.jackson.core.exc.StreamReadException;
import com.fasterxml.jackson.databind.JsonMappingException;
import com.fasterxml.jackson.databind.exc.InvalidNullException;
import com.fasterxml.jackson.databind.exc.MismatchedInputException;
import com.fasterxml.jackson.databind.exc.UnrecognizedPropertyException;
import io.carmarket.support.security.SecurityProblems;
import io.carmarket.support.web.input.RequestBodyTooLargeException;
import io.carmarket.support.web.input.RequestValueException;
import jakarta.validation.ConstraintViolationException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.TypeMismatchException;
import org.springframework.core.MethodParameter;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.HttpStatusCode;
import org.springframework.http.MediaType;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.http.converter.HttpMessageConversionException;
import org.springframework.http.converter.HttpMessageNotReadableException;
import org.springframework.http.converter.HttpMessageNotWritableException;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.security.core.AuthenticationException;
import org.springframework.validation.FieldError;
import org.springframework.validation.method.ParameterErrors;
import org.springframework.web.bind.MethodArgumentNotValidException;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestControllerAdvice;
import org.springframework.web.context.request.WebRequest;
import org.springframework.web.method.annotation.HandlerMethodValidationException;
import org.springframework.web.servlet.mvc.method.annotation.ResponseEntityExceptionHandler;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

/**
 * Turns every error that reaches Spring MVC into {@code application/problem+json}. Bad input answers 400 with a
 * field-to-messages map; a failure to reach Axon Server answers 503 with {@code Retry-After} ({@link
 * UnavailableProblems}); any other unexpected failure answers a bare 500 and is logged, never echoed.
 * <p>
 * Feature-specific handlers (such as the command side's rejection handler) run before this one.
 */
@RestControllerAdvice
@Order(Ordered.LOWEST_PRECEDENCE)
public class ApiProblemHandler extends ResponseEntityExceptionHandler {

    private static final Logger log = LoggerFactory.getLogger(ApiProblemHandler.class);
    private static final String VALIDATION_FAILED = "VALIDATION_FAILED";
    private static final String MALFORMED_REQUEST = "MALFORMED_REQUEST";
    /** How Jackson's duplicate detection names the key; it carries no path of its own. */
    private static final Pattern DUPLICATE_KEY = Pattern.compile("Duplicate (?:field|Object property) '(.*)'");

    private final UnavailableProblems unavailable;

    public ApiProblemHandler(UnavailableProblems unavailable) {
        this.unavailable = unavailable;
    }

    /** Spring MVC's own problems (404 no route, 405, 406, 415 ...) get a {@code code} like all others. */
    @Override
    protected ResponseEntity<Object> handleExceptionInternal(Exception ex, Object body, HttpHeaders headers,
                                                             HttpStatusCode statusCode, WebRequest request) {
        ResponseEntity<Object> response = super.handleExceptionInternal(ex, body, headers, statusCode, request);
        if (response != null && response.getBody() instanceof ProblemDetail problem
                && (problem.getProperties() == null || !problem.getProperties().containsKey(ApiProblems.CODE))) {
            String code = ApiProblems.codeOf(statusCode);
            problem.setProperty(ApiProblems.CODE, code);
            problem.setType(ApiProblems.typeOf(code));
        }
        return response;
    }

    /**
     * Every problem goes out as {@code application/problem+json} with the correlation id, whatever the client's
     * {@code Accept} header asked for (an error has no other representation).
     */
    @Override
    protected ResponseEntity<Object> createResponseEntity(Object body, HttpHeaders headers, HttpStatusCode statusCode,
                                                          WebRequest request) {
        if (body instanceof ProblemDetail problem) {
            CorrelationIdFilter.current().ifPresent(id -> problem.setProperty(ApiProblems.CORRELATION_ID, id));
            HttpHeaders problemHeaders = new HttpHeaders();
            if (headers != null) {
                problemHeaders.addAll(headers);
            }
            problemHeaders.setContentType(MediaType.APPLICATION_PROBLEM_JSON);
            return new ResponseEntity<>(body, problemHeaders, statusCode);
        }
        return super.createResponseEntity(body, headers, statusCode, request);
    }

    @Override
    protected ResponseEntity<Object> handleMethodArgumentNotValid(MethodArgumentNotValidException ex,
                                                                  HttpHeaders headers, HttpStatusCode status,
                                                                  WebRequest request) {
        Map<String, List<String>> errors = new TreeMap<>();
        ex.getBindingResult().getFieldErrors().forEach(error -> addError(errors, error));
        ex.getBindingResult().getGlobalErrors().forEach(error ->
                errors.computeIfAbsent(error.getObjectName(), k -> new ArrayList<>())
                        .add(error.getDefaultMessage()));
        return badRequest(errors);
    }

    @Override
    protected ResponseEntity<Object> handleHandlerMethodValidationException(HandlerMethodValidationException ex,
                                                                            HttpHeaders headers,
                                                                            HttpStatusCode status,
                                                                            WebRequest request) {
        Map<String, List<String>> errors = new TreeMap<>();
        ex.getParameterValidationResults().forEach(result -> {
            if (result instanceof ParameterErrors nested) {
                // An object inside the parameter (a list element of a body, say): name its fields from the body.
                String element = nested.getContainerIndex() != null ? "[" + nested.getContainerIndex() + "]" : "";
                nested.getFieldErrors().forEach(error -> errors.computeIfAbsent(
                        element.isEmpty() ? error.getField() : element + "." + error.getField(),
                        k -> new ArrayList<>()).add(error.getDefaultMessage()));
                nested.getGlobalErrors().forEach(error -> errors.computeIfAbsent(
                        element.isEmpty() ? requestNameOf(result.getMethodParameter()) : element,
                        k -> new ArrayList<>()).add(error.getDefaultMessage()));
                return;
            }
            String name = requestNameOf(result.getMethodParameter());
            result.getResolvableErrors().forEach(error ->
                    errors.computeIfAbsent(name, k -> new ArrayList<>()).add(error.getDefaultMessage()));
        });
        return badRequest(errors);
    }

    @Override
    protected ResponseEntity<Object> handleTypeMismatch(TypeMismatchException ex, HttpHeaders headers,
                                                        HttpStatusCode status, WebRequest request) {
        String name = ex.getPropertyName() == null ? "parameter" : ex.getPropertyName();
        String expected = ex.getRequiredType() == null ? "another type" : describe(ex.getRequiredType());
        return badRequest(Map.of(name, List.of("must be " + expected)));
    }

    @Override
    protected ResponseEntity<Object> handleHttpMessageNotReadable(HttpMessageNotReadableException ex,
                                                                  HttpHeaders headers, HttpStatusCode status,
                                                                  WebRequest request) {
        RequestBodyTooLargeException tooLarge = RequestBodyTooLargeException.findIn(ex);
        if (tooLarge != null) {
            return problemResponse(tooLarge.problem());
        }
        String duplicateKey = duplicateKeyIn(ex);
        if (duplicateKey != null) {
            return badRequest(Map.of(duplicateKey, List.of("must appear only once")));
        }
        Throwable cause = ex.getCause();
        if (cause instanceof StreamConstraintsException) {
            return malformed("The request body is too deeply nested or has a number with too many digits");
        }
        if (cause instanceof JsonMappingException mapping && !mapping.getPath().isEmpty()) {
            return badRequest(Map.of(pathOf(mapping), List.of(messageFor(mapping))));
        }
        return malformed("The request body is missing or is not valid JSON");
    }

    /**
     * What Jackson refuses after reading the JSON (for example a record whose constructor rejects the values) is
     * still the client's input, not a server failure.
     */
    @ExceptionHandler(HttpMessageConversionException.class)
    public ResponseEntity<Object> handleUnconvertibleBody(HttpMessageConversionException ex) {
        if (ex instanceof HttpMessageNotWritableException) {
            return handleUnexpected(ex);
        }
        log.warn("Request body refused by the converter: {}", ex.getMessage());
        return malformed("The request body does not have the shape this endpoint expects");
    }

    @ExceptionHandler(ConstraintViolationException.class)
    public ResponseEntity<Object> handleConstraintViolation(ConstraintViolationException ex) {
        Map<String, List<String>> errors = ex.getConstraintViolations().stream()
                .collect(Collectors.groupingBy(v -> lastNode(v.getPropertyPath().toString()), TreeMap::new,
                        Collectors.mapping(v -> v.getMessage(), Collectors.toList())));
        return badRequest(errors);
    }

    @ExceptionHandler(InvalidParameterException.class)
    public ResponseEntity<Object> handleInvalidParameter(InvalidParameterException ex) {
        return badRequest(Map.of(ex.parameter(), List.of(ex.getMessage())));
    }

    /** Access refusals raised inside a controller or a service it calls. */
    @ExceptionHandler(AccessDeniedException.class)
    public ResponseEntity<Object> handleAccessDenied(AccessDeniedException ex) {
        return problemResponse(SecurityProblems.forbidden());
    }

    @ExceptionHandler(AuthenticationException.class)
    public ResponseEntity<Object> handleAuthentication(AuthenticationException ex) {
        return ResponseEntity.status(HttpStatus.UNAUTHORIZED).header(HttpHeaders.WWW_AUTHENTICATE, "Bearer")
                .contentType(MediaType.APPLICATION_PROBLEM_JSON).body(SecurityProblems.unauthenticated(ex));
    }

    @ExceptionHandler(Exception.class)
    public ResponseEntity<Object> handleUnexpected(Exception ex) {
        Optional<ResponseEntity<Object>> outage = unavailable.ifAxonServerUnreachable(ex);
        if (outage.isPresent()) {
            return outage.get();
        }
        log.error("Unexpected failure while handling a request", ex);
        return problemResponse(ApiProblems.problem(HttpStatus.INTERNAL_SERVER_ERROR, "INTERNAL_ERROR",
                "The request could not be completed. It has been logged."));
    }

    /** The name the client used (the request parameter or path variable), not the Java parameter's name. */
    private static String requestNameOf(MethodParameter parameter) {
        RequestParam requestParam = parameter.getParameterAnnotation(RequestParam.class);
        if (requestParam != null && !requestParam.name().isEmpty()) {
            return requestParam.name();
        }
        PathVariable pathVariable = parameter.getParameterAnnotation(PathVariable.class);
        if (pathVariable != null && !pathVariable.name().isEmpty()) {
            return pathVariable.name();
        }
        return parameter.getParameterName();
    }

    private static ResponseEntity<Object> badRequest(Map<String, List<String>> errors) {
        ProblemDetail problem = ApiProblems.problem(HttpStatus.BAD_REQUEST, VALIDATION_FAILED,
                "The request has invalid fields");
        problem.setProperty(ApiProblems.FIELD_ERRORS, errors);
        return problemResponse(problem);
    }

    private static ResponseEntity<Object> malformed(String detail) {
        return problemResponse(ApiProblems.problem(HttpStatus.BAD_REQUEST, MALFORMED_REQUEST, detail));
    }

    private static ResponseEntity<Object> problemResponse(ProblemDetail problem) {
        return ResponseEntity.status(problem.getStatus()).contentType(MediaType.APPLICATION_PROBLEM_JSON)
                .body(problem);
    }

    /** The key a JSON object repeats, when that is why the body was refused (Jackson names it only in its message). */
    private static String duplicateKeyIn(Throwable failure) {
        for (Throwable cause = failure; cause != null; cause = cause.getCause() == cause ? null : cause.getCause()) {
            if (cause instanceof StreamReadException parsing) {
                Matcher duplicate = DUPLICATE_KEY.matcher(String.valueOf(parsing.getOriginalMessage()));
                if (duplicate.matches()) {
                    return duplicate.group(1);
                }
            }
        }
        return null;
    }

    /** What the client is told about a value Jackson could not take. */
    private static String messageFor(JsonMappingException mapping) {
        if (mapping instanceof RequestValueException refused) {
            return refused.reason();
        }
        if (mapping instanceof UnrecognizedPropertyException) {
            return "is not a field of this request";
        }
        if (mapping instanceof InvalidNullException) {
            return "must not be null";
        }
        if (mapping.getCause() instanceof InputCoercionException coercion && coercion.getTargetType() != null) {
            return "must be " + describe(coercion.getTargetType());
        }
        if (mapping instanceof MismatchedInputException mismatch && mismatch.getTargetType() != null) {
            return "must be " + describe(mismatch.getTargetType());
        }
        return "has the wrong type or shape";
    }

    private static void addError(Map<String, List<String>> errors, FieldError error) {
        errors.computeIfAbsent(error.getField(), k -> new ArrayList<>()).add(error.getDefaultMessage());
    }

    private static String pathOf(JsonMappingException ex) {
        return ex.getPath().stream()
                .map(ref -> ref.getFieldName() != null ? ref.getFieldName() : "[" + ref.getIndex() + "]")
                .collect(Collectors.joining(".")).replace(".[", "[");
    }

    private static String lastNode(String propertyPath) {
        int dot = propertyPath.lastIndexOf('.');
        return dot < 0 ? propertyPath : propertyPath.substring(dot + 1);
    }

    private static String describe(Class<?> type) {
        if (type.isEnum()) {
            return "one of " + Arrays.toString(type.getEnumConstants());
        }
        return switch (type.getSimpleName()) {
            case "LocalDate" -> "a date like 2026-12-24 (yyyy-MM-dd, years 1900 to 9999)";
            case "ZoneId" -> "a time zone like Europe/Berlin";
            case "Instant" -> "a timestamp like 2026-12-24T10:15:30Z";
            case "Currency" -> "an ISO 4217 currency code like EUR";
            case "int", "Integer", "long", "Long" -> "a whole number";
            case "BigDecimal", "double", "Double" -> "a number";
            case "boolean", "Boolean" -> "true or false";
            case "String" -> "text";
            default -> "a valid " + type.getSimpleName();
        };
    }
}
