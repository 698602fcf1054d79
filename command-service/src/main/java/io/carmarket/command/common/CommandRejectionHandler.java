package io.carmarket.command.common;

import io.carmarket.api.rejection.CommandRejection;
import io.carmarket.support.web.ApiProblems;
import io.carmarket.support.web.UnavailableProblems;
import org.axonframework.commandhandling.CommandExecutionException;
import org.axonframework.commandhandling.distributed.CommandDispatchException;
import org.axonframework.commandhandling.NoHandlerForCommandException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestControllerAdvice;

/**
 * Answers a refused command with the status its {@link CommandRejection} asks for: 404, 409 or 400, the
 * rejection's code, and the facts that name the conflict (such as the conflicting dates). A command that could not
 * be delivered answers 503 with {@code Retry-After}: {@code EVENT_STORE_UNAVAILABLE} when Axon Server cannot be
 * reached (D42), {@code COMMAND_HANDLER_UNAVAILABLE} when it has no handler to give it to. Unreachability mostly
 * arrives wrapped in a {@code CompletionException} instead, which the service-wide {@code ApiProblemHandler}
 * recognises in the same way.
 */
@RestControllerAdvice
@Order(Ordered.HIGHEST_PRECEDENCE)
public class CommandRejectionHandler {

    static final String COMMAND_HANDLER_UNAVAILABLE = "COMMAND_HANDLER_UNAVAILABLE";

    private static final Logger log = LoggerFactory.getLogger(CommandRejectionHandler.class);

    private final UnavailableProblems unavailable;

    public CommandRejectionHandler(UnavailableProblems unavailable) {
        this.unavailable = unavailable;
    }

    @ExceptionHandler(CommandExecutionException.class)
    public ResponseEntity<Object> rejected(CommandExecutionException ex) {
        return ex.getDetails()
                .filter(CommandRejection.class::isInstance)
                .map(CommandRejection.class::cast)
                .map(CommandRejectionHandler::problemOf)
                .or(() -> unavailable.ifAxonServerUnreachable(ex))
                .orElseGet(() -> {
                    log.error("Command failed without a business reason", ex);
                    return ResponseEntity.internalServerError().body(ApiProblems.problem(
                            HttpStatus.INTERNAL_SERVER_ERROR, "COMMAND_FAILED",
                            "The command could not be completed. It has been logged."));
                });
    }

    @ExceptionHandler({CommandDispatchException.class, NoHandlerForCommandException.class})
    public ResponseEntity<Object> undeliverable(RuntimeException ex) {
        return unavailable.ifAxonServerUnreachable(ex).orElseGet(() -> {
            log.error("Command could not be delivered to a handler", ex);
            return unavailable.answer(COMMAND_HANDLER_UNAVAILABLE,
                    "No command handler is reachable right now; retry later");
        });
    }

    private static ResponseEntity<Object> problemOf(CommandRejection rejection) {
        HttpStatus status = switch (rejection.kind()) {
            case NOT_FOUND -> HttpStatus.NOT_FOUND;
            case CONFLICT -> HttpStatus.CONFLICT;
            case INVALID -> HttpStatus.BAD_REQUEST;
            case FORBIDDEN -> HttpStatus.FORBIDDEN;
        };
        log.debug("Command refused: {} {} {}", status.value(), rejection.code(), rejection.message());
        ProblemDetail problem = ApiProblems.problem(status, rejection.code(), rejection.message());
        rejection.details().forEach(problem::setProperty);
        return ResponseEntity.status(status).body(problem);
    }
}
