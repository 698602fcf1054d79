package io.carmarket.query.projection;

import io.carmarket.query.common.ProjectionProcessing;
import io.carmarket.query.projection.ProjectionProgress.Replay;
import org.springframework.stereotype.Component;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.List;
import java.util.Optional;

/** Every projection's progress, from the monitor's last sample and the rebuilds under way. */
@Component
public class Projections {

    private static final double ALL = 100.0;
    /** Short of {@link #ALL} until the projection has really caught up, however close it is. */
    private static final double ALMOST_ALL = 99.9;
    private static final int PERCENT_DECIMALS = 1;

    private final ProjectionMonitor monitor;
    private final ProjectionRebuilds rebuilds;

    public Projections(ProjectionMonitor monitor, ProjectionRebuilds rebuilds) {
        this.monitor = monitor;
        this.rebuilds = rebuilds;
    }

    public List<ProjectionProgress> all() {
        return ProjectionProcessing.PROCESSING_GROUPS.stream().map(this::progressOf).toList();
    }

    public Optional<ProjectionProgress> find(String name) {
        return rebuilds.isKnown(name) ? Optional.of(progressOf(name)) : Optional.empty();
    }

    ProjectionProgress progressOf(String group) {
        ProjectionMonitor.Sample sample = monitor.lastSampleOf(group);
        Optional<Replay> replay = rebuilds.replayOf(group);
        Long head = monitor.head();
        ProjectionState state = stateOf(sample, replay.isPresent());
        boolean caughtUp = sample.running() && sample.caughtUp() && !sample.replaying() && replay.isEmpty();
        Long remaining = replay.isPresent() && head != null && sample.position() != null && sample.eventsPerSecond() > 0
                ? Math.round(Math.max(0, head - sample.position()) / sample.eventsPerSecond()) : null;
        return new ProjectionProgress(group, state, sample.position(), head, percent(sample.position(), head, caughtUp),
                round(sample.eventsPerSecond()), remaining, sample.segments(), replay.orElse(null),
                sample.deadLetters(), monitor.lastErrorOf(group).orElse(null), rebuilds.isRebuiltAside(group));
    }

    private static ProjectionState stateOf(ProjectionMonitor.Sample sample, boolean replaying) {
        if (sample.inError()) {
            return ProjectionState.ERROR;
        }
        if (replaying) {
            return ProjectionState.REPLAYING;
        }
        return sample.running() ? ProjectionState.RUNNING : ProjectionState.STOPPED;
    }

    private static double percent(Long position, Long head, boolean caughtUp) {
        if (caughtUp) {
            return ALL;
        }
        if (position == null || head == null || head <= 0) {
            return 0;
        }
        return round(Math.min(ALMOST_ALL, position * ALL / head));
    }

    private static double round(double value) {
        return BigDecimal.valueOf(value).setScale(PERCENT_DECIMALS, RoundingMode.HALF_UP).doubleValue();
    }
}
