package io.carmarket.api;

import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
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
import io.carmarket.api.car.BookingRescheduled;
import io.carmarket.api.car.CarListingChanged;
import io.carmarket.api.car.CarSold;
import io.carmarket.api.car.ListingChanges;
import io.carmarket.api.car.PeakWindow;
import io.carmarket.api.car.PeakWindowsDefined;
import io.carmarket.api.car.purchase.Financing;
import io.carmarket.api.car.purchase.PaymentMethod;
import io.carmarket.api.car.purchase.PurchaseReserved;
import io.carmarket.api.car.purchase.TradeIn;
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

import java.lang.reflect.RecordComponent;
import java.math.BigDecimal;
import java.time.DayOfWeek;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.Currency;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Every message survives Axon's Jackson serializer unchanged, configured as the services configure it, and every
 * event carries its revision so that it can be upcast later.
 */
class MessageSerializationTest {

    private static final Currency EUR = Currency.getInstance("EUR");
    private static final DateRange PERIOD = new DateRange(LocalDate.of(2030, 1, 1), LocalDate.of(2030, 1, 4));

    private final ObjectMapper mapper = new ObjectMapper().findAndRegisterModules()
            .disable(SerializationFeature.WRITE_DATES_AS_TIMESTAMPS)
            .disable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES);
    private final JacksonSerializer serializer = JacksonSerializer.builder().objectMapper(mapper).build();

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
                new CarRelisted("car-1"),
                new CarListingChanged("car-1", new ListingChanges(null, "Golf GTI", null, null, null, null, null,
                        30000, null, null, null, null, null, null, new BigDecimal("79.00"), null, null)),
                new PeakWindowsDefined("car-1", List.of(new PeakWindow(List.of(DayOfWeek.SATURDAY), null, null))),
                new BookingRescheduled("car-1", "b-1", "customer-1", PERIOD, PERIOD, BookingStatus.PENDING_APPROVAL,
                        new BigDecimal("99.00"), EUR, Instant.parse("2030-01-01T00:00:00Z")),
                new PurchaseReserved("car-1", "r-1", "ORD-2030-000001", "customer-1", PaymentMethod.FINANCE,
                        new Financing(new BigDecimal("1000.00"), 24), new TradeIn("Opel", "Corsa", 2015, 120000,
                        new BigDecimal("3000.00")), new BigDecimal("20000.00"), new BigDecimal("17000.00"),
                        new BigDecimal("16000.00"), EUR, LocalDate.of(2030, 2, 1), Instant.parse("2030-01-08T00:00:00Z")),
                new CarSold("car-1", "customer-1", "r-1", new BigDecimal("20000.00"), EUR));
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

    @ParameterizedTest
    @MethodSource({"events", "otherMessages"})
    void the_json_of_a_message_holds_exactly_its_record_components(Object message) throws Exception {
        JsonNode json = mapper.readTree(serializer.serialize(message, byte[].class).getData());

        assertExactlyComponents(message, json);
    }

    /** Helper methods such as {@code isEmpty()} would otherwise become stored properties of every event. */
    private static void assertExactlyComponents(Object value, JsonNode json) throws Exception {
        if (value instanceof Collection<?> items) {
            int index = 0;
            for (Object item : items) {
                assertExactlyComponents(item, json.get(index++));
            }
            return;
        }
        if (value == null || !value.getClass().isRecord()) {
            return;
        }
        Set<String> components = new TreeSet<>();
        for (RecordComponent component : value.getClass().getRecordComponents()) {
            components.add(component.getName());
            assertExactlyComponents(component.getAccessor().invoke(value), json.get(component.getName()));
        }
        Set<String> fields = new TreeSet<>();
        json.fieldNames().forEachRemaining(fields::add);
        assertThat(fields).as("JSON properties of %s", value.getClass().getSimpleName()).isEqualTo(components);
    }

    private static CarDescription description() {
        return new CarDescription("Volkswagen", "Golf", "1.5 TSI", 2022, BodyType.HATCHBACK, Transmission.MANUAL,
                FuelType.PETROL, 24_000, "blue", 5, List.of("navigation"), "Well kept");
    }
}
