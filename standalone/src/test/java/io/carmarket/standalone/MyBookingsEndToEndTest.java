package io.carmarket.standalone;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.carmarket.standalone.CarMarketClient.Session;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.http.HttpMethod;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;

import java.time.Duration;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import java.util.function.Predicate;

import static io.carmarket.standalone.CarMarketClient.items;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * The user's own read models over HTTP against the whole standalone system: bookings as the customer, the dealer,
 * an admin and a stranger see them; notifications for both sides and marking them read; favourites; purchase
 * reservations.
 */
@StandaloneSystemTest
class MyBookingsEndToEndTest {

    private static final Duration PROJECTION_WAIT = Duration.ofSeconds(10);

    @LocalServerPort
    int port;

    private CarMarketClient client;
    private Session dealerSession;
    private Session customerSession;
    private CarMarketClient dealer;
    private CarMarketClient customer;
    private CarMarketClient stranger;
    private final LocalDate today = LocalDate.now(ZoneId.of("Europe/Berlin"));

    @BeforeEach
    void connect() {
        client = new CarMarketClient(port);
        dealerSession = client.newUser("DEALER");
        customerSession = client.newUser("CUSTOMER");
        dealer = client.as(dealerSession);
        customer = client.as(customerSession);
        stranger = client.as(client.newUser("CUSTOMER"));
    }

    @Test
    void a_booking_is_seen_by_its_customer_its_dealer_and_admins_and_hidden_from_everyone_else() {
        String make = uniqueMake();
        String carId = dealer.listCar(client.carListing(make));
        String bookingId = book(carId, 10, 13);

        JsonNode mine = awaitItem(customer, "/bookings", "bookingId", bookingId);
        assertThat(mine.get("status").asText()).isEqualTo("CONFIRMED");
        assertThat(mine.get("carId").asText()).isEqualTo(carId);
        assertThat(mine.get("car").get("make").asText()).isEqualTo(make);
        assertThat(mine.get("car").get("city").asText()).isEqualTo("Berlin");
        assertThat(mine.get("car").get("primaryImageUrl").asText()).isEqualTo("https://images.example.com/golf.jpg");
        assertThat(mine.get("customerId").asText()).isEqualTo(customerSession.userId());
        assertThat(mine.get("dealerId").asText()).isEqualTo(dealerSession.userId());
        assertThat(mine.get("period").get("startDate").asText()).isEqualTo(today.plusDays(10).toString());
        assertThat(mine.get("period").get("endDate").asText()).isEqualTo(today.plusDays(13).toString());
        assertThat(mine.get("totalPrice").decimalValue()).isEqualByComparingTo("148.50");
        assertThat(mine.get("currency").asText()).isEqualTo("EUR");

        assertThat(findItem(dealer.get("/bookings"), "bookingId", bookingId)).as("the car's dealer").isPresent();
        assertThat(dealer.get("/bookings/" + bookingId).getStatusCode().value()).isEqualTo(200);
        assertThat(customer.get("/bookings/" + bookingId).getBody().get("bookingId").asText()).isEqualTo(bookingId);
        CarMarketClient admin = client.as(client.login("admin@test.carmarket.local", "Test-Root-2026!"));
        assertThat(admin.get("/bookings/" + bookingId).getStatusCode().value()).isEqualTo(200);

        ResponseEntity<JsonNode> strangers = stranger.get("/bookings/" + bookingId);
        assertThat(strangers.getStatusCode().value()).as("another customer: existence does not leak").isEqualTo(404);
        assertThat(strangers.getHeaders().getContentType()).isEqualTo(MediaType.APPLICATION_PROBLEM_JSON);
        assertThat(strangers.getBody().get("code").asText()).isEqualTo("BOOKING_NOT_FOUND");
        assertThat(findItem(stranger.get("/bookings"), "bookingId", bookingId)).isEmpty();
        CarMarketClient otherDealer = client.as(client.newUser("DEALER"));
        assertThat(otherDealer.get("/bookings/" + bookingId).getStatusCode().value()).isEqualTo(404);

        assertThat(client.get("/bookings").getStatusCode().value()).as("anonymous").isEqualTo(401);
        assertThat(client.get("/bookings/" + bookingId).getStatusCode().value()).as("anonymous").isEqualTo(401);
    }

