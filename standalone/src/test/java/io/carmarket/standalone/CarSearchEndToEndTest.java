package io.carmarket.standalone;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.http.HttpMethod;
import org.springframework.http.ResponseEntity;

import java.time.Duration;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.stream.StreamSupport;

import static io.carmarket.standalone.CarMarketClient.items;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * The public car queries over HTTP against the whole standalone system: search filters and free text, the
 * availability calendar, similar and featured cars and make counts, each fed by commands through the projection.
 * Cars get makes of their own, so tests sharing the running system do not see each other's cars in a search.
 */
@StandaloneSystemTest
class CarSearchEndToEndTest {

    private static final Duration PROJECTION_WAIT = Duration.ofSeconds(10);
    private static final String ADMIN_EMAIL = "admin@test.carmarket.local";
    private static final String ADMIN_PASSWORD = "Test-Root-2026!";

    @LocalServerPort
    int port;

    private final ObjectMapper json = new ObjectMapper();
    private final LocalDate today = LocalDate.now(ZoneId.of("Europe/Berlin"));
    /** Anonymous: every query here is public. */
    private CarMarketClient client;
    private CarMarketClient dealer;
    private CarMarketClient.Session customerSession;
    private CarMarketClient customer;

    @BeforeEach
    void connect() {
        client = new CarMarketClient(port);
        dealer = client.as(client.newUser("DEALER"));
        customerSession = client.newUser("CUSTOMER");
        customer = client.as(customerSession);
    }

    @Test
    void search_filters_by_year_body_type_transmission_fuel_type_mileage_and_city() {
        String make = uniqueMake();
        String old = dealer.listCar(listing(make).put("year", 2016).put("mileage", 120_000));
        String suv = dealer.listCar(listing(make).put("year", 2021).put("bodyType", "SUV")
                .put("transmission", "AUTOMATIC").put("fuelType", "DIESEL").put("mileage", 40_000));
        ObjectNode inHamburg = listing(make).put("year", 2023).put("fuelType", "ELECTRIC").put("mileage", 5_000);
        inHamburg.putObject("location").put("city", "Hamburg").put("timeZone", "Europe/Berlin");
        String hamburg = dealer.listCar(inHamburg);
        awaitSearchHits("make=" + make, 3);

        assertThat(ids("make=" + make + "&minYear=2020")).containsExactlyInAnyOrder(suv, hamburg);
        assertThat(ids("make=" + make + "&maxYear=2021")).containsExactlyInAnyOrder(old, suv);
        assertThat(ids("make=" + make + "&minYear=2017&maxYear=2022")).containsExactly(suv);
        assertThat(ids("make=" + make + "&bodyType=SUV")).containsExactly(suv);
        assertThat(ids("make=" + make + "&transmission=MANUAL")).containsExactlyInAnyOrder(old, hamburg);
        assertThat(ids("make=" + make + "&fuelType=ELECTRIC")).containsExactly(hamburg);
        assertThat(ids("make=" + make + "&maxMileage=40000")).containsExactlyInAnyOrder(suv, hamburg);
        assertThat(ids("make=" + make + "&city=hamburg")).containsExactly(hamburg);
        assertThat(ids("make=" + make + "&city=HAMBURG&fuelType=ELECTRIC&maxMileage=5000")).containsExactly(hamburg);
        assertThat(ids("make=" + make + "&sort=year,desc")).containsExactly(hamburg, suv, old);
    }

