package io.carmarket.command.common;

import io.carmarket.api.audit.MessageMetadata;
import org.axonframework.commandhandling.CommandMessage;
import org.axonframework.eventhandling.EventMessage;
import org.axonframework.messaging.Message;
import org.axonframework.messaging.correlation.CorrelationDataProvider;
import org.axonframework.messaging.correlation.SimpleCorrelationDataProvider;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

import java.util.HashMap;
import java.util.Map;

/**
 * What travels from a message to the messages its handling causes: the acting user and the correlation id of the
 * request, unchanged; the id of the causing message as causation id; on events, the name of the deciding command;
 * and, when a process (the negotiation saga) sends a command in reaction to an event, that event's id, which the
 * command passes on to its events. Defining these beans replaces Axon's default provider.
 */
@Configuration(proxyBeanMethods = false)
public class AuditMetadataConfiguration {

    @Bean
    public CorrelationDataProvider actingUserAndCorrelation() {
        return new SimpleCorrelationDataProvider(MessageMetadata.USER_ID, MessageMetadata.USER_ROLE,
                MessageMetadata.CORRELATION_ID);
    }

    @Bean
    public CorrelationDataProvider causation() {
        return AuditMetadataConfiguration::causationOf;
    }

    static Map<String, Object> causationOf(Message<?> handled) {
        Map<String, Object> causation = new HashMap<>();
        causation.put(MessageMetadata.CAUSATION_ID, handled.getIdentifier());
        if (handled instanceof EventMessage<?>) {
            causation.put(MessageMetadata.TRIGGERING_EVENT_ID, handled.getIdentifier());
        } else if (handled.getMetaData().get(MessageMetadata.TRIGGERING_EVENT_ID) != null) {
            causation.put(MessageMetadata.TRIGGERING_EVENT_ID, handled.getMetaData().get(MessageMetadata.TRIGGERING_EVENT_ID));
        }
        if (handled instanceof CommandMessage<?> command) {
            causation.put(MessageMetadata.COMMAND_NAME, simpleName(command.getCommandName()));
        }
        return causation;
    }

    private static String simpleName(String qualifiedName) {
        return qualifiedName.substring(qualifiedName.lastIndexOf('.') + 1);
    }
}
