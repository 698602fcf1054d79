package io.carmarket.standalone;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.carmarket.api.car.CarBooked;
import io.carmarket.api.car.CarListed;
import org.axonframework.eventsourcing.eventstore.EventStore;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpMethod;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;

import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * SPEC 2.1 invariant 7 over HTTP against the whole standalone system: a command retried with its
 * {@code Idempotency-Key} gets the first answer again and emits nothing new.
 */
@StandaloneSystemTest
class IdempotencyEndToEndTest {

    private static final String KEY_HEADER = "Idempotency-Key";
    private static final String REPLAYED_HEADER = "Idempotent-Replayed";

    @LocalServerPort
    int port;

    @Autowired
    EventStore eventStore;

    private final ObjectMapper json = new ObjectMapper();
    private final LocalDate today = LocalDate.now(ZoneId.of("Europe/Berlin"));
    private CarMarketClient client;
    private CarMarketClient dealer;
    private CarMarketClient customer;

    @BeforeEach
    void connect() {
        client = new CarMarketClient(port);
        dealer = client.as(client.newUser("DEALER"));
        customer = client.as(client.newUser("CUSTOMER"));
    }

    @Test
    void a_retried_booking_gets_the_first_answer_and_books_once() {
        String carId = dealer.listCar(client.carListing("Idem"));
        String key = UUID.randomUUID().toString();
        ObjectNode dates = dates(30, 33);

        ResponseEntity<JsonNode> first = book(customer, carId, dates, key);
        ResponseEntity<JsonNode> retry = book(customer, carId, dates, key);

        assertThat(first.getStatusCode().value()).isEqualTo(201);
        assertThat(first.getHeaders().getFirst(REPLAYED_HEADER)).isNull();
        assertThat(retry.getStatusCode().value()).isEqualTo(201);
        assertThat(retry.getHeaders().getFirst(REPLAYED_HEADER)).isEqualTo("true");
        assertThat(retry.getBody()).isEqualTo(first.getBody());
        assertThat(retry.getBody().get("bookingId").asText()).isEqualTo(first.getBody().get("bookingId").asText());
        assertThat(retry.getHeaders().getLocation()).isEqualTo(first.getHeaders().getLocation());
        assertThat(retry.getHeaders().getContentType()).isEqualTo(MediaType.APPLICATION_JSON);
        assertThat(retry.getHeaders().getFirst("X-Correlation-Id")).as("the retry's own correlation id").isNotBlank();
        assertThat(bookingEvents(carId)).isEqualTo(1);
    }

    @Test
    void a_retry_of_a_refused_booking_is_refused_again_from_the_record() {
        String carId = dealer.listCar(client.carListing("Idem"));
        String taken = book(customer, carId, dates(40, 43), null).getBody().get("bookingId").asText();
        String key = UUID.randomUUID().toString();
        ObjectNode overlapping = dates(41, 44);

        ResponseEntity<JsonNode> refused = book(customer, carId, overlapping, key);
        assertThat(refused.getStatusCode().value()).isEqualTo(409);
        assertThat(refused.getBody().get("code").asText()).isEqualTo("BOOKING_OVERLAP");
        assertThat(customer.cancel(carId, taken).getStatusCode().value()).isEqualTo(200);

        ResponseEntity<JsonNode> retry = book(customer, carId, overlapping, key);

        assertThat(retry.getStatusCode().value()).as("the first answer, although the dates are free now")
                .isEqualTo(409);
        assertThat(retry.getHeaders().getFirst(REPLAYED_HEADER)).isEqualTo("true");
        assertThat(retry.getHeaders().getContentType()).isEqualTo(MediaType.APPLICATION_PROBLEM_JSON);
        assertThat(retry.getBody()).isEqualTo(refused.getBody());
        assertThat(bookingEvents(carId)).isEqualTo(1);
        assertThat(book(customer, carId, overlapping, UUID.randomUUID().toString()).getStatusCode().value())
                .as("with a new key it is a new request").isEqualTo(201);
    }

