package io.carmarket.command.car;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.MapperFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.json.JsonMapper;
import io.carmarket.api.car.ApproveBooking;
import io.carmarket.api.car.BookCar;
import io.carmarket.api.car.BookingApproved;
import io.carmarket.api.car.BookingCancellationReason;
import io.carmarket.api.car.BookingCancelled;
import io.carmarket.api.car.BookingStatus;
import io.carmarket.api.car.CarBooked;
import io.carmarket.api.car.CarFeatureChanged;
import io.carmarket.api.car.CarListed;
import io.carmarket.api.car.CarListingChanged;
import io.carmarket.api.car.CarSold;
import io.carmarket.api.car.ChangeListing;
import io.carmarket.api.car.DateRange;
import io.carmarket.api.car.ExpireBookingApproval;
import io.carmarket.api.car.FeatureCar;
import io.carmarket.api.car.ListingChanges;
import io.carmarket.api.car.Location;
import io.carmarket.api.car.PeakWindow;
import io.carmarket.api.car.PeakWindowsDefined;
import io.carmarket.api.car.Pricing;
import io.carmarket.api.car.purchase.CompletePurchase;
import io.carmarket.api.car.purchase.ConfirmPurchaseReservation;
import io.carmarket.api.car.purchase.ExpirePurchaseReservation;
import io.carmarket.api.car.purchase.Financing;
import io.carmarket.api.car.purchase.InspectionScheduled;
import io.carmarket.api.car.purchase.PaymentMethod;
import io.carmarket.api.car.purchase.PurchaseCompleted;
import io.carmarket.api.car.purchase.PurchaseReservationCancelled;
import io.carmarket.api.car.purchase.PurchaseReservationConfirmed;
import io.carmarket.api.car.purchase.PurchaseReserved;
import io.carmarket.api.car.purchase.ReservePurchase;
import io.carmarket.api.identity.Actor;
import io.carmarket.api.identity.Role;

import org.axonframework.common.IdentifierFactory;
import org.axonframework.eventhandling.DomainEventMessage;
import org.axonframework.eventhandling.GenericDomainEventMessage;
import org.axonframework.eventsourcing.AggregateFactory;
import org.axonframework.eventsourcing.AggregateSnapshotter;
import org.axonframework.eventsourcing.GenericAggregateFactory;
import org.axonframework.eventsourcing.eventstore.EmbeddedEventStore;
import org.axonframework.eventsourcing.eventstore.inmemory.InMemoryEventStorageEngine;
import org.axonframework.messaging.MetaData;
import org.axonframework.serialization.SerializedObject;
import org.axonframework.serialization.json.JacksonSerializer;
import org.axonframework.test.aggregate.AggregateTestFixture;
import org.axonframework.test.aggregate.TestExecutor;
import org.hamcrest.Matcher;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

import java.io.IOException;
import java.lang.reflect.Field;
import java.lang.reflect.Modifier;
import java.math.BigDecimal;
import java.time.DayOfWeek;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Currency;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;

import static io.carmarket.api.rejection.CommandRejection.Kind.CONFLICT;
import static io.carmarket.api.rejection.CommandRejection.Kind.FORBIDDEN;
import static io.carmarket.api.rejection.CommandRejection.Kind.INVALID;
import static io.carmarket.command.common.RuleViolationMatchers.rejectedAs;
import static org.assertj.core.api.Assertions.assertThat;
import static org.axonframework.test.matchers.Matchers.payloadsMatching;
import static org.hamcrest.Matchers.containsInAnyOrder;
import static org.hamcrest.Matchers.equalTo;

/**
 * A {@link Car} survives being snapshotted: taken by Axon's {@link AggregateSnapshotter} from the car's events,
 * written and read by Axon's {@link JacksonSerializer} with an ObjectMapper configured as the services' Spring Boot
 * one is, it decides every command exactly as the car rebuilt from all its events does.
 * <p>
 * How: the snapshot is taken by a real AggregateSnapshotter from an embedded event store. Its in-memory storage
 * engine keeps the snapshot as an object, where a JDBC engine or Axon Server would store it serialized, so this test
 * serializes it with the JacksonSerializer itself. The behaviour tests then run every command twice in the
 * fixture, once on the car rebuilt from its {@link #HISTORY} and once on the car loaded from its snapshot: the
 * snapshot is the first given event, as in a real event stream, and {@link SnapshotReadingAggregateFactory} reads
 * it back from its JSON on every load, as an event store does; events after the snapshot are applied on top. The
 * fixture's own check against illegal state changes compares the two loads field by field as well.
 * <p>
 * The car: car-1 of dealer-1 in Auckland, NZD 85.00 a day (changed from 80.00), at most 14 days (changed from 30),
 * for sale at NZD 25000.00, featured, peak on Saturdays and 1-15 July; booking b-1 (15-18 June) confirmed, b-2
 * (Saturday 20 June) awaiting approval, b-3 (22-24 June) cancelled, b-0 (May) long ended; purchase reservation r-2
 * cancelled, r-3 live and pending with a handover on 27 June. The clock is frozen at 2026-06-10T20:00Z, which is
 * already 08:00 on Thursday 11 June in Auckland.
 */
