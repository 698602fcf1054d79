package io.carmarket.support.axon;

import org.axonframework.axonserver.connector.AxonServerConnectionManager;
import org.axonframework.config.EventProcessingConfiguration;
import org.axonframework.eventhandling.EventProcessor;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.event.EventListener;

import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;

/**
 * Gets the event processors going again as soon as Axon Server is back after an outage.
 * <p>
 * A processor whose event stream failed waits before it retries, twice as long after each failure, up to a minute;
 * so after a long outage the read models stayed behind for up to a minute after Axon Server returned. This watches
 * the connection and, when it comes back, restarts each processor that is in error: it claims its segments again
 * and continues from its stored tokens, within seconds.
 */
class ProcessorRecovery implements AutoCloseable {

    private static final Logger log = LoggerFactory.getLogger(ProcessorRecovery.class);

    private final EventProcessingConfiguration processing;
    private final AxonServerConnectionManager axonServer;
    private final ProcessorProperties.Recovery settings;
    private final ScheduledExecutorService schedule = Executors.newSingleThreadScheduledExecutor(task -> {
        Thread thread = new Thread(task, "processor-recovery");
        thread.setDaemon(true);
        return thread;
    });
    private boolean connectionWasLost;

    ProcessorRecovery(EventProcessingConfiguration processing, AxonServerConnectionManager axonServer,
                      ProcessorProperties.Recovery settings) {
        this.processing = processing;
        this.axonServer = axonServer;
        this.settings = settings;
    }

    @EventListener(ApplicationReadyEvent.class)
    void startWatching() {
        long every = settings.checkInterval().toMillis();
        schedule.scheduleWithFixedDelay(this::check, every, every, TimeUnit.MILLISECONDS);
    }

    /** One look at the connection; runs on the watcher's single thread only. */
    void check() {
        boolean connected = axonServer.isConnected(axonServer.getDefaultContext());
        if (!connected) {
            connectionWasLost = true;
            return;
        }
        if (connectionWasLost) {
            connectionWasLost = false;
            processing.eventProcessors().forEach((name, processor) -> {
                if (ProcessorHealth.inError(processor)) {
                    restart(name, processor);
                }
            });
        }
    }

    private static void restart(String name, EventProcessor processor) {
        log.info("Axon Server is back: restarting event processor {}, which stopped on the lost connection", name);
        processor.shutdownAsync().whenComplete((stopped, failure) -> {
            if (failure != null) {
                log.warn("Event processor {} did not stop cleanly before its restart", name, failure);
            }
            processor.start();
        });
    }

    @Override
    public void close() {
        schedule.shutdownNow();
    }
}