    @Test
    void the_same_key_for_a_different_request_is_refused_422() {
        String carId = dealer.listCar(client.carListing("Idem"));
        String otherCarId = dealer.listCar(client.carListing("Idem"));
        String key = UUID.randomUUID().toString();
        assertThat(book(customer, carId, dates(50, 52), key).getStatusCode().value()).isEqualTo(201);

        ResponseEntity<JsonNode> otherDates = book(customer, carId, dates(50, 53), key);
        ResponseEntity<JsonNode> otherCar = book(customer, otherCarId, dates(50, 52), key);

        for (ResponseEntity<JsonNode> refused : List.of(otherDates, otherCar)) {
            assertThat(refused.getStatusCode().value()).isEqualTo(422);
            assertThat(refused.getHeaders().getContentType()).isEqualTo(MediaType.APPLICATION_PROBLEM_JSON);
            assertThat(refused.getBody().get("code").asText()).isEqualTo("IDEMPOTENCY_KEY_REUSED");
        }
        assertThat(bookingEvents(carId)).isEqualTo(1);
        assertThat(bookingEvents(otherCarId)).isZero();
    }

    @Test
    void two_users_with_the_same_key_each_get_their_own_answer() {
        String carId = dealer.listCar(client.carListing("Idem"));
        CarMarketClient otherCustomer = client.as(client.newUser("CUSTOMER"));
        String key = "shared-" + UUID.randomUUID();

        ResponseEntity<JsonNode> mine = book(customer, carId, dates(60, 62), key);
        ResponseEntity<JsonNode> theirs = book(otherCustomer, carId, dates(62, 64), key);

        assertThat(mine.getStatusCode().value()).isEqualTo(201);
        assertThat(theirs.getStatusCode().value()).isEqualTo(201);
        assertThat(theirs.getHeaders().getFirst(REPLAYED_HEADER)).isNull();
        assertThat(theirs.getBody().get("bookingId").asText()).isNotEqualTo(mine.getBody().get("bookingId").asText());
        assertThat(bookingEvents(carId)).isEqualTo(2);
    }

    @Test
    void without_a_key_two_identical_requests_are_two_commands() {
        ObjectNode listing = client.carListing("Idem");

        String first = dealer.listCar(listing);
        String second = dealer.listCar(listing);

        assertThat(second).isNotEqualTo(first);
        assertThat(listedEvents(first)).isEqualTo(1);
        assertThat(listedEvents(second)).isEqualTo(1);
    }

    @Test
    void a_listing_retried_with_its_key_lists_one_car() {
        ObjectNode listing = client.carListing("Idem");
        String key = UUID.randomUUID().toString();

        ResponseEntity<JsonNode> first = send(dealer, HttpMethod.POST, "/cars", listing, key);
        ResponseEntity<JsonNode> retry = send(dealer, HttpMethod.POST, "/cars", listing, key);

        assertThat(first.getStatusCode().value()).isEqualTo(201);
        assertThat(retry.getStatusCode().value()).isEqualTo(201);
        assertThat(retry.getHeaders().getFirst(REPLAYED_HEADER)).isEqualTo("true");
        String carId = first.getBody().get("carId").asText();
        assertThat(retry.getBody().get("carId").asText()).isEqualTo(carId);
        assertThat(retry.getHeaders().getLocation()).isEqualTo(first.getHeaders().getLocation());
        assertThat(listedEvents(carId)).isEqualTo(1);
    }