    @Test
    void a_booking_cancelled_by_the_dealer_shows_cancelled_and_each_side_was_notified() {
        String make = uniqueMake();
        String carId = dealer.listCar(client.carListing(make));
        String bookingId = book(carId, 20, 22);

        JsonNode newBooking = awaitItem(dealer, "/notifications", "bookingId", bookingId);
        assertThat(newBooking.get("type").asText()).isEqualTo("BOOKING_RECEIVED");
        assertThat(newBooking.get("carId").asText()).isEqualTo(carId);
        assertThat(newBooking.get("message").asText()).contains(make);
        assertThat(newBooking.get("read").asBoolean()).isFalse();

        assertThat(dealer.cancel(carId, bookingId).getStatusCode().value()).isEqualTo(200);

        await().atMost(PROJECTION_WAIT).untilAsserted(() -> assertThat(
                customer.get("/bookings/" + bookingId).getBody().get("status").asText()).isEqualTo("CANCELLED"));
        JsonNode cancelled = customer.get("/bookings/" + bookingId).getBody();
        assertThat(cancelled.get("cancellationReason").asText()).isEqualTo("ON_REQUEST");
        assertThat(items(customer.get("/bookings?status=CANCELLED").getBody()))
                .extracting(item -> item.get("bookingId").asText()).contains(bookingId);
        assertThat(items(customer.get("/bookings?status=CONFIRMED").getBody()))
                .extracting(item -> item.get("bookingId").asText()).doesNotContain(bookingId);

        JsonNode toCustomer = awaitItem(customer, "/notifications", "bookingId", bookingId);
        assertThat(toCustomer.get("type").asText()).isEqualTo("BOOKING_CANCELLED");
        assertThat(toCustomer.get("recipientId").asText()).isEqualTo(customerSession.userId());
        assertThat(items(dealer.get("/notifications").getBody()))
                .as("the dealer cancelled it and is not told so")
                .filteredOn(item -> item.get("bookingId").asText().equals(bookingId))
                .extracting(item -> item.get("type").asText()).containsExactly("BOOKING_RECEIVED");
    }

    @Test
    void notifications_are_marked_read_one_by_one_or_all_at_once_by_their_recipient_only() {
        String carId = dealer.listCar(client.carListing(uniqueMake()));
        String first = book(carId, 30, 31);
        String second = book(carId, 32, 33);
        JsonNode one = awaitItem(dealer, "/notifications", "bookingId", first);
        awaitItem(dealer, "/notifications", "bookingId", second);
        String notificationId = one.get("id").asText();

        ResponseEntity<JsonNode> byStranger = stranger.post("/notifications/" + notificationId + "/read", null);
        assertThat(byStranger.getStatusCode().value()).isEqualTo(404);
        assertThat(byStranger.getBody().get("code").asText()).isEqualTo("NOTIFICATION_NOT_FOUND");

        ResponseEntity<JsonNode> read = dealer.post("/notifications/" + notificationId + "/read", null);
        assertThat(read.getStatusCode().value()).isEqualTo(200);
        assertThat(read.getBody().get("read").asBoolean()).isTrue();
        ResponseEntity<JsonNode> again = dealer.post("/notifications/" + notificationId + "/read", null);
        assertThat(again.getStatusCode().value()).as("idempotent").isEqualTo(200);
        assertThat(again.getBody().get("readAt").asText()).isEqualTo(read.getBody().get("readAt").asText());

        JsonNode unread = dealer.get("/notifications?unread=true").getBody();
        assertThat(items(unread)).extracting(item -> item.get("id").asText()).doesNotContain(notificationId);
        assertThat(findItem(unread, "bookingId", second)).isPresent();

        ResponseEntity<JsonNode> all = dealer.post("/notifications/read-all", null);
        assertThat(all.getStatusCode().value()).isEqualTo(200);
        assertThat(all.getBody().get("marked").asLong()).isGreaterThanOrEqualTo(1);
        assertThat(items(dealer.get("/notifications?unread=true").getBody())).isEmpty();
        assertThat(dealer.get("/notifications").getBody().get("unreadCount").asLong()).isZero();
        assertThat(dealer.post("/notifications/read-all", null).getBody().get("marked").asLong()).isZero();
    }

