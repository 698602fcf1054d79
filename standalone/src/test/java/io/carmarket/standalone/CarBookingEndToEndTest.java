package io.carmarket.standalone;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.RepeatedTest;
import org.junit.jupiter.api.Test;
import io.carmarket.api.car.CarBooked;
import io.carmarket.api.car.DateRange;
import org.axonframework.eventsourcing.eventstore.DomainEventStream;
import org.axonframework.eventsourcing.eventstore.EventStore;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;

import java.time.Duration;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.UUID;

import static io.carmarket.standalone.CarMarketClient.items;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * The walking skeleton over HTTP against the whole standalone system: a car listed by command shows up in the
 * MongoDB search read model, and its bookings decide its availability there.
 */
@StandaloneSystemTest
class CarBookingEndToEndTest {

    private static final Duration PROJECTION_WAIT = Duration.ofSeconds(10);

    @LocalServerPort
    int port;

    @Autowired
    EventStore eventStore;

    /** Anonymous: searches and car pages are public. */
    private CarMarketClient client;
    private CarMarketClient dealer;
    private CarMarketClient customer;
    private final LocalDate today = LocalDate.now(ZoneId.of("Europe/Berlin"));

    @BeforeEach
    void connect() {
        client = new CarMarketClient(port);
        dealer = client.as(client.newUser("DEALER"));
        customer = client.as(client.newUser("CUSTOMER"));
    }

    @Test
    void a_listed_car_is_booked_refused_for_overlapping_dates_and_freed_by_cancelling() {
        String make = uniqueMake();
        String carId = dealer.listCar(client.carListing(make));
        awaitSearchHits("make=" + make, 1);

        ResponseEntity<JsonNode> booked = customer.book(carId, today.plusDays(10), today.plusDays(13));
        assertThat(booked.getStatusCode().value()).isEqualTo(201);
        assertThat(booked.getBody().get("status").asText()).isEqualTo("CONFIRMED");
        assertThat(booked.getBody().get("totalPrice").decimalValue()).isEqualByComparingTo("148.50");
        String bookingId = booked.getBody().get("bookingId").asText();

        ResponseEntity<JsonNode> overlapping = customer.book(carId, today.plusDays(12), today.plusDays(15));
        assertThat(overlapping.getStatusCode().value()).isEqualTo(409);
        assertThat(overlapping.getHeaders().getContentType()).isEqualTo(MediaType.APPLICATION_PROBLEM_JSON);
        assertThat(overlapping.getBody().get("code").asText()).isEqualTo("BOOKING_OVERLAP");
        assertThat(overlapping.getBody().get("conflictingStartDate").asText()).isEqualTo(today.plusDays(10).toString());
        assertThat(overlapping.getBody().get("conflictingEndDate").asText()).isEqualTo(today.plusDays(13).toString());

        String bookedDates = availability(make, today.plusDays(11), today.plusDays(12));
        String freeDates = availability(make, today.plusDays(13), today.plusDays(20));
        awaitAvailable(bookedDates, false);
        assertThat(onlyItem(client.search(freeDates)).get("available").asBoolean()).isTrue();

        ResponseEntity<JsonNode> cancelled = customer.cancel(carId, bookingId);
        assertThat(cancelled.getStatusCode().value()).isEqualTo(200);
        assertThat(cancelled.getBody().get("status").asText()).isEqualTo("CANCELLED");
        awaitAvailable(bookedDates, true);

        assertThat(customer.book(carId, today.plusDays(12), today.plusDays(15)).getStatusCode().value())
                .as("the cancelled booking's dates can be booked again").isEqualTo(201);
    }