    @Test
    void free_text_matches_word_prefixes_of_make_model_and_variant_and_follows_listing_changes() {
        String make = uniqueMake();
        String golf = dealer.listCar(listing(make).put("model", "Golf").put("variant", "1.5 TSI Life"));
        String polo = dealer.listCar(listing(make).put("model", "Polo").put("variant", "GTI"));
        awaitSearchHits("make=" + make, 2);
        String makeWord = make.toLowerCase();

        assertThat(ids("q=" + makeWord)).containsExactlyInAnyOrder(golf, polo);
        assertThat(ids("q=" + makeWord + " golf tsi")).containsExactly(golf);
        assertThat(ids("q=" + make.substring(0, 8).toUpperCase() + " GT")).containsExactly(polo);
        assertThat(ids("q=" + makeWord + " olf")).as("a word must start, not merely occur").isEmpty();

        ResponseEntity<JsonNode> changed = dealer.exchange(HttpMethod.PATCH, "/cars/" + polo,
                json.createObjectNode().put("model", "Passat").put("variant", "Variant 2.0 TDI"));
        assertThat(changed.getStatusCode().value()).isEqualTo(200);
        await().atMost(PROJECTION_WAIT).untilAsserted(() ->
                assertThat(ids("q=" + makeWord + " passat tdi")).containsExactly(polo));
        assertThat(ids("q=" + makeWord + " polo")).isEmpty();
    }

    @Test
    void the_calendar_shows_booked_and_pending_nights_for_the_requested_days() {
        String carId = dealer.listCar(listing(uniqueMake()));
        LocalDate peakDay = today.plusDays(20);
        ArrayNode peakWindows = json.createArrayNode();
        peakWindows.addObject().put("from", peakDay.toString()).put("until", peakDay.plusDays(1).toString());
        assertThat(dealer.exchange(HttpMethod.PUT, "/cars/" + carId + "/peak-windows", peakWindows)
                .getStatusCode().value()).isEqualTo(200);
        assertThat(customer.book(carId, today.plusDays(10), today.plusDays(12)).getBody().get("status").asText())
                .isEqualTo("CONFIRMED");
        ResponseEntity<JsonNode> pending = customer.book(carId, peakDay, peakDay.plusDays(2));
        assertThat(pending.getBody().get("status").asText()).isEqualTo("PENDING_APPROVAL");

        String path = "/cars/" + carId + "/availability?from=" + today.plusDays(9) + "&to=" + today.plusDays(23);
        await().atMost(PROJECTION_WAIT).untilAsserted(() -> assertThat(unavailableDays(client.get(path).getBody()))
                .containsExactly(today.plusDays(10), today.plusDays(11), peakDay, peakDay.plusDays(1)));
        JsonNode calendar = client.get(path).getBody();
        assertThat(calendar.get("carId").asText()).isEqualTo(carId);
        assertThat(calendar.get("from").asText()).isEqualTo(today.plusDays(9).toString());
        assertThat(calendar.get("to").asText()).isEqualTo(today.plusDays(23).toString());
        assertThat(calendar.get("days")).hasSize(14);
        assertThat(pendingDays(calendar)).containsExactly(peakDay, peakDay.plusDays(1));
        assertThat(calendar.toString()).as("nothing about who booked").doesNotContain(customerSession.userId())
                .doesNotContain(pending.getBody().get("bookingId").asText()).doesNotContainIgnoringCase("customer");

        String bookingId = pending.getBody().get("bookingId").asText();
        assertThat(dealer.post("/cars/" + carId + "/bookings/" + bookingId + "/approve", json.createObjectNode())
                .getStatusCode().value()).isEqualTo(200);
        await().atMost(PROJECTION_WAIT).untilAsserted(() ->
                assertThat(pendingDays(client.get(path).getBody())).isEmpty());
        assertThat(unavailableDays(client.get(path).getBody())).contains(peakDay, peakDay.plusDays(1));
    }

    @Test
    void without_dates_the_calendar_shows_sixty_days_from_today_in_the_cars_zone() {
        ObjectNode inTokyo = listing(uniqueMake());
        inTokyo.putObject("location").put("city", "Tokyo").put("timeZone", "Asia/Tokyo");
        String carId = dealer.listCar(inTokyo);
        awaitCarPage(carId);

        JsonNode calendar = client.get("/cars/" + carId + "/availability").getBody();
        LocalDate todayInTokyo = LocalDate.parse(calendar.get("from").asText());
        assertThat(todayInTokyo).isIn(LocalDate.now(ZoneId.of("Asia/Tokyo")),
                LocalDate.now(ZoneId.of("Asia/Tokyo")).minusDays(1));
        assertThat(calendar.get("to").asText()).isEqualTo(todayInTokyo.plusDays(60).toString());
        assertThat(calendar.get("days")).hasSize(60);

        JsonNode fromOnly = client.get("/cars/" + carId + "/availability?from=2031-01-01").getBody();
        assertThat(fromOnly.get("to").asText()).isEqualTo("2031-03-02");
    }

