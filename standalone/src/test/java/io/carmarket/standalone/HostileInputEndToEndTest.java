package io.carmarket.standalone;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.carmarket.command.identity.UserAccount;
import io.carmarket.standalone.CarMarketClient.Session;
import org.axonframework.common.stream.BlockingStream;
import org.axonframework.config.EventProcessingConfiguration;
import org.axonframework.eventhandling.DomainEventMessage;
import org.axonframework.eventhandling.EventTrackerStatus;
import org.axonframework.eventhandling.StreamingEventProcessor;
import org.axonframework.eventhandling.TrackedEventMessage;
import org.axonframework.eventhandling.TrackingToken;
import org.axonframework.eventsourcing.eventstore.EventStore;
import org.axonframework.messaging.StreamableMessageSource;
import org.awaitility.core.ConditionTimeoutException;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestFactory;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.TestMethodOrder;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.http.HttpMethod;
import org.springframework.http.ResponseEntity;

import java.io.IOException;
import java.time.DayOfWeek;
import java.time.Duration;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.UUID;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReference;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.fail;
import static org.awaitility.Awaitility.await;

/**
 * Hostile input over the wire against the whole standalone system: several hundred requests that must each be
 * refused with a 4xx {@code application/problem+json} (never a 5xx, never a stack trace, always a code and the
 * request's correlation id), and together must store nothing: the event store's head and the number of accounts
 * are the same after the corpus as before.
 * <p>
 * The corpus is {@link HostileInputCorpus}; every case is one dynamic test named {@code family: description}. Every
 * request goes through {@link HostileHttp}, a raw socket client, so the bytes sent are exactly the case's.
 */
