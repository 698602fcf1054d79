package io.carmarket.command.common;

import org.axonframework.commandhandling.CommandBus;
import org.axonframework.commandhandling.CommandBusSpanFactory;
import org.axonframework.commandhandling.DuplicateCommandHandlerResolver;
import org.axonframework.commandhandling.SimpleCommandBus;
import org.axonframework.common.transaction.TransactionManager;
import org.axonframework.messaging.interceptors.CorrelationDataInterceptor;
import org.springframework.beans.factory.SmartInitializingSingleton;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * The command bus that runs commands in this JVM: Axon's {@code SimpleCommandBus} as its Spring Boot
 * auto-configuration builds it, except that a refused command's unit of work is committed instead of rolled back
 * ({@link RefusalsChangeNothing}). In the distributed deployment it is the local segment behind Axon Server's
 * command bus, as the auto-configured one would be. Refusals are answered, not logged as failures
 * ({@link QuietRefusals}).
 */
@Configuration(proxyBeanMethods = false)
public class CommandBusConfiguration {

    @Bean
    @Qualifier("localSegment")
    public SimpleCommandBus commandBus(TransactionManager transactionManager,
                                       org.axonframework.config.Configuration axonConfiguration,
                                       DuplicateCommandHandlerResolver duplicateCommandHandlerResolver) {
        SimpleCommandBus commandBus = SimpleCommandBus.builder()
                .transactionManager(transactionManager)
                .duplicateCommandHandlerResolver(duplicateCommandHandlerResolver)
                .spanFactory(axonConfiguration.getComponent(CommandBusSpanFactory.class))
                .messageMonitor(axonConfiguration.messageMonitor(CommandBus.class, "commandBus"))
                .rollbackConfiguration(RefusalsChangeNothing.ROLLBACK_UNLESS_REFUSED)
                .build();
        commandBus.registerHandlerInterceptor(
                new CorrelationDataInterceptor<>(axonConfiguration.correlationDataProviders()));
        return commandBus;
    }

    @Bean
    SmartInitializingSingleton quietRefusals() {
        return QuietRefusals::install;
    }
}
