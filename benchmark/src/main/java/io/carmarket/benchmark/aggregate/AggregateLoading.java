package io.carmarket.benchmark.aggregate;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.carmarket.benchmark.InProcessMeasurement;
import io.carmarket.benchmark.Row;
import io.carmarket.benchmark.eventstore.MachineLoad;
import io.carmarket.benchmark.eventstore.StandaloneEventStorage;
import io.carmarket.command.car.Car;
import org.HdrHistogram.Histogram;
import org.axonframework.eventhandling.DomainEventMessage;
import org.axonframework.eventsourcing.eventstore.jdbc.JdbcEventStorageEngine;
import org.axonframework.modelling.command.Aggregate;

import java.lang.management.GarbageCollectorMXBean;
import java.lang.management.ManagementFactory;
import java.nio.file.Path;
import java.time.Duration;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;
import java.util.function.Function;

/**
 * Issue 6, measurement 5: how long {@code repository.load(carId)} takes for a car with 10,000 past bookings, from
 * the standalone's embedded event store, without a snapshot (all 10,001 events) and with a snapshot taken by the
 * production trigger and snapshotter. The newest snapshot of a busy car lies 0 to (threshold − 2) events behind its
 * last event: the trigger counts the snapshot and each event read, and at the threshold it takes a new snapshot on
 * that very load. Both ends are measured; the target (at most 5 ms) is judged on the far end, the realistic worst
 * case. See {@link CarRepository} for how the repository matches production, {@link CarHistory} for the events.
 */
public final class AggregateLoading implements InProcessMeasurement {

    static final int BOOKINGS = 10_000;
    private static final double TARGET_P95_MS = 5.0;
    private static final int APPEND_BATCH = 1_000;
    /** Events after the snapshot at the near end: a snapshot taken at the car's last event. */
    private static final int SNAPSHOT_AT_END = 0;
    private static final Bounds FULL_REPLAY = new Bounds(3, 30, Duration.ofSeconds(20));
    private static final Bounds FROM_SNAPSHOT = new Bounds(500, 2_000, Duration.ofSeconds(10));
    private static final String SNAPSHOT_SEQUENCE =
            "SELECT MAX(sequenceNumber) FROM SnapshotEventEntry WHERE aggregateIdentifier = ?";
    private static final String SNAPSHOT_COUNT =
            "SELECT COUNT(*) FROM SnapshotEventEntry WHERE aggregateIdentifier = ?";
    private static final String SNAPSHOT_BYTES =
            "SELECT LENGTH(payload) FROM SnapshotEventEntry WHERE aggregateIdentifier = ? ORDER BY sequenceNumber DESC";
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final long MAX_MICROS = TimeUnit.MINUTES.toMicros(1);
    private static final int SIGNIFICANT_DIGITS = 3;
    private static final String HISTORY_BYTES =
            "SELECT SUM(LENGTH(payload) + LENGTH(metaData)) FROM DomainEventEntry WHERE aggregateIdentifier = ?";

    /** Warm-up loads, then measured loads bounded by count and time. */
    private record Bounds(int warmupLoads, int maxLoads, Duration maxTime) {
    }

    @Override
    public String key() {
        return "5";
    }

