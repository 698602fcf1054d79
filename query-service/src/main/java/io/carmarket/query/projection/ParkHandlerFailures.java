package io.carmarket.query.projection;

import com.mongodb.MongoSocketException;
import com.mongodb.MongoTimeoutException;
import org.axonframework.eventhandling.EventMessage;
import org.axonframework.messaging.deadletter.DeadLetter;
import org.axonframework.messaging.deadletter.Decisions;
import org.axonframework.messaging.deadletter.EnqueueDecision;
import org.axonframework.messaging.deadletter.EnqueuePolicy;
import org.springframework.dao.DataAccessResourceFailureException;
import org.springframework.dao.TransientDataAccessException;

/**
 * Which failures of a projection's handler park the event (and the later events of its aggregate) in the
 * projection's dead-letter queue, and which stop the batch to be retried (docs/architecture.md D34).
 * <p>
 * A failure of the event itself (a payload that no longer deserializes, a handler bug) would fail again on every
 * retry and stop the whole projection, every car behind one: it is parked. The store being unreachable or slow
 * says nothing about the event, and parking would take every car's events out of order for nothing: it is thrown
 * on, so the processor retries the batch with back-off, as without a queue (D9).
 */
final class ParkHandlerFailures implements EnqueuePolicy<EventMessage<?>> {

    private final String group;
    private final ParkedFailures parked;

    ParkHandlerFailures(String group, ParkedFailures parked) {
        this.group = group;
        this.parked = parked;
    }

    @Override
    public EnqueueDecision<EventMessage<?>> decide(DeadLetter<? extends EventMessage<?>> letter, Throwable cause) {
        if (isTheStoreUnavailable(cause)) {
            throw cause instanceof RuntimeException runtime ? runtime
                    : new IllegalStateException("The read-model store is unavailable", cause);
        }
        parked.record(group, cause);
        return Decisions.enqueue(cause);
    }

    static boolean isTheStoreUnavailable(Throwable failure) {
        for (Throwable cause = failure; cause != null; cause = cause.getCause()) {
            if (cause instanceof MongoSocketException || cause instanceof MongoTimeoutException
                    || cause instanceof DataAccessResourceFailureException
                    || cause instanceof TransientDataAccessException) {
                return true;
            }
        }
        return false;
    }
}
