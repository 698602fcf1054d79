package io.carmarket.query.inventory;

import io.carmarket.api.car.BodyType;
import io.carmarket.api.car.BookingCancellationReason;
import io.carmarket.api.car.CarDescription;
import io.carmarket.api.car.CarListed;
import io.carmarket.api.car.CarSold;
import io.carmarket.api.car.CarStatus;
import io.carmarket.api.car.CarWithdrawn;
import io.carmarket.api.car.FuelType;
import io.carmarket.api.car.Location;
import io.carmarket.api.car.Pricing;
import io.carmarket.api.car.Transmission;
import io.carmarket.api.car.VehicleRegistration;
import io.carmarket.api.identity.Actor;
import io.carmarket.api.identity.Role;
import io.carmarket.api.inventory.DealerCarDetails;
import io.carmarket.api.inventory.DealerCarPage;
import io.carmarket.api.inventory.DealerCarQuery;
import io.carmarket.api.inventory.DealerCarSortField;
import io.carmarket.api.inventory.DealerCarView;
import io.carmarket.api.inventory.DealerCarsQuery;
import io.carmarket.api.search.SortDirection;
import io.carmarket.query.EmbeddedMongo;
import io.carmarket.query.booking.BookingEntry;
import io.carmarket.query.booking.BookingProjection;
import io.carmarket.query.booking.BookingQueryHandler;
import io.carmarket.query.reservation.PurchaseReservationEntry;
import io.carmarket.query.reservation.PurchaseReservationProjection;
import io.carmarket.query.reservation.PurchaseReservationQueryHandler;
import org.axonframework.eventhandling.AnnotationEventHandlerAdapter;
import org.axonframework.eventhandling.GenericDomainEventMessage;
import org.axonframework.messaging.MetaData;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.query.Query;

import java.math.BigDecimal;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;

import static io.carmarket.query.common.TestEvents.EUR;
import static io.carmarket.query.common.TestEvents.T0;
import static io.carmarket.query.common.TestEvents.at;
import static io.carmarket.query.common.TestEvents.booked;
import static io.carmarket.query.common.TestEvents.bookedPending;
import static io.carmarket.query.common.TestEvents.cancelled;
import static io.carmarket.query.common.TestEvents.reserved;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** A dealer's inventory: whose cars, the filters, every order and its cursor, and a car's page, on embedded MongoDB. */
class DealerInventoryQueryHandlerTest {

    private static final Actor DEALER_1 = new Actor("dealer-1", Role.DEALER);
    private static final Actor DEALER_2 = new Actor("dealer-2", Role.DEALER);
    private static final Actor ADMIN = new Actor("admin", Role.ADMIN);
    private static final Actor AUDITOR = new Actor("auditor", Role.AUDITOR);
    private static final Actor CUSTOMER = new Actor("customer-1", Role.CUSTOMER);

    /** 2030-03-02, so that a booking [2030-03-01, 2030-03-04) is still running and one ending 03-02 is over. */
    private static final Clock TODAY = Clock.fixed(Instant.parse("2030-03-02T09:00:00Z"), ZoneOffset.UTC);

    @RegisterExtension
    static final EmbeddedMongo mongo = new EmbeddedMongo();

    private DealerInventoryProjection inventory;
    private BookingProjection bookingProjection;
    private PurchaseReservationProjection reservationProjection;
    private DealerInventoryQueryHandler queries;