    @Test
    void favourites_are_put_listed_and_deleted_idempotently() {
        String make = uniqueMake();
        String carId = dealer.listCar(client.carListing(make));
        await().atMost(PROJECTION_WAIT).untilAsserted(() ->
                assertThat(items(client.search("make=" + make))).hasSize(1));

        ResponseEntity<JsonNode> added = customer.exchange(HttpMethod.PUT, "/favorites/" + carId, null);
        assertThat(added.getStatusCode().value()).isEqualTo(201);
        assertThat(added.getBody().get("make").asText()).isEqualTo(make);
        assertThat(added.getBody().get("available").asBoolean()).isTrue();
        assertThat(customer.exchange(HttpMethod.PUT, "/favorites/" + carId, null).getStatusCode().value())
                .as("idempotent").isEqualTo(200);

        JsonNode favorites = customer.get("/favorites").getBody();
        assertThat(items(favorites)).hasSize(1);
        JsonNode favorite = items(favorites).get(0);
        assertThat(favorite.get("carId").asText()).isEqualTo(carId);
        assertThat(favorite.get("model").asText()).isEqualTo("Golf");
        assertThat(favorite.get("dailyRate").decimalValue()).isEqualByComparingTo("49.50");
        assertThat(favorite.get("carStatus").asText()).isEqualTo("LISTED");
        assertThat(favorite.get("available").asBoolean()).isTrue();
        assertThat(items(stranger.get("/favorites").getBody())).as("only one's own").isEmpty();

        ResponseEntity<JsonNode> unknown = customer.exchange(HttpMethod.PUT, "/favorites/" + UUID.randomUUID(), null);
        assertThat(unknown.getStatusCode().value()).isEqualTo(404);
        assertThat(unknown.getBody().get("code").asText()).isEqualTo("CAR_NOT_FOUND");

        assertThat(customer.exchange(HttpMethod.DELETE, "/favorites/" + carId, null).getStatusCode().value())
                .isEqualTo(204);
        assertThat(customer.exchange(HttpMethod.DELETE, "/favorites/" + carId, null).getStatusCode().value())
                .as("idempotent").isEqualTo(204);
        assertThat(items(customer.get("/favorites").getBody())).isEmpty();
        assertThat(client.exchange(HttpMethod.PUT, "/favorites/" + carId, null).getStatusCode().value())
                .as("anonymous").isEqualTo(401);
    }

    @Test
    void nonsense_parameters_are_answered_400_naming_the_parameter() {
        assertBadParameter("/bookings?status=LOST", "status");
        assertBadParameter("/bookings?limit=0", "limit");
        assertBadParameter("/bookings?limit=101", "limit");
        assertBadParameter("/bookings?from=yesterday", "from");
        assertBadParameter("/bookings?from=2030-01-05&to=2030-01-01", "to");
        assertBadParameter("/bookings?cursor=not-a-cursor", "cursor");
        assertBadParameter("/purchase-reservations?status=LOST", "status");
        assertBadParameter("/notifications?unread=perhaps", "unread");
        assertBadParameter("/notifications?limit=1000", "limit");
        assertBadParameter("/favorites?limit=-1", "limit");
    }

