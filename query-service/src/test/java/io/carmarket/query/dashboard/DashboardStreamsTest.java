package io.carmarket.query.dashboard;

import io.grpc.Status;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import org.axonframework.messaging.responsetypes.ResponseType;
import org.axonframework.queryhandling.DefaultSubscriptionQueryResult;
import org.axonframework.queryhandling.QueryGateway;
import org.axonframework.queryhandling.SubscriptionQueryResult;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.http.codec.ServerSentEvent;
import reactor.core.Disposable;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;
import reactor.core.publisher.Sinks;

import java.time.Duration;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicReference;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.Mockito.doReturn;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.never;
import static org.mockito.Mockito.verify;

/**
 * A dashboard stream while Axon Server, which carries its updates in the distributed deployment, comes and goes: a
 * stream says once that live updates are paused (after the dashboard, which then comes from this instance's read
 * model) and ends when they can resume, so that the client's reconnect subscribes again. While Axon Server is
 * reachable nothing changes: states and heartbeats only.
 */
class DashboardStreamsTest {

    private static final Duration HEARTBEAT = Duration.ofMillis(50);
    private static final Duration WAIT = Duration.ofSeconds(5);

    /** Stands in for a dashboard: the stream needs only its position. */
    record Board(long position) {
    }

    record BoardQuery(String ownerId) {
    }

    private final AtomicBoolean axonServerReachable = new AtomicBoolean(true);
    private final LiveUpdates liveUpdates = new LiveUpdates(null) {
        @Override
        boolean paused() {
            return !axonServerReachable.get();
        }
    };
    private final QueryGateway queryGateway = mock(QueryGateway.class);
    private final DashboardStreams streams = new DashboardStreams(queryGateway, liveUpdates, new SimpleMeterRegistry(),
            HEARTBEAT);
    private final Sinks.Many<Board> updates = Sinks.many().multicast().onBackpressureBuffer();
    private final AtomicBoolean subscriptionClosed = new AtomicBoolean();
    private final List<ServerSentEvent<Object>> received = new CopyOnWriteArrayList<>();
    private final AtomicBoolean ended = new AtomicBoolean();
    private final AtomicReference<Throwable> failed = new AtomicReference<>();
    private Disposable client;

    @AfterEach
    void leave() {
        if (client != null) {
            client.dispose();
        }
    }

    @Test
    void while_axon_server_is_reachable_a_stream_sends_each_state_and_heartbeats_and_never_says_degraded() {
        subscriptionAnswers(Mono.just(new Board(1)));
        open();

        updates.tryEmitNext(new Board(2));

        await().atMost(WAIT).until(() -> heartbeats() >= 3);
        assertThat(dashboards()).extracting(ServerSentEvent::id).containsExactly("1", "2");
        assertThat(named(DashboardStreams.DEGRADED)).isEmpty();
        assertThat(ended).isFalse();
    }

    @Test
    void when_axon_server_is_lost_the_next_heartbeat_says_degraded_once_and_the_stream_ends_when_it_is_back() {
        subscriptionAnswers(Mono.just(new Board(1)));
        open();
        await().atMost(WAIT).until(() -> dashboards().size() == 1);

        axonServerReachable.set(false);

        await().atMost(WAIT).until(() -> named(DashboardStreams.DEGRADED).size() == 1);
        int heartbeatsWhenDegraded = heartbeats();
        await().atMost(WAIT).until(() -> heartbeats() >= heartbeatsWhenDegraded + 3);
        assertThat(named(DashboardStreams.DEGRADED)).as("said once").hasSize(1);
        assertThat(ended).as("open while paused").isFalse();

        axonServerReachable.set(true);

        await().atMost(WAIT).untilTrue(ended);
        assertThat(subscriptionClosed).isTrue();
        assertThat(failed.get()).isNull();
    }

    @Test
    void a_stream_opened_while_axon_server_cannot_be_reached_sends_the_local_state_then_degraded_without_subscribing() {
        axonServerReachable.set(false);
        localQueryAnswers(new Board(7));
        open();

        await().atMost(WAIT).until(() -> received.stream().filter(event -> event.comment() == null).count() == 2);
        List<ServerSentEvent<Object>> events = received.stream().filter(event -> event.comment() == null).toList();
        assertThat(events.get(0).event()).isEqualTo(DashboardStreams.EVENT);
        assertThat(events.get(0).id()).isEqualTo("7");
        assertThat(events.get(1).event()).isEqualTo(DashboardStreams.DEGRADED);
        assertThat(events.get(1).id()).as("Last-Event-ID stays the dashboard's position").isNull();
        assertThat(events.get(1).data()).isEqualTo(LiveUpdatesPaused.eventStoreUnavailable());
        verify(queryGateway, never()).subscriptionQuery(any(), any(ResponseType.class), any(ResponseType.class));

        axonServerReachable.set(true);

        await().atMost(WAIT).untilTrue(ended);
    }

    @Test
    void a_subscription_refused_because_axon_server_cannot_be_reached_falls_back_to_the_local_state() {
        subscriptionAnswers(Mono.error(Status.UNAVAILABLE.asRuntimeException()));
        localQueryAnswers(new Board(3));
        open();

        await().atMost(WAIT).until(() -> named(DashboardStreams.DEGRADED).size() == 1);
        assertThat(dashboards()).extracting(ServerSentEvent::id).containsExactly("3");
        assertThat(failed.get()).isNull();
    }

    @Test
    void a_subscription_that_fails_for_another_reason_ends_the_stream_with_that_failure() {
        subscriptionAnswers(Mono.error(new IllegalStateException("a bug")));
        open();

        await().atMost(WAIT).until(() -> failed.get() != null);
        assertThat(failed.get()).hasMessage("a bug");
        assertThat(named(DashboardStreams.DEGRADED)).isEmpty();
    }

    private void subscriptionAnswers(Mono<Board> initialResult) {
        SubscriptionQueryResult<Board, Board> result = new DefaultSubscriptionQueryResult<>(initialResult,
                updates.asFlux(), () -> subscriptionClosed.compareAndSet(false, true));
        doReturn(result).when(queryGateway)
                .subscriptionQuery(any(BoardQuery.class), any(ResponseType.class), any(ResponseType.class));
    }

    private void localQueryAnswers(Board board) {
        doReturn(CompletableFuture.completedFuture(board)).when(queryGateway)
                .query(any(BoardQuery.class), any(ResponseType.class));
    }

    private void open() {
        Flux<ServerSentEvent<Object>> stream = streams.of(new BoardQuery("dealer-1"), Board.class, Board::position);
        client = stream.subscribe(received::add, failed::set, () -> ended.set(true));
    }

    private List<ServerSentEvent<Object>> dashboards() {
        return named(DashboardStreams.EVENT);
    }

    private List<ServerSentEvent<Object>> named(String name) {
        return received.stream().filter(event -> name.equals(event.event())).toList();
    }

    private int heartbeats() {
        return (int) received.stream().filter(event -> DashboardStreams.HEARTBEAT.equals(event.comment())).count();
    }
}