    /**
     * dealer-1 lists, one minute apart: c1 Volkswagen Golf (49.50/day, for sale 25000), c2 Audi A4 (rental only,
     * 80.00/day), c3 BMW 320d (sale only, 31000), c4 volkswagen Polo (rental 39.00, later withdrawn), c5 Škoda Octavia
     * (sale 18000, later reserved), c6 Audi Q8 e-tron (sale 90000, later sold). dealer-2 lists c7 Volkswagen Golf.
     */
    @BeforeEach
    void inventories() {
        MongoTemplate mongoTemplate = mongo.template();
        mongoTemplate.remove(new Query(), DealerCarEntry.class);
        mongoTemplate.remove(new Query(), BookingEntry.class);
        mongoTemplate.remove(new Query(), BookingProjection.CARS_COLLECTION);
        mongoTemplate.remove(new Query(), PurchaseReservationEntry.class);
        mongoTemplate.remove(new Query(), PurchaseReservationProjection.CARS_COLLECTION);
        inventory = new DealerInventoryProjection(mongoTemplate);
        bookingProjection = new BookingProjection(mongoTemplate);
        reservationProjection = new PurchaseReservationProjection(mongoTemplate);
        queries = new DealerInventoryQueryHandler(mongoTemplate, new BookingQueryHandler(mongoTemplate),
                new PurchaseReservationQueryHandler(mongoTemplate), TODAY);

        list("c1", "dealer-1", 1, "Volkswagen", "Golf", "1.5 TSI", "WVWZZZ1KZAW123456", "B-VW 101", "49.50", "25000");
        list("c2", "dealer-1", 2, "Audi", "A4", "Avant", "WAUZZZ8K9BA000002", "M-AU 202", "80.00", null);
        list("c3", "dealer-1", 3, "BMW", "320d", "Touring", "WBA3A5C50DF000003", "HH-BM 303", null, "31000");
        list("c4", "dealer-1", 4, "volkswagen", "Polo", "Life", "WVWZZZ6RZCY000004", "B-VW 404", "39.00", null);
        list("c5", "dealer-1", 5, "Škoda", "Octavia", "Combi", "TMBJJ7NE0J0000005", "K-SK 505", null, "18000");
        list("c6", "dealer-1", 6, "Audi", "Q8", "e-tron", "WAUZZZGE0NB000006", "S-AU 606", null, "90000");
        list("c7", "dealer-2", 7, "Volkswagen", "Golf", "GTI", "WVWZZZ1KZAW000007", "D-VW 707", "55.00", "30000");
        inventory.on(new CarWithdrawn("c4"), 1, at(10));
        inventory.on(reserved("c5", "r-5", "customer-1"), 1, at(11));
        inventory.on(reserved("c6", "r-6", "customer-2"), 1, at(12));
        inventory.on(new CarSold("c6", "customer-2", "r-6", new BigDecimal("88000"), EUR), 2, at(13));
    }

    @Test
    void a_dealer_sees_every_own_car_in_every_state_newest_listing_first_and_no_other_dealers_car() {
        DealerCarPage page = queries.cars(all("dealer-1"));

        assertThat(ids(page)).containsExactly("c6", "c5", "c4", "c3", "c2", "c1");
        assertThat(page.items()).extracting(DealerCarView::status).containsExactly(CarStatus.SOLD,
                CarStatus.RESERVED, CarStatus.WITHDRAWN, CarStatus.LISTED, CarStatus.LISTED, CarStatus.LISTED);
        assertThat(page.nextCursor()).isNull();
        DealerCarView golf = page.items().get(5);
        assertThat(golf.vin()).isEqualTo("WVWZZZ1KZAW123456");
        assertThat(golf.licensePlate()).isEqualTo("B-VW 101");
        assertThat(ids(queries.cars(all("dealer-2")))).containsExactly("c7");
        assertThat(ids(queries.cars(all("dealer-unknown")))).isEmpty();
    }

    @Test
    void status_filter_takes_one_or_several_states() {
        assertThat(ids(queries.cars(filtered(List.of(CarStatus.LISTED), null, null))))
                .containsExactly("c3", "c2", "c1");
        assertThat(ids(queries.cars(filtered(List.of(CarStatus.WITHDRAWN, CarStatus.SOLD), null, null))))
                .containsExactly("c6", "c4");
    }

    @Test
    void make_filter_is_exact_and_case_and_accent_insensitive() {
        assertThat(ids(queries.cars(filtered(List.of(), "VOLKSWAGEN", null)))).containsExactly("c4", "c1");
        assertThat(ids(queries.cars(filtered(List.of(), "skoda", null)))).containsExactly("c5");
        assertThat(ids(queries.cars(filtered(List.of(), "Volks", null)))).as("not a prefix").isEmpty();
    }