    @Test
    void similar_cars_share_the_body_type_and_a_price_within_a_quarter_same_make_first_then_nearest_year() {
        String make = uniqueMake();
        String otherMake = uniqueMake();
        String car = dealer.listCar(pickup(make, 2020, "700.00"));
        String sameMakeNear = dealer.listCar(pickup(make, 2021, "800.00"));
        String sameMakeFar = dealer.listCar(pickup(make, 2015, "600.00"));
        String otherMakeSameYear = dealer.listCar(pickup(otherMake, 2020, "700.00"));
        String tooDear = dealer.listCar(pickup(make, 2020, "900.00"));
        String otherBody = dealer.listCar(pickup(make, 2020, "700.00").put("bodyType", "VAN"));
        String withdrawn = dealer.listCar(pickup(make, 2020, "700.00"));
        assertThat(dealer.post("/cars/" + withdrawn + "/withdraw", json.createObjectNode()).getStatusCode().value())
                .isEqualTo(200);
        awaitSearchHits("make=" + make, 5);

        List<String> similar = ids(client.get("/cars/" + car + "/similar?limit=20").getBody());

        assertThat(similar).containsExactly(sameMakeNear, sameMakeFar, otherMakeSameYear)
                .doesNotContain(car, tooDear, otherBody, withdrawn);
        assertThat(ids(client.get("/cars/" + car + "/similar?limit=1").getBody())).containsExactly(sameMakeNear);
        assertThat(client.get("/cars/" + withdrawn + "/similar").getStatusCode().value()).isEqualTo(404);
    }

    @Test
    void featured_cars_are_those_an_admin_features_newest_first() {
        CarMarketClient admin = client.as(client.login(ADMIN_EMAIL, ADMIN_PASSWORD));
        String make = uniqueMake();
        String first = dealer.listCar(listing(make));
        String plain = dealer.listCar(listing(make));
        String second = dealer.listCar(listing(make));
        for (String carId : List.of(first, second)) {
            ResponseEntity<JsonNode> featured = admin.exchange(HttpMethod.PUT, "/cars/" + carId + "/featured",
                    json.createObjectNode().put("featured", true));
            assertThat(featured.getStatusCode().value()).as(featured.toString()).isEqualTo(200);
        }

        await().atMost(PROJECTION_WAIT).untilAsserted(() ->
                assertThat(ids(client.get("/cars/featured?limit=50").getBody())).contains(first, second));
        List<String> featured = ids(client.get("/cars/featured?limit=50").getBody());
        assertThat(featured).doesNotContain(plain);
        assertThat(featured.indexOf(second)).as("newest first").isLessThan(featured.indexOf(first));
        assertThat(items(client.search("make=" + make))).filteredOn(item -> item.get("featured").asBoolean())
                .extracting(item -> item.get("carId").asText()).containsExactlyInAnyOrder(first, second);

        admin.exchange(HttpMethod.PUT, "/cars/" + first + "/featured", json.createObjectNode().put("featured", false));
        await().atMost(PROJECTION_WAIT).untilAsserted(() ->
                assertThat(ids(client.get("/cars/featured?limit=50").getBody())).contains(second).doesNotContain(first));
    }

