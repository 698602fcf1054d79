package io.carmarket.support.axon;

import org.axonframework.axonserver.connector.AxonServerConnectionManager;
import org.axonframework.eventhandling.EventProcessor;
import org.axonframework.eventhandling.StreamingEventProcessor;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.Map;

import static io.carmarket.support.axon.ProcessorTestDoubles.failedSegment;
import static io.carmarket.support.axon.ProcessorTestDoubles.healthy;
import static io.carmarket.support.axon.ProcessorTestDoubles.processing;
import static io.carmarket.support.axon.ProcessorTestDoubles.stoppedByError;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.never;
import static org.mockito.Mockito.verify;
import static org.mockito.Mockito.when;

class ProcessorRecoveryTest {

    private static final String CONTEXT = "default";

    private final AxonServerConnectionManager axonServer = mock(AxonServerConnectionManager.class);
    private final StreamingEventProcessor waitingToRetry = stoppedByError();
    private final StreamingEventProcessor segmentWaitingToRetry = failedSegment(new IllegalStateException("stream"));
    private final StreamingEventProcessor running = healthy(0, 1);
    private final ProcessorRecovery recovery = new ProcessorRecovery(
            processing(Map.<String, EventProcessor>of("car-search", waitingToRetry, "bookings", segmentWaitingToRetry,
                    "notifications", running)),
            axonServer, new ProcessorProperties.Recovery(true, Duration.ofSeconds(2)));

    ProcessorRecoveryTest() {
        when(axonServer.getDefaultContext()).thenReturn(CONTEXT);
    }

    @Test
    void when_axon_server_is_back_the_processors_stopped_by_errors_restart_at_once() {
        connected(false);
        recovery.check();
        connected(true);
        recovery.check();

        verify(waitingToRetry).shutdownAsync();
        verify(waitingToRetry).start();
        verify(segmentWaitingToRetry).start();
    }

    @Test
    void processors_that_run_are_left_alone_when_axon_server_is_back() {
        connected(false);
        recovery.check();
        connected(true);
        recovery.check();

        verify(running, never()).shutdownAsync();
        verify(running, never()).start();
    }

    @Test
    void a_processor_in_error_while_the_connection_never_dropped_keeps_its_own_retries() {
        connected(true);
        recovery.check();
        recovery.check();

        verify(waitingToRetry, never()).shutdownAsync();
    }

    @Test
    void nothing_restarts_while_axon_server_is_still_away() {
        connected(false);
        recovery.check();
        recovery.check();

        verify(waitingToRetry, never()).shutdownAsync();
    }

    @Test
    void one_return_restarts_once() {
        connected(false);
        recovery.check();
        connected(true);
        recovery.check();
        recovery.check();

        verify(waitingToRetry).shutdownAsync();
    }

    private void connected(boolean connected) {
        when(axonServer.isConnected(CONTEXT)).thenReturn(connected);
    }
}
