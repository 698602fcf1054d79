package io.carmarket.query.booking;

import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import io.carmarket.api.bookings.BookingById;
import io.carmarket.api.bookings.BookingPage;
import io.carmarket.api.bookings.BookingSearch;
import io.carmarket.api.bookings.BookingView;
import io.carmarket.api.bookings.CarCard;
import io.carmarket.api.car.BookingCancellationReason;
import io.carmarket.api.car.BookingStatus;
import io.carmarket.api.car.CarStatus;
import io.carmarket.api.car.purchase.Financing;
import io.carmarket.api.car.purchase.PaymentMethod;
import io.carmarket.api.car.purchase.PurchaseReservationStatus;
import io.carmarket.api.car.purchase.TradeIn;
import io.carmarket.api.favorites.FavoriteList;
import io.carmarket.api.favorites.FavoritePage;
import io.carmarket.api.favorites.FavoriteView;
import io.carmarket.api.identity.Actor;
import io.carmarket.api.identity.Role;
import io.carmarket.api.notifications.NotificationPage;
import io.carmarket.api.notifications.NotificationSearch;
import io.carmarket.api.notifications.NotificationType;
import io.carmarket.api.notifications.NotificationView;
import io.carmarket.api.reservations.PurchaseReservationById;
import io.carmarket.api.reservations.PurchaseReservationPage;
import io.carmarket.api.reservations.PurchaseReservationSearch;
import io.carmarket.api.reservations.PurchaseReservationView;
import org.axonframework.serialization.SerializedObject;
import org.axonframework.serialization.json.JacksonSerializer;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

import java.math.BigDecimal;
import java.util.List;
import java.util.stream.Stream;

import static io.carmarket.query.common.TestEvents.DAY;
import static io.carmarket.query.common.TestEvents.T0;
import static io.carmarket.query.common.TestEvents.period;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * The queries and results of the user's read models cross Axon Server in the distributed deployment: each
 * survives Axon's Jackson serializer, configured as the services configure it, unchanged.
 */
class UserReadModelMessagesTest {

    private static final Actor ALICE = new Actor("alice", Role.CUSTOMER);
    private static final CarCard CAR = new CarCard("VW", "Golf", "Berlin", "https://img.example.com/1.jpg");

    private final JacksonSerializer serializer = JacksonSerializer.builder()
            .objectMapper(new ObjectMapper().findAndRegisterModules()
                    .disable(SerializationFeature.WRITE_DATES_AS_TIMESTAMPS)
                    .disable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES))
            .build();

    static Stream<Object> messages() {
        BookingView booking = new BookingView("b-1", "car-1", CAR, "alice", "dealer-1", period(0, 3),
                BookingStatus.CANCELLED, new BigDecimal("148.50"), "EUR", "late", T0,
                BookingCancellationReason.ON_REQUEST, "plans changed", null, T0, T0.plusSeconds(5));
        PurchaseReservationView reservation = new PurchaseReservationView("r-1", "ORD-1", "car-1", CAR, "alice",
                "dealer-1", PurchaseReservationStatus.CONFIRMED, PaymentMethod.FINANCE,
                new Financing(new BigDecimal("5000.00"), 36),
                new TradeIn("Opel", "Corsa", 2012, 150_000, new BigDecimal("2000.00")), new BigDecimal("25000.00"),
                new BigDecimal("23000.00"), new BigDecimal("18000.00"), "EUR", DAY.plusDays(20), DAY.plusDays(10),
                T0, null, T0, T0);
        NotificationView notification = new NotificationView("n-1", "alice", NotificationType.BOOKING_CANCELLED,
                "car-1", "b-1", null, "Your booking was cancelled.", T0, true, T0.plusSeconds(9));
        FavoriteView favorite = new FavoriteView("car-1", "VW", "Golf", "GTI", 2022, "Berlin", null,
                new BigDecimal("49.50"), null, "EUR", CarStatus.RESERVED, false, T0);
        return Stream.of(
                new BookingSearch(ALICE, List.of(BookingStatus.CONFIRMED), DAY, DAY.plusDays(7), "cursor", 20),
                new BookingSearch(ALICE, List.of(), null, null, null, 1),
                new BookingById(ALICE, "b-1"),
                new BookingPage(List.of(booking), "next"),
                new PurchaseReservationSearch(ALICE, List.of(PurchaseReservationStatus.PENDING), null, 20),
                new PurchaseReservationById(ALICE, "r-1"),
                new PurchaseReservationPage(List.of(reservation), null),
                new NotificationSearch("alice", true, null, 20),
                new NotificationPage(List.of(notification), 3, "next"),
                new FavoriteList("alice", null, 50),
                new FavoritePage(List.of(favorite), null));
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