class CarSnapshotTest {

    private static final Instant NOW = Instant.parse("2026-06-10T20:00:00Z");
    private static final String CAR_ID = "car-1";
    private static final Currency NZD = Currency.getInstance("NZD");
    private static final ZoneId AUCKLAND = ZoneId.of("Pacific/Auckland");

    private static final Actor DEALER = new Actor("dealer-1", Role.DEALER);
    private static final Actor OTHER_DEALER = new Actor("dealer-2", Role.DEALER);
    private static final Actor ADMIN = new Actor("admin-1", Role.ADMIN);
    private static final Actor BUYER = new Actor("customer-5", Role.CUSTOMER);
    private static final Actor OTHER_CUSTOMER = new Actor("customer-9", Role.CUSTOMER);

    private static final DateRange B1 = new DateRange(june(15), june(18));
    private static final DateRange B2 = new DateRange(june(20), june(21));
    private static final DateRange B3 = new DateRange(june(22), june(24));
    private static final LocalDate HANDOVER = june(27);
    private static final Instant APPROVAL_DEADLINE = NOW.plus(Duration.ofHours(48));
    private static final Instant RESERVATION_EXPIRY = NOW.plus(Duration.ofDays(7));
    private static final BigDecimal R3_TOTAL = new BigDecimal("21000.00");

    private static final List<Object> HISTORY = List.of(
            new CarListed(CAR_ID, DEALER.userId(), null, null, new Location("Auckland", -36.85, 174.76, AUCKLAND),
                    List.of(), new Pricing(new BigDecimal("80.00"), new BigDecimal("25000.00"), NZD), 30, NOW),
            new CarFeatureChanged(CAR_ID, true),
            new PeakWindowsDefined(CAR_ID, List.of(new PeakWindow(List.of(DayOfWeek.SATURDAY), null, null),
                    new PeakWindow(List.of(), july(1), july(15)))),
            new CarBooked(CAR_ID, "b-0", "customer-0", new DateRange(LocalDate.of(2026, 5, 20),
                    LocalDate.of(2026, 5, 25)), BookingStatus.CONFIRMED, new BigDecimal("400.00"), NZD, null, null),
            new CarBooked(CAR_ID, "b-1", "customer-1", B1, BookingStatus.CONFIRMED, new BigDecimal("240.00"), NZD,
                    "late pick-up", null),
            new CarBooked(CAR_ID, "b-2", "customer-2", B2, BookingStatus.PENDING_APPROVAL, new BigDecimal("80.00"),
                    NZD, null, APPROVAL_DEADLINE),
            new CarBooked(CAR_ID, "b-3", "customer-3", B3, BookingStatus.CONFIRMED, new BigDecimal("160.00"), NZD,
                    null, null),
            new BookingCancelled(CAR_ID, "b-3", B3, BookingCancellationReason.ON_REQUEST, null),
            new PurchaseReserved(CAR_ID, "r-2", "ORD-2026-000002", "customer-4", PaymentMethod.FULL_PAYMENT, null,
                    null, new BigDecimal("25000.00"), new BigDecimal("25000.00"), null, NZD, june(25),
                    RESERVATION_EXPIRY),
            new PurchaseReservationCancelled(CAR_ID, "r-2", "customer-4", "changed mind"),
            new PurchaseReserved(CAR_ID, "r-3", "ORD-2026-000003", BUYER.userId(), PaymentMethod.FINANCE,
                    new Financing(new BigDecimal("6000.00"), 36), null, new BigDecimal("21000.00"), R3_TOTAL,
                    new BigDecimal("15000.00"), NZD, HANDOVER, RESERVATION_EXPIRY),
            new CarListingChanged(CAR_ID, new ListingChanges(null, null, null, null, null, null, null, null, null,
                    null, null, null, null, null, new BigDecimal("85.00"), null, 14)));

