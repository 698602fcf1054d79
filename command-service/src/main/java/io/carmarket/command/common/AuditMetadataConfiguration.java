package io.carmarket.command.common;

import org.axonframework.messaging.correlation.CorrelationDataProvider;
import org.axonframework.messaging.correlation.SimpleCorrelationDataProvider;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

import java.util.Map;

/**
 * What travels from a command to the events it causes: the acting user, the correlation id of the request, and
 * the id of the causing message as causation id. Defining these beans replaces Axon's default provider.
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
        return message -> Map.of(MessageMetadata.CAUSATION_ID, message.getIdentifier());
    }
}
