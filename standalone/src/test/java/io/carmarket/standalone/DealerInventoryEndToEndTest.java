package io.carmarket.standalone;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import io.carmarket.standalone.CarMarketClient.Session;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;

import java.time.Duration;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import static io.carmarket.standalone.CarMarketClient.items;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * The dealer's inventory over HTTP against the whole standalone system: a dealer's own cars in every state with the
 * VIN and the plate, the filters, orders and cursor, a car's page with its bookings and purchase reservation, and who
 * may read whose inventory.
 */
@StandaloneSystemTest
class DealerInventoryEndToEndTest {

    private static final Duration PROJECTION_WAIT = Duration.ofSeconds(15);

    @LocalServerPort
    int port;

    private CarMarketClient anonymous;
    private Session dealerSession;
    private CarMarketClient dealer;
    private CarMarketClient customer;
    private CarMarketClient admin;
    private final LocalDate today = LocalDate.now(ZoneId.of("Europe/Berlin"));

    private String listed;
    private String withdrawn;
    private String reserved;
    private String sold;
    private String relisted;
    private String reservationId;
    private String bookingId;

    /**
     * A new dealer lists five cars, in this order: a Volkswagen that is booked and stays listed, an Audi that is
     * withdrawn, a BMW for sale that is reserved, a Skoda for sale that is sold, and an Audi that is withdrawn and
     * relisted.
     */
    @BeforeEach
    void aDealerWithCarsInEveryState() {
        anonymous = new CarMarketClient(port);
        dealerSession = anonymous.newUser("DEALER");
        dealer = anonymous.as(dealerSession);
        customer = anonymous.as(anonymous.newUser("CUSTOMER"));
        admin = anonymous.as(anonymous.login("admin@test.carmarket.local", "Test-Root-2026!"));

        listed = dealer.listCar(listing("Volkswagen", "Golf", "WVWZZZ1KZAW100001", "B-IN 1001", null));
        withdrawn = dealer.listCar(listing("Audi", "A4", "WAUZZZ8K9BA200002", "M-IN 2002", null));
        reserved = dealer.listCar(listing("BMW", "320d", "WBA3A5C50DF300003", "HH-IN 3003", "31000.00"));
        sold = dealer.listCar(listing("Skoda", "Octavia", "TMBJJ7NE0J0400004", "K-IN 4004", "18000.00"));
        relisted = dealer.listCar(listing("Audi", "Q5", "WAUZZZ8R0EA500005", "S-IN 5005", null));

        bookingId = ok(customer.book(listed, today.plusDays(10), today.plusDays(12))).get("bookingId").asText();
        ok(dealer.post("/cars/" + withdrawn + "/withdraw", null));
        reservationId = ok(customer.post("/cars/" + reserved + "/purchase-reservations", fullPayment()))
                .get("reservationId").asText();
        String sale = "/cars/" + sold + "/purchase-reservations/"
                + ok(customer.post("/cars/" + sold + "/purchase-reservations", fullPayment())).get("reservationId")
                .asText();
        ok(dealer.post(sale + "/confirm", null));
        ok(dealer.post(sale + "/schedule-inspection", Map.of("inspectionDate", today.plusDays(5).toString())));
        ok(dealer.post(sale + "/complete", null));
        ok(dealer.post("/cars/" + relisted + "/withdraw", null));
        ok(dealer.post("/cars/" + relisted + "/relist", null));

        await().atMost(PROJECTION_WAIT).untilAsserted(() -> assertThat(statuses(dealer.get("/dealer/cars")))
                .containsExactly("LISTED", "SOLD", "RESERVED", "WITHDRAWN", "LISTED"));
    }

