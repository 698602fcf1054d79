package io.carmarket.standalone;

import com.fasterxml.jackson.databind.JsonNode;
import io.carmarket.standalone.CarMarketClient.Session;
import io.carmarket.standalone.ServerSentEventStream.Event;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.http.ResponseEntity;

import java.net.http.HttpClient;
import java.time.Duration;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;

import static io.carmarket.standalone.Dashboards.count;
import static io.carmarket.standalone.Dashboards.read;
import static io.carmarket.standalone.Dashboards.revenue;
import static io.carmarket.standalone.Dashboards.thisMonth;
import static io.carmarket.standalone.Dashboards.values;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * The dashboards' live streams (Server-Sent Events) over HTTP against the whole standalone system, read the way a
 * browser's {@code EventSource} reads them: the whole dashboard at once, a new state with a larger id when one of
 * its figures changes, the current state again on a reconnect, heartbeats on an idle stream, nothing of another
 * dealer, and refusals before any stream starts.
 * <p>
 * The heartbeat is lowered to 200 ms so that an idle stream shows one quickly (and a dropped client is noticed
 * quickly: see {@link DashboardSubscriptionLeakTest}, which shares this system).
 */
@StandaloneSystemTest(properties = {DashboardStreamEndToEndTest.HEARTBEAT_EVERY_200_MS,
        DashboardStreamEndToEndTest.SHUT_DOWN_AT_ONCE})
class DashboardStreamEndToEndTest {

    static final String HEARTBEAT_EVERY_200_MS = "carmarket.dashboards.heartbeat-interval=200ms";
    /**
     * Streams dropped by their clients before the first event may leave their request in progress on the server
     * (see {@link DashboardSubscriptionLeakTest}); a graceful shutdown of this system would then wait its full
     * 30 seconds for them when the test JVM exits.
     */
    static final String SHUT_DOWN_AT_ONCE = "server.shutdown=immediate";

    static final String DEALER_STREAM = Dashboards.DEALER + "/stream";
    static final String ADMIN_STREAM = Dashboards.ADMIN + "/stream";
    static final String ME_STREAM = Dashboards.ME + "/stream";
    static final List<String> ALL_STREAMS = List.of(DEALER_STREAM, ADMIN_STREAM, ME_STREAM);

    /** "At once": the first event needs one read of the dashboard, on a machine shared with other builds. */
    private static final Duration AT_ONCE = Duration.ofSeconds(3);
    /** A change reaches the stream when the dashboards' projection has handled its event: a few seconds. */
    private static final Duration UPDATE_WAIT = Duration.ofSeconds(5);
    private static final Duration PROJECTION_WAIT = Duration.ofSeconds(15);

    @LocalServerPort
    int port;

    private final LocalDate today = LocalDate.now(ZoneId.of("Europe/Berlin"));
    private final HttpClient http = ServerSentEventStream.newHttpClient();
    private final List<ServerSentEventStream> opened = new ArrayList<>();
    private CarMarketClient anonymous;

    @BeforeEach
    void connect() {
        anonymous = new CarMarketClient(port);
    }

    @AfterEach
    void closeStreams() {
        opened.forEach(ServerSentEventStream::close);
    }

    // ---- the first event

    @Test
    void the_dealer_stream_starts_at_once_with_the_whole_dashboard_as_the_json_endpoint_shows_it() {
        Session dealer = anonymous.newUser("DEALER");
        anonymous.as(dealer).listCar(anonymous.carListing(Dashboards.uniqueMake()));
        JsonNode current = awaitDashboard(dealer, Dashboards.DEALER, mine ->
                assertThat(count(mine, "carsByStatus", "LISTED")).isEqualTo(1));

        ServerSentEventStream stream = open(DEALER_STREAM, dealer);

        assertThat(stream.status()).isEqualTo(200);
        assertThat(stream.contentType()).startsWith("text/event-stream");
        Event first = stream.nextEvent(AT_ONCE);
        assertThat(first.name()).isEqualTo("dashboard");
        assertThat(first.id()).isNotBlank();
        assertThat(first.numericId()).as("the id is the dashboard's position")
                .isEqualTo(first.json().get("position").asLong()).isPositive();
        assertThat(first.json()).as("the whole dashboard, as GET answers it").isEqualTo(current);
    }

    @Test
    void the_platform_stream_starts_at_once_with_the_whole_platform_dashboard() {
        CarMarketClient admin = Dashboards.admin(anonymous);
        Session auditor = Dashboards.auditorSession(anonymous, admin);
        Dashboards.awaitCaughtUp(admin);
        JsonNode current = read(admin, Dashboards.ADMIN);

        ServerSentEventStream stream = open(ADMIN_STREAM, auditor);

        Event first = stream.nextEvent(AT_ONCE);
        assertThat(first.name()).isEqualTo("dashboard");
        assertThat(first.numericId()).isEqualTo(first.json().get("position").asLong());
        assertThat(first.json()).as("nothing happened since GET").isEqualTo(current);
    }

