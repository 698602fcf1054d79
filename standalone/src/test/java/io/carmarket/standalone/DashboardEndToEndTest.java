package io.carmarket.standalone;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.carmarket.standalone.CarMarketClient.Session;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpMethod;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;

import java.time.Duration;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Consumer;

import static io.carmarket.standalone.Dashboards.count;
import static io.carmarket.standalone.Dashboards.elements;
import static io.carmarket.standalone.Dashboards.find;
import static io.carmarket.standalone.Dashboards.monthCount;
import static io.carmarket.standalone.Dashboards.read;
import static io.carmarket.standalone.Dashboards.revenue;
import static io.carmarket.standalone.Dashboards.thisMonth;
import static io.carmarket.standalone.Dashboards.todayUtc;
import static io.carmarket.standalone.Dashboards.values;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.offset;
import static org.awaitility.Awaitility.await;

/**
 * The dashboards as JSON over HTTP against the whole standalone system, with real figures: a dealer's cars,
 * bookings (one confirmed, one waiting for approval), a negotiation and a purchase reservation, as the dealer, the
 * platform and the customer see them; each dealer sees only their own; and who may read which dashboard.
 * <p>
 * The system is shared with other test classes: the platform's figures are compared with a baseline read after the
 * dashboards' projection had caught up, by the difference this test's own events make.
 */
@StandaloneSystemTest
class DashboardEndToEndTest {

    private static final Duration PROJECTION_WAIT = Duration.ofSeconds(15);
    private static final String TITLE_SUFFIX = " Golf (2022)";

    @LocalServerPort
    int port;

    /** The dates customers book in: the cars' time zone. */
    private final LocalDate today = LocalDate.now(ZoneId.of("Europe/Berlin"));
    private CarMarketClient anonymous;

    @BeforeEach
    void connect() {
        anonymous = new CarMarketClient(port);
    }

    // ---- the dealer's dashboard

    @Test
    void the_dealer_dashboard_shows_the_dealers_cars_pending_approvals_handovers_utilisation_revenue_and_offers() {
        Scenario scenario = dealerWithBookingsANegotiationAndAReservation();

        JsonNode dashboard = awaitDashboard(scenario.dealer(), Dashboards.DEALER, mine ->
                assertThat(count(mine, "reservationsByStatus", "PENDING")).isEqualTo(1));

        assertThat(dashboard.get("dealerId").asText()).isEqualTo(scenario.dealerId());
        assertThat(dashboard.get("today").asText()).isEqualTo(todayUtc().toString());
        assertThat(dashboard.get("position").asLong()).as("the position of the last event it shows").isPositive();
        assertThat(count(dashboard, "carsByStatus", "LISTED")).isEqualTo(3);
        assertThat(count(dashboard, "carsByStatus", "RESERVED")).isEqualTo(1);
        assertThat(count(dashboard, "carsByStatus", "SOLD")).isZero();

        JsonNode pending = only(dashboard.get("awaitingApproval"));
        assertThat(pending.get("bookingId").asText()).isEqualTo(scenario.pendingBooking());
        assertThat(pending.get("carId").asText()).isEqualTo(scenario.peakCar());
        assertThat(pending.get("carTitle").asText()).isEqualTo(scenario.make() + TITLE_SUFFIX);
        assertThat(pending.get("startDate").asText()).isEqualTo(today.plusDays(10).toString());
        assertThat(pending.get("endDate").asText()).isEqualTo(today.plusDays(12).toString());
        assertThat(pending.get("totalPrice").decimalValue()).isEqualByComparingTo("99.00");
        assertThat(pending.get("currency").asText()).isEqualTo("EUR");
        assertThat(pending.hasNonNull("expiresAt")).as("the approval deadline").isTrue();

        JsonNode pickUp = only(dashboard.get("pickUpsNext7Days"));
        assertThat(pickUp.get("bookingId").asText()).isEqualTo(scenario.confirmedBooking());
        assertThat(pickUp.get("carId").asText()).isEqualTo(scenario.rentedCar());
        assertThat(pickUp.get("date").asText()).isEqualTo(today.plusDays(2).toString());
        JsonNode carBack = only(dashboard.get("returnsNext7Days"));
        assertThat(carBack.get("bookingId").asText()).isEqualTo(scenario.confirmedBooking());
        assertThat(carBack.get("date").asText()).isEqualTo(today.plusDays(5).toString());

        JsonNode utilisation = dashboard.get("utilisationNext30Days");
        assertThat(utilisation.get("bookedCarDays").asLong())
                .as("3 days confirmed and 2 awaiting approval").isEqualTo(5);
        assertThat(utilisation.get("availableCarDays").asLong())
                .as("3 cars listed for rent (the reserved one is not) over 30 days").isEqualTo(90);
        assertThat(utilisation.get("ratio").asDouble()).isCloseTo(5.0 / 90, offset(1e-9));

        assertThat(values(dashboard.get("revenueByMonth"), "month")).hasSize(12).last().isEqualTo(thisMonth());
        assertThat(revenue(dashboard, thisMonth(), "EUR")).as("the confirmed booking only")
                .isEqualByComparingTo("148.50");

        JsonNode offer = only(dashboard.get("negotiationsAwaitingAnswer"));
        assertThat(offer.get("negotiationId").asText()).isEqualTo(scenario.negotiationId());
        assertThat(offer.get("carId").asText()).isEqualTo(scenario.carForSale());
        assertThat(offer.get("amount").decimalValue()).isEqualByComparingTo("17000.00");
        assertThat(offer.get("currency").asText()).isEqualTo("EUR");
        assertThat(offer.hasNonNull("expiresAt")).isTrue();

        assertThat(dashboard.get("agreedDiscount").get("agreements").asLong()).isZero();
        assertThat(dashboard.get("agreedDiscount").hasNonNull("averagePercent")).as("none agreed yet").isFalse();
    }

