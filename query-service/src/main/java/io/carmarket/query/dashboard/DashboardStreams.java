package io.carmarket.query.dashboard;

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
import reactor.core.publisher.Sinks;

import java.time.Duration;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.ToLongFunction;

/**
 * A dashboard as a stream of Server-Sent Events: the whole dashboard first, then each new state (event
 * {@value #EVENT}, id the dashboard's position), and a comment line every heartbeat interval so that proxies keep
 * an idle stream open. The subscription query is closed when the client goes away (noticed at the next write at
 * the latest, so within one heartbeat). When the application stops, every stream ends at once.
 */
@Component
class DashboardStreams {

    static final String EVENT = "dashboard";
    static final String HEARTBEAT = "heartbeat";

    private final QueryGateway queryGateway;
    private final Duration heartbeatInterval;
    private final AtomicInteger open = new AtomicInteger();
    /** Fired when the application stops: every stream ends, so shutdown does not wait for clients to leave. */
    private final Sinks.Empty<Void> stopping = Sinks.empty();

    DashboardStreams(QueryGateway queryGateway, MeterRegistry meters,
                     @Value("${carmarket.dashboards.heartbeat-interval}") Duration heartbeatInterval) {
        this.queryGateway = queryGateway;
        this.heartbeatInterval = heartbeatInterval;
        Gauge.builder("carmarket.dashboards.streams.open", open, AtomicInteger::get)
                .description("Dashboard streams (Server-Sent Events) open on this instance")
                .register(meters);
    }

    <Q, D> Flux<ServerSentEvent<D>> of(Q query, Class<D> dashboardType, ToLongFunction<D> position) {
        return Flux.using(
                () -> {
                    open.incrementAndGet();
                    return queryGateway.subscriptionQuery(query, ResponseTypes.instanceOf(dashboardType),
                            ResponseTypes.instanceOf(dashboardType));
                },
                subscription -> Flux.<ServerSentEvent<D>>merge(states(subscription, position),
                        this.<D>heartbeats()).takeUntilOther(stopping.asMono()),
                subscription -> {
                    subscription.close();
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

    private static <D> Flux<ServerSentEvent<D>> states(SubscriptionQueryResult<D, D> subscription,
                                                       ToLongFunction<D> position) {
        return subscription.initialResult()
                .concatWith(subscription.updates())
                // A slow client gets the newest state, not every state in between.
                .onBackpressureLatest()
                .map(dashboard -> ServerSentEvent.builder(dashboard)
                        .event(EVENT)
                        .id(Long.toString(position.applyAsLong(dashboard)))
                        .build());
    }

    private <D> Flux<ServerSentEvent<D>> heartbeats() {
        return Flux.interval(heartbeatInterval).map(tick -> ServerSentEvent.<D>builder().comment(HEARTBEAT).build());
    }
}