    /**
     * The ObjectMapper of the services: Spring Boot's defaults (modules found on the class path, ISO dates, unknown
     * properties ignored, no default view inclusion) plus {@code spring.jackson.default-property-inclusion:
     * non_null} from command-service's application.yml. Axon's auto-configuration hands the context's ObjectMapper
     * to its JacksonSerializer ({@code axon.serializer.general: jackson}), which also writes snapshots.
     */
    private static final ObjectMapper OBJECT_MAPPER = JsonMapper.builder()
            .findAndAddModules()
            .disable(SerializationFeature.WRITE_DATES_AS_TIMESTAMPS)
            .disable(SerializationFeature.WRITE_DURATIONS_AS_TIMESTAMPS)
            .disable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
            .disable(MapperFeature.DEFAULT_VIEW_INCLUSION)
            .serializationInclusion(JsonInclude.Include.NON_NULL)
            .build();
    private static final JacksonSerializer SERIALIZER = JacksonSerializer.builder().objectMapper(OBJECT_MAPPER).build();

    /** Where the car under test comes from. */
    enum LoadedFrom { EVENTS, SNAPSHOT }

    private AggregateTestFixture<Car> fixture;

    @BeforeEach
    void setUp() {
        fixture = CarFixtures.at(NOW);
        fixture.registerAggregateFactory(new SnapshotReadingAggregateFactory());
    }


    // ---------------------------------------------------------------------------------------------------------
    // The snapshot's JSON
    // ---------------------------------------------------------------------------------------------------------

    @Test
    void the_car_read_back_from_its_snapshot_equals_the_car_rebuilt_from_its_events_field_by_field() {
        Car original = takeSnapshot();

        Car restored = SERIALIZER.deserialize(SERIALIZER.serialize(original, byte[].class));

        assertThat(restored).usingRecursiveComparison().isEqualTo(original);
    }

    @Test
    void the_car_read_back_from_its_snapshot_writes_the_same_json_again() throws IOException {
        SerializedObject<byte[]> first = SERIALIZER.serialize(takeSnapshot(), byte[].class);

        SerializedObject<byte[]> second = SERIALIZER.serialize(SERIALIZER.deserialize(first), byte[].class);

        assertThat(OBJECT_MAPPER.readTree(second.getData())).isEqualTo(OBJECT_MAPPER.readTree(first.getData()));
    }

    @Test
    void the_snapshot_json_holds_every_field_of_the_car() throws IOException {
        Set<String> fields = Arrays.stream(Car.class.getDeclaredFields())
                .filter(field -> !Modifier.isStatic(field.getModifiers()) && !field.isSynthetic())
                .map(Field::getName)
                .collect(Collectors.toSet());

        JsonNode json = snapshotJson();

        assertThat(fields).isNotEmpty();
        assertThat(json.fieldNames()).toIterable().containsExactlyInAnyOrderElementsOf(fields);
    }

    @Test
    void the_snapshot_json_holds_the_bookings_that_have_not_ended_with_their_status() throws IOException {
        JsonNode bookings = snapshotJson().get("bookings");

        assertThat(bookings.get("b-1").get("status").asText()).isEqualTo("CONFIRMED");
        assertThat(bookings.get("b-1").get("period").get("startDate").asText()).isEqualTo("2026-06-15");
        assertThat(bookings.get("b-2").get("status").asText()).isEqualTo("PENDING_APPROVAL");
        assertThat(bookings.get("b-2").get("approvalDeadline").asText()).isEqualTo("2026-06-12T20:00:00Z");
        assertThat(bookings.get("b-3").get("status").asText()).isEqualTo("CANCELLED");
    }

    @Test
    void the_snapshot_json_leaves_out_the_bookings_that_had_ended_when_it_was_taken() throws IOException {
        assertThat(snapshotJson().get("bookings").fieldNames()).toIterable()
                .containsExactlyInAnyOrder("b-1", "b-2", "b-3");
    }

    @Test
    void the_snapshot_json_holds_the_peak_windows() throws IOException {
        JsonNode windows = snapshotJson().get("peakWindows");

        assertThat(windows).hasSize(2);
        assertThat(windows.get(0).get("weekdays").get(0).asText()).isEqualTo("SATURDAY");
        assertThat(windows.get(1).get("from").asText()).isEqualTo("2026-07-01");
        assertThat(windows.get(1).get("until").asText()).isEqualTo("2026-07-15");
    }