    // ---- a change sends the new state

    @Test
    void a_booking_of_the_dealers_car_sends_the_dealer_the_new_dashboard_with_a_larger_id() {
        Session dealer = anonymous.newUser("DEALER");
        String carId = anonymous.as(dealer).listCar(anonymous.carListing(Dashboards.uniqueMake()));
        CarMarketClient customer = anonymous.as(anonymous.newUser("CUSTOMER"));
        awaitDashboard(dealer, Dashboards.DEALER, mine ->
                assertThat(count(mine, "carsByStatus", "LISTED")).isEqualTo(1));
        ServerSentEventStream stream = open(DEALER_STREAM, dealer);
        Event first = stream.nextEvent(AT_ONCE);
        assertThat(values(first.json().get("pickUpsNext7Days"), "bookingId")).isEmpty();

        String bookingId = book(customer, carId);

        Event update = stream.nextEventWhere(dashboard ->
                values(dashboard.get("pickUpsNext7Days"), "bookingId").contains(bookingId), UPDATE_WAIT);
        assertThat(update.name()).isEqualTo("dashboard");
        assertThat(update.numericId()).as("a later position").isGreaterThan(first.numericId())
                .isEqualTo(update.json().get("position").asLong());
        JsonNode dashboard = update.json();
        assertThat(dashboard.get("dealerId").asText()).isEqualTo(dealer.userId());
        assertThat(dashboard.get("utilisationNext30Days").get("bookedCarDays").asLong()).isEqualTo(3);
        assertThat(revenue(dashboard, thisMonth(), "EUR")).isEqualByComparingTo("148.50");
    }

    @Test
    void a_booking_moved_to_other_days_sends_the_dealer_the_new_pick_up_day_with_a_larger_id() {
        Session dealer = anonymous.newUser("DEALER");
        String carId = anonymous.as(dealer).listCar(anonymous.carListing(Dashboards.uniqueMake()));
        CarMarketClient customer = anonymous.as(anonymous.newUser("CUSTOMER"));
        String bookingId = book(customer, carId);
        awaitDashboard(dealer, Dashboards.DEALER, mine ->
                assertThat(values(mine.get("pickUpsNext7Days"), "date")).containsExactly(today.plusDays(2).toString()));
        ServerSentEventStream stream = open(DEALER_STREAM, dealer);
        Event first = stream.nextEvent(AT_ONCE);

        ResponseEntity<JsonNode> moved = customer.post("/cars/" + carId + "/bookings/" + bookingId + "/reschedule",
                Map.of("startDate", today.plusDays(3).toString(), "endDate", today.plusDays(6).toString()));
        assertThat(moved.getStatusCode().value()).as("%s", moved.getBody()).isEqualTo(200);

        Event update = stream.nextEventWhere(dashboard -> values(dashboard.get("pickUpsNext7Days"), "date")
                .contains(today.plusDays(3).toString()), UPDATE_WAIT);
        assertThat(revenue(update.json(), thisMonth(), "EUR")).as("three days still").isEqualByComparingTo("148.50");
        assertThat(update.numericId())
                .as("the id (the dashboard's position) of a state showing the booking moved is later than the first's")
                .isGreaterThan(first.numericId());
    }

    @Test
    void a_booking_sends_the_platform_stream_a_new_dashboard_with_one_more_confirmed_booking() {
        CarMarketClient admin = Dashboards.admin(anonymous);
        Session auditor = Dashboards.auditorSession(anonymous, admin);
        Session dealer = anonymous.newUser("DEALER");
        String carId = anonymous.as(dealer).listCar(anonymous.carListing(Dashboards.uniqueMake()));
        CarMarketClient customer = anonymous.as(anonymous.newUser("CUSTOMER"));
        Dashboards.awaitCaughtUp(admin);
        ServerSentEventStream stream = open(ADMIN_STREAM, auditor);
        Event first = stream.nextEvent(AT_ONCE);
        long confirmedBefore = count(first.json(), "bookingsByStatus", "CONFIRMED");

        book(customer, carId);

        Event update = stream.nextEventWhere(platform ->
                count(platform, "bookingsByStatus", "CONFIRMED") == confirmedBefore + 1, UPDATE_WAIT);
        assertThat(update.name()).isEqualTo("dashboard");
        assertThat(update.numericId()).isGreaterThan(first.numericId())
                .isEqualTo(update.json().get("position").asLong());
    }

    @Test
    void an_admin_follows_the_platform_stream_too() {
        Session admin = Dashboards.adminSession(anonymous);

        ServerSentEventStream stream = open(ADMIN_STREAM, admin);

        assertThat(stream.status()).isEqualTo(200);
        assertThat(stream.nextEvent(AT_ONCE).json().has("bookingsByStatus")).isTrue();
    }