    @Override
    public Map<String, Object> runOnce(Path workDir) throws Exception {
        Map<String, Object> result = new LinkedHashMap<>();
        result.put("machineBefore", MachineLoad.now());
        try (StandaloneEventStorage storage = StandaloneEventStorage.open(workDir.resolve("data"));
             CarRepository withSnapshots = CarRepository.withSnapshots(storage);
             CarRepository withoutSnapshots = CarRepository.withoutSnapshots(storage)) {
            int threshold = CarRepository.policy(storage).snapshotThreshold();
            // the trigger counts the snapshot and every event read: one event more and the load itself snapshots anew
            int farEnd = threshold - 2;
            CarHistory history = new CarHistory(BOOKINGS, LocalDate.now(ZoneOffset.UTC));
            JdbcEventStorageEngine engine = storage.storageEngine();
            result.put("jdbcUrl", storage.jdbcUrl());
            result.put("bookings", BOOKINGS);
            result.put("eventsPerCar", history.size());
            result.put("snapshotThreshold", threshold);

            String fullReplayCar = newCarId();
            append(storage, engine, history.events(fullReplayCar, 0, history.size()));
            Map<Integer, String> snapshotCars = new LinkedHashMap<>();
            for (int eventsAfter : List.of(farEnd, SNAPSHOT_AT_END)) {
                snapshotCars.put(eventsAfter, carWithSnapshot(storage, engine, withSnapshots, history, eventsAfter));
            }
            result.put("historyBytesPerCar", storage.count(HISTORY_BYTES, fullReplayCar));
            System.out.printf("  cars appended: %d events each; snapshots at %d and %d events before the end%n",
                    history.size(), farEnd, SNAPSHOT_AT_END);

            List<JsonNode> fullReplayState = new ArrayList<>();
            Map<String, Object> withoutSnapshot = measure(withoutSnapshots, fullReplayCar, FULL_REPLAY,
                    car -> fullReplayState.add(state(storage, car, fullReplayCar)));
            withoutSnapshot.put("eventsRead", history.size());
            result.put("withoutSnapshot", withoutSnapshot);
            System.out.printf("  without snapshot: %s%n", withoutSnapshot);

            Map<String, Object> withSnapshot = new LinkedHashMap<>();
            for (Map.Entry<Integer, String> entry : snapshotCars.entrySet()) {
                String carId = entry.getValue();
                long snapshotSequence = storage.count(SNAPSHOT_SEQUENCE, carId);
                List<JsonNode> states = new ArrayList<>();
                Map<String, Object> measured = measure(withSnapshots, carId, FROM_SNAPSHOT,
                        car -> states.add(state(storage, car, carId)));
                withSnapshots.awaitSnapshots();
                measured.put("eventsAfterSnapshot", entry.getKey());
                measured.put("eventsRead", 1 + entry.getKey());
                measured.put("snapshotSequence", snapshotSequence);
                measured.put("snapshotBytes", storage.count(SNAPSHOT_BYTES, carId));
                // a load that reached the threshold would have scheduled a new snapshot; none may have
                measured.put("snapshotSequenceAfterMeasuring", storage.count(SNAPSHOT_SEQUENCE, carId));
                measured.put("snapshotsStored", storage.count(SNAPSHOT_COUNT, carId));
                measured.put("sameStateAsFullReplay", !states.isEmpty() && states.stream()
                        .allMatch(state -> state.equals(fullReplayState.get(0))));
                withSnapshot.put(Integer.toString(entry.getKey()), measured);
                System.out.printf("  with snapshot, %d events after it: %s%n", entry.getKey(), measured);
            }
            result.put("withSnapshot", withSnapshot);
            result.put("worstCaseEventsAfterSnapshot", farEnd);
        }
        result.put("machineAfter", MachineLoad.now());
        return result;
    }

    /**
     * A car whose newest snapshot lies {@code eventsAfter} events before its last one: its history up to there,
     * then a load through the production repository, whose trigger (more events than the threshold) has the
     * production snapshotter take the snapshot, then the remaining events.
     */
    private static String carWithSnapshot(StandaloneEventStorage storage, JdbcEventStorageEngine engine,
                                          CarRepository repository, CarHistory history, int eventsAfter)
            throws Exception {
        String carId = newCarId();
        int snapshotAt = history.size() - eventsAfter;
        append(storage, engine, history.events(carId, 0, snapshotAt));
        repository.load(carId, car -> {
        });
        repository.awaitSnapshots();
        long snapshotSequence = storage.count(SNAPSHOT_SEQUENCE, carId);
        if (snapshotSequence != snapshotAt - 1) {
            throw new IllegalStateException("expected the trigger to snapshot " + carId + " at " + (snapshotAt - 1)
                    + ", found " + snapshotSequence);
        }
        append(storage, engine, history.events(carId, snapshotAt, history.size()));
        return carId;
    }

    private static void append(StandaloneEventStorage storage, JdbcEventStorageEngine engine,
                               List<DomainEventMessage<?>> events) {
        for (int from = 0; from < events.size(); from += APPEND_BATCH) {
            List<DomainEventMessage<?>> batch = events.subList(from, Math.min(events.size(), from + APPEND_BATCH));
            storage.transactionManager().executeInTransaction(() -> engine.appendEvents(batch));
        }
    }

    private static Map<String, Object> measure(CarRepository repository, String carId, Bounds bounds,
                                               Consumer<Aggregate<Car>> check) {
        for (int i = 0; i < bounds.warmupLoads(); i++) {
            repository.load(carId, car -> {
            });
        }
        Histogram elapsed = new Histogram(MAX_MICROS, SIGNIFICANT_DIGITS);
        Histogram cpu = new Histogram(MAX_MICROS, SIGNIFICANT_DIGITS);
        long[] gcBefore = garbageCollections();
        long deadline = System.nanoTime() + bounds.maxTime().toNanos();
        int loads = 0;
        while (loads < bounds.maxLoads() && System.nanoTime() < deadline) {
            // the state check runs on the first measured load only, outside the timed call
            CarRepository.LoadTime time = repository.load(carId, loads == 0 ? check : car -> {
            });
            elapsed.recordValue(Math.min(MAX_MICROS, TimeUnit.NANOSECONDS.toMicros(time.elapsedNanos())));
            cpu.recordValue(Math.min(MAX_MICROS, TimeUnit.NANOSECONDS.toMicros(time.cpuNanos())));
            loads++;
        }
        Map<String, Object> metrics = new LinkedHashMap<>();
        metrics.put("loads", loads);
        metrics.put("p50Ms", millis(elapsed.getValueAtPercentile(50)));
        metrics.put("p95Ms", millis(elapsed.getValueAtPercentile(95)));
        metrics.put("p99Ms", millis(elapsed.getValueAtPercentile(99)));
        metrics.put("maxMs", millis(elapsed.getMaxValue()));
        metrics.put("cpuP50Ms", millis(cpu.getValueAtPercentile(50)));
        metrics.put("cpuP95Ms", millis(cpu.getValueAtPercentile(95)));
        metrics.put("cpuP99Ms", millis(cpu.getValueAtPercentile(99)));
        long[] gcAfter = garbageCollections();
        metrics.put("gcCollections", gcAfter[0] - gcBefore[0]);
        metrics.put("gcMillis", gcAfter[1] - gcBefore[1]);
        return metrics;
    }