    @Test
    void the_dealer_dashboard_follows_the_answers_an_approval_adds_revenue_a_counter_offer_clears_the_offer() {
        Scenario scenario = dealerWithBookingsANegotiationAndAReservation();
        CarMarketClient dealer = anonymous.as(scenario.dealer());
        awaitDashboard(scenario.dealer(), Dashboards.DEALER, mine ->
                assertThat(elements(mine.get("negotiationsAwaitingAnswer"))).hasSize(1));

        assertThat(dealer.post("/cars/" + scenario.peakCar() + "/bookings/" + scenario.pendingBooking() + "/approve",
                null).getStatusCode().value()).isEqualTo(200);
        assertThat(dealer.post("/negotiations/" + scenario.negotiationId() + "/offers",
                Map.of("amount", "19000.00")).getStatusCode().value()).isEqualTo(200);

        JsonNode dashboard = awaitDashboard(scenario.dealer(), Dashboards.DEALER, mine -> {
            assertThat(elements(mine.get("awaitingApproval"))).as("approved").isEmpty();
            assertThat(elements(mine.get("negotiationsAwaitingAnswer"))).as("the buyer's turn now").isEmpty();
        });
        assertThat(revenue(dashboard, thisMonth(), "EUR")).as("both bookings confirmed")
                .isEqualByComparingTo("247.50");
        assertThat(dashboard.get("utilisationNext30Days").get("bookedCarDays").asLong()).isEqualTo(5);
    }

    // ---- the platform's dashboard

    @Test
    void the_admin_dashboard_adds_this_tests_users_cars_bookings_negotiations_and_reservations_to_the_platform() {
        CarMarketClient admin = Dashboards.admin(anonymous);
        Dashboards.awaitCaughtUp(admin);
        JsonNode before = read(admin, Dashboards.ADMIN);

        Scenario scenario = dealerWithBookingsANegotiationAndAReservation();

        JsonNode after = awaitDashboard(admin, Dashboards.ADMIN, platform -> {
            assertThat(count(platform, "carsByStatus", "LISTED"))
                    .isEqualTo(count(before, "carsByStatus", "LISTED") + 3);
            assertThat(count(platform, "carsByStatus", "RESERVED"))
                    .isEqualTo(count(before, "carsByStatus", "RESERVED") + 1);
            assertThat(count(platform, "bookingsByStatus", "CONFIRMED"))
                    .isEqualTo(count(before, "bookingsByStatus", "CONFIRMED") + 1);
            assertThat(count(platform, "bookingsByStatus", "PENDING_APPROVAL"))
                    .isEqualTo(count(before, "bookingsByStatus", "PENDING_APPROVAL") + 1);
            assertThat(count(platform, "negotiationsByStatus", "OPEN"))
                    .isEqualTo(count(before, "negotiationsByStatus", "OPEN") + 1);
            assertThat(count(platform, "reservationsByStatus", "PENDING"))
                    .isEqualTo(count(before, "reservationsByStatus", "PENDING") + 1);
            assertThat(monthCount(platform, "bookingsByMonth", thisMonth()))
                    .isEqualTo(monthCount(before, "bookingsByMonth", thisMonth()) + 2);
            assertThat(monthCount(platform, "newUsersByMonth", thisMonth()))
                    .as("the dealer and the customer registered by this test")
                    .isEqualTo(monthCount(before, "newUsersByMonth", thisMonth()) + 2);
        });

        assertThat(after.get("today").asText()).isEqualTo(todayUtc().toString());
        assertThat(after.get("position").asLong()).isGreaterThan(before.get("position").asLong());
        assertThat(values(after.get("bookingsByMonth"), "month")).hasSize(12).last().isEqualTo(thisMonth());
        assertThat(values(after.get("newUsersByMonth"), "month")).hasSize(12).last().isEqualTo(thisMonth());
        assertAmongTopMakes(after.get("topMakesByBookings"), scenario.make(), 2);
        assertAmongTopMakes(after.get("topMakesByListings"), scenario.make(), 4);
        assertThat(after.get("negotiationConversion").get("accepted").asLong())
                .isEqualTo(before.get("negotiationConversion").get("accepted").asLong());

        CarMarketClient auditor = Dashboards.auditor(anonymous, admin);
        JsonNode auditorsView = read(auditor, Dashboards.ADMIN);
        assertThat(count(auditorsView, "bookingsByStatus", "CONFIRMED"))
                .as("an auditor reads the same platform")
                .isGreaterThanOrEqualTo(count(after, "bookingsByStatus", "CONFIRMED"));
    }