    /**
     * 50 clients race for one car: five groups of ten ask for overlapping dates within their group and disjoint
     * dates between groups. Exactly one request per group wins, and the event stream and the read model agree.
     */
    @RepeatedTest(3)
    void of_fifty_clients_racing_for_overlapping_dates_exactly_one_wins_each_contested_interval() throws Exception {
        String carId = dealer.listCar(client.carListing(uniqueMake()));
        List<CarMarketClient> customers = java.util.stream.IntStream.range(0, 10)
                .mapToObj(i -> client.as(client.newUser("CUSTOMER"))).toList();
        int groups = 5;
        int clientsPerGroup = 10;
        ExecutorService pool = Executors.newFixedThreadPool(groups * clientsPerGroup);
        CountDownLatch start = new CountDownLatch(1);
        Map<Integer, List<Future<Integer>>> answersByGroup = new java.util.TreeMap<>();
        for (int group = 0; group < groups; group++) {
            LocalDate groupStart = today.plusDays(20 + group * 10L);
            for (int i = 0; i < clientsPerGroup; i++) {
                CarMarketClient racer = customers.get(i);
                LocalDate from = groupStart.plusDays(i % 3);
                answersByGroup.computeIfAbsent(group, g -> new ArrayList<>()).add(pool.submit(() -> {
                    start.await();
                    return racer.book(carId, from, from.plusDays(3)).getStatusCode().value();
                }));
            }
        }
        start.countDown();
        for (Map.Entry<Integer, List<Future<Integer>>> group : answersByGroup.entrySet()) {
            List<Integer> statuses = new ArrayList<>();
            for (Future<Integer> answer : group.getValue()) {
                statuses.add(answer.get(60, TimeUnit.SECONDS));
            }
            assertThat(statuses).as("group %d", group.getKey()).containsOnly(201, 409);
            assertThat(statuses).as("winners of group %d", group.getKey()).filteredOn(status -> status == 201)
                    .hasSize(1);
        }
        pool.shutdown();

        List<DateRange> booked = eventStore.readEvents(carId).asStream()
                .filter(event -> event.getPayload() instanceof CarBooked)
                .map(event -> ((CarBooked) event.getPayload()).period()).toList();
        assertThat(booked).as("bookings in the car's event stream").hasSize(groups);
        assertNoTwoOverlap(booked);
        await().atMost(PROJECTION_WAIT).untilAsserted(() -> {
            JsonNode periods = client.get("/cars/" + carId).getBody().get("bookedPeriods");
            assertThat(periods).as("bookings in the read model").hasSize(groups);
        });
    }

    /**
     * A car that crosses its snapshot threshold under many concurrent clients keeps answering them. (The snapshot
     * used to be taken while the car's lock was held and waited for a database connection held by the commands
     * queued behind that lock, until the pool gave up. The bound below is generous; it fails only if such a stall
     * returns.)
     */
    @Test
    void a_car_with_more_events_than_the_snapshot_threshold_keeps_answering_concurrent_clients() throws Exception {
        String carId = dealer.listCar(client.carListing(uniqueMake()));
        for (int day = 1; day <= 95; day++) {
            assertThat(customer.book(carId, today.plusDays(day), today.plusDays(day + 1L)).getStatusCode().value())
                    .isEqualTo(201);
        }
        ExecutorService pool = Executors.newFixedThreadPool(32);
        CountDownLatch start = new CountDownLatch(1);
        List<Future<Integer>> answers = new ArrayList<>();
        for (int i = 0; i < 32; i++) {
            LocalDate from = today.plusDays(200L + i / 2);
            answers.add(pool.submit(() -> {
                start.await();
                return customer.book(carId, from, from.plusDays(1)).getStatusCode().value();
            }));
        }
        start.countDown();
        List<Integer> statuses = new ArrayList<>();
        for (Future<Integer> answer : answers) {
            statuses.add(answer.get(60, TimeUnit.SECONDS));
        }
        pool.shutdown();

        assertThat(statuses).containsOnly(201, 409);
        assertThat(statuses).filteredOn(status -> status == 201).hasSize(16);
    }

    /** Past the snapshot threshold (every 100 events), a car is loaded from its snapshot instead of all its events. */
    @Test
    void a_car_past_the_snapshot_threshold_has_a_snapshot_to_load_from() {
        String carId = dealer.listCar(client.carListing(uniqueMake()));
        for (int day = 1; day <= 105; day++) {
            assertThat(customer.book(carId, today.plusDays(day), today.plusDays(day + 1L)).getStatusCode().value())
                    .isEqualTo(201);
        }

        await().atMost(PROJECTION_WAIT).untilAsserted(() -> {
            DomainEventStream stream = eventStore.readEvents(carId);
            assertThat(stream.hasNext()).isTrue();
            assertThat(stream.peek().getPayloadType().getName()).isEqualTo("io.carmarket.command.car.Car");
            assertThat(stream.peek().getSequenceNumber()).isGreaterThanOrEqualTo(99);
        });
    }

    private static void assertNoTwoOverlap(List<DateRange> periods) {
        for (int i = 0; i < periods.size(); i++) {
            for (int j = i + 1; j < periods.size(); j++) {
                assertThat(periods.get(i).overlaps(periods.get(j)))
                        .as("%s overlaps %s", periods.get(i), periods.get(j)).isFalse();
            }
        }
    }