    @Test
    void the_snapshot_json_holds_the_live_reservation_and_the_closed_one() throws IOException {
        JsonNode json = snapshotJson();

        assertThat(json.get("status").asText()).isEqualTo("RESERVED");
        assertThat(json.get("reservation").get("reservationId").asText()).isEqualTo("r-3");
        assertThat(json.get("reservation").get("status").asText()).isEqualTo("PENDING");
        assertThat(json.get("reservation").get("handoverDate").asText()).isEqualTo("2026-06-27");
        assertThat(json.get("closedReservations").get("r-2").get("status").asText()).isEqualTo("CANCELLED");
    }

    // ---------------------------------------------------------------------------------------------------------
    // The same decisions from the snapshot as from the events
    // ---------------------------------------------------------------------------------------------------------

    @ParameterizedTest
    @EnumSource(LoadedFrom.class)
    void a_booking_overlapping_the_confirmed_booking_is_rejected_naming_it(LoadedFrom source) {
        givenTheCar(source)
                .when(book("b-9", june(16), june(17)))
                .expectException(rejectedAs(CONFLICT, "BOOKING_OVERLAP",
                        Map.of("conflictingStartDate", "2026-06-15", "conflictingEndDate", "2026-06-18")))
                .expectNoEvents();
    }

    @ParameterizedTest
    @EnumSource(LoadedFrom.class)
    void a_booking_overlapping_the_booking_awaiting_approval_is_rejected_naming_it(LoadedFrom source) {
        givenTheCar(source)
                .when(book("b-9", june(19), june(21)))
                .expectException(rejectedAs(CONFLICT, "BOOKING_OVERLAP",
                        Map.of("conflictingStartDate", "2026-06-20", "conflictingEndDate", "2026-06-21")))
                .expectNoEvents();
    }

    @ParameterizedTest
    @EnumSource(LoadedFrom.class)
    void a_booking_on_the_dates_of_the_cancelled_booking_is_confirmed_at_the_changed_daily_rate(LoadedFrom source) {
        givenTheCar(source)
                .when(book("b-9", june(22), june(24)))
                .expectEvents(new CarBooked(CAR_ID, "b-9", OTHER_CUSTOMER.userId(), B3, BookingStatus.CONFIRMED,
                        new BigDecimal("170.00"), NZD, null, null));
    }

    @ParameterizedTest
    @EnumSource(LoadedFrom.class)
    void a_booking_over_a_peak_saturday_awaits_approval_until_48_hours_from_now(LoadedFrom source) {
        DateRange fridayAndSaturday = new DateRange(june(26), june(28));

        givenTheCar(source)
                .when(book("b-9", june(26), june(28)))
                .expectEvents(new CarBooked(CAR_ID, "b-9", OTHER_CUSTOMER.userId(), fridayAndSaturday,
                        BookingStatus.PENDING_APPROVAL, new BigDecimal("170.00"), NZD, null, APPROVAL_DEADLINE));
    }

    @ParameterizedTest
    @EnumSource(LoadedFrom.class)
    void a_booking_starting_after_the_handover_of_the_live_reservation_is_rejected(LoadedFrom source) {
        givenTheCar(source)
                .when(book("b-9", june(28), june(29)))
                .expectException(rejectedAs(CONFLICT, "CAR_RESERVED", Map.of("handoverDate", "2026-06-27")))
                .expectNoEvents();
    }

    @ParameterizedTest
    @EnumSource(LoadedFrom.class)
    void a_booking_starting_on_the_utc_date_is_in_the_past_in_the_cars_zone(LoadedFrom source) {
        givenTheCar(source)
                .when(book("b-9", june(10), june(12)))
                .expectException(rejectedAs(INVALID, "START_DATE_IN_PAST"))
                .expectNoEvents();
    }

    @ParameterizedTest
    @EnumSource(LoadedFrom.class)
    void a_booking_longer_than_the_changed_maximum_is_rejected(LoadedFrom source) {
        givenTheCar(source)
                .when(book("b-9", june(11), june(26)))
                .expectException(rejectedAs(INVALID, "BOOKING_TOO_LONG"))
                .expectNoEvents();
    }

    @ParameterizedTest
    @EnumSource(LoadedFrom.class)
    void a_second_purchase_reservation_is_rejected(LoadedFrom source) {
        givenTheCar(source)
                .when(new ReservePurchase(CAR_ID, "r-9", "ORD-2026-000009", OTHER_CUSTOMER,
                        PaymentMethod.FULL_PAYMENT, null, null, june(30), null))
                .expectException(rejectedAs(CONFLICT, "CAR_ALREADY_RESERVED"))
                .expectNoEvents();
    }