    // ---- the customer's dashboard

    @Test
    void the_customer_dashboard_shows_upcoming_and_pending_bookings_open_negotiations_and_live_reservations() {
        Scenario scenario = dealerWithBookingsANegotiationAndAReservation();

        JsonNode me = awaitDashboard(scenario.customer(), Dashboards.ME, mine ->
                assertThat(elements(mine.get("purchaseReservations"))).hasSize(1));

        assertThat(me.get("customerId").asText()).isEqualTo(scenario.customerId());
        assertThat(me.get("today").asText()).isEqualTo(todayUtc().toString());
        JsonNode upcoming = only(me.get("upcomingBookings"));
        assertThat(upcoming.get("bookingId").asText()).isEqualTo(scenario.confirmedBooking());
        assertThat(upcoming.get("carId").asText()).isEqualTo(scenario.rentedCar());
        assertThat(upcoming.get("carTitle").asText()).isEqualTo(scenario.make() + TITLE_SUFFIX);
        assertThat(upcoming.get("startDate").asText()).isEqualTo(today.plusDays(2).toString());
        assertThat(upcoming.get("endDate").asText()).isEqualTo(today.plusDays(5).toString());
        assertThat(upcoming.get("totalPrice").decimalValue()).isEqualByComparingTo("148.50");
        assertThat(upcoming.get("currency").asText()).isEqualTo("EUR");

        JsonNode pending = only(me.get("awaitingApproval"));
        assertThat(pending.get("bookingId").asText()).isEqualTo(scenario.pendingBooking());
        assertThat(pending.get("totalPrice").decimalValue()).isEqualByComparingTo("99.00");

        JsonNode negotiation = only(me.get("openNegotiations"));
        assertThat(negotiation.get("negotiationId").asText()).isEqualTo(scenario.negotiationId());
        assertThat(negotiation.get("carId").asText()).isEqualTo(scenario.carForSale());
        assertThat(negotiation.get("latestOffer").decimalValue()).isEqualByComparingTo("17000.00");
        assertThat(negotiation.get("latestOfferBy").asText()).isEqualTo("BUYER");
        assertThat(negotiation.get("yourTurn").asBoolean()).as("the buyer made the latest offer").isFalse();

        JsonNode reservation = only(me.get("purchaseReservations"));
        assertThat(reservation.get("reservationId").asText()).isEqualTo(scenario.reservationId());
        assertThat(reservation.get("carId").asText()).isEqualTo(scenario.reservedCar());
        assertThat(reservation.get("status").asText()).isEqualTo("PENDING");
        assertThat(reservation.get("orderNumber").asText()).isNotBlank();
        assertThat(reservation.get("handoverDate").asText()).isEqualTo(today.plusDays(30).toString());
        assertThat(reservation.get("totalAmount").decimalValue()).isEqualByComparingTo("15000.00");
    }

