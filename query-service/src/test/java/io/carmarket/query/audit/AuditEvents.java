package io.carmarket.query.audit;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import io.carmarket.api.audit.MessageMetadata;
import org.axonframework.eventhandling.GenericDomainEventMessage;
import org.axonframework.eventhandling.GlobalSequenceTrackingToken;
import org.axonframework.eventhandling.TrackingToken;
import org.springframework.http.converter.json.Jackson2ObjectMapperBuilder;

import java.util.Map;

import static io.carmarket.query.common.TestEvents.at;

/** Events as the tracking processor hands them to the audit log, with the metadata the write side stamps. */
final class AuditEvents {

    /** JSON as Spring Boot's mapper is configured in both services. */
    static final ObjectMapper JSON = Jackson2ObjectMapperBuilder.json()
            .serializationInclusion(JsonInclude.Include.NON_NULL)
            .featuresToDisable(SerializationFeature.WRITE_DATES_AS_TIMESTAMPS).build();

    private AuditEvents() {
    }

    /** A stored event of an aggregate of type Car, by a user within a correlation, at minute {@code globalIndex}. */
    static GenericDomainEventMessage<Object> carEvent(Object payload, String carId, long sequence, long globalIndex,
                                                      String userId, String correlationId) {
        return domainEvent("Car", carId, sequence, payload, globalIndex, userId, correlationId);
    }

    static GenericDomainEventMessage<Object> domainEvent(String aggregateType, String aggregateId, long sequence,
                                                         Object payload, long globalIndex, String userId,
                                                         String correlationId) {
        Map<String, Object> metadata = Map.of(MessageMetadata.USER_ID, userId, MessageMetadata.USER_ROLE, "CUSTOMER",
                MessageMetadata.CORRELATION_ID, correlationId, MessageMetadata.CAUSATION_ID, "command-" + globalIndex,
                MessageMetadata.COMMAND_NAME, "BookCar");
        return new GenericDomainEventMessage<>(aggregateType, aggregateId, sequence, payload, metadata,
                "event-" + globalIndex, at((int) globalIndex));
    }

    static TrackingToken position(long globalIndex) {
        return new GlobalSequenceTrackingToken(globalIndex);
    }
}
