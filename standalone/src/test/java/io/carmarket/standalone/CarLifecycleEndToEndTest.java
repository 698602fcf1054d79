package io.carmarket.standalone;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.carmarket.api.car.BookingCancellationReason;
import io.carmarket.api.car.BookingCancelled;
import io.carmarket.api.car.CarSold;
import org.axonframework.eventhandling.DomainEventMessage;
import org.axonframework.eventsourcing.eventstore.EventStore;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpMethod;
import org.springframework.http.ResponseEntity;

import java.time.DayOfWeek;
import java.time.Duration;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import static io.carmarket.standalone.CarMarketClient.items;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/** The command endpoints of a car's life over HTTP: listing changes, approvals, reschedules and the sale. */
@StandaloneSystemTest
class CarLifecycleEndToEndTest {

    private static final Duration PROJECTION_WAIT = Duration.ofSeconds(10);

    @LocalServerPort
    int port;

    @Autowired
    EventStore eventStore;

    private final LocalDate today = LocalDate.now(ZoneId.of("Europe/Berlin"));
    private CarMarketClient anonymous;
    private CarMarketClient dealer;
    private CarMarketClient customer;

    @BeforeEach
    void connect() {
        anonymous = new CarMarketClient(port);
        dealer = anonymous.as(anonymous.newUser("DEALER"));
        customer = anonymous.as(anonymous.newUser("CUSTOMER"));
    }

    @Test
    void a_dealer_changes_details_and_prices_and_the_search_follows() {
        String make = "Patch" + UUID.randomUUID().toString().substring(0, 8);
        String carId = dealer.listCar(anonymous.carListing(make));

        ResponseEntity<JsonNode> changed = dealer.exchange(HttpMethod.PATCH, "/cars/" + carId,
                Map.of("model", "Golf GTI", "dailyRate", "79.00", "mileage", 30000), new HttpHeaders());

        assertThat(changed.getStatusCode().value()).isEqualTo(200);
        await().atMost(PROJECTION_WAIT).untilAsserted(() -> {
            JsonNode item = items(anonymous.search("make=" + make)).get(0);
            assertThat(item.get("model").asText()).isEqualTo("Golf GTI");
            assertThat(item.get("dailyRate").asDouble()).isEqualTo(79.0);
        });
        assertThat(customer.book(carId, today.plusDays(3), today.plusDays(5)).getBody().get("totalPrice").asDouble())
                .as("bookings use the new price").isEqualTo(158.0);
    }

    @Test
    void a_withdrawn_car_leaves_the_market_and_a_relisted_one_comes_back() {
        String make = "Relist" + UUID.randomUUID().toString().substring(0, 8);
        String carId = dealer.listCar(anonymous.carListing(make));

        assertThat(dealer.post("/cars/" + carId + "/withdraw", null).getBody().get("status").asText())
                .isEqualTo("WITHDRAWN");
        assertThat(customer.book(carId, today.plusDays(3), today.plusDays(4)).getBody().get("code").asText())
                .isEqualTo("CAR_NOT_BOOKABLE");
        await().atMost(PROJECTION_WAIT).untilAsserted(() -> assertThat(items(anonymous.search("make=" + make))).isEmpty());

        assertThat(dealer.post("/cars/" + carId + "/relist", null).getBody().get("status").asText())
                .isEqualTo("LISTED");
        await().atMost(PROJECTION_WAIT).untilAsserted(() -> assertThat(items(anonymous.search("make=" + make))).hasSize(1));
        assertThat(customer.book(carId, today.plusDays(3), today.plusDays(4)).getStatusCode().value()).isEqualTo(201);
    }

    @Test
    void a_patch_with_nonsense_is_refused_before_the_aggregate_and_an_empty_one_by_it() {
        String carId = dealer.listCar(anonymous.carListing("PatchBad"));

        ResponseEntity<JsonNode> invalid = dealer.exchange(HttpMethod.PATCH, "/cars/" + carId,
                Map.of("year", 1800, "dailyRate", "-3"), new HttpHeaders());
        assertThat(invalid.getStatusCode().value()).isEqualTo(400);
        assertThat(invalid.getBody().get("errors").has("year")).isTrue();

        ResponseEntity<JsonNode> empty = dealer.exchange(HttpMethod.PATCH, "/cars/" + carId, Map.of(),
                new HttpHeaders());
        assertThat(empty.getStatusCode().value()).isEqualTo(400);
        assertThat(empty.getBody().get("code").asText()).isEqualTo("NO_CHANGES");
    }