    /**
     * The car's state as Jackson writes it (as in a snapshot), with its id masked so that two cars can be compared,
     * as a tree: a map restored from a snapshot iterates in another order than the one built by a replay.
     */
    private static JsonNode state(StandaloneEventStorage storage, Aggregate<Car> car, String carId) {
        Object root = car.invoke(Function.identity());
        String json = storage.serializer().serialize(root, String.class).getData().replace(carId, "<carId>");
        try {
            return JSON.readTree(json);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("unreadable car state " + json, e);
        }
    }

    /** Collections so far and their accumulated milliseconds, over all collectors of this JVM. */
    private static long[] garbageCollections() {
        long count = 0;
        long millis = 0;
        for (GarbageCollectorMXBean collector : ManagementFactory.getGarbageCollectorMXBeans()) {
            count += Math.max(0, collector.getCollectionCount());
            millis += Math.max(0, collector.getCollectionTime());
        }
        return new long[] {count, millis};
    }

    private static String newCarId() {
        return UUID.randomUUID().toString();
    }

    private static double millis(long micros) {
        return Math.round(micros / 10.0) / 100.0;
    }

    // ------------------------------------------------------------------ rows

    @Override
    public List<Row> rows(List<Map<String, Object>> runs) {
        String car = "5. aggregate loading, car with 10,000 past bookings";
        String worst = worstCase(runs);
        List<Row> rows = new ArrayList<>();
        rows.add(new Row("5-snapshot-p95", car + ", with snapshot (" + worst + " events after it, the worst case): p95",
                "ms", TARGET_P95_MS, false, values(runs, "withSnapshot", worst, "p95Ms")));
        rows.add(new Row("5-snapshot-p50", car + ", with snapshot (" + worst + " events after it): p50", "ms", null,
                false, values(runs, "withSnapshot", worst, "p50Ms")));
        rows.add(new Row("5-snapshot-cpu-p95", car + ", with snapshot (" + worst + " events after it): p95 of the"
                + " loading thread's CPU time", "ms", null, false, values(runs, "withSnapshot", worst, "cpuP95Ms")));
        rows.add(new Row("5-snapshot-at-end-p95", car + ", with snapshot at its last event: p95", "ms", null, false,
                values(runs, "withSnapshot", Integer.toString(SNAPSHOT_AT_END), "p95Ms")));
        rows.add(new Row("5-no-snapshot-p50", car + ", without snapshot (10,001 events): p50", "ms", null, false,
                values(runs, "withoutSnapshot", "p50Ms")));
        rows.add(new Row("5-no-snapshot-p95", car + ", without snapshot (10,001 events): p95", "ms", null, false,
                values(runs, "withoutSnapshot", "p95Ms")));
        rows.add(new Row("5-snapshot-bytes", "5. that car's snapshot (serialized state)", "bytes", null, false,
                values(runs, "withSnapshot", worst, "snapshotBytes")));
        rows.add(new Row("5-same-state", "5. state loaded from a snapshot equals the full replay (1 = yes)", "", 1.0,
                true, runs.stream().map(run -> sameState(run) ? 1.0 : 0.0).toList()));
        return rows;
    }

    private static String worstCase(List<Map<String, Object>> runs) {
        return runs.stream().map(run -> run.get("worstCaseEventsAfterSnapshot")).filter(v -> v != null)
                .map(Object::toString).findFirst().orElse("?");
    }

    @SuppressWarnings("unchecked")
    private static boolean sameState(Map<String, Object> run) {
        Map<String, Object> withSnapshot = (Map<String, Object>) run.get("withSnapshot");
        return withSnapshot != null && !withSnapshot.isEmpty() && withSnapshot.values().stream()
                .map(measured -> ((Map<String, Object>) measured).get("sameStateAsFullReplay"))
                .allMatch(Boolean.TRUE::equals);
    }

    @SuppressWarnings("unchecked")
    private static List<Double> values(List<Map<String, Object>> runs, String... path) {
        return runs.stream().map(run -> {
            Object value = run;
            for (String key : path) {
                value = value instanceof Map<?, ?> map ? ((Map<String, Object>) map).get(key) : null;
            }
            return value instanceof Number number ? number.doubleValue() : null;
        }).toList();
    }
}
