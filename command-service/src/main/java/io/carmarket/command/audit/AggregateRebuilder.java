package io.carmarket.command.audit;

import org.axonframework.eventhandling.DomainEventMessage;
import org.axonframework.eventhandling.EventBus;
import org.axonframework.eventsourcing.EventSourcedAggregate;
import org.axonframework.eventsourcing.NoSnapshotTriggerDefinition;
import org.axonframework.eventsourcing.eventstore.DomainEventStream;

import java.util.List;

/**
 * Rebuilds an aggregate from given events with its own event sourcing handlers, the way Axon's repository does,
 * but on its own: no repository, so no cache, no lock and no snapshot; no event bus, so nothing is published; and
 * no snapshot trigger, so none is taken. The instance lives only for the audit request.
 */
final class AggregateRebuilder {

    /** Applying stored events publishes nothing; Axon's aggregate skips publication when it has no bus. */
    private static final EventBus NO_EVENT_BUS = null;

    private AggregateRebuilder() {
    }

    /** The aggregate after applying {@code events}, which start at its first event. */
    static <A> A rebuild(AuditableAggregateType<A> type, List<? extends DomainEventMessage<?>> events) {
        if (events.isEmpty() || events.get(0).getSequenceNumber() != 0) {
            throw new IllegalArgumentException("An aggregate is rebuilt from its first event on");
        }
        DomainEventMessage<?> first = events.get(0);
        A emptyAggregate = type.newInstance(first.getAggregateIdentifier(), first);
        EventSourcedAggregate<A> aggregate = EventSourcedAggregate.initialize(emptyAggregate, type.model(),
                NO_EVENT_BUS, NoSnapshotTriggerDefinition.TRIGGER);
        aggregate.initializeState(DomainEventStream.of(events));
        return aggregate.getAggregateRoot();
    }
}
