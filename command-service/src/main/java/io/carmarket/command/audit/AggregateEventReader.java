package io.carmarket.command.audit;

import org.axonframework.eventhandling.DomainEventMessage;
import org.axonframework.eventsourcing.eventstore.DomainEventStream;
import org.axonframework.eventsourcing.eventstore.EventStore;
import org.springframework.stereotype.Component;

import java.util.ArrayList;
import java.util.List;
import java.util.function.Predicate;

/**
 * Reads one aggregate's stored events in sequence order, never a snapshot. {@link EventStore#readEvents(String,
 * long)} is the read that starts at a sequence number: Axon's {@code AbstractEventStore} (the embedded store and
 * {@code AxonServerEventStore} alike) answers it from the events alone, whereas {@code readEvents(id)} starts from
 * the latest snapshot. Events are upcast and deserialized by the store, lazily, as the stream is read.
 */
@Component
class AggregateEventReader {

    private final EventStore eventStore;

    AggregateEventReader(EventStore eventStore) {
        this.eventStore = eventStore;
    }

    /**
     * The events from {@code fromSequence} on, as long as {@code applies} holds, at most {@code maxCount}; and the
     * first event left out, if any, so the caller knows whether more follow.
     */
    EventRun read(String aggregateId, long fromSequence, Predicate<DomainEventMessage<?>> applies, int maxCount) {
        DomainEventStream stream = eventStore.readEvents(aggregateId, fromSequence);
        List<DomainEventMessage<?>> events = new ArrayList<>();
        long expectedSequence = fromSequence;
        while (stream.hasNext()) {
            DomainEventMessage<?> event = stream.peek();
            if (event.getSequenceNumber() != expectedSequence) {
                // A snapshot, or a store that skipped events: a rebuilt state would be wrong, so none is given.
                throw new IllegalStateException("Aggregate " + aggregateId + ": expected event " + expectedSequence
                        + " from the event store, got " + event.getSequenceNumber() + " (" + event.getPayloadType()
                        .getSimpleName() + ")");
            }
            if (events.size() >= maxCount || !applies.test(event)) {
                return new EventRun(events, event);
            }
            events.add(stream.next());
            expectedSequence++;
        }
        return new EventRun(events, null);
    }

    /** Every event from the first while {@code applies} holds. */
    EventRun readWhile(String aggregateId, Predicate<DomainEventMessage<?>> applies) {
        return read(aggregateId, 0, applies, Integer.MAX_VALUE);
    }

    /**
     * Consecutive events of one aggregate.
     *
     * @param events the events read, in sequence order
     * @param next   the first event after them, which was not taken; null when the stream ended
     */
    record EventRun(List<DomainEventMessage<?>> events, DomainEventMessage<?> next) {

        boolean isEmpty() {
            return events.isEmpty();
        }

        DomainEventMessage<?> first() {
            return events.get(0);
        }

        DomainEventMessage<?> last() {
            return events.get(events.size() - 1);
        }
    }
}