    @ParameterizedTest
    @EnumSource(LoadedFrom.class)
    void the_cancelled_reservation_stays_closed(LoadedFrom source) {
        givenTheCar(source)
                .when(new ConfirmPurchaseReservation(CAR_ID, "r-2", DEALER))
                .expectException(rejectedAs(CONFLICT, "RESERVATION_CLOSED", Map.of("reservationStatus", "CANCELLED")))
                .expectNoEvents();
    }

    @ParameterizedTest
    @EnumSource(LoadedFrom.class)
    void the_dealer_confirms_the_live_reservation_of_its_buyer(LoadedFrom source) {
        givenTheCar(source)
                .when(new ConfirmPurchaseReservation(CAR_ID, "r-3", DEALER))
                .expectEvents(new PurchaseReservationConfirmed(CAR_ID, "r-3", BUYER.userId()));
    }

    @ParameterizedTest
    @EnumSource(LoadedFrom.class)
    void the_live_reservation_is_not_yet_due_to_expire(LoadedFrom source) {
        givenTheCar(source)
                .when(new ExpirePurchaseReservation(CAR_ID, "r-3"))
                .expectException(rejectedAs(CONFLICT, "NOT_DUE"))
                .expectNoEvents();
    }

    @ParameterizedTest
    @EnumSource(LoadedFrom.class)
    void the_dealer_approves_the_booking_awaiting_approval_for_its_customer(LoadedFrom source) {
        givenTheCar(source)
                .when(new ApproveBooking(CAR_ID, "b-2", DEALER))
                .expectEvents(new BookingApproved(CAR_ID, "b-2", "customer-2", B2));
    }

    @ParameterizedTest
    @EnumSource(LoadedFrom.class)
    void the_booking_awaiting_approval_is_not_yet_due_to_expire(LoadedFrom source) {
        givenTheCar(source)
                .when(new ExpireBookingApproval(CAR_ID, "b-2"))
                .expectException(rejectedAs(CONFLICT, "NOT_DUE"))
                .expectNoEvents();
    }

    @ParameterizedTest
    @EnumSource(LoadedFrom.class)
    void another_dealer_may_not_change_the_listing(LoadedFrom source) {
        givenTheCar(source)
                .when(new ChangeListing(CAR_ID, new ListingChanges(null, null, null, null, null, null, null, null,
                        null, null, null, "mine now", null, null, null, null, null), OTHER_DEALER))
                .expectException(rejectedAs(FORBIDDEN, "NOT_CAR_OWNER"))
                .expectNoEvents();
    }

    @ParameterizedTest
    @EnumSource(LoadedFrom.class)
    void an_admin_stops_featuring_the_featured_car(LoadedFrom source) {
        givenTheCar(source)
                .when(new FeatureCar(CAR_ID, false, ADMIN))
                .expectEvents(new CarFeatureChanged(CAR_ID, false));
    }

    @ParameterizedTest
    @EnumSource(LoadedFrom.class)
    void events_after_the_snapshot_are_applied_on_top_of_it(LoadedFrom source) {
        givenTheCar(source, new BookingCancelled(CAR_ID, "b-1", B1, BookingCancellationReason.ON_REQUEST, null))
                .when(book("b-9", june(15), june(18)))
                .expectEvents(new CarBooked(CAR_ID, "b-9", OTHER_CUSTOMER.userId(), B1, BookingStatus.CONFIRMED,
                        new BigDecimal("255.00"), NZD, null, null));
    }

    @ParameterizedTest
    @EnumSource(LoadedFrom.class)
    void completing_the_purchase_sells_the_car_and_cancels_the_live_bookings_after_today(LoadedFrom source) {
        givenTheCar(source,
                new PurchaseReservationConfirmed(CAR_ID, "r-3", BUYER.userId()),
                new InspectionScheduled(CAR_ID, "r-3", BUYER.userId(), june(20)))
                .when(new CompletePurchase(CAR_ID, "r-3", DEALER))
                .expectEventsMatching(payloadsMatching(listOf(containsInAnyOrder(
                        equalTo(new PurchaseCompleted(CAR_ID, "r-3", BUYER.userId(), R3_TOTAL, NZD)),
                        equalTo(new CarSold(CAR_ID, BUYER.userId(), "r-3", R3_TOTAL, NZD)),
                        equalTo(new BookingCancelled(CAR_ID, "b-1", B1, BookingCancellationReason.CAR_SOLD, null)),
                        equalTo(new BookingCancelled(CAR_ID, "b-2", B2, BookingCancellationReason.CAR_SOLD,
                                null)),
                        equalTo(new CarFeatureChanged(CAR_ID, false))))));
    }