    @Test
    void a_dealer_sees_every_own_car_in_every_state_newest_first_with_vin_and_plate() {
        JsonNode page = dealer.get("/dealer/cars").getBody();

        assertThat(ids(page)).containsExactly(relisted, sold, reserved, withdrawn, listed);
        assertThat(absent(page, "nextCursor")).as("one page").isTrue();
        JsonNode golf = items(page).get(4);
        assertThat(golf.get("vin").asText()).isEqualTo("WVWZZZ1KZAW100001");
        assertThat(golf.get("licensePlate").asText()).isEqualTo("B-IN 1001");
        assertThat(golf.get("dealerId").asText()).isEqualTo(dealerSession.userId());
        assertThat(golf.get("make").asText()).isEqualTo("Volkswagen");
        assertThat(golf.get("dailyRate").decimalValue()).isEqualByComparingTo("49.50");
        assertThat(golf.get("currency").asText()).isEqualTo("EUR");
        assertThat(golf.get("listedAt").isTextual()).isTrue();
        JsonNode bmw = items(page).get(2);
        assertThat(bmw.get("reservationId").asText()).isEqualTo(reservationId);
        assertThat(bmw.get("handoverDate").asText()).isEqualTo(today.plusDays(30).toString());
        assertThat(items(page).get(1).get("soldPrice").decimalValue()).isEqualByComparingTo("18000.00");

        CarMarketClient otherDealer = anonymous.as(anonymous.newUser("DEALER"));
        assertThat(ids(otherDealer.get("/dealer/cars").getBody())).as("another dealer's inventory").isEmpty();
        assertThat(dealer.get("/dealer/cars?dealerId=" + dealerSession.userId()).getStatusCode().value())
                .as("naming oneself").isEqualTo(200);
    }

    @Test
    void filters_narrow_the_list_by_state_make_and_text() {
        assertThat(ids(dealer.get("/dealer/cars?status=WITHDRAWN").getBody())).containsExactly(withdrawn);
        assertThat(ids(dealer.get("/dealer/cars?status=SOLD&status=RESERVED").getBody()))
                .containsExactly(sold, reserved);
        assertThat(ids(dealer.get("/dealer/cars?status=LISTED,WITHDRAWN").getBody()))
                .containsExactly(relisted, withdrawn, listed);
        assertThat(ids(dealer.get("/dealer/cars?make=audi").getBody())).containsExactly(relisted, withdrawn);
        assertThat(ids(dealer.get("/dealer/cars?make=AUDI&status=LISTED").getBody())).containsExactly(relisted);
        assertThat(ids(dealer.get("/dealer/cars?q=octavia").getBody())).containsExactly(sold);
        assertThat(ids(dealer.get("/dealer/cars?q=HH-IN").getBody())).as("plate").containsExactly(reserved);
        assertThat(ids(dealer.get("/dealer/cars?q=WBA3A5").getBody())).as("VIN start").containsExactly(reserved);
        assertThat(ids(dealer.get("/dealer/cars?q=500005").getBody())).as("VIN end").containsExactly(relisted);
    }

    @Test
    void sorts_order_the_whole_inventory_and_a_cursor_walk_visits_every_car_exactly_once() {
        assertThat(ids(dealer.get("/dealer/cars?sort=listedAt,asc").getBody()))
                .containsExactly(listed, withdrawn, reserved, sold, relisted);
        assertThat(makes(dealer.get("/dealer/cars?sort=make").getBody()))
                .containsExactly("Audi", "Audi", "BMW", "Skoda", "Volkswagen");
        assertThat(ids(dealer.get("/dealer/cars?sort=askingPrice,desc").getBody()).subList(0, 2))
                .as("cars for sale first, dearest first").containsExactly(reserved, sold);

        for (String sort : List.of("listedAt,desc", "make,asc", "make,desc", "askingPrice,asc", "dailyRate,desc")) {
            List<String> whole = ids(dealer.get("/dealer/cars?sort=" + sort).getBody());
            List<String> walked = new ArrayList<>();
            String cursor = null;
            int pages = 0;
            do {
                JsonNode page = dealer.get("/dealer/cars?limit=2&sort=" + sort
                        + (cursor == null ? "" : "&cursor=" + cursor)).getBody();
                assertThat(items(page)).hasSizeLessThanOrEqualTo(2);
                walked.addAll(ids(page));
                cursor = absent(page, "nextCursor") ? null : page.get("nextCursor").asText();
                pages++;
            } while (cursor != null && pages < 10);
            assertThat(walked).as(sort).hasSize(5).containsExactlyElementsOf(whole);
            assertThat(pages).isEqualTo(3);
        }
    }

