package io.carmarket.query.projection;

import io.carmarket.query.common.ProjectedReadModel;
import io.carmarket.query.common.ProjectionProcessing;
import io.carmarket.query.projection.ProjectionProgress.Replay;
import io.carmarket.support.axon.AxonServerOutage;
import jakarta.annotation.PostConstruct;
import org.axonframework.eventhandling.StreamingEventProcessor;
import org.axonframework.eventhandling.tokenstore.TokenStore;
import org.axonframework.eventhandling.tokenstore.UnableToClaimTokenException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

/**
 * Rebuilds one projection's read model from the first event while the previous one keeps answering reads.
 * <ol>
 *     <li>A replay is recorded with the read model's home ({@link ReadModelRouting}; one per projection, a second is
 *     refused), so that a restart resumes it.</li>
 *     <li>The projection's processor stops; its rebuild database is emptied and given the read model's indexes; its
 *     batches are routed there ({@link ReadModelRouting}); its tokens are reset to the first event; it starts
 *     again. The other projections keep running.</li>
 *     <li>When every segment has passed the position of the reset and caught up with the head, the processor stops
 *     for a moment, the rebuild's database becomes the read model's home (readers open its collections there from
 *     their next operation on: no copy, no rename, never an empty read model), and the processor continues from where
 *     the rebuild got to, writing to its new home. The previous read model is dropped a grace period later.</li>
 * </ol>
 * A projection whose users' collection holds state that is not in the events (notifications and their read marks)
 * is replayed in place instead: its lookups are rebuilt and its notifications found where they are.
 */
@Component
public class ProjectionRebuilds {

    private static final Logger log = LoggerFactory.getLogger(ProjectionRebuilds.class);

    private final ReadModelRouting routing;
    private final ProjectionMonitor monitor;
    private final QueryServiceInstances instances;
    private final TokenStore tokenStore;
    private final Map<String, Replay> running = new ConcurrentHashMap<>();
    private final Duration stopTimeout;
    private final Duration retiredGrace;
    private final Clock clock = Clock.systemUTC();
    private boolean eventStoreUnreachable;

    public ProjectionRebuilds(ReadModelRouting routing, ProjectionMonitor monitor,
                              QueryServiceInstances instances, TokenStore tokenStore,
                              ProjectionsProperties properties) {
        this.routing = routing;
        this.monitor = monitor;
        this.instances = instances;
        this.tokenStore = tokenStore;
        this.stopTimeout = properties.stopTimeout();
        this.retiredGrace = properties.retiredReadModelGrace();
    }

    /** Runs before the processors start: a rebuild under way when the service stopped goes on where it was. */
    @PostConstruct
    void resumeRebuildsUnderWay() {
        for (Map.Entry<String, Replay> rebuild : routing.rebuildsUnderWay().entrySet()) {
            String group = rebuild.getKey();
            running.put(group, rebuild.getValue());
            if (isRebuiltAside(group)) {
                routing.routeToRebuild(group);
            }
            log.info("Resuming the rebuild of projection {}", group);
        }
    }

    public boolean isKnown(String group) {
        return ProjectionProcessing.PROCESSING_GROUPS.contains(group);
    }

    public boolean isRebuiltAside(String group) {
        return !routing.collectionsOf(group).isEmpty();
    }

    public Optional<Replay> replayOf(String group) {
        return Optional.ofNullable(running.get(group));
    }