    // ---------------------------------------------------------------------------------------------------------
    // Fixtures
    // ---------------------------------------------------------------------------------------------------------

    private static LocalDate june(int day) {
        return LocalDate.of(2026, 6, day);
    }

    private static LocalDate july(int day) {
        return LocalDate.of(2026, 7, day);
    }

    private static BookCar book(String bookingId, LocalDate startDate, LocalDate endDate) {
        return new BookCar(CAR_ID, bookingId, OTHER_CUSTOMER.userId(), new DateRange(startDate, endDate), null);
    }

    /** The car as the source gives it, then the later events. */
    private TestExecutor<Car> givenTheCar(LoadedFrom source, Object... laterEvents) {
        List<Object> given = new ArrayList<>();
        if (source == LoadedFrom.EVENTS) {
            given.addAll(HISTORY);
        } else {
            given.add(new GenericDomainEventMessage<>(Car.class.getSimpleName(), CAR_ID, 0,
                    SERIALIZER.serialize(takeSnapshot(), byte[].class)));
        }
        given.addAll(List.of(laterEvents));
        return fixture.given(given);
    }

    /**
     * The car's snapshot as Axon takes it: the {@link #HISTORY} is stored in an event store and an
     * {@link AggregateSnapshotter} (the one Spring Boot configures) replays it into a Car, which it stores as the
     * payload of a snapshot event.
     */
    private static Car takeSnapshot() {
        InMemoryEventStorageEngine storage = new InMemoryEventStorageEngine();
        EmbeddedEventStore eventStore = EmbeddedEventStore.builder().storageEngine(storage).build();
        try {
            List<DomainEventMessage<?>> events = new ArrayList<>();
            for (int sequence = 0; sequence < HISTORY.size(); sequence++) {
                events.add(new GenericDomainEventMessage<>(Car.class.getSimpleName(), CAR_ID, sequence,
                        HISTORY.get(sequence), MetaData.emptyInstance(),
                        IdentifierFactory.getInstance().generateIdentifier(), NOW));
            }
            eventStore.publish(events);
            AggregateSnapshotter.builder()
                    .eventStore(eventStore)
                    .aggregateFactories(new GenericAggregateFactory<>(Car.class))
                    .build()
                    .scheduleSnapshot(Car.class, CAR_ID);
            DomainEventMessage<?> snapshot = storage.readSnapshot(CAR_ID)
                    .orElseThrow(() -> new AssertionError("The snapshotter took no snapshot of the car"));
            assertThat(snapshot.getSequenceNumber()).isEqualTo(HISTORY.size() - 1L);
            return (Car) snapshot.getPayload();
        } finally {
            eventStore.shutDown();
        }
    }

    private static JsonNode snapshotJson() throws IOException {
        return OBJECT_MAPPER.readTree(SERIALIZER.serialize(takeSnapshot(), byte[].class).getData());
    }

    /** Hamcrest's collection matchers, typed for Axon's {@code payloadsMatching}. */
    @SuppressWarnings({"unchecked", "rawtypes"})
    private static Matcher<List<?>> listOf(Matcher<? extends Iterable<?>> matcher) {
        return (Matcher) matcher;
    }

    /**
     * Loads a car as Axon's repository does when its event stream starts with a snapshot, reading the snapshot from
     * its stored JSON afresh on every load (as an event store does); other streams start with CarListed.
     */
    private static final class SnapshotReadingAggregateFactory implements AggregateFactory<Car> {

        private final AggregateFactory<Car> fromEvents = new GenericAggregateFactory<>(Car.class);

        @Override
        public Car createAggregateRoot(String aggregateIdentifier, DomainEventMessage<?> firstEvent) {
            if (firstEvent.getPayload() instanceof SerializedObject<?> storedSnapshot) {
                return SERIALIZER.deserialize(storedSnapshot);
            }
            return fromEvents.createAggregateRoot(aggregateIdentifier, firstEvent);
        }

        @Override
        public Class<Car> getAggregateType() {
            return Car.class;
        }
    }
}