    @Test
    void a_car_page_adds_its_live_bookings_and_its_purchase_reservation() {
        JsonNode golf = ok(dealer.get("/dealer/cars/" + listed));
        assertThat(golf.get("car").get("vin").asText()).isEqualTo("WVWZZZ1KZAW100001");
        assertThat(golf.get("liveBookings")).hasSize(1);
        assertThat(golf.get("liveBookings").get(0).get("bookingId").asText()).isEqualTo(bookingId);
        assertThat(golf.get("liveBookings").get(0).get("status").asText()).isEqualTo("CONFIRMED");
        assertThat(absent(golf, "purchaseReservation")).isTrue();

        await().atMost(PROJECTION_WAIT).untilAsserted(() -> {
            JsonNode bmw = ok(dealer.get("/dealer/cars/" + reserved));
            assertThat(bmw.get("car").get("status").asText()).isEqualTo("RESERVED");
            assertThat(bmw.get("purchaseReservation").get("reservationId").asText()).isEqualTo(reservationId);
            assertThat(bmw.get("purchaseReservation").get("status").asText()).isEqualTo("PENDING");
        });
        await().atMost(PROJECTION_WAIT).untilAsserted(() -> assertThat(ok(dealer.get("/dealer/cars/" + sold))
                .get("purchaseReservation").get("status").asText()).isEqualTo("COMPLETED"));
        assertThat(ok(dealer.get("/dealer/cars/" + withdrawn)).get("car").get("status").asText())
                .isEqualTo("WITHDRAWN");
    }

    @Test
    void another_dealers_car_is_not_found_and_admins_see_any_car() {
        CarMarketClient otherDealer = anonymous.as(anonymous.newUser("DEALER"));

        ResponseEntity<JsonNode> notTheirs = otherDealer.get("/dealer/cars/" + listed);
        assertThat(notTheirs.getStatusCode().value()).as("existence does not leak").isEqualTo(404);
        assertThat(notTheirs.getHeaders().getContentType()).isEqualTo(MediaType.APPLICATION_PROBLEM_JSON);
        assertThat(notTheirs.getBody().get("code").asText()).isEqualTo("CAR_NOT_FOUND");
        assertThat(dealer.get("/dealer/cars/" + UUID.randomUUID()).getStatusCode().value()).isEqualTo(404);
        assertThat(ok(admin.get("/dealer/cars/" + listed)).get("car").get("carId").asText()).isEqualTo(listed);
    }

    @Test
    void who_may_read_whose_inventory() {
        String mine = "/dealer/cars?dealerId=" + dealerSession.userId();
        CarMarketClient otherDealer = anonymous.as(anonymous.newUser("DEALER"));

        assertProblem(otherDealer.get(mine), 403);
        assertThat(ids(ok(admin.get(mine)))).hasSize(5);
        ResponseEntity<JsonNode> adminWithoutDealer = admin.get("/dealer/cars");
        assertProblem(adminWithoutDealer, 400);
        assertThat(adminWithoutDealer.getBody().get("errors").has("dealerId")).isTrue();
        CarMarketClient auditor = newAuditor();
        assertThat(ids(ok(auditor.get(mine)))).as("auditors read, like admins").hasSize(5);
        assertThat(ok(auditor.get("/dealer/cars/" + sold)).get("car").get("status").asText()).isEqualTo("SOLD");
        assertProblem(customer.get("/dealer/cars"), 403);
        assertProblem(customer.get("/dealer/cars/" + listed), 403);
        assertProblem(anonymous.get("/dealer/cars"), 401);
        assertProblem(anonymous.get("/dealer/cars/" + listed), 401);
    }

