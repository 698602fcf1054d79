package io.carmarket.query.projection;

import io.carmarket.query.common.ProjectionProcessing;
import io.carmarket.query.projection.ProjectionProgress.LastError;
import org.axonframework.config.EventProcessingConfiguration;
import org.axonframework.eventhandling.EventTrackerStatus;
import org.axonframework.eventhandling.StreamingEventProcessor;
import org.axonframework.eventhandling.TrackingToken;
import org.axonframework.eventsourcing.eventstore.EventStore;
import org.axonframework.messaging.deadletter.SequencedDeadLetterQueue;
import org.springframework.stereotype.Component;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayDeque;
import java.util.Collection;
import java.util.Comparator;
import java.util.Deque;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalLong;
import java.util.concurrent.ConcurrentHashMap;
import java.util.stream.Stream;

/**
 * Samples the query side's processors on this instance: where each one is, whether it has caught up or is replaying,
 * its failures, and how fast it moves (over a sliding window of samples). Sampling is cheap (processors report their
 * status from memory, the head is one query), so {@link ProjectionRebuilds} does it on every tick, and the list and
 * the metrics read the last sample.
 */
@Component
public class ProjectionMonitor {

    private final EventProcessingConfiguration processors;
    private final EventStore eventStore;
    private final ParkedFailures parkedFailures;
    private final Clock clock;
    private final Duration rateWindow;
    private final Map<String, Deque<Point>> points = new ConcurrentHashMap<>();
    private final Map<String, LastError> lastErrors = new ConcurrentHashMap<>();
    private final Map<String, Sample> samples = new ConcurrentHashMap<>();
    private volatile Long head;

    public ProjectionMonitor(EventProcessingConfiguration processors, EventStore eventStore,
                             ParkedFailures parkedFailures, ProjectionsProperties properties) {
        this.processors = processors;
        this.eventStore = eventStore;
        this.parkedFailures = parkedFailures;
        this.clock = Clock.systemUTC();
        this.rateWindow = properties.rateWindow();
    }

    /** What one processor looked like at the last sample; {@code deadLetters}: events parked in its queue. */
    public record Sample(boolean running, int segments, Long position, boolean caughtUp, boolean replaying,
                         boolean inError, double eventsPerSecond, long deadLetters) {

        static final Sample NOT_RUNNING = new Sample(false, 0, null, false, false, false, 0, 0);
    }

    private record Point(Instant at, long position) {
    }

    /**
     * Samples the head and every processor.
     *
     * @throws RuntimeException when the head cannot be read, after sampling the processors anyway (so that the list
     *                          shows their failures while Axon Server cannot be reached); the head keeps its last value
     */
    public synchronized void sample() {
        RuntimeException headUnread = null;
        try {
            OptionalLong headPosition = positionOf(eventStore.createHeadToken());
            head = headPosition.isPresent() ? headPosition.getAsLong() : null;
        } catch (RuntimeException failure) {
            headUnread = failure;
        }
        Instant now = clock.instant();
        for (String group : ProjectionProcessing.PROCESSING_GROUPS) {
            samples.put(group, processorOf(group).map(processor -> sample(group, processor, now))
                    .orElse(Sample.NOT_RUNNING));
        }
        if (headUnread != null) {
            throw headUnread;
        }
    }

    public Sample lastSampleOf(String group) {
        return samples.getOrDefault(group, Sample.NOT_RUNNING);
    }

    public Long head() {
        return head;
    }

    /** The newer of the last failure a segment reported and the last one that parked an event. */
    public Optional<LastError> lastErrorOf(String group) {
        return Stream.of(Optional.ofNullable(lastErrors.get(group)), parkedFailures.lastOf(group))
                .flatMap(Optional::stream).max(Comparator.comparing(LastError::at));
    }

    /** The rate window restarts: a rebuild's speed is measured from its own first events. */
    public void forgetRate(String group) {
        points.remove(group);
    }

    Optional<StreamingEventProcessor> processorOf(String group) {
        return processors.eventProcessor(group, StreamingEventProcessor.class);
    }

    private Sample sample(String group, StreamingEventProcessor processor, Instant now) {
        Collection<EventTrackerStatus> statuses = processor.processingStatus().values();
        long deadLetters = deadLettersOf(group);
        if (!processor.isRunning() || statuses.isEmpty()) {
            return new Sample(processor.isRunning(), 0, null, false, false, false, 0, deadLetters);
        }
        Long position = null;
        boolean caughtUp = true;
        boolean replaying = false;
        boolean inError = false;
        for (EventTrackerStatus status : statuses) {
            OptionalLong current = status.getCurrentPosition();
            if (current.isPresent() && (position == null || current.getAsLong() < position)) {
                position = current.getAsLong();
            }
            caughtUp &= status.isCaughtUp();
            replaying |= isStillReplaying(status);
            if (status.isErrorState()) {
                inError = true;
                Throwable error = status.getError();
                lastErrors.put(group, new LastError(error == null ? "unknown failure"
                        : error.getClass().getSimpleName() + ": " + error.getMessage(), now));
            }
        }
        return new Sample(true, statuses.size(), position, caughtUp, replaying, inError,
                eventsPerSecond(group, position, now), deadLetters);
    }

    private long deadLettersOf(String group) {
        return processors.deadLetterQueue(group).map(SequencedDeadLetterQueue::size).orElse(0L);
    }

    /**
     * Axon keeps a segment's replay token until it processes an event past the position of the reset, so a replay
     * that has reached the head counts as replaying until the next event arrives; the positions tell.
     */
    private static boolean isStillReplaying(EventTrackerStatus status) {
        if (!status.isReplaying()) {
            return false;
        }
        OptionalLong current = status.getCurrentPosition();
        OptionalLong reset = status.getResetPosition();
        return current.isEmpty() || reset.isEmpty() || current.getAsLong() < reset.getAsLong();
    }

    private double eventsPerSecond(String group, Long position, Instant now) {
        if (position == null) {
            return 0;
        }
        Deque<Point> window = points.computeIfAbsent(group, ignored -> new ArrayDeque<>());
        window.addLast(new Point(now, position));
        while (window.size() > 2 && window.peekFirst().at().isBefore(now.minus(rateWindow))) {
            window.removeFirst();
        }
        Point first = window.peekFirst();
        long millis = Duration.between(first.at(), now).toMillis();
        return millis <= 0 ? 0 : Math.max(0, position - first.position()) * 1000.0 / millis;
    }

    private static OptionalLong positionOf(TrackingToken token) {
        return token == null ? OptionalLong.empty() : token.position();
    }
}
