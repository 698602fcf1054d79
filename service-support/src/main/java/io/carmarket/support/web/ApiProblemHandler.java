package io.carmarket.support.web;

import com.fasterxml.jackson.databind.JsonMappingException;
import com.fasterxml.jackson.databind.exc.InvalidFormatException;
import com.fasterxml.jackson.databind.exc.MismatchedInputException;
import io.carmarket.support.security.SecurityProblems;
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
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.http.converter.HttpMessageNotReadableException;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.security.core.AuthenticationException;
import org.springframework.validation.FieldError;
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
import java.util.TreeMap;
import java.util.stream.Collectors;

/**
 * Turns every error that reaches Spring MVC into {@code application/problem+json}. Bad input answers 400 with a
 * field-to-messages map; an unexpected failure answers a bare 500 and is logged, never echoed.
 * <p>
 * Feature-specific handlers (such as the command side's rejection handler) run before this one.
 */
@RestControllerAdvice
@Order(Ordered.LOWEST_PRECEDENCE)
public class ApiProblemHandler extends ResponseEntityExceptionHandler {

    private static final Logger log = LoggerFactory.getLogger(ApiProblemHandler.class);
    private static final String VALIDATION_FAILED = "VALIDATION_FAILED";
    private static final String MALFORMED_REQUEST = "MALFORMED_REQUEST";

    /** Spring MVC's own problems (404 no route, 405, 406, 415 ...) get a {@code code} like all others. */
    @Override
    protected ResponseEntity<Object> handleExceptionInternal(Exception ex, Object body, HttpHeaders headers,
                                                             HttpStatusCode statusCode, WebRequest request) {
        ResponseEntity<Object> response = super.handleExceptionInternal(ex, body, headers, statusCode, request);
        if (response != null && response.getBody() instanceof ProblemDetail problem
                && (problem.getProperties() == null || !problem.getProperties().containsKey(ApiProblems.CODE))) {
            HttpStatus status = HttpStatus.resolve(statusCode.value());
            String code = status == null ? "HTTP_" + statusCode.value() : status.name();
            problem.setProperty(ApiProblems.CODE, code);
            problem.setType(ApiProblems.typeOf(code));
        }
        return response;
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
        if (ex.getCause() instanceof MismatchedInputException mismatch && !mismatch.getPath().isEmpty()) {
            String message = mismatch instanceof InvalidFormatException invalid
                    ? "must be " + describe(invalid.getTargetType())
                    : "has the wrong type or shape";
            return badRequest(Map.of(pathOf(mismatch), List.of(message)));
        }
        ProblemDetail problem = ApiProblems.problem(HttpStatus.BAD_REQUEST, MALFORMED_REQUEST,
                "The request body is missing or is not valid JSON");
        return ResponseEntity.badRequest().body(problem);
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
        return ResponseEntity.status(HttpStatus.FORBIDDEN).body(SecurityProblems.forbidden());
    }

    @ExceptionHandler(AuthenticationException.class)
    public ResponseEntity<Object> handleAuthentication(AuthenticationException ex) {
        return ResponseEntity.status(HttpStatus.UNAUTHORIZED).header(HttpHeaders.WWW_AUTHENTICATE, "Bearer")
                .body(SecurityProblems.unauthenticated(ex));
    }

    @ExceptionHandler(Exception.class)
    public ResponseEntity<Object> handleUnexpected(Exception ex) {
        log.error("Unexpected failure while handling a request", ex);
        ProblemDetail problem = ApiProblems.problem(HttpStatus.INTERNAL_SERVER_ERROR, "INTERNAL_ERROR",
                "The request could not be completed. It has been logged.");
        return ResponseEntity.internalServerError().body(problem);
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
        return ResponseEntity.badRequest().body(problem);
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
            case "LocalDate" -> "a date like 2026-12-24";
            case "Instant" -> "a timestamp like 2026-12-24T10:15:30Z";
            case "Currency" -> "an ISO 4217 currency code like EUR";
            case "int", "Integer", "long", "Long" -> "a whole number";
            case "BigDecimal", "double", "Double" -> "a number";
            case "boolean", "Boolean" -> "true or false";
            default -> "a valid " + type.getSimpleName();
        };
    }
}
