package io.carmarket.query.projection;

import io.carmarket.query.common.ProjectionBatch;
import org.axonframework.eventhandling.EventMessage;
import org.axonframework.messaging.InterceptorChain;
import org.axonframework.messaging.MessageHandlerInterceptor;
import org.axonframework.messaging.unitofwork.BatchingUnitOfWork;
import org.axonframework.messaging.unitofwork.UnitOfWork;

/**
 * Frames each batch of a query-side processor: at its first event the batch's writes are routed
 * ({@link ReadModelRouting#routeBatchOf}) and held ({@link ProjectionBatch}); after its last they are written, inside
 * the unit of work, so before Axon stores the processor's new position when the unit of work commits.
 */
final class ProjectionBatchInterceptor implements MessageHandlerInterceptor<EventMessage<?>> {

    private final String group;
    private final ReadModelRouting routing;

    ProjectionBatchInterceptor(String group, ReadModelRouting routing) {
        this.group = group;
        this.routing = routing;
    }

    @Override
    public Object handle(UnitOfWork<? extends EventMessage<?>> unitOfWork, InterceptorChain interceptorChain)
            throws Exception {
        if (isFirstOfBatch(unitOfWork)) {
            RebuildTarget.Scope route = routing.routeBatchOf(group);
            unitOfWork.onCleanup(ended -> route.close());
            ProjectionBatch.begin(unitOfWork);
        }
        Object result = interceptorChain.proceed();
        if (isLastOfBatch(unitOfWork)) {
            ProjectionBatch.end(unitOfWork);
        }
        return result;
    }

    private static boolean isFirstOfBatch(UnitOfWork<?> unitOfWork) {
        return !(unitOfWork instanceof BatchingUnitOfWork<?> batch) || batch.isFirstMessage();
    }

    private static boolean isLastOfBatch(UnitOfWork<?> unitOfWork) {
        return !(unitOfWork instanceof BatchingUnitOfWork<?> batch) || batch.isLastMessage();
    }
}