    @Test
    void the_customer_dashboard_shows_it_is_their_turn_and_counts_unread_notifications_after_the_dealer_answers() {
        Scenario scenario = dealerWithBookingsANegotiationAndAReservation();
        CarMarketClient dealer = anonymous.as(scenario.dealer());
        CarMarketClient customer = anonymous.as(scenario.customer());
        awaitDashboard(scenario.customer(), Dashboards.ME, mine ->
                assertThat(elements(mine.get("openNegotiations"))).hasSize(1));

        assertThat(dealer.post("/negotiations/" + scenario.negotiationId() + "/offers",
                Map.of("amount", "19000.00")).getStatusCode().value()).isEqualTo(200);

        JsonNode countered = awaitDashboard(scenario.customer(), Dashboards.ME, mine -> {
            JsonNode negotiation = only(mine.get("openNegotiations"));
            assertThat(negotiation.get("latestOfferBy").asText()).isEqualTo("DEALER");
            assertThat(negotiation.get("yourTurn").asBoolean()).isTrue();
            assertThat(mine.get("unreadNotifications").asLong()).as("told of the counter-offer").isPositive()
                    .as("the same count as the notifications list")
                    .isEqualTo(read(customer, "/notifications").get("unreadCount").asLong());
        });
        assertThat(only(countered.get("openNegotiations")).get("latestOffer").decimalValue())
                .isEqualByComparingTo("19000.00");

        assertThat(dealer.post("/cars/" + scenario.peakCar() + "/bookings/" + scenario.pendingBooking() + "/approve",
                null).getStatusCode().value()).isEqualTo(200);

        awaitDashboard(scenario.customer(), Dashboards.ME, mine -> {
            assertThat(elements(mine.get("awaitingApproval"))).isEmpty();
            assertThat(values(mine.get("upcomingBookings"), "bookingId")).as("soonest first")
                    .containsExactly(scenario.confirmedBooking(), scenario.pendingBooking());
            assertThat(mine.get("unreadNotifications").asLong()).as("told of the approval too")
                    .isGreaterThan(countered.get("unreadNotifications").asLong());
        });

        assertThat(customer.post("/notifications/read-all", null).getStatusCode().value()).isEqualTo(200);
        awaitDashboard(scenario.customer(), Dashboards.ME, mine ->
                assertThat(mine.get("unreadNotifications").asLong()).isZero());
    }

    // ---- whose dashboard

    @Test
    void a_dealer_sees_only_their_own_cars_and_bookings_and_never_another_dealers() {
        Session dealerA = anonymous.newUser("DEALER");
        Session dealerB = anonymous.newUser("DEALER");
        CarMarketClient customer = anonymous.as(anonymous.newUser("CUSTOMER"));
        String carOfA = anonymous.as(dealerA).listCar(anonymous.carListing(Dashboards.uniqueMake()));
        String carOfB = anonymous.as(dealerB).listCar(anonymous.carListing(Dashboards.uniqueMake()));
        String bookingOfA = book(customer, carOfA, 2, 4, "CONFIRMED");
        String bookingOfB = book(customer, carOfB, 3, 6, "CONFIRMED");

        JsonNode ofA = awaitDashboard(dealerA, Dashboards.DEALER, mine -> {
            assertThat(values(mine.get("pickUpsNext7Days"), "bookingId")).containsExactly(bookingOfA);
            assertThat(revenue(mine, thisMonth(), "EUR")).isEqualByComparingTo("99.00");
        });
        JsonNode ofB = awaitDashboard(dealerB, Dashboards.DEALER, mine -> {
            assertThat(values(mine.get("pickUpsNext7Days"), "bookingId")).containsExactly(bookingOfB);
            assertThat(revenue(mine, thisMonth(), "EUR")).isEqualByComparingTo("148.50");
        });

        assertThat(ofA.get("dealerId").asText()).isEqualTo(dealerA.userId());
        assertThat(count(ofA, "carsByStatus", "LISTED")).isEqualTo(1);
        assertThat(ofA.get("utilisationNext30Days").get("bookedCarDays").asLong()).isEqualTo(2);
        assertThat(ofA.toString()).doesNotContain(carOfB).doesNotContain(bookingOfB).doesNotContain(dealerB.userId());
        assertThat(ofB.get("dealerId").asText()).isEqualTo(dealerB.userId());
        assertThat(count(ofB, "carsByStatus", "LISTED")).isEqualTo(1);
        assertThat(ofB.get("utilisationNext30Days").get("bookedCarDays").asLong()).isEqualTo(3);
        assertThat(ofB.toString()).doesNotContain(carOfA).doesNotContain(bookingOfA).doesNotContain(dealerA.userId());

        CarMarketClient a = anonymous.as(dealerA);
        assertRefused(a.get(Dashboards.DEALER + "?dealerId=" + dealerB.userId()), 403, "FORBIDDEN");
        assertThat(read(a, Dashboards.DEALER + "?dealerId=" + dealerA.userId()).get("dealerId").asText())
                .as("naming oneself is allowed").isEqualTo(dealerA.userId());
    }

