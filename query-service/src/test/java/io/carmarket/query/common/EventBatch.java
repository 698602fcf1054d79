package io.carmarket.query.common;

import org.axonframework.eventhandling.EventMessage;
import org.axonframework.eventhandling.GenericDomainEventMessage;
import org.axonframework.messaging.ResultMessage;
import org.axonframework.messaging.unitofwork.BatchingUnitOfWork;
import org.axonframework.messaging.unitofwork.CurrentUnitOfWork;

import java.util.List;
import java.util.function.Consumer;

/**
 * Events handled as one batch of a processor: one Axon unit of work around them all, a {@link ProjectionBatch}
 * begun at the first and ended after the last (as the processors' interceptor does).
 */
public final class EventBatch {

    private EventBatch() {
    }

    /** An event of the aggregate {@code aggregateId} at {@code sequenceNumber}, as the event store delivers it. */
    public static EventMessage<?> event(String aggregateId, long sequenceNumber, Object payload) {
        return new GenericDomainEventMessage<>("Test", aggregateId, sequenceNumber, payload);
    }

    /** Handles {@code events} in one batch; an exception from a handler or from the batch's writes is rethrown. */
    public static void handle(List<EventMessage<?>> events, Consumer<EventMessage<?>> handler) {
        BatchingUnitOfWork<EventMessage<?>> batch = new BatchingUnitOfWork<>(events);
        ResultMessage<?> result = batch.executeWithResult(() -> {
            if (batch.isFirstMessage()) {
                ProjectionBatch.begin(CurrentUnitOfWork.get());
            }
            handler.accept(batch.getMessage());
            if (batch.isLastMessage()) {
                ProjectionBatch.end(CurrentUnitOfWork.get());
            }
            return null;
        });
        if (result.isExceptional()) {
            Throwable failure = result.exceptionResult();
            throw failure instanceof RuntimeException runtime ? runtime : new IllegalStateException(failure);
        }
    }
}
