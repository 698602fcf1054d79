package io.carmarket.support.axon;

import io.axoniq.axonserver.connector.ErrorCategory;
import io.grpc.Status;
import io.grpc.StatusException;
import io.grpc.StatusRuntimeException;
import org.axonframework.axonserver.connector.AxonServerException;
import org.axonframework.axonserver.connector.command.AxonServerCommandDispatchException;
import org.axonframework.axonserver.connector.query.AxonServerQueryDispatchException;

import java.util.Collections;
import java.util.IdentityHashMap;
import java.util.Set;
import java.util.stream.Collectors;
import java.util.stream.Stream;

/**
 * Recognises a failure that means "Axon Server cannot be reached", wherever it sits in the cause chain: Axon wraps
 * it differently on each path (a command's {@code CompletionException} around the connector's
 * {@code [AXONIQ-4003]}, a bare gRPC {@code UNAVAILABLE} from an event append, a closed stream around one from an
 * aggregate's read). Such a request was not carried out and may be sent again once Axon Server is back.
 */
public final class AxonServerOutage {

    /** Axon Server's codes for "not connected" and "could not hand the message over" (the same in both libraries). */
    private static final Set<String> UNREACHABLE_CODES = Stream.of(
                    ErrorCategory.CONNECTION_FAILED, ErrorCategory.COMMAND_DISPATCH_ERROR,
                    ErrorCategory.QUERY_DISPATCH_ERROR, ErrorCategory.NO_EVENT_STORE_MASTER_AVAILABLE)
            .map(ErrorCategory::errorCode)
            .collect(Collectors.toUnmodifiableSet());

    private AxonServerOutage() {
    }

    /** Whether {@code failure}, or any of its causes, says that Axon Server could not be reached. */
    public static boolean isCauseOf(Throwable failure) {
        Set<Throwable> seen = Collections.newSetFromMap(new IdentityHashMap<>());
        for (Throwable cause = failure; cause != null && seen.add(cause); cause = cause.getCause()) {
            if (saysUnreachable(cause)) {
                return true;
            }
        }
        return false;
    }

    private static boolean saysUnreachable(Throwable failure) {
        if (failure instanceof StatusRuntimeException grpc) {
            return grpc.getStatus().getCode() == Status.Code.UNAVAILABLE;
        }
        if (failure instanceof StatusException grpc) {
            return grpc.getStatus().getCode() == Status.Code.UNAVAILABLE;
        }
        if (failure instanceof io.axoniq.axonserver.connector.AxonServerException connector) {
            return UNREACHABLE_CODES.contains(connector.getErrorCategory().errorCode());
        }
        if (failure instanceof AxonServerException framework) {
            return UNREACHABLE_CODES.contains(framework.code());
        }
        if (failure instanceof AxonServerCommandDispatchException dispatch) {
            return UNREACHABLE_CODES.contains(dispatch.getErrorCode());
        }
        if (failure instanceof AxonServerQueryDispatchException dispatch) {
            return UNREACHABLE_CODES.contains(dispatch.code());
        }
        return false;
    }
}