    // ---- who may read which dashboard

    @Test
    void a_customer_reads_only_their_own_dashboard() {
        CarMarketClient customer = anonymous.as(anonymous.newUser("CUSTOMER"));

        assertThat(read(customer, Dashboards.ME).get("customerId").asText()).isEqualTo(customer.userId());
        assertRefused(customer.get(Dashboards.DEALER), 403, "FORBIDDEN");
        assertRefused(customer.get(Dashboards.ADMIN), 403, "FORBIDDEN");
    }

    @Test
    void a_dealer_reads_only_the_dealer_dashboard() {
        CarMarketClient dealer = anonymous.as(anonymous.newUser("DEALER"));

        assertThat(read(dealer, Dashboards.DEALER).get("dealerId").asText()).isEqualTo(dealer.userId());
        assertRefused(dealer.get(Dashboards.ME), 403, "FORBIDDEN");
        assertRefused(dealer.get(Dashboards.ADMIN), 403, "FORBIDDEN");
    }

    @Test
    void an_auditor_reads_the_platform_but_no_dealers_or_customers_dashboard() {
        CarMarketClient auditor = Dashboards.auditor(anonymous, Dashboards.admin(anonymous));

        assertThat(read(auditor, Dashboards.ADMIN).has("bookingsByStatus")).isTrue();
        assertRefused(auditor.get(Dashboards.DEALER), 403, "FORBIDDEN");
        assertRefused(auditor.get(Dashboards.ME), 403, "FORBIDDEN");
    }

    @Test
    void an_admin_reads_every_dashboard_but_must_name_the_dealer() {
        CarMarketClient admin = Dashboards.admin(anonymous);
        Session dealer = anonymous.newUser("DEALER");

        ResponseEntity<JsonNode> unnamed = admin.get(Dashboards.DEALER);
        assertRefused(unnamed, 400, null);
        assertThat(unnamed.getBody().get("errors").has("dealerId")).as("%s", unnamed.getBody()).isTrue();
        assertRefused(admin.get(Dashboards.DEALER + "?dealerId="), 400, null);

        assertThat(read(admin, Dashboards.DEALER + "?dealerId=" + dealer.userId()).get("dealerId").asText())
                .isEqualTo(dealer.userId());
        assertThat(read(admin, Dashboards.ADMIN).has("carsByStatus")).isTrue();
        assertThat(read(admin, Dashboards.ME).get("customerId").asText()).isEqualTo(admin.userId());
    }

    @Test
    void without_a_token_every_dashboard_is_refused_401() {
        for (String dashboard : Dashboards.ALL) {
            ResponseEntity<JsonNode> refused = anonymous.get(dashboard);
            assertRefused(refused, 401, "UNAUTHENTICATED");
            assertThat(refused.getHeaders().getFirst(HttpHeaders.WWW_AUTHENTICATE)).as(dashboard)
                    .startsWith("Bearer");
        }
        for (String dashboard : Dashboards.ALL) {
            assertRefused(anonymous.withToken("not-a-token").get(dashboard), 401, "UNAUTHENTICATED");
        }
    }

    // ---- the scenario

    /** What one dealer and one customer did; ids of what the dashboards should show. */
    private record Scenario(Session dealer, Session customer, String make, String rentedCar, String peakCar,
                            String carForSale, String reservedCar, String confirmedBooking, String pendingBooking,
                            String negotiationId, String reservationId) {

        String dealerId() {
            return dealer.userId();
        }

        String customerId() {
            return customer.userId();
        }
    }