@StandaloneSystemTest
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class HostileInputEndToEndTest {

    private static final String ADMIN_EMAIL = "admin@test.carmarket.local";
    private static final String ADMIN_PASSWORD = "Test-Root-2026!";
    private static final String HOST = "localhost";
    private static final int MINIMUM_CASES = 400;
    private static final Duration SETTLE_TIMEOUT = Duration.ofSeconds(60);
    private static final List<String> STACK_TRACE_MARKERS = List.of("Exception", "\tat ", "java.",
            "org.springframework", "<html");
    /** What the correlation id filter lets through; anything else is replaced by a UUID. */
    private static final Pattern SANE_CORRELATION_ID = Pattern.compile("[A-Za-z0-9._:/+=-]{1,128}");

    @LocalServerPort
    int port;

    @Autowired
    EventStore eventStore;

    @Autowired
    MongoTemplate mongoTemplate;

    @Autowired
    EventProcessingConfiguration eventProcessing;

    private final ObjectMapper json = new ObjectMapper();
    private final AtomicInteger casesRun = new AtomicInteger();
    private HostileFixtures fixtures;
    private int corpusSize;
    private TrackingToken headBefore;
    private long accountsBefore;

    /**
     * What the corpus refers to, made through the API: a dealer and a rival dealer, two customers, the admin; a
     * car for rent and sale booked by customer 1 (today + 20 to + 23) with customer 1's negotiation on it; a car
     * with a confirmed purchase reservation by customer 2; a free car for sale; a car with peak windows and a
     * booking of customer 2 awaiting approval; real search cursors.
     */
    @BeforeAll
    void createFixtures() {
        CarMarketClient anonymous = new CarMarketClient(port);
        Session customer = anonymous.newUser("CUSTOMER");
        Session customer2 = anonymous.newUser("CUSTOMER");
        Session dealer = anonymous.newUser("DEALER");
        Session dealer2 = anonymous.newUser("DEALER");
        Session admin = anonymous.login(ADMIN_EMAIL, ADMIN_PASSWORD);
        CarMarketClient asDealer = anonymous.as(dealer);
        CarMarketClient asCustomer = anonymous.as(customer);
        CarMarketClient asCustomer2 = anonymous.as(customer2);
        LocalDate today = LocalDate.now(ZoneId.of("Europe/Berlin"));

        String car = asDealer.listCar(forRentAndSale(anonymous, "HostileRent"));
        String booking = created(asCustomer.book(car, today.plusDays(20), today.plusDays(23)), "bookingId");
        String negotiation = created(asCustomer.post("/negotiations",
                Map.of("carId", car, "amount", 15000, "message", "Opening offer")), "negotiationId");

        String reservedCar = asDealer.listCar(forRentAndSale(anonymous, "HostileReserved"));
        String reservation = created(asCustomer2.post("/cars/" + reservedCar + "/purchase-reservations",
                Map.of("paymentMethod", "FULL_PAYMENT", "handoverDate", today.plusDays(30).toString())),
                "reservationId");
        ok(asDealer.post("/cars/" + reservedCar + "/purchase-reservations/" + reservation + "/confirm", null));

        String saleCar = asDealer.listCar(forRentAndSale(anonymous, "HostileSale"));

        String peakCar = asDealer.listCar(forRentAndSale(anonymous, "HostilePeak"));
        ok(asDealer.exchange(HttpMethod.PUT, "/cars/" + peakCar + "/peak-windows",
                List.of(Map.of("weekdays", Arrays.stream(DayOfWeek.values()).map(DayOfWeek::name).toList()))));
        ResponseEntity<JsonNode> pending = asCustomer2.book(peakCar, today.plusDays(40), today.plusDays(42));
        String pendingBooking = created(pending, "bookingId");
        assertThat(pending.getBody().get("status").asText()).as("the fixture booking awaits approval")
                .isEqualTo("PENDING_APPROVAL");

        Map<String, String> cursors = new HashMap<>();
        await().atMost(SETTLE_TIMEOUT).untilAsserted(() -> {
            assertThat(anonymous.get("/cars/" + car).getStatusCode().value()).isEqualTo(200);
            cursors.put("price", nextCursor(anonymous, "limit=1&sort=price,asc"));
            cursors.put("year", nextCursor(anonymous, "limit=1&sort=year"));
            cursors.put("createdAt", nextCursor(anonymous, "limit=1"));
        });

        Map<String, String> tokens = Map.of(HostileFixtures.CUSTOMER, customer.accessToken(),
                HostileFixtures.CUSTOMER2, customer2.accessToken(), HostileFixtures.DEALER, dealer.accessToken(),
                HostileFixtures.DEALER2, dealer2.accessToken(), HostileFixtures.ADMIN, admin.accessToken());
        Map<String, String> ids = new HashMap<>();
        ids.put("car", car);
        ids.put("booking", booking);
        ids.put("negotiation", negotiation);
        ids.put("reservedCar", reservedCar);
        ids.put("reservation", reservation);
        ids.put("saleCar", saleCar);
        ids.put("peakCar", peakCar);
        ids.put("pendingBooking", pendingBooking);
        ids.put("rivalDealer", dealer2.userId());
        ids.put("unknown", UUID.randomUUID().toString());
        fixtures = new HostileFixtures(today, tokens, Map.copyOf(ids), customer.email(), customer.password(),
                Map.copyOf(cursors));

        headBefore = settledHead();
        accountsBefore = accounts();
    }

    @TestFactory
    @Order(1)
    Stream<DynamicTest> every_hostile_request_is_refused_with_a_problem() {
        HostileInputCorpus corpus = new HostileInputCorpus(fixtures);
        List<HostileRequest> cases = uniquelyNamed(corpus.build());
        corpusSize = cases.size();
        printCounts(corpus.families(), cases);
        assertThat(cases.size()).as("cases in the corpus").isGreaterThanOrEqualTo(MINIMUM_CASES);
        return cases.stream().map(hostile -> DynamicTest.dynamicTest(hostile.name, () -> check(hostile)));
    }

    @Test
    @Order(2)
    void nothing_was_stored_by_the_refused_requests() {
        assertThat(casesRun.get()).as("the corpus ran before this check").isEqualTo(corpusSize).isPositive();
        TrackingToken headAfter = settledHead();
        long accountsAfter = accounts();
        List<String> problems = new ArrayList<>();
        if (!headAfter.equals(headBefore)) {
            problems.add("the event store head moved from " + headBefore + " to " + headAfter + "; events appended: "
                    + eventsSince(headBefore));
        }
        if (accountsAfter != accountsBefore) {
            problems.add((accountsAfter - accountsBefore) + " user accounts were created");
        }
        assertThat(problems).as("what the refused requests stored").isEmpty();
    }

    // --- one case ------------------------------------------------------------------------------------------------

    private void check(HostileRequest hostile) {
        casesRun.incrementAndGet();
        HostileHttp.Response response;
        try {
            response = HostileHttp.exchange(HOST, port, hostile.toBytes(HOST, port, fixtures.token(hostile.session)));
        } catch (IOException noAnswer) {
            throw new AssertionError(hostile.name + System.lineSeparator() + "expected " + hostile.expectedStatus
                    + ", got no answer: " + noAnswer, noAnswer);
        }
        String contentType = response.header("Content-Type");
        String bodyText = response.bodyText();
        List<String> problems = new ArrayList<>();
        if (response.status() != hostile.expectedStatus) {
            problems.add("status " + response.status());
        }
        if (response.status() >= 500) {
            problems.add("a server error");
        }
        if (contentType == null || !mediaTypeOf(contentType).equals("application/problem+json")) {
            problems.add("Content-Type " + contentType + ", not application/problem+json");
        }
        String correlationId = response.header("X-Correlation-Id");
        if (correlationId == null || correlationId.isBlank()) {
            problems.add("no X-Correlation-Id header");
        } else if (!SANE_CORRELATION_ID.matcher(correlationId).matches()) {
            problems.add("X-Correlation-Id not sanitized: " + correlationId);
        }
        for (String marker : STACK_TRACE_MARKERS) {
            if (bodyText.contains(marker)) {
                problems.add("body contains \"" + marker.replace("\t", "\\t") + "\"");
            }
        }
        for (String header : hostile.expectedHeaders) {
            if (response.header(header) == null) {
                problems.add("no " + header + " header");
            }
        }
        checkProblemBody(hostile, response, bodyText, correlationId, problems);
        if (!problems.isEmpty()) {
            fail(String.format("%s%nexpected %d, got %d %s: %s%nbody: %s", hostile.name, hostile.expectedStatus,
                    response.status(),
                    contentType == null ? "(no Content-Type)" : mediaTypeOf(contentType), String.join("; ", problems),
                    abbreviate(bodyText)));
        }
    }

    private void checkProblemBody(HostileRequest hostile, HostileHttp.Response response, String bodyText,
                                  String correlationId, List<String> problems) {
        JsonNode problem;
        try {
            problem = json.readTree(bodyText);
        } catch (IOException notJson) {
            problems.add("body is not JSON");
            return;
        }
        if (problem == null || !problem.isObject()) {
            problems.add("body is not a JSON object");
            return;
        }
        if (!problem.path("status").isInt() || problem.path("status").intValue() != response.status()) {
            problems.add("body status " + problem.path("status") + " is not the HTTP status");
        }
        if (!problem.path("code").isTextual() || problem.path("code").asText().isBlank()) {
            problems.add("no code");
        } else if (hostile.expectedCode != null && !hostile.expectedCode.equals(problem.path("code").asText())) {
            problems.add("code " + problem.path("code").asText() + ", not " + hostile.expectedCode);
        }
        if (!problem.path("correlationId").isTextual() || !problem.path("correlationId").asText().equals(correlationId)) {
            problems.add("body correlationId " + problem.path("correlationId") + " is not the header's");
        }
        if (hostile.expectedField != null) {
            JsonNode errors = problem.path("errors");
            boolean named = false;
            for (Map.Entry<String, JsonNode> entry : errors.properties()) {
                boolean matches = hostile.fieldIsNested ? entry.getKey().contains(hostile.expectedField)
                        : entry.getKey().equals(hostile.expectedField);
                named |= matches && entry.getValue().isArray() && !entry.getValue().isEmpty();
            }
            if (!named) {
                problems.add("errors has no " + (hostile.fieldIsNested ? "key containing " : "key ")
                        + hostile.expectedField + " with messages (errors: " + errors + ")");
            }
        }
    }

    // --- the corpus ----------------------------------------------------------------------------------------------

    /** Names are test names: a second case of the same name gets a number. */
    private static List<HostileRequest> uniquelyNamed(List<HostileRequest> cases) {
        Set<String> seen = new HashSet<>();
        List<String> duplicates = new ArrayList<>();
        for (HostileRequest hostile : cases) {
            if (!seen.add(hostile.name)) {
                duplicates.add(hostile.name);
            }
        }
        assertThat(duplicates).as("every case has a name of its own").isEmpty();
        return cases;
    }

    private static void printCounts(Map<String, String> families, List<HostileRequest> cases) {
        Map<String, Long> counts = cases.stream()
                .collect(Collectors.groupingBy(hostile -> hostile.family, LinkedHashMap::new, Collectors.counting()));
        StringBuilder table = new StringBuilder("Hostile input corpus: cases per family\n");
        families.forEach((family, guards) -> table.append(String.format("  %-20s %4d  %s%n", family,
                counts.getOrDefault(family, 0L), guards)));
        table.append(String.format("  %-20s %4d%n", "total", cases.size()));
        System.out.print(table);
    }

    // --- what is stored ------------------------------------------------------------------------------------------

    /**
     * The event store's head once nothing is moving: every streaming processor (projections and sagas, which may
     * still be working off other test classes' events and sending commands) has caught up with it, twice in a row.
     */
    private TrackingToken settledHead() {
        AtomicReference<TrackingToken> last = new AtomicReference<>();
        try {
            await().atMost(SETTLE_TIMEOUT).pollInterval(Duration.ofMillis(100)).until(() -> {
                TrackingToken head = head();
                boolean settled = processorsAt(head) && head.equals(last.get());
                last.set(head);
                return settled;
            });
        } catch (ConditionTimeoutException stillMoving) {
            System.out.println("Hostile input corpus: event processing did not settle within " + SETTLE_TIMEOUT
                    + "; comparing heads anyway");
        }
        return head();
    }

    private TrackingToken head() {
        return ((StreamableMessageSource<?>) eventStore).createHeadToken();
    }

    private boolean processorsAt(TrackingToken head) {
        long headPosition = head == null ? -1 : head.position().orElse(-1);
        return eventProcessing.eventProcessors().values().stream()
                .filter(StreamingEventProcessor.class::isInstance).map(StreamingEventProcessor.class::cast)
                .filter(StreamingEventProcessor::isRunning)
                .allMatch(processor -> processor.processingStatus().values().stream()
                        .map(EventTrackerStatus::getCurrentPosition)
                        .allMatch(position -> position.orElse(-1) >= headPosition));
    }

    private long accounts() {
        return mongoTemplate.getCollection(UserAccount.COLLECTION).countDocuments();
    }

    /** The events after the token: how many of each type, on how many aggregates; to say what was stored. */
    @SuppressWarnings("unchecked")
    private String eventsSince(TrackingToken token) {
        Map<String, Integer> counts = new TreeMap<>();
        Map<String, Set<String>> aggregates = new TreeMap<>();
        try (BlockingStream<TrackedEventMessage<?>> events =
                     ((StreamableMessageSource<TrackedEventMessage<?>>) eventStore).openStream(token)) {
            while (events.hasNextAvailable(2, TimeUnit.SECONDS)) {
                TrackedEventMessage<?> event = events.nextAvailable();
                String type = event.getPayloadType().getSimpleName();
                counts.merge(type, 1, Integer::sum);
                if (event instanceof DomainEventMessage<?> domain) {
                    aggregates.computeIfAbsent(type, k -> new HashSet<>()).add(domain.getAggregateIdentifier());
                }
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        return counts.entrySet().stream().map(entry -> entry.getKey() + " x" + entry.getValue() + " (on "
                        + aggregates.getOrDefault(entry.getKey(), Set.of()).size() + " aggregates)")
                .collect(Collectors.joining(", "));
    }

    // --- fixtures ------------------------------------------------------------------------------------------------

    private static com.fasterxml.jackson.databind.node.ObjectNode forRentAndSale(CarMarketClient client,
                                                                                 String make) {
        return client.carListing(make).put("askingPrice", "18000.00");
    }

    private static String created(ResponseEntity<JsonNode> response, String idField) {
        assertThat(response.getStatusCode().value()).as("fixture: %s", response.getBody()).isEqualTo(201);
        return response.getBody().get(idField).asText();
    }

    private static void ok(ResponseEntity<JsonNode> response) {
        assertThat(response.getStatusCode().value()).as("fixture: %s", response.getBody()).isEqualTo(200);
    }

    private static String nextCursor(CarMarketClient client, String query) {
        JsonNode cursor = client.search(query).get("nextCursor");
        assertThat(cursor).as("nextCursor of " + query).isNotNull();
        return cursor.asText();
    }

    private static String mediaTypeOf(String contentType) {
        int semicolon = contentType.indexOf(';');
        return (semicolon < 0 ? contentType : contentType.substring(0, semicolon)).trim().toLowerCase(Locale.ROOT);
    }

    private static String abbreviate(String text) {
        String oneLine = text.replace("\r", "\\r").replace("\n", "\\n");
        return oneLine.length() > 400 ? oneLine.substring(0, 400) + "..." : oneLine;
    }
}
