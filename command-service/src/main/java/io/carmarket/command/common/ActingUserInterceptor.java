package io.carmarket.command.common;

import io.carmarket.api.audit.MessageMetadata;
import io.carmarket.support.security.AuthenticatedUser;
import io.carmarket.support.web.CorrelationIdFilter;
import org.axonframework.commandhandling.CommandMessage;
import org.axonframework.messaging.MessageDispatchInterceptor;
import org.axonframework.messaging.MetaData;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.stereotype.Component;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.function.BiFunction;

/**
 * Stamps every command sent through the gateway with the acting user (from the access token) and the request's
 * correlation id. Values a sender put there itself are kept. Axon's correlation data providers then copy them
 * onto every event the command causes.
 */
@Component
public class ActingUserInterceptor implements MessageDispatchInterceptor<CommandMessage<?>> {

    @Override
    public BiFunction<Integer, CommandMessage<?>, CommandMessage<?>> handle(List<? extends CommandMessage<?>> messages) {
        return (index, command) -> command.andMetaData(missingFrom(command.getMetaData()));
    }

    private static Map<String, Object> missingFrom(MetaData present) {
        Map<String, Object> added = new HashMap<>();
        if (!present.containsKey(MessageMetadata.USER_ID)) {
            Authentication authentication = SecurityContextHolder.getContext().getAuthentication();
            if (authentication != null && authentication.getPrincipal() instanceof AuthenticatedUser user) {
                added.put(MessageMetadata.USER_ID, user.userId());
                added.put(MessageMetadata.USER_ROLE, user.role().name());
            } else {
                added.put(MessageMetadata.USER_ID, MessageMetadata.SYSTEM_USER);
            }
        }
        if (!present.containsKey(MessageMetadata.CORRELATION_ID)) {
            String correlationId = CorrelationIdFilter.current().orElseGet(() -> UUID.randomUUID().toString());
            added.put(MessageMetadata.CORRELATION_ID, correlationId);
            added.putIfAbsent(MessageMetadata.CAUSATION_ID, correlationId);
        }
        return added;
    }
}
