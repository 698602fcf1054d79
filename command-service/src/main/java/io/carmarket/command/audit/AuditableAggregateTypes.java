package io.carmarket.command.audit;

import org.axonframework.config.AggregateConfiguration;
import org.axonframework.config.Configuration;
import org.axonframework.messaging.annotation.ClasspathHandlerDefinition;
import org.axonframework.messaging.annotation.ClasspathHandlerEnhancerDefinition;
import org.axonframework.messaging.annotation.HandlerDefinition;
import org.axonframework.messaging.annotation.MultiHandlerDefinition;
import org.axonframework.modelling.command.inspection.AggregateModel;
import org.axonframework.modelling.command.inspection.AnnotatedAggregateMetaModelFactory;
import org.springframework.stereotype.Component;

import java.util.Map;
import java.util.Optional;
import java.util.function.Function;
import java.util.stream.Collectors;

/**
 * The aggregate types registered with Axon, by the type name their events carry ({@code Car},
 * {@code Negotiation}). Taken from Axon's configuration, so that a new aggregate is audited without a list to keep.
 * The models are built with the same parameter resolvers and handlers as the write side's, so that events are
 * applied by the very same event sourcing handlers.
 */
@Component
class AuditableAggregateTypes {

    private final Configuration axon;
    private volatile Map<String, AuditableAggregateType<?>> byName;

    AuditableAggregateTypes(Configuration axon) {
        this.axon = axon;
    }

    Optional<AuditableAggregateType<?>> named(String typeName) {
        return Optional.ofNullable(registered().get(typeName));
    }

    /** Built on first use: Axon's configuration is complete only once the application has started. */
    private Map<String, AuditableAggregateType<?>> registered() {
        Map<String, AuditableAggregateType<?>> known = byName;
        if (known == null) {
            @SuppressWarnings("rawtypes")
            var modules = axon.findModules(AggregateConfiguration.class);
            known = modules.stream()
                    .map(module -> typeOf((AggregateConfiguration<?>) module))
                    .collect(Collectors.toUnmodifiableMap(AuditableAggregateType::name, Function.identity()));
            byName = known;
        }
        return known;
    }

    /**
     * The aggregate's handlers with the enhancers Axon finds on the class path, as the write side has them, but
     * without the handler timeouts Spring's configuration adds: those record a stack trace on every invocation, and
     * rebuilding a car from a thousand events took three times as long with them (docs/benchmarks.md). A rebuild
     * for an auditor has no deadline to watch.
     */
    private static HandlerDefinition handlersWithoutTimeoutsOf(Class<?> aggregateClass) {
        return MultiHandlerDefinition.ordered(ClasspathHandlerEnhancerDefinition.forClass(aggregateClass),
                ClasspathHandlerDefinition.forClass(aggregateClass));
    }

    private <A> AuditableAggregateType<A> typeOf(AggregateConfiguration<A> configuration) {
        Class<A> aggregateClass = configuration.aggregateType();
        AggregateModel<A> model = AnnotatedAggregateMetaModelFactory.inspectAggregate(aggregateClass,
                axon.parameterResolverFactory(), handlersWithoutTimeoutsOf(aggregateClass));
        return new AuditableAggregateType<>(model.type(), aggregateClass, model, configuration.aggregateFactory());
    }
}