    @Test
    void search_results_and_car_details_never_contain_vin_or_licence_plate() {
        String make = uniqueMake();
        ObjectNode listing = client.carListing(make);
        String carId = dealer.listCar(listing);
        awaitSearchHits("make=" + make, 1);

        String searchBody = client.getText("/cars?make=" + make).getBody();
        String detailsBody = client.getText("/cars/" + carId).getBody();

        for (String body : List.of(searchBody, detailsBody)) {
            assertThat(body).doesNotContain(listing.get("vin").asText())
                    .doesNotContain(listing.get("licensePlate").asText())
                    .doesNotContainIgnoringCase("vin").doesNotContainIgnoringCase("licensePlate");
        }
        assertThat(detailsBody).contains(carId).contains(make);
    }

    @Test
    void search_pages_through_results_with_a_cursor_in_the_requested_order() {
        String make = uniqueMake();
        for (String rate : List.of("30.00", "10.00", "20.00")) {
            dealer.listCar((ObjectNode) client.carListing(make).put("dailyRate", rate));
        }
        awaitSearchHits("make=" + make, 3);

        JsonNode first = client.search("make=" + make + "&sort=price,asc&limit=2");
        assertThat(items(first)).extracting(item -> item.get("dailyRate").asDouble())
                .containsExactly(10.0, 20.0);
        assertThat(first.get("nextCursor").asText()).isNotBlank();

        JsonNode second = client.search("make=" + make + "&sort=price,asc&limit=2&cursor="
                + first.get("nextCursor").asText());
        assertThat(items(second)).extracting(item -> item.get("dailyRate").asDouble())
                .containsExactly(30.0);
        assertThat(second.has("nextCursor")).isFalse();
    }

    @Test
    void search_filters_by_price_range_and_several_makes() {
        String makeA = uniqueMake();
        String makeB = uniqueMake();
        dealer.listCar((ObjectNode) client.carListing(makeA).put("dailyRate", "40.00"));
        dealer.listCar((ObjectNode) client.carListing(makeA).put("dailyRate", "90.00"));
        dealer.listCar((ObjectNode) client.carListing(makeB).put("dailyRate", "60.00"));
        awaitSearchHits("make=" + makeA + "&make=" + makeB, 3);

        JsonNode affordable = client.search("make=" + makeA + "&make=" + makeB.toLowerCase()
                + "&minPrice=50&maxPrice=95&sort=price,desc");
        assertThat(items(affordable)).extracting(item -> item.get("dailyRate").asDouble())
                .containsExactly(90.0, 60.0);
    }

    @Test
    void an_invalid_listing_is_answered_400_with_the_fields_at_fault() {
        ObjectNode listing = client.carListing(uniqueMake());
        listing.remove("make");
        listing.put("year", 1800).put("dailyRate", "-5").put("vin", "short");

        ResponseEntity<JsonNode> response = dealer.post("/cars", listing);

        assertThat(response.getStatusCode().value()).isEqualTo(400);
        assertThat(response.getHeaders().getContentType()).isEqualTo(MediaType.APPLICATION_PROBLEM_JSON);
        assertThat(response.getBody().get("errors").fieldNames()).toIterable()
                .contains("make", "year", "dailyRate", "vin");
    }

    @Test
    void malformed_json_and_wrong_types_are_answered_400_not_500() {
        assertThat(dealer.postRaw("/cars", "{not json").getStatusCode().value()).isEqualTo(400);

        ObjectNode wrongEnum = (ObjectNode) client.carListing(uniqueMake()).put("fuelType", "STEAM");
        ResponseEntity<JsonNode> response = dealer.post("/cars", wrongEnum);
        assertThat(response.getStatusCode().value()).isEqualTo(400);
        assertThat(response.getBody().get("errors").has("fuelType")).isTrue();

        ObjectNode badCurrency = (ObjectNode) client.carListing(uniqueMake()).put("currency", "XYZW");
        assertThat(dealer.post("/cars", badCurrency).getStatusCode().value()).isEqualTo(400);
    }

    @Test
    void booking_rules_that_need_the_car_are_answered_by_the_aggregate() {
        String carId = dealer.listCar(client.carListing(uniqueMake()));

        ResponseEntity<JsonNode> inThePast = customer.book(carId, today.minusDays(2), today.plusDays(1));
        assertThat(inThePast.getStatusCode().value()).isEqualTo(400);
        assertThat(inThePast.getBody().get("code").asText()).isEqualTo("START_DATE_IN_PAST");

        ResponseEntity<JsonNode> tooLong = customer.book(carId, today.plusDays(1), today.plusDays(40));
        assertThat(tooLong.getStatusCode().value()).isEqualTo(400);
        assertThat(tooLong.getBody().get("code").asText()).isEqualTo("BOOKING_TOO_LONG");

        ResponseEntity<JsonNode> backwards = customer.book(carId, today.plusDays(5), today.plusDays(5));
        assertThat(backwards.getStatusCode().value()).isEqualTo(400);
        assertThat(backwards.getBody().get("code").asText()).isEqualTo("INVALID_PERIOD");
    }

