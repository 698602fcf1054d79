package io.carmarket.standalone;

import io.carmarket.standalone.CarMarketClient.Session;
import io.carmarket.standalone.ServerSentEventStream.Event;
import io.micrometer.core.instrument.LongTaskTimer;
import io.micrometer.core.instrument.MeterRegistry;
import org.apache.catalina.Container;
import org.apache.catalina.core.StandardContext;
import org.axonframework.queryhandling.QueryUpdateEmitter;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.boot.web.embedded.tomcat.TomcatWebServer;
import org.springframework.boot.web.servlet.context.ServletWebServerApplicationContext;

import java.net.http.HttpClient;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * Dashboard streams whose clients go away leave nothing behind. An open stream holds a subscription query (Axon's
 * {@link QueryUpdateEmitter} keeps it to send it updates), counts in the gauge {@value #STREAMS_OPEN}, and is an
 * HTTP request in progress ({@value #REQUESTS_ACTIVE}, Spring Boot's count of requests being served, asynchronous
 * ones included, and Tomcat's own count of asynchronous requests in progress); after a thousand streams opened and
 * dropped, all of them are back where they were.
 * <p>
 * A client that goes away without a word is noticed at the server's next write to it, so the heartbeat is lowered
 * to 200 ms: this system is shared with {@link DashboardStreamEndToEndTest}.
 */
@StandaloneSystemTest(properties = {DashboardStreamEndToEndTest.HEARTBEAT_EVERY_200_MS,
        DashboardStreamEndToEndTest.SHUT_DOWN_AT_ONCE})
class DashboardSubscriptionLeakTest {

    private static final String STREAMS_OPEN = "carmarket.dashboards.streams.open";
    private static final String REQUESTS_ACTIVE = "http.server.requests.active";
    private static final int STREAMS = 1000;
    private static final int CLIENTS_AT_ONCE = 4;
    private static final int DROPPED_BEFORE_FIRST_EVENT = 600;
    private static final Duration FIRST_EVENT_WAIT = Duration.ofSeconds(10);
    /** Many heartbeats: a dropped client is noticed within one. */
    private static final Duration NOTICED_GONE = Duration.ofSeconds(30);

    @LocalServerPort
    int port;

    @Autowired
    QueryUpdateEmitter emitter;

    @Autowired
    MeterRegistry meters;

    @Autowired
    ServletWebServerApplicationContext webServer;

    private final HttpClient http = ServerSentEventStream.newHttpClient();
    /** One follower per dashboard: a dealer, an auditor (the platform) and a customer. */
    private List<Follower> followers;

    private record Follower(String stream, Session session) {
    }

    /** What the server holds open while no client of this test is connected. */
    private record Held(double streams, int subscriptions, long requests, long asyncInProgress) {
    }

    @BeforeEach
    void followers() {
        CarMarketClient anonymous = new CarMarketClient(port);
        Session dealer = anonymous.newUser("DEALER");
        anonymous.as(dealer).listCar(anonymous.carListing(Dashboards.uniqueMake()));
        followers = List.of(
                new Follower(DashboardStreamEndToEndTest.DEALER_STREAM, dealer),
                new Follower(DashboardStreamEndToEndTest.ADMIN_STREAM,
                        Dashboards.auditorSession(anonymous, Dashboards.admin(anonymous))),
                new Follower(DashboardStreamEndToEndTest.ME_STREAM, anonymous.newUser("CUSTOMER")));
    }

    @Test
    void each_open_stream_holds_one_subscription_and_one_request_and_counts_in_the_gauge_until_its_client_goes_away() {
        Held before = baseline();
        List<ServerSentEventStream> kept = new ArrayList<>();
        for (Follower follower : followers) {
            ServerSentEventStream stream = open(follower);
            stream.nextEvent(FIRST_EVENT_WAIT);
            kept.add(stream);
        }

        assertThat(streamsOpen()).isEqualTo(before.streams() + followers.size());
        assertThat(subscriptions()).isEqualTo(before.subscriptions() + followers.size());
        assertThat(requestsActive()).isEqualTo(before.requests() + followers.size());

        kept.forEach(ServerSentEventStream::close);
        awaitBackTo(before);
    }

    @Test
    void a_thousand_streams_opened_and_dropped_after_their_first_event_leave_nothing_behind() throws Exception {
        Held before = baseline();
        ExecutorService clients = Executors.newFixedThreadPool(CLIENTS_AT_ONCE);
        List<Future<?>> done = new ArrayList<>();
        for (int client = 0; client < CLIENTS_AT_ONCE; client++) {
            int first = client;
            done.add(clients.submit(() -> {
                for (int i = first; i < STREAMS; i += CLIENTS_AT_ONCE) {
                    try (ServerSentEventStream stream = open(followers.get(i % followers.size()))) {
                        assertThat(stream.status()).isEqualTo(200);
                        Event event = stream.nextEvent(FIRST_EVENT_WAIT);
                        assertThat(event.name()).isEqualTo("dashboard");
                    }
                }
                return null;
            }));
        }
        for (Future<?> client : done) {
            client.get(2, TimeUnit.MINUTES);
        }
        clients.shutdown();

        awaitBackTo(before);
    }

    /**
     * A client may go away as soon as the response's head arrives, while the server is about to write the first
     * event. 600 such clients: a fault that hits one in a hundred of them shows (almost) every time.
     * <p>
     * A write that fails while the request's first container thread is still on its way out makes Tomcat 10.1 drop
     * the request without ending its asynchronous cycle ("non-recycled request"): without
     * {@code AbandonedAsyncCycleValve} (service-support), 37 to 84 of the 600 stayed in {@value #REQUESTS_ACTIVE} and
     * in Tomcat's count of asynchronous requests in progress for ever (docs/dashboards.md, "Live streams").
     */
    @Test
    void streams_dropped_before_their_first_event_is_read_leave_nothing_behind() {
        Held before = baseline();

        for (int i = 0; i < DROPPED_BEFORE_FIRST_EVENT; i++) {
            ServerSentEventStream stream = open(followers.get(i % followers.size()));
            assertThat(stream.status()).isEqualTo(200);
            stream.close();
        }

        awaitBackTo(before);
    }

    /**
     * The streams of earlier tests in this system have had their clients go away; once the server has noticed
     * (within a heartbeat), none is open. What it still holds then is held for no stream of this test.
     */
    private Held baseline() {
        await().atMost(NOTICED_GONE).until(() -> streamsOpen() == 0);
        return new Held(streamsOpen(), subscriptions(), requestsActive(), asyncInProgress());
    }

    private void awaitBackTo(Held before) {
        await().atMost(NOTICED_GONE).untilAsserted(() -> {
            assertThat(streamsOpen()).as(STREAMS_OPEN).isEqualTo(before.streams());
            assertThat(subscriptions()).as("the emitter's active subscriptions").isEqualTo(before.subscriptions());
            assertThat(asyncInProgress()).as("Tomcat's count of asynchronous requests in progress")
                    .isEqualTo(before.asyncInProgress());
            assertThat(requestsActive()).as("%s: requests the server still serves", REQUESTS_ACTIVE)
                    .isEqualTo(before.requests());
        });
    }

    private ServerSentEventStream open(Follower follower) {
        return ServerSentEventStream.open(http, "http://localhost:" + port + "/api/v1" + follower.stream(),
                follower.session().accessToken(), null);
    }

    private double streamsOpen() {
        return meters.get(STREAMS_OPEN).gauge().value();
    }

    private int subscriptions() {
        return emitter.activeSubscriptions().size();
    }

    /** Requests being served now: no request of this test's own is in flight when it is read. */
    private long requestsActive() {
        return meters.find(REQUESTS_ACTIVE).longTaskTimers().stream().mapToLong(LongTaskTimer::activeTasks).sum();
    }

    /** Tomcat's own count of the requests in asynchronous processing (a stop of the context waits for them). */
    private long asyncInProgress() {
        Container[] contexts = ((TomcatWebServer) webServer.getWebServer()).getTomcat().getHost().findChildren();
        long inProgress = 0;
        for (Container context : contexts) {
            inProgress += ((StandardContext) context).getInProgressAsyncCount();
        }
        return inProgress;
    }
}
