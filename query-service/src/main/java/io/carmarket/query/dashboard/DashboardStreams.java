package io.carmarket.query.dashboard;

import io.carmarket.support.axon.AxonServerOutage;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import org.axonframework.messaging.responsetypes.ResponseTypes;
import org.axonframework.queryhandling.QueryGateway;
import org.axonframework.queryhandling.SubscriptionQueryResult;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.event.ContextClosedEvent;
import org.springframework.context.event.EventListener;
import org.springframework.http.codec.ServerSentEvent;
import org.springframework.stereotype.Component;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;
import reactor.core.publisher.Sinks;

import java.time.Duration;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.ToLongFunction;

/**
 * A dashboard as a stream of Server-Sent Events: the whole dashboard first, then each new state (event
 * {@value #EVENT}, id the dashboard's position), and a comment line every heartbeat interval so that proxies keep
 * an idle stream open. The subscription query is closed when the client goes away (noticed at the next write at
 * the latest, so within one heartbeat). When the application stops, every stream ends at once.
 * <p>
 * New states travel as updates of an Axon subscription query, through Axon Server in the distributed deployment.
 * While Axon Server cannot be reached (D42) the stream says so with a {@value #DEGRADED} event after the dashboard,
 * which then comes from this instance's read model; whether Axon Server is back is checked at each heartbeat, and
 * the stream ends when it is, so that the client's reconnect subscribes again.
 */
@Component
class DashboardStreams {

    static final String EVENT = "dashboard";
    static final String DEGRADED = "degraded";
    static final String HEARTBEAT = "heartbeat";

    private final QueryGateway queryGateway;
    private final LiveUpdates liveUpdates;
    private final Duration heartbeatInterval;
    private final AtomicInteger open = new AtomicInteger();
    /** Fired when the application stops: every stream ends, so shutdown does not wait for clients to leave. */
    private final Sinks.Empty<Void> stopping = Sinks.empty();

    DashboardStreams(QueryGateway queryGateway, LiveUpdates liveUpdates, MeterRegistry meters,
                     @Value("${carmarket.dashboards.heartbeat-interval}") Duration heartbeatInterval) {
        this.queryGateway = queryGateway;
        this.liveUpdates = liveUpdates;
        this.heartbeatInterval = heartbeatInterval;
        Gauge.builder("carmarket.dashboards.streams.open", open, AtomicInteger::get)
                .description("Dashboard streams (Server-Sent Events) open on this instance")
                .register(meters);
    }

    <Q, D> Flux<ServerSentEvent<Object>> of(Q query, Class<D> dashboardType, ToLongFunction<D> position) {
        return Flux.using(
                () -> {
                    open.incrementAndGet();
                    return liveUpdates.paused()
                            ? Optional.<SubscriptionQueryResult<D, D>>empty()
                            : Optional.of(queryGateway.subscriptionQuery(query, ResponseTypes.instanceOf(dashboardType),
                                    ResponseTypes.instanceOf(dashboardType)));
                },
                subscription -> {
                    Pause pause = new Pause(subscription.isEmpty());
                    Flux<ServerSentEvent<Object>> states = subscription
                            .map(live -> liveStates(live, query, dashboardType, position, pause))
                            .orElseGet(() -> pausedState(query, dashboardType, position));
                    return Flux.merge(states, heartbeats(pause))
                            .takeUntilOther(Mono.firstWithSignal(stopping.asMono(), pause.ended.asMono()));
                },
                subscription -> {
                    subscription.ifPresent(SubscriptionQueryResult::close);
                    open.decrementAndGet();
                });
    }

    /** Ends every open stream; their clients reconnect, to another instance if this one is going away. */
    @EventListener(ContextClosedEvent.class)
    void endStreams() {
        stopping.tryEmitEmpty();
    }

    /** Streams open on this instance now. */
    int open() {
        return open.get();
    }

    private <Q, D> Flux<ServerSentEvent<Object>> liveStates(SubscriptionQueryResult<D, D> subscription, Q query,
                                                            Class<D> dashboardType, ToLongFunction<D> position,
                                                            Pause pause) {
        AtomicBoolean shown = new AtomicBoolean();
        return subscription.initialResult()
                .concatWith(subscription.updates())
                // A slow client gets the newest state, not every state in between.
                .onBackpressureLatest()
                .doOnNext(dashboard -> shown.set(true))
                .map(dashboard -> dashboardEvent(dashboard, position))
                // Lost between the heartbeat's check and the subscription, or while the stream was open.
                .onErrorResume(AxonServerOutage::isCauseOf, outage -> {
                    boolean announce = pause.begin();
                    if (!shown.get()) {
                        return pausedState(query, dashboardType, position);
                    }
                    return announce ? Flux.just(degradedEvent()) : Flux.empty();
                });
    }

    /** The dashboard from this instance's read model, and that nothing will follow it. */
    private <Q, D> Flux<ServerSentEvent<Object>> pausedState(Q query, Class<D> dashboardType,
                                                             ToLongFunction<D> position) {
        return Mono.fromFuture(() -> queryGateway.query(query, ResponseTypes.instanceOf(dashboardType)))
                .map(dashboard -> dashboardEvent(dashboard, position))
                .concatWith(Mono.just(degradedEvent()));
    }

    /** A heartbeat at each tick, after checking the way of live updates: paused now, or back after a pause. */
    private Flux<ServerSentEvent<Object>> heartbeats(Pause pause) {
        return Flux.interval(heartbeatInterval).concatMap(tick -> {
            boolean paused = liveUpdates.paused();
            if (!paused && pause.isOn()) {
                pause.end();
                return Flux.empty();
            }
            if (paused && pause.begin()) {
                return Flux.just(degradedEvent(), heartbeat());
            }
            return Flux.just(heartbeat());
        });
    }

    private static <D> ServerSentEvent<Object> dashboardEvent(D dashboard, ToLongFunction<D> position) {
        return ServerSentEvent.<Object>builder(dashboard)
                .event(EVENT)
                .id(Long.toString(position.applyAsLong(dashboard)))
                .build();
    }

    /** No id: a reconnect's {@code Last-Event-ID} stays the position of the dashboard last shown. */
    private static ServerSentEvent<Object> degradedEvent() {
        return ServerSentEvent.<Object>builder(LiveUpdatesPaused.eventStoreUnavailable()).event(DEGRADED).build();
    }

    private static ServerSentEvent<Object> heartbeat() {
        return ServerSentEvent.builder().comment(HEARTBEAT).build();
    }

    /** Whether one stream has said that its live updates are paused, and the signal that ends it when they resume. */
    private static final class Pause {

        private final AtomicBoolean on;
        private final Sinks.Empty<Void> ended = Sinks.empty();

        Pause(boolean on) {
            this.on = new AtomicBoolean(on);
        }

        /** @return whether the pause begins now (and so is to be announced) */
        boolean begin() {
            return on.compareAndSet(false, true);
        }

        boolean isOn() {
            return on.get();
        }

        void end() {
            ended.tryEmitEmpty();
        }
    }
}