    @Test
    void a_customers_own_booking_sends_their_stream_a_new_dashboard_with_the_booking_upcoming_and_a_larger_id() {
        Session dealer = anonymous.newUser("DEALER");
        String carId = anonymous.as(dealer).listCar(anonymous.carListing(Dashboards.uniqueMake()));
        Session customer = anonymous.newUser("CUSTOMER");
        ServerSentEventStream stream = open(ME_STREAM, customer);
        Event first = stream.nextEvent(AT_ONCE);
        assertThat(first.json().get("customerId").asText()).isEqualTo(customer.userId());
        assertThat(values(first.json().get("upcomingBookings"), "bookingId")).isEmpty();

        String bookingId = book(anonymous.as(customer), carId);

        Event update = stream.nextEventWhere(me ->
                values(me.get("upcomingBookings"), "bookingId").contains(bookingId), UPDATE_WAIT);
        assertThat(update.name()).isEqualTo("dashboard");
        assertThat(update.numericId())
                .as("the id (the dashboard's position) of a state that shows a new booking is later than the first's")
                .isGreaterThan(first.numericId());
    }

    @Test
    void an_admin_follows_the_dealer_stream_of_the_dealer_they_name() {
        Session admin = Dashboards.adminSession(anonymous);
        Session dealer = anonymous.newUser("DEALER");

        ServerSentEventStream stream = open(DEALER_STREAM + "?dealerId=" + dealer.userId(), admin);

        assertThat(stream.status()).isEqualTo(200);
        assertThat(stream.nextEvent(AT_ONCE).json().get("dealerId").asText()).isEqualTo(dealer.userId());
    }

    // ---- reconnecting

    @Test
    void a_client_that_reconnects_with_the_last_event_id_gets_the_current_state_at_once() {
        Session dealer = anonymous.newUser("DEALER");
        String carId = anonymous.as(dealer).listCar(anonymous.carListing(Dashboards.uniqueMake()));
        CarMarketClient customer = anonymous.as(anonymous.newUser("CUSTOMER"));
        awaitDashboard(dealer, Dashboards.DEALER, mine ->
                assertThat(count(mine, "carsByStatus", "LISTED")).isEqualTo(1));
        ServerSentEventStream stream = open(DEALER_STREAM, dealer);
        Event lastSeen = stream.nextEvent(AT_ONCE);
        stream.close();
        String bookingId = book(customer, carId);
        JsonNode current = awaitDashboard(dealer, Dashboards.DEALER, mine ->
                assertThat(values(mine.get("pickUpsNext7Days"), "bookingId")).contains(bookingId));

        ServerSentEventStream reconnected = open(DEALER_STREAM, dealer, lastSeen.id());

        assertThat(reconnected.status()).isEqualTo(200);
        Event first = reconnected.nextEvent(AT_ONCE);
        assertThat(first.name()).isEqualTo("dashboard");
        assertThat(first.json()).as("the current state, the booking made while away included").isEqualTo(current);
        assertThat(first.numericId()).isGreaterThan(lastSeen.numericId());
    }

    // ---- idle streams

    @Test
    void an_idle_stream_gets_a_heartbeat_comment_every_interval() {
        Session dealer = anonymous.newUser("DEALER");
        ServerSentEventStream stream = open(DEALER_STREAM, dealer);
        stream.nextEvent(AT_ONCE);

        Event beat = stream.nextComment(Duration.ofSeconds(2));
        Event nextBeat = stream.nextComment(Duration.ofSeconds(2));

        assertThat(beat.comments()).containsExactly("heartbeat");
        assertThat(nextBeat.comments()).containsExactly("heartbeat");
        assertThat(stream.seen()).filteredOn(block -> !block.isComment()).as("no new state in between").hasSize(1);
    }

    // ---- whose stream