    @Test
    void a_booking_on_a_peak_day_waits_for_the_dealer_who_approves_one_and_rejects_another() {
        String carId = dealer.listCar(anonymous.carListing("Peak"));
        assertThat(dealer.exchange(HttpMethod.PUT, "/cars/" + carId + "/peak-windows",
                List.of(Map.of("weekdays", List.of("SATURDAY", "SUNDAY"))), new HttpHeaders())
                .getStatusCode().value()).isEqualTo(200);
        LocalDate saturday = next(DayOfWeek.SATURDAY);

        JsonNode weekend = customer.book(carId, saturday, saturday.plusDays(2)).getBody();
        JsonNode nextWeekend = customer.book(carId, saturday.plusDays(7), saturday.plusDays(9)).getBody();
        JsonNode weekdays = customer.book(carId, saturday.plusDays(2), saturday.plusDays(5)).getBody();

        assertThat(weekend.get("status").asText()).isEqualTo("PENDING_APPROVAL");
        assertThat(weekdays.get("status").asText()).isEqualTo("CONFIRMED");
        assertThat(customer.book(carId, saturday.plusDays(1), saturday.plusDays(2)).getStatusCode().value())
                .as("a pending booking holds its dates").isEqualTo(409);
        String bookings = "/cars/" + carId + "/bookings/";
        assertThat(customer.post(bookings + weekend.get("bookingId").asText() + "/approve", null)
                .getStatusCode().value()).as("customers do not approve").isEqualTo(403);
        assertThat(dealer.post(bookings + weekend.get("bookingId").asText() + "/approve", null).getBody()
                .get("status").asText()).isEqualTo("CONFIRMED");
        assertThat(dealer.post(bookings + nextWeekend.get("bookingId").asText() + "/reject",
                Map.of("reason", "Car in service")).getBody().get("status").asText()).isEqualTo("REJECTED");
        assertThat(customer.book(carId, saturday.plusDays(7), saturday.plusDays(9)).getStatusCode().value())
                .as("the rejected booking's dates are free again").isEqualTo(201);
    }

    @Test
    void a_customer_reschedules_a_booking_onto_free_dates_but_not_onto_taken_ones() {
        String carId = dealer.listCar(anonymous.carListing("Move"));
        String bookingId = customer.book(carId, today.plusDays(10), today.plusDays(12)).getBody()
                .get("bookingId").asText();
        customer.book(carId, today.plusDays(20), today.plusDays(22));
        String reschedule = "/cars/" + carId + "/bookings/" + bookingId + "/reschedule";

        ResponseEntity<JsonNode> ontoTaken = customer.post(reschedule,
                Map.of("startDate", today.plusDays(21).toString(), "endDate", today.plusDays(23).toString()));
        assertThat(ontoTaken.getStatusCode().value()).isEqualTo(409);
        assertThat(ontoTaken.getBody().get("code").asText()).isEqualTo("BOOKING_OVERLAP");

        ResponseEntity<JsonNode> overlappingItself = customer.post(reschedule,
                Map.of("startDate", today.plusDays(11).toString(), "endDate", today.plusDays(14).toString()));
        assertThat(overlappingItself.getStatusCode().value()).as("its own old dates do not conflict").isEqualTo(200);
        assertThat(overlappingItself.getBody().get("totalPrice").asDouble()).isEqualTo(3 * 49.5);
    }