    /**
     * A new dealer lists four cars of one make, all for rent at 49.50 EUR a day: one the customer books in two days
     * for three days (confirmed, 148.50), one with a peak window that the customer's booking in ten days for two
     * days touches (awaiting approval, 99.00), one for sale at 20,000 that the customer offers 17,000 for, and one
     * for sale at 15,000 that the customer reserves for purchase (no longer for rent while reserved).
     */
    private Scenario dealerWithBookingsANegotiationAndAReservation() {
        Session dealerSession = anonymous.newUser("DEALER");
        Session customerSession = anonymous.newUser("CUSTOMER");
        CarMarketClient dealer = anonymous.as(dealerSession);
        CarMarketClient customer = anonymous.as(customerSession);
        String make = Dashboards.uniqueMake();

        String rented = dealer.listCar(anonymous.carListing(make));
        String peak = dealer.listCar(anonymous.carListing(make));
        assertThat(dealer.exchange(HttpMethod.PUT, "/cars/" + peak + "/peak-windows",
                List.of(Map.of("from", today.plusDays(10).toString(), "until", today.plusDays(11).toString())),
                new HttpHeaders()).getStatusCode().value()).isEqualTo(200);
        String forSale = dealer.listCar((ObjectNode) anonymous.carListing(make).put("askingPrice", "20000.00"));
        String reserved = dealer.listCar((ObjectNode) anonymous.carListing(make).put("askingPrice", "15000.00"));

        String confirmed = book(customer, rented, 2, 5, "CONFIRMED");
        String pending = book(customer, peak, 10, 12, "PENDING_APPROVAL");

        ResponseEntity<JsonNode> opened = customer.post("/negotiations",
                Map.of("carId", forSale, "amount", "17000.00"));
        assertThat(opened.getStatusCode().value()).as("%s", opened.getBody()).isEqualTo(201);
        ResponseEntity<JsonNode> reservation = customer.post("/cars/" + reserved + "/purchase-reservations",
                Map.of("paymentMethod", "FULL_PAYMENT", "handoverDate", today.plusDays(30).toString()));
        assertThat(reservation.getStatusCode().value()).as("%s", reservation.getBody()).isEqualTo(201);

        return new Scenario(dealerSession, customerSession, make, rented, peak, forSale, reserved, confirmed, pending,
                opened.getBody().get("negotiationId").asText(), reservation.getBody().get("reservationId").asText());
    }

    private String book(CarMarketClient customer, String carId, int fromDay, int toDay, String expectedStatus) {
        ResponseEntity<JsonNode> booked = customer.book(carId, today.plusDays(fromDay), today.plusDays(toDay));
        assertThat(booked.getStatusCode().value()).as("%s", booked.getBody()).isEqualTo(201);
        assertThat(booked.getBody().get("status").asText()).isEqualTo(expectedStatus);
        return booked.getBody().get("bookingId").asText();
    }

    // ---- reading and checking

    private JsonNode awaitDashboard(Session as, String path, Consumer<JsonNode> shows) {
        return awaitDashboard(anonymous.as(as), path, shows);
    }

    /** Reads the dashboard until it shows what {@code shows} asserts (the projection catches up), and returns it. */
    private static JsonNode awaitDashboard(CarMarketClient as, String path, Consumer<JsonNode> shows) {
        JsonNode[] last = new JsonNode[1];
        await().atMost(PROJECTION_WAIT).untilAsserted(() -> {
            last[0] = read(as, path);
            shows.accept(last[0]);
        });
        return last[0];
    }

    private static JsonNode only(JsonNode list) {
        assertThat(elements(list)).as("exactly one: %s", list).hasSize(1);
        return list.get(0);
    }

    /**
     * The make has {@code count} in the top five, unless five other makes have at least as many (the system is
     * shared: other tests' makes may outnumber this one). Either way the tallies are sorted, most first.
     */
    private static void assertAmongTopMakes(JsonNode tallies, String make, long count) {
        List<Long> counts = elements(tallies).stream().map(tally -> tally.get("count").asLong()).toList();
        assertThat(counts).hasSizeLessThanOrEqualTo(5).isSortedAccordingTo(Comparator.reverseOrder());
        Optional<JsonNode> mine = find(tallies, "make", make);
        if (mine.isPresent()) {
            assertThat(mine.get().get("count").asLong()).as("%s in %s", make, tallies).isEqualTo(count);
        } else {
            assertThat(counts).as("%s left out of %s", make, tallies).hasSize(5).allMatch(other -> other >= count);
        }
    }

    private static void assertRefused(ResponseEntity<JsonNode> response, int status, String code) {
        assertThat(response.getStatusCode().value()).as("%s", response.getBody()).isEqualTo(status);
        assertThat(response.getHeaders().getContentType()).isEqualTo(MediaType.APPLICATION_PROBLEM_JSON);
        if (code != null) {
            assertThat(response.getBody().get("code").asText()).isEqualTo(code);
        }
    }
}
