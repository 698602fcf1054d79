package io.carmarket.api;

import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import io.carmarket.api.car.BodyType;
import io.carmarket.api.car.BookCar;
import io.carmarket.api.car.BookingCancellationReason;
import io.carmarket.api.car.BookingCancelled;
import io.carmarket.api.car.BookingReceipt;
import io.carmarket.api.car.BookingStatus;
import io.carmarket.api.car.CancelBooking;
import io.carmarket.api.car.CarBooked;
import io.carmarket.api.car.CarDescription;
import io.carmarket.api.car.CarImage;
import io.carmarket.api.car.CarListed;
import io.carmarket.api.car.DateRange;
import io.carmarket.api.car.FuelType;
import io.carmarket.api.car.ListCar;
import io.carmarket.api.car.Location;
import io.carmarket.api.car.Pricing;
import io.carmarket.api.car.Transmission;
import io.carmarket.api.car.VehicleRegistration;
import io.carmarket.api.car.WithdrawCar;
import io.carmarket.api.car.CarWithdrawn;
import io.carmarket.api.car.CarRelisted;
import io.carmarket.api.identity.Actor;
import io.carmarket.api.identity.Role;
import io.carmarket.api.rejection.CommandRejection;
import org.axonframework.serialization.SerializedObject;
import org.axonframework.serialization.json.JacksonSerializer;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.Currency;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Every message survives Axon's Jackson serializer unchanged, configured as the services configure it, and every
 * event carries its revision so that it can be upcast later.
 */
class MessageSerializationTest {

    private static final Currency EUR = Currency.getInstance("EUR");
    private static final DateRange PERIOD = new DateRange(LocalDate.of(2030, 1, 1), LocalDate.of(2030, 1, 4));

    private final JacksonSerializer serializer = JacksonSerializer.builder()
            .objectMapper(new ObjectMapper().findAndRegisterModules()
                    .disable(SerializationFeature.WRITE_DATES_AS_TIMESTAMPS)
                    .disable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES))
            .build();

    static Stream<Object> events() {
        return Stream.of(
                new CarListed("car-1", "dealer-1", description(), new VehicleRegistration("VIN", "B-1"),
                        new Location("Berlin", 52.5, 13.4, ZoneId.of("Europe/Berlin")),
                        List.of(new CarImage("https://img/1.jpg", true)),
                        new Pricing(new BigDecimal("49.50"), null, EUR), 30, Instant.parse("2030-01-01T10:00:00Z")),
                new CarBooked("car-1", "b-1", "customer-1", PERIOD, BookingStatus.CONFIRMED, new BigDecimal("148.50"),
                        EUR, "late arrival", null),
                new BookingCancelled("car-1", "b-1", PERIOD, BookingCancellationReason.ON_REQUEST, null),
                new CarWithdrawn("car-1"),
                new CarRelisted("car-1"));
    }

    static Stream<Object> otherMessages() {
        return Stream.of(
                new ListCar("car-1", "dealer-1", description(), new VehicleRegistration("VIN", "B-1"),
                        new Location("Berlin", null, null, ZoneId.of("UTC")), List.of(),
                        new Pricing(null, new BigDecimal("25000.00"), EUR), 30),
                new BookCar("car-1", "b-1", "customer-1", PERIOD, null),
                new CancelBooking("car-1", "b-1", new Actor("customer-1", Role.CUSTOMER), "plans changed"),
                new WithdrawCar("car-1", new Actor("dealer-1", Role.DEALER)),
                new BookingReceipt("b-1", BookingStatus.CONFIRMED, new BigDecimal("148.50"), EUR),
                new CommandRejection(CommandRejection.Kind.CONFLICT, "BOOKING_OVERLAP", "overlap",
                        Map.of("conflictingStartDate", "2030-01-01")));
    }

    @ParameterizedTest
    @MethodSource("events")
    void events_round_trip_and_carry_revision_1(Object event) {
        SerializedObject<byte[]> serialized = serializer.serialize(event, byte[].class);

        assertThat(serialized.getType().getRevision()).isEqualTo("1");
        assertThat((Object) serializer.deserialize(serialized)).isEqualTo(event);
    }

    @ParameterizedTest
    @MethodSource("otherMessages")
    void commands_results_and_rejections_round_trip(Object message) {
        SerializedObject<byte[]> serialized = serializer.serialize(message, byte[].class);

        assertThat((Object) serializer.deserialize(serialized)).isEqualTo(message);
    }

    private static CarDescription description() {
        return new CarDescription("Volkswagen", "Golf", "1.5 TSI", 2022, BodyType.HATCHBACK, Transmission.MANUAL,
                FuelType.PETROL, 24_000, "blue", 5, List.of("navigation"), "Well kept");
    }
}