    @Test
    void bad_parameters_are_refused_naming_the_parameter() {
        assertBadParameter("/dealer/cars?limit=0", "limit");
        assertBadParameter("/dealer/cars?limit=101", "limit");
        assertBadParameter("/dealer/cars?limit=many", "limit");
        assertBadParameter("/dealer/cars?sort=color", "sort");
        assertBadParameter("/dealer/cars?sort=make,sideways", "sort");
        assertBadParameter("/dealer/cars?status=LOST", "status");
        assertBadParameter("/dealer/cars?cursor=not-a-cursor", "cursor");
        assertBadParameter("/dealer/cars?q=--", "q");
        String listedAtCursor = dealer.get("/dealer/cars?limit=1").getBody().get("nextCursor").asText();
        assertBadParameter("/dealer/cars?sort=make&cursor=" + listedAtCursor, "cursor");
    }

    @Test
    void a_replay_rebuilds_the_inventory_identically() {
        String mine = "/dealer/cars?limit=100&dealerId=" + dealerSession.userId();
        JsonNode before = ok(admin.get(mine));

        ResponseEntity<JsonNode> replay = admin.post("/admin/projections/dealer-inventory/replay", Map.of());

        assertThat(replay.getStatusCode().value()).as(String.valueOf(replay.getBody())).isEqualTo(202);
        await().atMost(Duration.ofSeconds(60)).untilAsserted(() -> {
            JsonNode progress = ok(admin.get("/admin/projections/dealer-inventory"));
            assertThat(absent(progress, "replay")).as(String.valueOf(progress)).isTrue();
            assertThat(progress.get("state").asText()).isEqualTo("RUNNING");
            assertThat(progress.get("progressPercent").asDouble()).isEqualTo(100.0);
        });
        assertThat(ok(admin.get(mine))).isEqualTo(before);
    }

    private ObjectNode listing(String make, String model, String vin, String plate, String askingPrice) {
        ObjectNode listing = anonymous.carListing(make).put("model", model).put("vin", vin).put("licensePlate", plate);
        if (askingPrice != null) {
            listing.put("askingPrice", askingPrice);
        }
        return listing;
    }

    private ObjectNode fullPayment() {
        return JsonNodeFactory.instance.objectNode().put("paymentMethod", "FULL_PAYMENT")
                .put("handoverDate", today.plusDays(30).toString());
    }

    private CarMarketClient newAuditor() {
        String email = "auditor-" + UUID.randomUUID() + "@test.example";
        ObjectNode body = JsonNodeFactory.instance.objectNode().put("email", email).put("password", "Ledger-Check-77")
                .put("name", "Auditor");
        assertThat(admin.post("/admin/auditors", body).getStatusCode().value()).isEqualTo(201);
        return anonymous.as(anonymous.login(email, "Ledger-Check-77"));
    }

    private static JsonNode ok(ResponseEntity<JsonNode> response) {
        assertThat(response.getStatusCode().is2xxSuccessful()).as(String.valueOf(response.getBody())).isTrue();
        return response.getBody();
    }

    /** Null fields are left out of answers. */
    private static boolean absent(JsonNode node, String field) {
        return !node.has(field) || node.get(field).isNull();
    }

    private static List<String> ids(JsonNode page) {
        return items(page).stream().map(item -> item.get("carId").asText()).toList();
    }

    private static List<String> makes(JsonNode page) {
        return items(page).stream().map(item -> item.get("make").asText()).toList();
    }

    private static List<String> statuses(ResponseEntity<JsonNode> response) {
        return items(ok(response)).stream().map(item -> item.get("status").asText()).toList();
    }

    private static void assertProblem(ResponseEntity<JsonNode> response, int status) {
        assertThat(response.getStatusCode().value()).as(String.valueOf(response.getBody())).isEqualTo(status);
        assertThat(response.getHeaders().getContentType()).isEqualTo(MediaType.APPLICATION_PROBLEM_JSON);
    }

    private void assertBadParameter(String pathAndQuery, String parameter) {
        ResponseEntity<JsonNode> response = dealer.get(pathAndQuery);
        assertThat(response.getStatusCode().value()).as(pathAndQuery).isEqualTo(400);
        assertThat(response.getHeaders().getContentType()).isEqualTo(MediaType.APPLICATION_PROBLEM_JSON);
        assertThat(response.getBody().get("errors").has(parameter)).as(pathAndQuery + " names " + parameter).isTrue();
    }
}
