package io.carmarket.command.negotiation;

import io.carmarket.support.axon.TokenStoredAfterCommit;
import org.axonframework.config.ConfigurerModule;
import org.axonframework.eventhandling.tokenstore.TokenStore;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

@Configuration(proxyBeanMethods = false)
@EnableConfigurationProperties(NegotiationPolicy.class)
public class NegotiationConfiguration {

    /** Axon's name for the processor of a saga that names no processing group. */
    static final String SAGA_PROCESSOR = NegotiationSaga.class.getSimpleName() + "Processor";

    /**
     * The negotiation process's position moves on only after its step has been written (its state, the events of
     * the commands it sent): a failure or a kill in between repeats the step, which the process tolerates, instead of
     * skipping it.
     */
    @Bean
    public ConfigurerModule negotiationProcessTokenAfterCommit() {
        return configurer -> configurer.eventProcessing().registerTokenStore(SAGA_PROCESSOR,
                configuration -> new TokenStoredAfterCommit(configuration.getComponent(TokenStore.class)));
    }
}
