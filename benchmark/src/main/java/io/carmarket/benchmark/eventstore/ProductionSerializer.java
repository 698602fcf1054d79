package io.carmarket.benchmark.eventstore;

import com.fasterxml.jackson.databind.ObjectMapper;
import org.axonframework.serialization.AnnotationRevisionResolver;
import org.axonframework.serialization.ChainingConverter;
import org.axonframework.serialization.Serializer;
import org.axonframework.serialization.json.JacksonSerializer;
import org.springframework.boot.autoconfigure.jackson.JacksonAutoConfiguration;
import org.springframework.context.annotation.AnnotationConfigApplicationContext;

/**
 * The serializer the standalone gives Axon with {@code axon.serializer.*: jackson}: Axon's auto-configuration
 * ({@code AxonAutoConfiguration#buildSerializer}) takes Spring Boot's ObjectMapper (its own
 * {@code defaultAxonObjectMapper} is only created when there is none) and wraps it in a {@link JacksonSerializer}
 * with the annotation revision resolver and a chaining converter. The ObjectMapper is built here by Spring Boot's
 * own {@link JacksonAutoConfiguration} from the standalone's {@code spring.jackson.*} settings, so it has the same
 * modules and features (non-null inclusion, ISO dates, unknown properties ignored).
 * General, message and event serializer are one instance in the standalone, because all three are jackson.
 */
final class ProductionSerializer {

    private ProductionSerializer() {
    }

    static Serializer create(StandaloneSettings settings) {
        ObjectMapper objectMapper;
        try (AnnotationConfigApplicationContext context = new AnnotationConfigApplicationContext()) {
            context.setEnvironment(settings.environment());
            context.register(JacksonAutoConfiguration.class);
            context.refresh();
            objectMapper = context.getBean(ObjectMapper.class);
        }
        return JacksonSerializer.builder()
                .revisionResolver(new AnnotationRevisionResolver())
                .converter(new ChainingConverter(ProductionSerializer.class.getClassLoader()))
                .objectMapper(objectMapper)
                .build();
    }
}