    @Test
    void a_purchase_goes_from_reservation_to_sale_and_cancels_the_later_bookings() {
        String carId = dealer.listCar((ObjectNode) anonymous.carListing("Sale").put("askingPrice", "20000.00"));
        String laterBooking = customer.book(carId, today.plusDays(40), today.plusDays(42)).getBody()
                .get("bookingId").asText();
        CarMarketClient buyer = anonymous.as(anonymous.newUser("CUSTOMER"));
        String reservations = "/cars/" + carId + "/purchase-reservations";

        ResponseEntity<JsonNode> reserved = buyer.post(reservations, Map.of("paymentMethod", "FINANCE",
                "financing", Map.of("deposit", "2000.00", "termMonths", 48),
                "tradeIn", Map.of("make", "Opel", "model", "Corsa", "year", 2015, "mileage", 120000, "value", "3000.00"),
                "handoverDate", today.plusDays(30).toString()));
        assertThat(reserved.getStatusCode().value()).isEqualTo(201);
        assertThat(reserved.getBody().get("orderNumber").asText()).matches("ORD-\\d{4}-\\d{6}");
        assertThat(reserved.getBody().get("totalAmount").asDouble()).isEqualTo(17000.0);
        String reservation = reservations + "/" + reserved.getBody().get("reservationId").asText();

        assertThat(customer.book(carId, today.plusDays(31), today.plusDays(32)).getBody().get("code").asText())
                .as("no booking may start after the handover").isEqualTo("CAR_RESERVED");
        assertThat(buyer.post(reservation + "/confirm", null).getStatusCode().value()).isEqualTo(403);
        assertThat(dealer.post(reservation + "/complete", null).getBody().get("code").asText())
                .as("steps in order").isEqualTo("INVALID_RESERVATION_STATE");
        assertThat(dealer.post(reservation + "/confirm", null).getStatusCode().value()).isEqualTo(200);
        assertThat(dealer.post(reservation + "/schedule-inspection",
                Map.of("inspectionDate", today.plusDays(20).toString())).getStatusCode().value()).isEqualTo(200);
        assertThat(buyer.post(reservation + "/cancel", null).getBody().get("code").asText())
                .isEqualTo("INSPECTION_SCHEDULED");
        assertThat(dealer.post(reservation + "/complete", null).getBody().get("status").asText())
                .isEqualTo("COMPLETED");

        List<? extends DomainEventMessage<?>> events = eventStore.readEvents(carId).asStream().toList();
        assertThat(events).anyMatch(event -> event.getPayload() instanceof CarSold sold
                && sold.buyerId().equals(buyer.userId()));
        assertThat(events).anyMatch(event -> event.getPayload() instanceof BookingCancelled cancelled
                && cancelled.bookingId().equals(laterBooking)
                && cancelled.reason() == BookingCancellationReason.CAR_SOLD);
        assertThat(dealer.exchange(HttpMethod.PATCH, "/cars/" + carId, Map.of("mileage", 1), new HttpHeaders())
                .getBody().get("code").asText()).as("SOLD is terminal").isEqualTo("CAR_SOLD");
        await().atMost(PROJECTION_WAIT).untilAsserted(() ->
                assertThat(anonymous.get("/cars/" + carId).getStatusCode().value()).isEqualTo(404));
    }

    @Test
    void a_cancelled_reservation_puts_the_car_back_on_the_market() {
        String carId = dealer.listCar((ObjectNode) anonymous.carListing("Back").put("askingPrice", "9000.00"));
        String reservations = "/cars/" + carId + "/purchase-reservations";
        Map<String, Object> fullPayment = Map.of("paymentMethod", "FULL_PAYMENT",
                "handoverDate", today.plusDays(14).toString());
        String reservationId = customer.post(reservations, fullPayment).getBody().get("reservationId").asText();

        assertThat(customer.post(reservations + "/" + reservationId + "/cancel", Map.of("reason", "Changed my mind"))
                .getBody().get("status").asText()).isEqualTo("CANCELLED");

        CarMarketClient other = anonymous.as(anonymous.newUser("CUSTOMER"));
        assertThat(other.post(reservations, fullPayment).getStatusCode().value()).isEqualTo(201);
    }

    private LocalDate next(DayOfWeek weekday) {
        LocalDate day = today.plusDays(7);
        while (day.getDayOfWeek() != weekday) {
            day = day.plusDays(1);
        }
        return day;
    }
}
