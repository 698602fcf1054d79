package io.carmarket.query.projection;

import com.mongodb.MongoSocketReadException;
import com.mongodb.ServerAddress;
import org.axonframework.eventhandling.EventMessage;
import org.axonframework.eventhandling.GenericEventMessage;
import org.axonframework.messaging.deadletter.EnqueueDecision;
import org.axonframework.messaging.deadletter.GenericDeadLetter;
import org.junit.jupiter.api.Test;
import org.springframework.dao.DataAccessResourceFailureException;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** Which failures of a projection's handler park its event, and which stop the batch to be retried. */
class ParkHandlerFailuresTest {

    private final ParkedFailures parked = new ParkedFailures();
    private final ParkHandlerFailures policy = new ParkHandlerFailures("car-search", parked);
    private final GenericDeadLetter<EventMessage<?>> letter =
            new GenericDeadLetter<>("car-1", GenericEventMessage.asEventMessage("an event"));

    @Test
    void a_failure_of_the_event_itself_parks_it_and_becomes_the_projections_last_error() {
        EnqueueDecision<EventMessage<?>> decision = policy.decide(letter, new NullPointerException("no location"));

        assertThat(decision.shouldEnqueue()).isTrue();
        assertThat(parked.lastOf("car-search")).get()
                .satisfies(error -> assertThat(error.message()).isEqualTo("NullPointerException: no location"));
    }

    @Test
    void an_unreachable_store_is_thrown_on_so_that_the_batch_is_retried_and_nothing_is_parked() {
        MongoSocketReadException unreachable = new MongoSocketReadException("connection reset",
                new ServerAddress("localhost"));

        assertThatThrownBy(() -> policy.decide(letter, unreachable)).isSameAs(unreachable);
        assertThat(parked.lastOf("car-search")).isEmpty();
    }

    @Test
    void a_store_failure_wrapped_by_spring_is_recognised_too() {
        RuntimeException wrapped = new IllegalStateException("projection failed",
                new DataAccessResourceFailureException("timed out"));

        assertThatThrownBy(() -> policy.decide(letter, wrapped)).isSameAs(wrapped);
    }
}