    @Test
    void another_dealers_stream_carries_nothing_of_this_dealers_booking() {
        Session dealerA = anonymous.newUser("DEALER");
        Session dealerB = anonymous.newUser("DEALER");
        String carOfA = anonymous.as(dealerA).listCar(anonymous.carListing(Dashboards.uniqueMake()));
        anonymous.as(dealerB).listCar(anonymous.carListing(Dashboards.uniqueMake()));
        CarMarketClient customer = anonymous.as(anonymous.newUser("CUSTOMER"));
        awaitDashboard(dealerB, Dashboards.DEALER, mine ->
                assertThat(count(mine, "carsByStatus", "LISTED")).isEqualTo(1));
        ServerSentEventStream streamOfA = open(DEALER_STREAM, dealerA);
        ServerSentEventStream streamOfB = open(DEALER_STREAM, dealerB);
        streamOfA.nextEvent(AT_ONCE);
        assertThat(streamOfB.nextEvent(AT_ONCE).json().get("dealerId").asText()).isEqualTo(dealerB.userId());

        String bookingOfA = book(customer, carOfA);
        streamOfA.nextEventWhere(dashboard ->
                values(dashboard.get("pickUpsNext7Days"), "bookingId").contains(bookingOfA), UPDATE_WAIT);
        streamOfB.nextComment(Duration.ofSeconds(2));
        streamOfB.nextComment(Duration.ofSeconds(2));

        for (Event event : streamOfB.seen()) {
            if (!event.isComment()) {
                assertThat(event.json().get("dealerId").asText()).isEqualTo(dealerB.userId());
                assertThat(event.data()).doesNotContain(carOfA).doesNotContain(bookingOfA)
                        .doesNotContain(dealerA.userId());
            }
        }
    }

    // ---- refusals, before any stream starts

    @Test
    void without_a_token_every_stream_is_refused_401_before_it_starts() {
        for (String path : ALL_STREAMS) {
            assertRefused(open(path, (String) null), 401, "UNAUTHENTICATED");
            assertRefused(open(path, "not-a-token"), 401, "UNAUTHENTICATED");
        }
    }

    @Test
    void each_role_is_refused_403_the_streams_it_may_not_follow() {
        CarMarketClient admin = Dashboards.admin(anonymous);
        Session customer = anonymous.newUser("CUSTOMER");
        Session dealer = anonymous.newUser("DEALER");
        Session auditor = Dashboards.auditorSession(anonymous, admin);

        assertRefused(open(DEALER_STREAM, customer), 403, "FORBIDDEN");
        assertRefused(open(ADMIN_STREAM, customer), 403, "FORBIDDEN");
        assertRefused(open(ME_STREAM, dealer), 403, "FORBIDDEN");
        assertRefused(open(ADMIN_STREAM, dealer), 403, "FORBIDDEN");
        assertRefused(open(DEALER_STREAM, auditor), 403, "FORBIDDEN");
        assertRefused(open(ME_STREAM, auditor), 403, "FORBIDDEN");
    }

    @Test
    void a_dealer_is_refused_403_another_dealers_stream() {
        Session dealer = anonymous.newUser("DEALER");
        Session other = anonymous.newUser("DEALER");

        assertRefused(open(DEALER_STREAM + "?dealerId=" + other.userId(), dealer), 403, "FORBIDDEN");
    }

    @Test
    void an_admin_is_refused_400_a_dealer_stream_without_the_dealer_named() {
        Session admin = Dashboards.adminSession(anonymous);

        ServerSentEventStream refused = open(DEALER_STREAM, admin);

        assertRefused(refused, 400, null);
        assertThat(refused.refusal().get("errors").has("dealerId")).as("%s", refused.refusal()).isTrue();
    }

    // ---- helpers

    private ServerSentEventStream open(String path, Session as) {
        return open(path, as.accessToken());
    }

    private ServerSentEventStream open(String path, String accessToken) {
        return open(path, accessToken, null);
    }

    private ServerSentEventStream open(String path, Session as, String lastEventId) {
        return open(path, as.accessToken(), lastEventId);
    }

    private ServerSentEventStream open(String path, String accessToken, String lastEventId) {
        ServerSentEventStream stream = ServerSentEventStream.open(http, "http://localhost:" + port + "/api/v1" + path,
                accessToken, lastEventId);
        opened.add(stream);
        return stream;
    }

    /** A confirmed booking in two days for three days (148.50 at the listing's 49.50 a day). */
    private String book(CarMarketClient customer, String carId) {
        ResponseEntity<JsonNode> booked = customer.book(carId, today.plusDays(2), today.plusDays(5));
        assertThat(booked.getStatusCode().value()).as("%s", booked.getBody()).isEqualTo(201);
        assertThat(booked.getBody().get("status").asText()).isEqualTo("CONFIRMED");
        return booked.getBody().get("bookingId").asText();
    }

    private JsonNode awaitDashboard(Session as, String path, Consumer<JsonNode> shows) {
        JsonNode[] last = new JsonNode[1];
        await().atMost(PROJECTION_WAIT).untilAsserted(() -> {
            last[0] = read(anonymous.as(as), path);
            shows.accept(last[0]);
        });
        return last[0];
    }

    private static void assertRefused(ServerSentEventStream refused, int status, String code) {
        assertThat(refused.status()).as("%s %s", refused.contentType(), refused.refusalText()).isEqualTo(status);
        assertThat(refused.contentType()).as("a problem, not a stream").startsWith("application/problem+json");
        if (code != null) {
            assertThat(refused.refusal().get("code").asText()).isEqualTo(code);
        }
    }
}
