package io.carmarket.query.projection;

import io.carmarket.query.common.ProjectionProcessing;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.binder.MeterBinder;
import org.springframework.stereotype.Component;

import java.util.function.ToDoubleFunction;

/**
 * Each projection's progress as gauges, tagged {@code projection=<name>}, so that Prometheus can alert on a stuck or
 * lagging projection: {@code carmarket_projection_lag_events} growing, {@code carmarket_projection_events_per_second}
 * at 0 while the lag is not, or {@code carmarket_projection_error} at 1.
 */
@Component
public class ProjectionMetrics implements MeterBinder {

    private static final String PREFIX = "carmarket.projection.";
    private static final double NONE = Double.NaN;

    private final Projections projections;

    public ProjectionMetrics(Projections projections) {
        this.projections = projections;
    }

    @Override
    public void bindTo(MeterRegistry registry) {
        for (String group : ProjectionProcessing.PROCESSING_GROUPS) {
            gauge(registry, group, "position", "Global index of the last event the projection processed",
                    progress -> progress.position() == null ? NONE : progress.position());
            gauge(registry, group, "lag.events", "Events between the projection and the head of the event store",
                    progress -> progress.position() == null || progress.head() == null ? NONE
                            : Math.max(0, progress.head() - progress.position()));
            gauge(registry, group, "progress.percent", "How far the projection is towards the head (100 = caught up)",
                    ProjectionProgress::progressPercent);
            gauge(registry, group, "events.per.second", "Events the projection processes per second",
                    ProjectionProgress::eventsPerSecond);
            gauge(registry, group, "replaying", "1 while the projection is being rebuilt",
                    progress -> progress.state() == ProjectionState.REPLAYING ? 1 : 0);
            gauge(registry, group, "error", "1 while a segment of the projection fails on an event",
                    progress -> progress.state() == ProjectionState.ERROR ? 1 : 0);
            gauge(registry, group, "dead.letters", "Events parked in the projection's dead-letter queue",
                    ProjectionProgress::deadLetters);
        }
    }

    private void gauge(MeterRegistry registry, String group, String name, String description,
                       ToDoubleFunction<ProjectionProgress> value) {
        Gauge.builder(PREFIX + name, projections, all -> value.applyAsDouble(all.progressOf(group)))
                .tag("projection", group).description(description).register(registry);
    }
}
