package io.carmarket.support.axon;

import org.axonframework.axonserver.connector.AxonServerConnectionManager;
import org.axonframework.config.EventProcessingConfiguration;
import org.axonframework.eventhandling.StreamingEventProcessor;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.event.EventListener;

import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;

/**
 * Spreads the segments of this service's streaming event processors over its running instances.
 * <p>
 * The first instance to start claims every segment it has threads for, and Axon Server SE balances only when asked
 * (its automatic balancing answers "not supported"). So each instance asks Axon Server to balance each of its
 * processors a while after it is ready (Axon Server must first have its processors' status) and again at an
 * interval: a joining or returning instance gets its share, and a balanced processor is left as it is. Instances
 * that leave need no request: their segments are released, or their claims time out, and the others claim them.
 */
class ProcessorBalancing implements AutoCloseable {

    private static final Logger log = LoggerFactory.getLogger(ProcessorBalancing.class);

    private final EventProcessingConfiguration processing;
    private final AxonServerConnectionManager axonServer;
    private final ProcessorProperties.Balancing settings;
    private final ScheduledExecutorService schedule = Executors.newSingleThreadScheduledExecutor(task -> {
        Thread thread = new Thread(task, "processor-balancing");
        thread.setDaemon(true);
        return thread;
    });

    ProcessorBalancing(EventProcessingConfiguration processing, AxonServerConnectionManager axonServer,
                       ProcessorProperties.Balancing settings) {
        this.processing = processing;
        this.axonServer = axonServer;
        this.settings = settings;
    }

    @EventListener(ApplicationReadyEvent.class)
    void startBalancing() {
        schedule.scheduleWithFixedDelay(this::balanceAll, settings.initialDelay().toMillis(),
                settings.interval().toMillis(), TimeUnit.MILLISECONDS);
    }

    /** Asks Axon Server to balance every streaming processor of this instance; a failure waits for the next round. */
    void balanceAll() {
        if (!axonServer.isConnected(axonServer.getDefaultContext())) {
            return;
        }
        processing.eventProcessors().forEach((name, processor) -> {
            if (processor instanceof StreamingEventProcessor streaming) {
                balance(name, streaming);
            }
        });
    }

    private void balance(String name, StreamingEventProcessor processor) {
        try {
            axonServer.getConnection().adminChannel()
                    .loadBalanceEventProcessor(name, processor.getTokenStoreIdentifier(), settings.strategy())
                    .whenComplete((done, failure) -> {
                        if (failure != null) {
                            log.info("Axon Server did not balance processor {}: {}", name, failure.toString());
                        }
                    });
        } catch (RuntimeException notNow) {
            log.info("Processor {} not balanced this round: {}", name, notNow.toString());
        }
    }

    @Override
    public void close() {
        schedule.shutdownNow();
    }
}