    @Test
    void text_matches_word_starts_of_make_model_variant_vin_and_plate() {
        assertThat(ids(queries.cars(filtered(List.of(), null, "golf tsi")))).containsExactly("c1");
        assertThat(ids(queries.cars(filtered(List.of(), null, "e-tron")))).containsExactly("c6");
        assertThat(ids(queries.cars(filtered(List.of(), null, "WAUZZZ")))).containsExactly("c6", "c2");
        assertThat(ids(queries.cars(filtered(List.of(), null, "123456")))).as("the VIN's last six").containsExactly("c1");
        assertThat(ids(queries.cars(filtered(List.of(), null, "B-VW")))).containsExactly("c4", "c1");
        assertThat(ids(queries.cars(filtered(List.of(), null, "bvw 404")))).containsExactly("c4");
        assertThat(ids(queries.cars(filtered(List.of(), null, "gti")))).as("dealer-2's car").isEmpty();
        assertThat(ids(queries.cars(filtered(List.of(CarStatus.LISTED), "audi", "avant")))).containsExactly("c2");
    }

    @ParameterizedTest(name = "{0},{1}")
    @CsvSource({
            "LISTED_AT, DESC, c6 c5 c4 c3 c2 c1",
            "LISTED_AT, ASC, c1 c2 c3 c4 c5 c6",
            "MAKE, ASC, c2 c6 c3 c5 c1 c4",
            "MAKE, DESC, c4 c1 c5 c3 c6 c2",
            "DAILY_RATE, ASC, c4 c1 c2 c3 c5 c6",
            "DAILY_RATE, DESC, c2 c1 c4 c6 c5 c3",
            "ASKING_PRICE, ASC, c5 c1 c3 c6 c2 c4",
            "ASKING_PRICE, DESC, c6 c3 c1 c5 c4 c2"})
    void every_order_is_total_and_a_cursor_walk_visits_every_car_exactly_once(DealerCarSortField sort,
                                                                           SortDirection direction,
                                                                           String expected) {
        List<String> whole = ids(queries.cars(new DealerCarsQuery("dealer-1", List.of(), null, null, sort, direction,
                null, 100)));
        assertThat(whole).containsExactly(expected.split(" "));

        for (int limit = 1; limit <= 4; limit++) {
            List<String> walked = new ArrayList<>();
            String cursor = null;
            int pages = 0;
            do {
                DealerCarPage page = queries.cars(new DealerCarsQuery("dealer-1", List.of(), null, null, sort,
                        direction, cursor, limit));
                assertThat(page.items()).hasSizeLessThanOrEqualTo(limit);
                page.items().forEach(car -> walked.add(car.carId()));
                cursor = page.nextCursor();
                pages++;
            } while (cursor != null && pages < 20);
            assertThat(walked).as("pages of " + limit).containsExactlyElementsOf(whole);
        }
    }

    @Test
    void a_cursor_of_another_order_or_not_made_here_is_refused() {
        DealerCarPage first = queries.cars(new DealerCarsQuery("dealer-1", List.of(), null, null,
                DealerCarSortField.LISTED_AT, SortDirection.DESC, null, 2));

        assertThatThrownBy(() -> DealerCarOrdering.of(DealerCarSortField.MAKE, SortDirection.ASC)
                .check(first.nextCursor())).isInstanceOf(DealerCarOrdering.InvalidCursorException.class);
        assertThatThrownBy(() -> DealerCarOrdering.of(DealerCarSortField.LISTED_AT, SortDirection.DESC)
                .check("not-a-cursor")).isInstanceOf(DealerCarOrdering.InvalidCursorException.class);
        assertThatThrownBy(() -> DealerCarOrdering.of(DealerCarSortField.LISTED_AT, SortDirection.DESC)
                .check("%%%")).isInstanceOf(DealerCarOrdering.InvalidCursorException.class);
    }

    @Test
    void a_car_page_shows_its_live_bookings_that_have_not_ended_soonest_first() {
        deliver(bookingProjection, "c1", 0, listedEvent("c1", "dealer-1", 1, "Volkswagen", "Golf", "1.5 TSI", "V1",
                "P1", "49.50", "25000"), T0);
        deliver(bookingProjection, "c1", 1, booked("c1", "b-later", "customer-1", 10, 12), at(20));
        deliver(bookingProjection, "c1", 2, bookedPending("c1", "b-running", "customer-2", 0, 3, at(90)), at(21));
        deliver(bookingProjection, "c1", 3, booked("c1", "b-cancelled", "customer-3", 5, 6), at(22));
        deliver(bookingProjection, "c1", 4, cancelled("c1", "b-cancelled", BookingCancellationReason.ON_REQUEST,
                null), at(23));
        deliver(bookingProjection, "c1", 5, booked("c1", "b-over", "customer-3", -3, 1), at(24));

        DealerCarDetails details = queries.car(new DealerCarQuery(DEALER_1, "c1")).orElseThrow();

        assertThat(details.car().vin()).isEqualTo("WVWZZZ1KZAW123456");
        assertThat(details.liveBookings()).extracting(booking -> booking.bookingId())
                .containsExactly("b-running", "b-later");
        assertThat(details.purchaseReservation()).isNull();
    }