    /**
     * Starts rebuilding {@code group}'s read model from the first event.
     *
     * @throws ReplayRefusedException if the projection is unknown, already replaying, or processed by another
     *                                instance too
     */
    public synchronized Replay start(String group, String requestedBy) {
        if (!isKnown(group)) {
            throw ReplayRefusedException.unknown(group);
        }
        if (running.containsKey(group)) {
            throw ReplayRefusedException.alreadyReplaying(group);
        }
        List<String> others = instances.othersAlive();
        if (!others.isEmpty()) {
            throw ReplayRefusedException.otherInstances(group, others);
        }
        StreamingEventProcessor processor = monitor.processorOf(group)
                .orElseThrow(() -> ReplayRefusedException.unknown(group));
        monitor.sample();
        if (monitor.head() == null) {
            throw ReplayRefusedException.nothingToReplay(group);
        }
        Replay replay = new Replay(clock.instant(), requestedBy);
        routing.recordRebuild(group, replay);
        try {
            stop(processor);
            if (isRebuiltAside(group)) {
                prepareRebuildDatabase(group);
                routing.routeToRebuild(group);
                // The reset handlers empty the rebuild's collections, never the ones being read.
                routing.inRebuildOf(group, processor::resetTokens);
            } else {
                processor.resetTokens();
            }
        } catch (UnableToClaimTokenException claimedElsewhere) {
            abandon(group, processor);
            throw ReplayRefusedException.claimedElsewhere(group, claimedElsewhere.getMessage());
        } catch (RuntimeException failure) {
            abandon(group, processor);
            throw failure;
        }
        running.put(group, replay);
        monitor.forgetRate(group);
        processor.start();
        // The answer shows the projection from its reset on, not the position it had before.
        monitor.sample();
        log.info("Projection {} is being rebuilt from the first event, requested by {}", group, requestedBy);
        return replay;
    }

    /**
     * Samples the processors, then switches every rebuild that has caught up. Under the same lock as {@link #start},
     * so that a sample taken before a replay started never finishes it.
     */
    @Scheduled(fixedDelayString = "${carmarket.projections.monitor-interval:500ms}")
    public synchronized void tick() {
        try {
            monitor.sample();
        } catch (RuntimeException failure) {
            if (!AxonServerOutage.isCauseOf(failure)) {
                throw failure;
            }
            // Once per outage, not at every tick: health names axonServer, and no rebuild can move meanwhile.
            if (!eventStoreUnreachable) {
                eventStoreUnreachable = true;
                log.warn("The event store cannot be reached; projection progress shows the last known head until "
                        + "it is back: {}", failure.toString());
            }
            return;
        }
        if (eventStoreUnreachable) {
            eventStoreUnreachable = false;
            log.info("The event store can be reached again");
        }
        routing.dropRetiredBefore(clock.instant().minus(retiredGrace));
        for (String group : List.copyOf(running.keySet())) {
            ProjectionMonitor.Sample sample = monitor.lastSampleOf(group);
            if (sample.running() && sample.caughtUp() && !sample.replaying() && allSegmentsHere(group, sample)) {
                finish(group);
            }
        }
    }

    private void finish(String group) {
        StreamingEventProcessor processor = monitor.processorOf(group).orElseThrow();
        stop(processor);
        routing.finishRebuild(group, clock.instant());
        running.remove(group);
        processor.start();
        log.info("Projection {} is rebuilt and serves reads from the rebuilt read model", group);
    }

    /** Every segment of the projection is processed here, so every one of them has caught up. */
    private boolean allSegmentsHere(String group, ProjectionMonitor.Sample sample) {
        return sample.segments() > 0 && sample.segments() == tokenStore.fetchSegments(group).length;
    }

    private void prepareRebuildDatabase(String group) {
        routing.clearRebuild(group);
        routing.inRebuildOf(group, () -> routing.readModelsOf(group).forEach(ProjectedReadModel::ensureIndexes));
    }

    /** Undoes a replay that could not start: live routing, no record, the processor running as before. */
    private void abandon(String group, StreamingEventProcessor processor) {
        routing.forgetRebuild(group);
        if (!processor.isRunning()) {
            processor.start();
        }
    }

    private void stop(StreamingEventProcessor processor) {
        try {
            processor.shutdownAsync().get(stopTimeout.toMillis(), TimeUnit.MILLISECONDS);
        } catch (InterruptedException interrupted) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("Interrupted while stopping " + processor.getName(), interrupted);
        } catch (ExecutionException | TimeoutException failure) {
            throw new IllegalStateException("Processor " + processor.getName() + " did not stop", failure);
        }
    }
}
