package io.carmarket.support.axon;

import org.axonframework.config.EventProcessingConfiguration;
import org.axonframework.eventhandling.EventProcessor;
import org.axonframework.eventhandling.EventTrackerStatus;
import org.axonframework.eventhandling.StreamingEventProcessor;
import org.springframework.boot.actuate.health.AbstractHealthIndicator;
import org.springframework.boot.actuate.health.Health;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.function.BooleanSupplier;

/**
 * Health component {@code eventProcessors}: DOWN while an event processor is stopped by an error although its events
 * can be read (a failing handler, or a processor still waiting to retry after its event stream came back), so that
 * readiness does not say UP while the read models are stalled.
 * <p>
 * While the event source itself is gone (Axon Server down), processors cannot move on anywhere; the instance still
 * answers reads from its read models, so that is not counted against it here: the {@code axonServer} component says
 * what is down, and the details here say that the processors wait for it. The details name each processor's state
 * and which of its segments this instance holds.
 */
class ProcessorHealth extends AbstractHealthIndicator {

    private final EventProcessingConfiguration processing;
    private final BooleanSupplier eventSourceAvailable;

    ProcessorHealth(EventProcessingConfiguration processing, BooleanSupplier eventSourceAvailable) {
        super("Event processors could not be inspected");
        this.processing = processing;
        this.eventSourceAvailable = eventSourceAvailable;
    }

    @Override
    protected void doHealthCheck(Health.Builder health) {
        Map<String, Object> details = new TreeMap<>();
        boolean anyInError = false;
        for (Map.Entry<String, EventProcessor> entry : processing.eventProcessors().entrySet()) {
            EventProcessor processor = entry.getValue();
            boolean inError = inError(processor);
            anyInError |= inError;
            details.put(entry.getKey(), describe(processor, inError));
        }
        if (!anyInError) {
            health.up();
        } else if (eventSourceAvailable.getAsBoolean()) {
            health.down();
        } else {
            health.up().withDetail("waitingFor", "the event source (Axon Server): no processor can move on");
        }
        health.withDetails(details);
    }

    /** A processor that should run but is stopped by an error, wholly or in one of its segments. */
    static boolean inError(EventProcessor processor) {
        if (!(processor instanceof StreamingEventProcessor streaming)) {
            return false;
        }
        return streaming.isError()
                || streaming.processingStatus().values().stream().anyMatch(EventTrackerStatus::isErrorState);
    }

    private static Map<String, Object> describe(EventProcessor processor, boolean inError) {
        Map<String, Object> state = new LinkedHashMap<>();
        state.put("status", inError ? "ERROR" : processor.isRunning() ? "RUNNING" : "STOPPED");
        if (processor instanceof StreamingEventProcessor streaming) {
            List<Integer> segments = streaming.processingStatus().keySet().stream().sorted().toList();
            state.put("segmentsHeld", segments);
            streaming.processingStatus().values().stream()
                    .filter(EventTrackerStatus::isErrorState)
                    .findFirst()
                    .ifPresent(failed -> state.put("error", String.valueOf(failed.getError())));
        }
        return state;
    }
}
