package io.carmarket.support.axon;

import org.axonframework.axonserver.connector.AxonServerConnectionManager;
import org.axonframework.config.EventProcessingConfiguration;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.actuate.health.HealthIndicator;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnClass;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * The event processors' health in every deployment; with Axon Server, their balancing over the instances and their
 * recovery after an outage.
 */
@AutoConfiguration(afterName = {"org.axonframework.springboot.autoconfig.AxonAutoConfiguration",
        "org.axonframework.springboot.autoconfig.EventProcessingAutoConfiguration",
        "org.axonframework.springboot.autoconfig.AxonServerAutoConfiguration"})
@ConditionalOnBean(EventProcessingConfiguration.class)
@EnableConfigurationProperties(ProcessorProperties.class)
public class ProcessorAutoConfiguration {

    /** Health component {@code eventProcessors}; the event source is Axon Server when one is used. */
    @Bean
    HealthIndicator eventProcessorsHealthIndicator(EventProcessingConfiguration processing,
                                                   ObjectProvider<AxonServerConnectionManager> axonServer) {
        AxonServerConnectionManager connection = axonServer.getIfAvailable();
        return new ProcessorHealth(processing, connection == null ? () -> true
                : () -> connection.isConnected(connection.getDefaultContext()));
    }

    @Configuration(proxyBeanMethods = false)
    @ConditionalOnClass(AxonServerConnectionManager.class)
    @ConditionalOnBean(AxonServerConnectionManager.class)
    static class WithAxonServer {

        @Bean
        @ConditionalOnProperty(name = "carmarket.processors.balancing.enabled", matchIfMissing = true)
        ProcessorBalancing processorBalancing(EventProcessingConfiguration processing,
                                              AxonServerConnectionManager axonServer,
                                              ProcessorProperties properties) {
            return new ProcessorBalancing(processing, axonServer, properties.balancing());
        }

        @Bean
        @ConditionalOnProperty(name = "carmarket.processors.recovery.enabled", matchIfMissing = true)
        ProcessorRecovery processorRecovery(EventProcessingConfiguration processing,
                                            AxonServerConnectionManager axonServer,
                                            ProcessorProperties properties) {
            return new ProcessorRecovery(processing, axonServer, properties.recovery());
        }
    }
}
