package io.carmarket.standalone;

import com.fasterxml.jackson.databind.JsonNode;
import io.carmarket.api.car.BookingApprovalExpired;
import io.carmarket.api.car.purchase.PurchaseReservationExpired;
import io.carmarket.command.deadline.DeadlineSweeper;
import org.axonframework.eventsourcing.eventstore.EventStore;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.annotation.Import;
import org.springframework.http.HttpMethod;
import org.springframework.http.ResponseEntity;

import java.time.DayOfWeek;
import java.time.Duration;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Unanswered requests expire: a booking awaiting the dealer's approval after 48 hours, an unconfirmed purchase
 * reservation after 7 days. Time is moved forward by a controllable clock; the sweeper is then run at once
 * instead of waiting for its schedule.
 */
@StandaloneSystemTest
@Import(MutableClock.Configuration.class)
class DeadlineExpiryEndToEndTest {

    @LocalServerPort
    int port;

    @Autowired
    MutableClock clock;

    @Autowired
    DeadlineSweeper sweeper;

    @Autowired
    EventStore eventStore;

    private CarMarketClient anonymous;
    private CarMarketClient dealer;
    private CarMarketClient customer;

    @BeforeEach
    void connect() {
        clock.reset();
        anonymous = new CarMarketClient(port);
        dealer = anonymous.as(anonymous.newUser("DEALER"));
        customer = anonymous.as(anonymous.newUser("CUSTOMER"));
    }

    @Test
    void a_booking_awaiting_approval_is_still_pending_before_48_hours_and_expired_after() {
        LocalDate day = nextWeekday(DayOfWeek.SATURDAY);
        String carId = dealer.listCar(anonymous.carListing("PeakMake"));
        assertThat(dealer.exchange(HttpMethod.PUT, "/cars/" + carId + "/peak-windows",
                List.of(Map.of("weekdays", List.of("SATURDAY"))), new org.springframework.http.HttpHeaders())
                .getStatusCode().value()).isEqualTo(200);
        ResponseEntity<JsonNode> booked = customer.book(carId, day, day.plusDays(1));
        assertThat(booked.getBody().get("status").asText()).isEqualTo("PENDING_APPROVAL");
        String bookingId = booked.getBody().get("bookingId").asText();

        clock.advance(Duration.ofHours(47));
        sweeper.sweep();
        assertThat(expiredBookings(carId)).as("not yet due").isZero();

        clock.advance(Duration.ofHours(2));
        sweeper.sweep();

        assertThat(expiredBookings(carId)).isEqualTo(1);
        ResponseEntity<JsonNode> approveTooLate = dealer.post("/cars/" + carId + "/bookings/" + bookingId + "/approve",
                null);
        assertThat(approveTooLate.getStatusCode().value()).isEqualTo(409);
        ResponseEntity<JsonNode> again = customer.book(carId, day, day.plusDays(1));
        assertThat(again.getStatusCode().value()).as("the expired booking's dates are free again: %s", again.getBody())
                .isEqualTo(201);
    }

    @Test
    void an_unconfirmed_purchase_reservation_expires_after_seven_days_and_the_car_can_be_reserved_again() {
        String carId = dealer.listCar((com.fasterxml.jackson.databind.node.ObjectNode)
                anonymous.carListing("SaleMake").put("askingPrice", "20000.00"));
        LocalDate handover = LocalDate.now(ZoneId.of("Europe/Berlin")).plusDays(30);
        Map<String, Object> reservation = Map.of("paymentMethod", "FULL_PAYMENT", "handoverDate", handover.toString());
        assertThat(customer.post("/cars/" + carId + "/purchase-reservations", reservation).getStatusCode().value())
                .isEqualTo(201);
        assertThat(customer.post("/cars/" + carId + "/purchase-reservations", reservation).getStatusCode().value())
                .as("one live reservation per car").isEqualTo(409);

        clock.advance(Duration.ofDays(7).plusHours(1));
        sweeper.sweep();

        assertThat(eventStore.readEvents(carId).asStream()
                .filter(event -> event.getPayload() instanceof PurchaseReservationExpired).count()).isEqualTo(1);
        assertThat(customer.post("/cars/" + carId + "/purchase-reservations", reservation).getStatusCode().value())
                .isEqualTo(201);
    }

    private long expiredBookings(String carId) {
        return eventStore.readEvents(carId).asStream()
                .filter(event -> event.getPayload() instanceof BookingApprovalExpired).count();
    }

    private LocalDate nextWeekday(DayOfWeek weekday) {
        LocalDate day = LocalDate.now(ZoneId.of("Europe/Berlin")).plusDays(7);
        while (day.getDayOfWeek() != weekday) {
            day = day.plusDays(1);
        }
        return day;
    }
}