    @Test
    void makes_are_counted_over_public_cars_most_first_then_by_name() {
        String make = uniqueMake();
        String otherMake = uniqueMake();
        dealer.listCar(listing(make));
        dealer.listCar(listing(make.toUpperCase()));
        dealer.listCar(listing(otherMake));
        String withdrawn = dealer.listCar(listing(otherMake));
        dealer.post("/cars/" + withdrawn + "/withdraw", json.createObjectNode());

        await().atMost(PROJECTION_WAIT).untilAsserted(() -> {
            JsonNode makes = client.get("/cars/makes").getBody();
            assertThat(countOf(makes, make)).isEqualTo(2);
            assertThat(countOf(makes, otherMake)).isEqualTo(1);
        });
        List<JsonNode> makes = StreamSupport.stream(client.get("/cars/makes").getBody().spliterator(), false)
                .toList();
        for (int i = 1; i < makes.size(); i++) {
            JsonNode before = makes.get(i - 1);
            JsonNode after = makes.get(i);
            assertThat(before.get("count").asLong()).isGreaterThanOrEqualTo(after.get("count").asLong());
            if (before.get("count").asLong() == after.get("count").asLong()) {
                assertThat(before.get("make").asText().toLowerCase())
                        .isLessThan(after.get("make").asText().toLowerCase());
            }
        }
    }

    @Test
    void a_reserved_car_stays_on_the_market_until_it_is_sold() {
        String make = uniqueMake();
        String carId = dealer.listCar(listing(make).put("askingPrice", "15000.00"));
        awaitSearchHits("make=" + make, 1);

        ResponseEntity<JsonNode> reserved = customer.post("/cars/" + carId + "/purchase-reservations",
                json.createObjectNode().put("paymentMethod", "FULL_PAYMENT")
                        .put("handoverDate", today.plusDays(14).toString()));
        assertThat(reserved.getStatusCode().value()).as(reserved.toString()).isEqualTo(201);
        String reservation = "/cars/" + carId + "/purchase-reservations/"
                + reserved.getBody().get("reservationId").asText();
        await().atMost(PROJECTION_WAIT).untilAsserted(() -> assertThat(client.get("/cars/" + carId + "/availability")
                .getBody().path("handoverDate").asText()).isEqualTo(today.plusDays(14).toString()));
        assertThat(client.get("/cars/" + carId).getBody().get("status").asText()).isEqualTo("RESERVED");
        assertThat(ids("make=" + make)).containsExactly(carId);

        assertThat(dealer.post(reservation + "/confirm", json.createObjectNode()).getStatusCode().value())
                .isEqualTo(200);
        assertThat(dealer.post(reservation + "/schedule-inspection",
                json.createObjectNode().put("inspectionDate", today.plusDays(7).toString())).getStatusCode().value())
                .isEqualTo(200);
        assertThat(dealer.post(reservation + "/complete", json.createObjectNode()).getStatusCode().value())
                .isEqualTo(200);

        awaitSearchHits("make=" + make, 0);
        for (String path : List.of("", "/availability", "/similar")) {
            ResponseEntity<JsonNode> gone = client.get("/cars/" + carId + path);
            assertThat(gone.getStatusCode().value()).as(path).isEqualTo(404);
            assertThat(gone.getBody().get("code").asText()).isEqualTo("CAR_NOT_FOUND");
        }
    }

    @Test
    void withdrawn_and_unknown_cars_have_no_calendar_and_no_similar_cars() {
        String carId = dealer.listCar(listing(uniqueMake()));
        awaitCarPage(carId);
        dealer.post("/cars/" + carId + "/withdraw", json.createObjectNode());

        await().atMost(PROJECTION_WAIT).untilAsserted(() ->
                assertThat(client.get("/cars/" + carId + "/availability").getStatusCode().value()).isEqualTo(404));
        assertThat(client.get("/cars/" + carId + "/similar").getStatusCode().value()).isEqualTo(404);
        String unknown = UUID.randomUUID().toString();
        for (String path : List.of("/availability", "/similar")) {
            ResponseEntity<JsonNode> response = client.get("/cars/" + unknown + path);
            assertThat(response.getStatusCode().value()).isEqualTo(404);
            assertThat(response.getBody().get("code").asText()).isEqualTo("CAR_NOT_FOUND");
        }
    }

