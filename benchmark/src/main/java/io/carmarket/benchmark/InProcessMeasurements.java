package io.carmarket.benchmark;

import java.util.List;

/** The in-process measurements the harness knows, in the order it runs them. */
final class InProcessMeasurements {

    private static final List<InProcessMeasurement> ALL = List.of(
            new io.carmarket.benchmark.search.SearchAtScale(),
            new io.carmarket.benchmark.aggregate.AggregateLoading(),
            new io.carmarket.benchmark.eventstore.EventStoreAppend()
    );

    private InProcessMeasurements() {
    }

    static List<String> keys() {
        return ALL.stream().map(InProcessMeasurement::key).toList();
    }

    static List<InProcessMeasurement> selected(List<String> keys) {
        for (String key : keys) {
            if (ALL.stream().noneMatch(measurement -> measurement.key().equals(key))) {
                throw new IllegalArgumentException("unknown in-process measurement " + key + "; known: " + keys());
            }
        }
        return ALL.stream().filter(measurement -> keys.contains(measurement.key())).toList();
    }
}
