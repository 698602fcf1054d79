package io.carmarket.support.axon;

import org.axonframework.config.EventProcessingConfiguration;
import org.axonframework.eventhandling.EventProcessor;
import org.axonframework.eventhandling.EventTrackerStatus;
import org.axonframework.eventhandling.StreamingEventProcessor;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.CompletableFuture;

import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.when;

/** Event processors as the health, balancing and recovery components see them. */
final class ProcessorTestDoubles {

    private ProcessorTestDoubles() {
    }

    static StreamingEventProcessor healthy(int... segmentsHeld) {
        StreamingEventProcessor processor = mock(StreamingEventProcessor.class);
        Map<Integer, EventTrackerStatus> status = new LinkedHashMap<>();
        for (int segment : segmentsHeld) {
            status.put(segment, segmentStatus(null));
        }
        when(processor.isRunning()).thenReturn(true);
        when(processor.processingStatus()).thenReturn(status);
        when(processor.getTokenStoreIdentifier()).thenReturn("token-store-1");
        when(processor.shutdownAsync()).thenReturn(CompletableFuture.completedFuture(null));
        return processor;
    }

    /** Holds segment 0, which failed with {@code error} and waits to retry. */
    static StreamingEventProcessor failedSegment(Throwable error) {
        StreamingEventProcessor processor = healthy();
        Map<Integer, EventTrackerStatus> status = Map.of(0, segmentStatus(error));
        when(processor.processingStatus()).thenReturn(status);
        return processor;
    }

    /** Stopped as a whole by an error (its event stream could not be opened, say). */
    static StreamingEventProcessor stoppedByError() {
        StreamingEventProcessor processor = healthy();
        when(processor.isError()).thenReturn(true);
        return processor;
    }

    static EventProcessor subscribing() {
        EventProcessor processor = mock(EventProcessor.class);
        when(processor.isRunning()).thenReturn(true);
        return processor;
    }

    static EventProcessingConfiguration processing(Map<String, EventProcessor> processors) {
        EventProcessingConfiguration processing = mock(EventProcessingConfiguration.class);
        when(processing.eventProcessors()).thenReturn(processors);
        return processing;
    }

    private static EventTrackerStatus segmentStatus(Throwable error) {
        EventTrackerStatus status = mock(EventTrackerStatus.class);
        when(status.isErrorState()).thenReturn(error != null);
        when(status.getError()).thenReturn(error);
        when(status.isCaughtUp()).thenReturn(error == null);
        return status;
    }

}
