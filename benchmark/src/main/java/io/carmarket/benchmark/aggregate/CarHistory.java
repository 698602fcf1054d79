package io.carmarket.benchmark.aggregate;

import io.carmarket.api.car.BodyType;
import io.carmarket.api.car.BookingStatus;
import io.carmarket.api.car.CarBooked;
import io.carmarket.api.car.CarDescription;
import io.carmarket.api.car.CarImage;
import io.carmarket.api.car.CarListed;
import io.carmarket.api.car.DateRange;
import io.carmarket.api.car.FuelType;
import io.carmarket.api.car.Location;
import io.carmarket.api.car.Pricing;
import io.carmarket.api.car.Transmission;
import io.carmarket.api.car.VehicleRegistration;
import io.carmarket.api.audit.MessageMetadata;
import org.axonframework.eventhandling.DomainEventMessage;
import org.axonframework.eventhandling.GenericDomainEventMessage;

import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Currency;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/**
 * The event stream of a car listed long ago and booked {@code bookings} times, every booking already over when
 * the measurement loads it: {@code CarListed}, then one {@code CarBooked} per booking, as the Car aggregate emits
 * them (type {@value #AGGREGATE_TYPE}, sequence numbers from 0, the acting user, role, correlation and causation
 * ids in the metadata, as {@code AuditMetadataConfiguration} puts there).
 * <p>
 * A car cannot hold two live bookings on one night, so 10,000 bookings are 10,000 one-night stays back to back,
 * the last one ending yesterday: a history of about 27 years. Each booking is made {@link #BOOKED_DAYS_AHEAD} days
 * before it starts, at {@link #BOOKING_TIME} UTC, so event times grow with the sequence number and the aggregate,
 * which forgets bookings that have ended (architecture D18), holds about that many bookings at any point.
 * Customer and booking ids depend only on the booking's number, so two cars with this history differ only in their
 * car id, and the state rebuilt from a snapshot can be compared with the state of a full replay.
 */
final class CarHistory {

    static final String AGGREGATE_TYPE = "Car";
    static final int BOOKED_DAYS_AHEAD = 14;
    private static final LocalTime BOOKING_TIME = LocalTime.of(10, 0);
    private static final Duration LISTED_BEFORE_FIRST_BOOKING = Duration.ofDays(1);
    private static final int CUSTOMERS = 500;
    private static final int MAX_BOOKING_DAYS = 30;
    private static final ZoneId CAR_ZONE = ZoneId.of("Europe/Berlin");
    private static final Currency EURO = Currency.getInstance("EUR");
    private static final BigDecimal DAILY_RATE = new BigDecimal("45.00");
    private static final String DEALER_ID = uuid("dealer");

    private final int bookings;
    private final LocalDate firstNight;

    /** A history whose last booking ends on the day before {@code today}. */
    CarHistory(int bookings, LocalDate today) {
        this.bookings = bookings;
        this.firstNight = today.minusDays(bookings + 1L);
    }

    /** Events of the whole history: 1 + bookings. */
    int size() {
        return bookings + 1;
    }

    /** The events with sequence numbers {@code from} (inclusive) to {@code to} (exclusive) of car {@code carId}. */
    List<DomainEventMessage<?>> events(String carId, int from, int to) {
        List<DomainEventMessage<?>> events = new ArrayList<>(to - from);
        for (int sequence = from; sequence < to; sequence++) {
            events.add(sequence == 0 ? listed(carId) : booked(carId, sequence - 1));
        }
        return events;
    }

    private DomainEventMessage<?> listed(String carId) {
        Instant listedAt = bookedAt(0).minus(LISTED_BEFORE_FIRST_BOOKING);
        CarListed listed = new CarListed(carId, DEALER_ID,
                new CarDescription("Volkswagen", "Golf", "1.5 TSI Life", 2022, BodyType.HATCHBACK,
                        Transmission.MANUAL, FuelType.PETROL, 18_500, "Moonstone Grey", 5,
                        List.of("navigation", "heated seats", "parking sensors"),
                        "Well kept, non-smoker, full service history."),
                new VehicleRegistration("WVWZZZCDZNW000001", "B-CM 1001"),
                new Location("Berlin", 52.5200, 13.4050, CAR_ZONE),
                List.of(new CarImage("https://images.carmarket.example/cars/golf-1001/front.jpg", true)),
                new Pricing(DAILY_RATE, null, EURO), MAX_BOOKING_DAYS, listedAt);
        return message(carId, 0, listed, DEALER_ID, "DEALER", listedAt);
    }

    private DomainEventMessage<?> booked(String carId, int booking) {
        LocalDate night = firstNight.plusDays(booking);
        String customerId = uuid("customer-" + booking % CUSTOMERS);
        CarBooked booked = new CarBooked(carId, uuid("booking-" + booking), customerId,
                new DateRange(night, night.plusDays(1)), BookingStatus.CONFIRMED, DAILY_RATE, EURO, null, null);
        return message(carId, booking + 1L, booked, customerId, "CUSTOMER", bookedAt(booking));
    }

    private Instant bookedAt(int booking) {
        return firstNight.plusDays(booking).minusDays(BOOKED_DAYS_AHEAD).atTime(BOOKING_TIME)
                .toInstant(ZoneOffset.UTC);
    }

    private static DomainEventMessage<?> message(String carId, long sequence, Object payload, String userId,
                                                 String role, Instant timestamp) {
        String commandId = UUID.randomUUID().toString();
        Map<String, Object> metadata = Map.of(
                MessageMetadata.USER_ID, userId,
                MessageMetadata.USER_ROLE, role,
                MessageMetadata.CORRELATION_ID, UUID.randomUUID().toString(),
                MessageMetadata.CAUSATION_ID, commandId);
        return new GenericDomainEventMessage<>(AGGREGATE_TYPE, carId, sequence, payload, metadata,
                UUID.randomUUID().toString(), timestamp);
    }

    private static String uuid(String name) {
        return UUID.nameUUIDFromBytes(name.getBytes(StandardCharsets.UTF_8)).toString();
    }
}
