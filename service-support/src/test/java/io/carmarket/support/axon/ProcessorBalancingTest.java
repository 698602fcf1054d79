package io.carmarket.support.axon;

import io.axoniq.axonserver.connector.AxonServerConnection;
import io.axoniq.axonserver.connector.admin.AdminChannel;
import org.axonframework.axonserver.connector.AxonServerConnectionManager;
import org.axonframework.eventhandling.EventProcessor;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.Map;
import java.util.concurrent.CompletableFuture;

import static io.carmarket.support.axon.ProcessorTestDoubles.healthy;
import static io.carmarket.support.axon.ProcessorTestDoubles.processing;
import static io.carmarket.support.axon.ProcessorTestDoubles.subscribing;
import static org.mockito.ArgumentMatchers.anyString;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.never;
import static org.mockito.Mockito.verify;
import static org.mockito.Mockito.when;

class ProcessorBalancingTest {

    private static final String CONTEXT = "default";
    private static final String STRATEGY = "threadNumber";

    private final AxonServerConnectionManager axonServer = mock(AxonServerConnectionManager.class);
    private final AdminChannel admin = mock(AdminChannel.class);
    private final ProcessorBalancing balancing = new ProcessorBalancing(
            processing(Map.<String, EventProcessor>of("car-search", healthy(0, 1), "bookings", healthy(),
                    "car-deadlines", subscribing())),
            axonServer, new ProcessorProperties.Balancing(true, STRATEGY, Duration.ofSeconds(5), Duration.ofSeconds(10)));

    ProcessorBalancingTest() {
        AxonServerConnection connection = mock(AxonServerConnection.class);
        when(axonServer.getDefaultContext()).thenReturn(CONTEXT);
        when(axonServer.getConnection()).thenReturn(connection);
        when(connection.adminChannel()).thenReturn(admin);
        when(admin.loadBalanceEventProcessor(anyString(), anyString(), anyString()))
                .thenReturn(CompletableFuture.completedFuture(null));
    }

    @Test
    void each_streaming_processor_is_balanced_by_axon_server_with_the_configured_strategy() {
        when(axonServer.isConnected(CONTEXT)).thenReturn(true);

        balancing.balanceAll();

        verify(admin).loadBalanceEventProcessor("car-search", "token-store-1", STRATEGY);
        verify(admin).loadBalanceEventProcessor("bookings", "token-store-1", STRATEGY);
        verify(admin, never()).loadBalanceEventProcessor("car-deadlines", "token-store-1", STRATEGY);
    }

    @Test
    void nothing_is_asked_while_axon_server_is_away() {
        when(axonServer.isConnected(CONTEXT)).thenReturn(false);

        balancing.balanceAll();

        verify(admin, never()).loadBalanceEventProcessor(anyString(), anyString(), anyString());
    }

    @Test
    void a_refused_request_waits_for_the_next_round() {
        when(axonServer.isConnected(CONTEXT)).thenReturn(true);
        when(admin.loadBalanceEventProcessor(anyString(), anyString(), anyString()))
                .thenReturn(CompletableFuture.failedFuture(new IllegalStateException("not now")));

        balancing.balanceAll();

        verify(admin).loadBalanceEventProcessor("bookings", "token-store-1", STRATEGY);
    }
}