    @Test
    void a_purchase_reservation_is_seen_by_its_customer_and_dealer_and_both_are_told_of_each_step() {
        String make = uniqueMake();
        ObjectNode listing = client.carListing(make);
        listing.put("askingPrice", "18000.00");
        String carId = dealer.listCar(listing);
        ObjectNode request = JsonNodeFactory.instance.objectNode()
                .put("paymentMethod", "FINANCE").put("handoverDate", today.plusDays(30).toString());
        request.putObject("financing").put("deposit", "3000.00").put("termMonths", 36);
        request.putObject("tradeIn").put("make", "Opel").put("model", "Corsa").put("year", 2012)
                .put("mileage", 150000).put("value", "1000.00");

        ResponseEntity<JsonNode> reserved = customer.post("/cars/" + carId + "/purchase-reservations", request);
        assertThat(reserved.getStatusCode().value()).as(String.valueOf(reserved.getBody())).isEqualTo(201);
        String reservationId = reserved.getBody().get("reservationId").asText();
        String orderNumber = reserved.getBody().get("orderNumber").asText();

        JsonNode mine = awaitItem(customer, "/purchase-reservations", "reservationId", reservationId);
        assertThat(mine.get("status").asText()).isEqualTo("PENDING");
        assertThat(mine.get("orderNumber").asText()).isEqualTo(orderNumber);
        assertThat(mine.get("car").get("make").asText()).isEqualTo(make);
        assertThat(mine.get("dealerId").asText()).isEqualTo(dealerSession.userId());
        assertThat(mine.get("paymentMethod").asText()).isEqualTo("FINANCE");
        assertThat(mine.get("financing").get("termMonths").asInt()).isEqualTo(36);
        assertThat(mine.get("tradeIn").get("make").asText()).isEqualTo("Opel");
        assertThat(mine.get("price").decimalValue()).isEqualByComparingTo("18000.00");
        assertThat(mine.get("totalAmount").decimalValue()).isEqualByComparingTo("17000.00");
        assertThat(mine.get("financedAmount").decimalValue()).isEqualByComparingTo("14000.00");
        assertThat(mine.get("handoverDate").asText()).isEqualTo(today.plusDays(30).toString());
        assertThat(findItem(dealer.get("/purchase-reservations"), "reservationId", reservationId)).isPresent();
        ResponseEntity<JsonNode> strangers = stranger.get("/purchase-reservations/" + reservationId);
        assertThat(strangers.getStatusCode().value()).isEqualTo(404);
        assertThat(strangers.getBody().get("code").asText()).isEqualTo("RESERVATION_NOT_FOUND");
        assertThat(awaitItem(dealer, "/notifications", "reservationId", reservationId).get("type").asText())
                .isEqualTo("PURCHASE_RESERVED");

        ResponseEntity<JsonNode> confirmed = dealer.post(
                "/cars/" + carId + "/purchase-reservations/" + reservationId + "/confirm", null);
        assertThat(confirmed.getStatusCode().value()).as(String.valueOf(confirmed.getBody())).isEqualTo(200);

        await().atMost(PROJECTION_WAIT).untilAsserted(() -> assertThat(customer.get("/purchase-reservations/"
                + reservationId).getBody().get("status").asText()).isEqualTo("CONFIRMED"));
        assertThat(items(dealer.get("/purchase-reservations?status=CONFIRMED").getBody()))
                .extracting(item -> item.get("reservationId").asText()).contains(reservationId);
        assertThat(awaitItem(customer, "/notifications", "reservationId", reservationId).get("type").asText())
                .isEqualTo("PURCHASE_RESERVATION_CONFIRMED");
    }

    private String book(String carId, int fromDay, int toDay) {
        ResponseEntity<JsonNode> booked = customer.book(carId, today.plusDays(fromDay), today.plusDays(toDay));
        assertThat(booked.getStatusCode().value()).as(String.valueOf(booked.getBody())).isEqualTo(201);
        return booked.getBody().get("bookingId").asText();
    }

    /** Polls a list until an item with this field value appears, and returns that item. */
    private JsonNode awaitItem(CarMarketClient as, String path, String field, String value) {
        JsonNode[] found = new JsonNode[1];
        await().atMost(PROJECTION_WAIT).untilAsserted(() -> {
            Optional<JsonNode> item = findItem(as.get(path), field, value);
            assertThat(item).as(path + " has " + field + "=" + value).isPresent();
            found[0] = item.get();
        });
        return found[0];
    }

    private static Optional<JsonNode> findItem(ResponseEntity<JsonNode> response, String field, String value) {
        assertThat(response.getStatusCode().value()).as(String.valueOf(response.getBody())).isEqualTo(200);
        return findItem(response.getBody(), field, value);
    }

    private static Optional<JsonNode> findItem(JsonNode page, String field, String value) {
        Predicate<JsonNode> matches = item -> item.has(field) && item.get(field).asText().equals(value);
        List<JsonNode> all = items(page);
        return all.stream().filter(matches).findFirst();
    }

    private void assertBadParameter(String pathAndQuery, String parameter) {
        ResponseEntity<JsonNode> response = customer.get(pathAndQuery);
        assertThat(response.getStatusCode().value()).as(pathAndQuery).isEqualTo(400);
        assertThat(response.getHeaders().getContentType()).isEqualTo(MediaType.APPLICATION_PROBLEM_JSON);
        assertThat(response.getBody().get("errors").has(parameter)).as(pathAndQuery + " names " + parameter).isTrue();
    }

    private static String uniqueMake() {
        return "Make" + UUID.randomUUID().toString().replace("-", "").substring(0, 10);
    }
}