    @Test
    void of_ten_concurrent_requests_with_one_key_exactly_one_books() throws Exception {
        String carId = dealer.listCar(client.carListing("Idem"));
        String key = UUID.randomUUID().toString();
        ObjectNode dates = dates(70, 72);
        int racers = 10;
        ExecutorService pool = Executors.newFixedThreadPool(racers);
        CountDownLatch start = new CountDownLatch(1);
        List<Future<ResponseEntity<JsonNode>>> futures = new ArrayList<>();
        for (int i = 0; i < racers; i++) {
            futures.add(pool.submit(() -> {
                start.await();
                return book(customer, carId, dates, key);
            }));
        }
        start.countDown();
        List<ResponseEntity<JsonNode>> answers = new ArrayList<>();
        for (Future<ResponseEntity<JsonNode>> future : futures) {
            answers.add(future.get(30, TimeUnit.SECONDS));
        }
        pool.shutdown();

        List<ResponseEntity<JsonNode>> created = answers.stream()
                .filter(answer -> answer.getStatusCode().value() == 201).toList();
        List<ResponseEntity<JsonNode>> waiting = answers.stream()
                .filter(answer -> answer.getStatusCode().value() == 409).toList();
        assertThat(created.size() + waiting.size()).as("only 201 or 409").isEqualTo(racers);
        assertThat(created).filteredOn(answer -> answer.getHeaders().getFirst(REPLAYED_HEADER) == null)
                .as("exactly one request ran").hasSize(1);
        assertThat(created).extracting(answer -> answer.getBody().get("bookingId").asText()).containsOnly(
                created.get(0).getBody().get("bookingId").asText());
        assertThat(waiting).allSatisfy(answer -> {
            assertThat(answer.getBody().get("code").asText()).isEqualTo("IDEMPOTENT_REQUEST_IN_PROGRESS");
            assertThat(answer.getHeaders().getFirst(HttpHeaders.RETRY_AFTER)).isEqualTo("1");
        });
        assertThat(bookingEvents(carId)).isEqualTo(1);

        ResponseEntity<JsonNode> afterwards = book(customer, carId, dates, key);
        assertThat(afterwards.getStatusCode().value()).isEqualTo(201);
        assertThat(afterwards.getHeaders().getFirst(REPLAYED_HEADER)).isEqualTo("true");
    }

    @Test
    void an_invalid_key_is_refused_400_and_nothing_happens() {
        String carId = dealer.listCar(client.carListing("Idem"));

        for (String invalid : List.of("not a key!", "x".repeat(101), "slash/key")) {
            ResponseEntity<JsonNode> refused = book(customer, carId, dates(80, 82), invalid);
            assertThat(refused.getStatusCode().value()).as(invalid).isEqualTo(400);
            assertThat(refused.getHeaders().getContentType()).isEqualTo(MediaType.APPLICATION_PROBLEM_JSON);
            assertThat(refused.getBody().get("code").asText()).isEqualTo("IDEMPOTENCY_KEY_INVALID");
        }
        assertThat(bookingEvents(carId)).isZero();
    }

    @Test
    void requests_refused_by_the_security_chain_do_not_use_up_a_key() {
        String carId = dealer.listCar(client.carListing("Idem"));
        String key = UUID.randomUUID().toString();

        assertThat(book(client, carId, dates(90, 92), key).getStatusCode().value()).isEqualTo(401);
        assertThat(send(customer, HttpMethod.POST, "/cars", client.carListing("Idem"), key).getStatusCode().value())
                .as("a customer may not list cars").isEqualTo(403);

        ResponseEntity<JsonNode> booked = book(customer, carId, dates(90, 92), key);
        assertThat(booked.getStatusCode().value()).as("not 422: the refused request never claimed the key")
                .isEqualTo(201);
        assertThat(booked.getHeaders().getFirst(REPLAYED_HEADER)).isNull();
        assertThat(bookingEvents(carId)).isEqualTo(1);
    }

    private ResponseEntity<JsonNode> book(CarMarketClient as, String carId, ObjectNode dates, String key) {
        return send(as, HttpMethod.POST, "/cars/" + carId + "/bookings", dates, key);
    }

    private static ResponseEntity<JsonNode> send(CarMarketClient as, HttpMethod method, String path, Object body,
                                                 String key) {
        HttpHeaders headers = new HttpHeaders();
        if (key != null) {
            headers.set(KEY_HEADER, key);
        }
        return as.exchange(method, path, body, headers);
    }

    private ObjectNode dates(int fromDay, int toDay) {
        return json.createObjectNode().put("startDate", today.plusDays(fromDay).toString())
                .put("endDate", today.plusDays(toDay).toString());
    }

    private long bookingEvents(String carId) {
        return eventStore.readEvents(carId).asStream().filter(event -> event.getPayload() instanceof CarBooked)
                .count();
    }

    private long listedEvents(String carId) {
        return eventStore.readEvents(carId).asStream().filter(event -> event.getPayload() instanceof CarListed)
                .count();
    }
}