    @Test
    void featured_and_makes_are_routes_of_their_own_not_car_ids() {
        ResponseEntity<JsonNode> featured = client.get("/cars/featured");
        assertThat(featured.getStatusCode().value()).isEqualTo(200);
        assertThat(featured.getBody().get("items").isArray()).isTrue();

        ResponseEntity<JsonNode> makes = client.get("/cars/makes");
        assertThat(makes.getStatusCode().value()).isEqualTo(200);
        assertThat(makes.getBody().isArray()).isTrue();
    }

    @Test
    void nonsensical_parameters_are_answered_400_naming_the_parameter() {
        String carId = dealer.listCar(listing(uniqueMake()));
        awaitCarPage(carId);
        String car = "/cars/" + carId;

        assertBadParameter("/cars?minYear=old", "minYear");
        assertBadParameter("/cars?minYear=1800", "minYear");
        assertBadParameter("/cars?minYear=2022&maxYear=2020", "maxYear");
        assertBadParameter("/cars?bodyType=BOAT", "bodyType");
        assertBadParameter("/cars?transmission=CVT", "transmission");
        assertBadParameter("/cars?fuelType=STEAM", "fuelType");
        assertBadParameter("/cars?maxMileage=-5", "maxMileage");
        assertBadParameter("/cars?city=" + "x".repeat(81), "city");
        assertBadParameter("/cars?q=" + "x".repeat(101), "q");
        assertBadParameter("/cars?q=!*", "q");
        assertBadParameter(car + "/availability?from=soon", "from");
        assertBadParameter(car + "/availability?from=2031-01-10&to=2031-01-10", "to");
        assertBadParameter(car + "/availability?from=2031-01-10&to=2032-01-12", "to");
        assertBadParameter(car + "/availability?to=" + today.minusDays(3), "to");
        assertBadParameter(car + "/similar?limit=0", "limit");
        assertBadParameter(car + "/similar?limit=21", "limit");
        assertBadParameter("/cars/featured?limit=51", "limit");
        assertBadParameter("/cars/featured?limit=all", "limit");
    }

    private void assertBadParameter(String pathAndQuery, String parameter) {
        ResponseEntity<JsonNode> response = client.get(pathAndQuery);
        assertThat(response.getStatusCode().value()).as(pathAndQuery).isEqualTo(400);
        assertThat(response.getBody().get("errors").has(parameter)).as(pathAndQuery + " names " + parameter)
                .isTrue();
    }

    private ObjectNode listing(String make) {
        return client.carListing(make);
    }

    private ObjectNode pickup(String make, int year, String dailyRate) {
        return listing(make).put("bodyType", "PICKUP").put("year", year).put("dailyRate", dailyRate);
    }

    private List<String> ids(String query) {
        return ids(client.search(query));
    }

    private static List<String> ids(JsonNode list) {
        return items(list).stream().map(item -> item.get("carId").asText()).toList();
    }

    private static List<LocalDate> unavailableDays(JsonNode calendar) {
        return days(calendar, "available", false);
    }

    private static List<LocalDate> pendingDays(JsonNode calendar) {
        return days(calendar, "pending", true);
    }

    private static List<LocalDate> days(JsonNode calendar, String flag, boolean value) {
        List<LocalDate> days = new ArrayList<>();
        for (JsonNode day : calendar.get("days")) {
            if (day.get(flag).asBoolean() == value) {
                days.add(LocalDate.parse(day.get("date").asText()));
            }
        }
        return days;
    }

    private static long countOf(JsonNode makes, String make) {
        for (JsonNode entry : makes) {
            if (entry.get("make").asText().equalsIgnoreCase(make)) {
                return entry.get("count").asLong();
            }
        }
        return 0;
    }

    private void awaitSearchHits(String query, int expected) {
        await().atMost(PROJECTION_WAIT).untilAsserted(() ->
                assertThat(items(client.search(query))).hasSize(expected));
    }

    private void awaitCarPage(String carId) {
        await().atMost(PROJECTION_WAIT).untilAsserted(() ->
                assertThat(client.get("/cars/" + carId).getStatusCode().value()).isEqualTo(200));
    }

    private static String uniqueMake() {
        return "Make" + UUID.randomUUID().toString().replace("-", "").substring(0, 10);
    }
}
