package io.carmarket.command.common;

import io.carmarket.api.rejection.CommandRejection;
import io.carmarket.api.rejection.CommandRejection.Kind;
import org.axonframework.commandhandling.CommandExecutionException;
import org.axonframework.commandhandling.CommandMessage;
import org.axonframework.messaging.InterceptorChain;
import org.axonframework.messaging.MessageHandlerInterceptor;
import org.axonframework.messaging.unitofwork.UnitOfWork;
import org.axonframework.modelling.command.AggregateNotFoundException;
import org.springframework.stereotype.Component;

import java.util.Locale;
import java.util.Map;

/**
 * Wraps every refusal of a command handler into a {@link CommandExecutionException} whose details are a
 * {@link CommandRejection}. Axon Server carries those details to a remote caller, so the REST layer reads the
 * same business reason whether the handler ran in this JVM or in another one.
 */
@Component
public class RejectionTranslatingInterceptor implements MessageHandlerInterceptor<CommandMessage<?>> {

    @Override
    public Object handle(UnitOfWork<? extends CommandMessage<?>> unitOfWork,
                         InterceptorChain interceptorChain) throws Exception {
        try {
            return interceptorChain.proceed();
        } catch (RuleViolation violation) {
            throw rejected(violation.rejection());
        } catch (AggregateNotFoundException notFound) {
            String aggregate = aggregateNameOf(unitOfWork.getMessage());
            throw rejected(new CommandRejection(Kind.NOT_FOUND, aggregate.toUpperCase(Locale.ROOT) + "_NOT_FOUND",
                    "No " + aggregate + " " + notFound.getAggregateIdentifier(), Map.of()));
        }
    }

    /**
     * The addressed aggregate, named after the feature package of its command: {@code io.carmarket.api.car.BookCar}
     * addresses a car.
     */
    private static String aggregateNameOf(CommandMessage<?> command) {
        String commandPackage = command.getPayloadType().getPackageName();
        return commandPackage.substring(commandPackage.lastIndexOf('.') + 1);
    }

    private static CommandExecutionException rejected(CommandRejection rejection) {
        return new CommandExecutionException(rejection.message(), null, rejection);
    }
}
