package io.carmarket.query.negotiation;

import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import io.carmarket.api.bookings.CarCard;
import io.carmarket.api.identity.Actor;
import io.carmarket.api.identity.Role;
import io.carmarket.api.negotiation.NegotiationStatus;
import io.carmarket.api.negotiation.Party;
import io.carmarket.api.negotiations.ArrangedPurchase;
import io.carmarket.api.negotiations.NegotiationById;
import io.carmarket.api.negotiations.NegotiationPage;
import io.carmarket.api.negotiations.NegotiationSearch;
import io.carmarket.api.negotiations.NegotiationSummary;
import io.carmarket.api.negotiations.NegotiationSummaryOf;
import io.carmarket.api.negotiations.NegotiationView;
import io.carmarket.api.negotiations.OfferView;
import io.carmarket.api.notifications.NotificationPage;
import io.carmarket.api.notifications.NotificationType;
import io.carmarket.api.notifications.NotificationView;
import org.axonframework.serialization.SerializedObject;
import org.axonframework.serialization.json.JacksonSerializer;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

import java.math.BigDecimal;
import java.util.List;
import java.util.stream.Stream;

import static io.carmarket.query.common.TestEvents.T0;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * The negotiation queries and results cross Axon Server in the distributed deployment: each survives Axon's Jackson
 * serializer, configured as the services configure it, unchanged.
 */
class NegotiationMessagesTest {

    private static final Actor ALICE = new Actor("alice", Role.CUSTOMER);

    private final JacksonSerializer serializer = JacksonSerializer.builder()
            .objectMapper(new ObjectMapper().findAndRegisterModules()
                    .disable(SerializationFeature.WRITE_DATES_AS_TIMESTAMPS)
                    .disable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES))
            .build();

    static Stream<Object> messages() {
        NegotiationView negotiation = new NegotiationView("n-1", "car-1",
                new CarCard("VW", "Golf", "Berlin", "https://img.example.com/1.jpg"), "alice", "dealer-1", "EUR",
                NegotiationStatus.ACCEPTED,
                List.of(new OfferView(1, Party.BUYER, new BigDecimal("17000.00"), "Cash", T0, T0.plusSeconds(60)),
                        new OfferView(2, Party.DEALER, new BigDecimal("18000.00"), null, T0.plusSeconds(5),
                                T0.plusSeconds(65))),
                Party.DEALER, null, null, new BigDecimal("18000.00"), new ArrangedPurchase("r-1", "ORD-1"), null, null,
                null, null, T0, T0.plusSeconds(9));
        NotificationView notification = new NotificationView("x-1", "alice",
                NotificationType.NEGOTIATION_PURCHASE_ARRANGED, "car-1", null, null, "n-1", "Reserved for you.", T0,
                false, null);
        return Stream.of(
                new NegotiationSearch(ALICE, List.of(NegotiationStatus.OPEN), Party.BUYER, "cursor", 20),
                new NegotiationSearch(ALICE, List.of(), null, null, 1),
                new NegotiationById(ALICE, "n-1"),
                new NegotiationPage(List.of(negotiation), "next"),
                new NegotiationSummaryOf(ALICE),
                new NegotiationSummary(4),
                new NotificationPage(List.of(notification), 1, null));
    }

    @ParameterizedTest
    @MethodSource("messages")
    void survives_the_serializer(Object message) {
        SerializedObject<byte[]> serialized = serializer.serialize(message, byte[].class);
        Object back = serializer.deserialize(serialized);

        assertThat(back).usingRecursiveComparison().withComparatorForType(BigDecimal::compareTo, BigDecimal.class)
                .isEqualTo(message);
    }
}
