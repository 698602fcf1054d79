package io.carmarket.support.web;

import io.axoniq.axonserver.connector.AxonServerException;
import io.axoniq.axonserver.connector.ErrorCategory;
import io.axoniq.axonserver.connector.impl.StreamClosedException;
import io.grpc.Status;
import org.axonframework.axonserver.connector.command.AxonServerCommandDispatchException;
import org.axonframework.commandhandling.CommandExecutionException;
import org.axonframework.eventsourcing.eventstore.EventStoreException;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;

import java.time.Duration;
import java.util.concurrent.CompletionException;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A request that failed because Axon Server cannot be reached answers 503 {@code EVENT_STORE_UNAVAILABLE} with
 * {@code Retry-After}, however Axon wrapped the failure; every other failure still answers 500 and is not mistaken
 * for an outage.
 */
class UnavailableProblemsTest {

    private static final Duration RETRY_AFTER = Duration.ofSeconds(7);

    private final UnavailableProblems unavailable = new UnavailableProblems(new UnavailableProperties(RETRY_AFTER));
    private final ApiProblemHandler handler = new ApiProblemHandler(unavailable);

    @Test
    void a_command_that_axon_server_could_not_take_answers_503_with_retry_after() {
        CompletionException dispatchFailed = new CompletionException(new AxonServerException(
                ErrorCategory.COMMAND_DISPATCH_ERROR, "Received exception while dispatching command", "client-1",
                Status.UNAVAILABLE.asRuntimeException()));

        ResponseEntity<Object> answer = handler.handleUnexpected(dispatchFailed);

        assertThat(answer.getStatusCode().value()).isEqualTo(503);
        assertThat(answer.getHeaders().getFirst(HttpHeaders.RETRY_AFTER)).isEqualTo("7");
        assertThat(answer.getHeaders().getContentType()).isEqualTo(MediaType.APPLICATION_PROBLEM_JSON);
        ProblemDetail problem = (ProblemDetail) answer.getBody();
        assertThat(problem.getProperties()).containsEntry(ApiProblems.CODE, "EVENT_STORE_UNAVAILABLE");
        assertThat(problem.getType().toString()).isEqualTo("urn:carmarket:problem:event-store-unavailable");
        assertThat(problem.getDetail()).as("nothing of the exception reaches the client")
                .doesNotContain("AXONIQ", "Exception", "dispatching");
    }

    @Test
    void the_no_connection_code_alone_is_enough_without_a_grpc_cause() {
        AxonServerException noConnection = new AxonServerException(ErrorCategory.COMMAND_DISPATCH_ERROR,
                "No connection to Axon Server", "client-1");

        assertThat(handler.handleUnexpected(noConnection).getStatusCode().value()).isEqualTo(503);
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource({"AXONIQ-3001", "AXONIQ-4003", "AXONIQ-5002", "AXONIQ-2100"})
    void axon_frameworks_own_exceptions_with_an_unreachable_code_are_an_outage(String code) {
        var framework = new org.axonframework.axonserver.connector.AxonServerException(code, "not connected");

        assertThat(unavailable.ifAxonServerUnreachable(framework)).isPresent();
    }

    @Test
    void a_command_dispatch_exception_carrying_the_dispatch_code_is_an_outage() {
        AxonServerCommandDispatchException dispatch = new AxonServerCommandDispatchException(
                ErrorCategory.COMMAND_DISPATCH_ERROR.errorCode(), "Exception while dispatching a command to AxonServer",
                new IllegalStateException("channel closed"));

        assertThat(unavailable.ifAxonServerUnreachable(dispatch)).isPresent();
    }

    @Test
    void grpc_unavailable_deep_in_the_chain_is_an_outage_as_an_event_append_or_an_aggregate_read_reports_it() {
        RuntimeException appendFailed = Status.UNAVAILABLE.asRuntimeException();
        RuntimeException readFailed = new EventStoreException("Could not read the events",
                new StreamClosedException(Status.UNAVAILABLE.asRuntimeException()));

        assertThat(handler.handleUnexpected(appendFailed).getStatusCode().value()).isEqualTo(503);
        assertThat(handler.handleUnexpected(readFailed).getStatusCode().value()).isEqualTo(503);
    }

    @Test
    void failures_that_axon_server_reported_while_connected_are_not_an_outage() {
        AxonServerException handlerFailed = new AxonServerException(ErrorCategory.COMMAND_EXECUTION_ERROR,
                "The handler threw", "client-1");
        CommandExecutionException remoteFailure = new CommandExecutionException("The handler threw", handlerFailed);
        RuntimeException refused = Status.PERMISSION_DENIED.asRuntimeException();

        assertThat(unavailable.ifAxonServerUnreachable(remoteFailure)).isEmpty();
        assertThat(unavailable.ifAxonServerUnreachable(refused)).isEmpty();
        assertThat(handler.handleUnexpected(remoteFailure).getStatusCode().value()).isEqualTo(500);
    }

    @Test
    void an_ordinary_failure_still_answers_500_internal_error() {
        ResponseEntity<Object> answer = handler.handleUnexpected(new IllegalStateException("a bug"));

        assertThat(answer.getStatusCode().value()).isEqualTo(500);
        assertThat(answer.getHeaders().containsKey(HttpHeaders.RETRY_AFTER)).isFalse();
        assertThat(((ProblemDetail) answer.getBody()).getProperties())
                .containsEntry(ApiProblems.CODE, "INTERNAL_ERROR");
    }

    @Test
    void a_cause_chain_that_loops_ends_the_search() {
        RuntimeException first = new RuntimeException("first");
        RuntimeException second = new RuntimeException("second", first);
        first.initCause(second);

        assertThat(unavailable.ifAxonServerUnreachable(first)).isEmpty();
    }

    @ParameterizedTest(name = "{0} -> Retry-After: {1}")
    @CsvSource({"PT5S, 5", "PT1.5S, 2", "PT0S, 1", "PT2M, 120"})
    void retry_after_is_in_whole_seconds_rounded_up_and_at_least_one(Duration configured, String header) {
        UnavailableProblems problems = new UnavailableProblems(new UnavailableProperties(configured));

        assertThat(problems.answer("ANY", "any").getHeaders().getFirst(HttpHeaders.RETRY_AFTER)).isEqualTo(header);
    }
}