    @Test
    void a_car_page_shows_its_live_purchase_reservation_or_the_completed_one_of_a_sold_car() {
        deliver(reservationProjection, "c5", 0, listedEvent("c5", "dealer-1", 5, "Škoda", "Octavia", "Combi", "V5",
                "P5", null, "18000"), T0);
        deliver(reservationProjection, "c5", 1, reserved("c5", "r-5", "customer-1"), at(11));

        DealerCarDetails details = queries.car(new DealerCarQuery(DEALER_1, "c5")).orElseThrow();

        assertThat(details.car().status()).isEqualTo(CarStatus.RESERVED);
        assertThat(details.car().reservationId()).isEqualTo("r-5");
        assertThat(details.purchaseReservation().reservationId()).isEqualTo("r-5");
        assertThat(details.purchaseReservation().customerId()).isEqualTo("customer-1");
    }

    @Test
    void another_dealers_car_is_not_found_while_admins_and_auditors_see_every_car() {
        assertThat(queries.car(new DealerCarQuery(DEALER_2, "c1"))).isEmpty();
        assertThat(queries.car(new DealerCarQuery(CUSTOMER, "c1"))).isEmpty();
        assertThat(queries.car(new DealerCarQuery(DEALER_1, "c-unknown"))).isEmpty();
        assertThat(queries.car(new DealerCarQuery(ADMIN, "c1"))).isPresent();
        assertThat(queries.car(new DealerCarQuery(AUDITOR, "c7"))).isPresent();
        assertThat(queries.car(new DealerCarQuery(DEALER_2, "c7"))).isPresent();
    }

    /** Delivers an event to another feature's projection as its processor would. */
    private static void deliver(Object projection, String carId, long sequenceNumber, Object payload, Instant at) {
        try {
            new AnnotationEventHandlerAdapter(projection).handle(new GenericDomainEventMessage<>("Car", carId,
                    sequenceNumber, payload, MetaData.emptyInstance(), java.util.UUID.randomUUID().toString(), at));
        } catch (Exception failure) {
            throw new IllegalStateException(failure);
        }
    }

    private static DealerCarsQuery all(String dealerId) {
        return new DealerCarsQuery(dealerId, List.of(), null, null, null, null, null, 100);
    }

    private static DealerCarsQuery filtered(List<CarStatus> statuses, String make, String q) {
        return new DealerCarsQuery("dealer-1", statuses, make, q, null, null, null, 100);
    }

    private static List<String> ids(DealerCarPage page) {
        return page.items().stream().map(DealerCarView::carId).toList();
    }

    private void list(String carId, String dealerId, int minute, String make, String model, String variant,
                      String vin, String plate, String dailyRate, String askingPrice) {
        inventory.on(listedEvent(carId, dealerId, minute, make, model, variant, vin, plate, dailyRate, askingPrice),
                0);
    }

    private static CarListed listedEvent(String carId, String dealerId, int minute, String make, String model,
                                         String variant, String vin, String plate, String dailyRate,
                                         String askingPrice) {
        return new CarListed(carId, dealerId,
                new CarDescription(make, model, variant, 2021, BodyType.SEDAN, Transmission.AUTOMATIC,
                        FuelType.PETROL, 20_000, "Grey", 5, List.of(), "A car"),
                new VehicleRegistration(vin, plate),
                new Location("Berlin", null, null, ZoneId.of("Europe/Berlin")), List.of(),
                new Pricing(dailyRate == null ? null : new BigDecimal(dailyRate),
                        askingPrice == null ? null : new BigDecimal(askingPrice), EUR),
                30, T0.plusSeconds(60L * minute));
    }
}
