package io.carmarket.command.audit;

import org.axonframework.config.AggregateConfiguration;
import org.axonframework.config.Configuration;
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
 * The models are built with the same parameter resolvers and handler definition as the write side's, so that
 * events are applied by the very same event sourcing handlers.
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

    private <A> AuditableAggregateType<A> typeOf(AggregateConfiguration<A> configuration) {
        Class<A> aggregateClass = configuration.aggregateType();
        AggregateModel<A> model = AnnotatedAggregateMetaModelFactory.inspectAggregate(aggregateClass,
                axon.parameterResolverFactory(), axon.handlerDefinition(aggregateClass));
        return new AuditableAggregateType<>(model.type(), aggregateClass, model, configuration.aggregateFactory());
    }
}
