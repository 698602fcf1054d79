package io.carmarket.command.audit;

import org.axonframework.eventhandling.DomainEventMessage;
import org.axonframework.eventsourcing.AggregateFactory;
import org.axonframework.modelling.command.inspection.AggregateModel;

/**
 * One event-sourced aggregate type as the write side registered it with Axon: its class, the model Axon built of
 * its handlers, and the factory that creates an empty instance to apply events to.
 */
record AuditableAggregateType<A>(String name, Class<A> aggregateClass, AggregateModel<A> model,
                                 AggregateFactory<A> factory) {

    /** An empty aggregate, ready for its first event. */
    A newInstance(String aggregateId, DomainEventMessage<?> firstEvent) {
        return factory.createAggregateRoot(aggregateId, firstEvent);
    }

    boolean hasStateView() {
        return AuditedAggregate.class.isAssignableFrom(aggregateClass);
    }
}