    @Test
    void unknown_cars_and_bookings_are_answered_404() {
        String unknownCar = UUID.randomUUID().toString();
        ResponseEntity<JsonNode> bookUnknown = customer.book(unknownCar, today.plusDays(1), today.plusDays(2));
        assertThat(bookUnknown.getStatusCode().value()).isEqualTo(404);
        assertThat(bookUnknown.getHeaders().getContentType()).isEqualTo(MediaType.APPLICATION_PROBLEM_JSON);
        assertThat(bookUnknown.getBody().get("code").asText()).isEqualTo("CAR_NOT_FOUND");

        assertThat(client.get("/cars/" + unknownCar).getStatusCode().value()).isEqualTo(404);

        String carId = dealer.listCar(client.carListing(uniqueMake()));
        ResponseEntity<JsonNode> cancelUnknown = customer.cancel(carId, UUID.randomUUID().toString());
        assertThat(cancelUnknown.getStatusCode().value()).isEqualTo(404);
        assertThat(cancelUnknown.getBody().get("code").asText()).isEqualTo("BOOKING_NOT_FOUND");
    }

    @Test
    void unknown_routes_and_methods_are_problems_too() {
        ResponseEntity<JsonNode> anonymous = client.get("/no-such-thing");
        assertThat(anonymous.getStatusCode().value()).as("routes outside the public ones need a token").isEqualTo(401);
        assertThat(anonymous.getBody().get("code").asText()).isEqualTo("UNAUTHENTICATED");

        ResponseEntity<JsonNode> noRoute = dealer.get("/no-such-thing");
        assertThat(noRoute.getStatusCode().value()).isEqualTo(404);
        assertThat(noRoute.getBody().get("code").asText()).isEqualTo("NOT_FOUND");

        ResponseEntity<JsonNode> wrongMethod = dealer.post("/cars/" + UUID.randomUUID(), client.carListing("X"));
        assertThat(wrongMethod.getStatusCode().value()).isEqualTo(405);
        assertThat(wrongMethod.getBody().get("code").asText()).isEqualTo("METHOD_NOT_ALLOWED");
    }

    @Test
    void nonsensical_search_parameters_are_answered_400_naming_the_parameter() {
        assertBadSearchParameter("limit=1000", "limit");
        assertBadSearchParameter("limit=0", "limit");
        assertBadSearchParameter("sort=colour", "sort");
        assertBadSearchParameter("minPrice=100&maxPrice=10", "maxPrice");
        assertBadSearchParameter("availableFrom=2030-01-05&availableTo=2030-01-01", "availableTo");
        assertBadSearchParameter("availableFrom=2030-01-05", "availableTo");
        assertBadSearchParameter("availableFrom=yesterday&availableTo=2030-01-01", "availableFrom");
        assertBadSearchParameter("cursor=not-a-cursor", "cursor");
        assertBadSearchParameter("priceType=CHEAPEST", "priceType");
        assertBadSearchParameter("make=" + String.join("&make=", java.util.Collections.nCopies(21, "bmw")), "make");
    }

    private void assertBadSearchParameter(String query, String parameter) {
        ResponseEntity<JsonNode> response = client.get("/cars?" + query);
        assertThat(response.getStatusCode().value()).as(query).isEqualTo(400);
        assertThat(response.getBody().get("errors").has(parameter)).as(query + " names " + parameter).isTrue();
    }

    private void awaitSearchHits(String query, int expected) {
        await().atMost(PROJECTION_WAIT).untilAsserted(() ->
                assertThat(items(client.search(query))).hasSize(expected));
    }

    private void awaitAvailable(String query, boolean expected) {
        await().atMost(PROJECTION_WAIT).untilAsserted(() ->
                assertThat(onlyItem(client.search(query)).get("available").asBoolean()).isEqualTo(expected));
    }

    private static String availability(String make, LocalDate from, LocalDate to) {
        return "make=" + make + "&availableFrom=" + from + "&availableTo=" + to;
    }

    private static JsonNode onlyItem(JsonNode page) {
        assertThat(items(page)).hasSize(1);
        return items(page).get(0);
    }

    private static String uniqueMake() {
        return "Make" + UUID.randomUUID().toString().replace("-", "").substring(0, 10);
    }
}
