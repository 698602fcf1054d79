package io.carmarket.benchmark.eventstore;

import io.carmarket.benchmark.InProcessMeasurement;
import io.carmarket.benchmark.Row;
import org.axonframework.eventsourcing.eventstore.EmbeddedEventStore;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Issue 6, measurement 7: append throughput of the standalone's embedded event store (Axon's
 * {@code EmbeddedEventStore} and {@code JdbcEventStorageEngine} on its H2 file, its serializer and pool size),
 * against the machine's limit for synchronous writes, measured with dd at the start and the end of the same run
 * (the disk may be shared with other work). One booking event per transaction (a command's append) from 1, 8 and
 * 32 threads on cars of their own, and 100 events per transaction from one thread. Each durability setting of
 * {@link Durability} is measured, because the standalone's commits do not reach the disk: the kill test shows what
 * that means for an acknowledged append when the process dies.
 * There is no target: the issue asks for the comparison with the machine's limit.
 */
public final class EventStoreAppend implements InProcessMeasurement {

    private static final List<Integer> THREAD_COUNTS = List.of(1, 8, 32);
    private static final int SINGLE_EVENT = 1;
    private static final int BATCH_EVENTS = 100;
    private static final String BATCH_KEY = "batch" + BATCH_EVENTS;
    private static final AppendLoad.Bounds BOUNDS =
            new AppendLoad.Bounds(Duration.ofSeconds(2), Duration.ofSeconds(4), 200_000);
    private static final List<Durability> KILL_TESTED = List.of(Durability.AS_CONFIGURED, Durability.WRITE_DELAY_0);
    private static final int KILL_TRIALS = 2;

    @Override
    public String key() {
        return "7";
    }

    @Override
    public Map<String, Object> runOnce(Path workDir) throws Exception {
        Map<String, Object> result = new LinkedHashMap<>();
        result.put("machineBefore", MachineLoad.now());
        Map<String, Object> syncWritesBefore = SyncWriteLimit.measure(workDir);
        System.out.printf("  synchronous 512-byte writes: %s/s%n", syncWritesBefore.get("writesPerSecond"));

        Map<String, Object> appends = new LinkedHashMap<>();
        for (Durability durability : Durability.values()) {
            Map<String, Object> byLoad = new LinkedHashMap<>();
            byLoad.put("label", durability.label());
            for (int threads : THREAD_COUNTS) {
                byLoad.put(Integer.toString(threads), appendPhase(workDir, durability, threads, SINGLE_EVENT, byLoad));
            }
            if (durability == Durability.AS_CONFIGURED) {
                byLoad.put(BATCH_KEY, appendPhase(workDir, durability, 1, BATCH_EVENTS, byLoad));
            }
            appends.put(durability.name(), byLoad);
        }
        result.put("appends", appends);

        Map<String, Object> killTests = new LinkedHashMap<>();
        for (Durability durability : KILL_TESTED) {
            List<Map<String, Object>> trials = new ArrayList<>();
            for (int trial = 1; trial <= KILL_TRIALS; trial++) {
                Path dir = workDir.resolve("kill-" + durability.name().toLowerCase() + "-" + trial);
                Files.createDirectories(dir);
                Map<String, Object> outcome = KillAfterCommits.trial(dir.resolve("data"), durability,
                        dir.resolve("child.log"));
                trials.add(outcome);
                System.out.printf("  kill -9 after acknowledged appends, %s: %s%n", durability.label(), outcome);
            }
            Map<String, Object> summary = new LinkedHashMap<>();
            summary.put("label", durability.label());
            summary.put("trials", trials);
            summary.put("maxAcknowledgedLost", trials.stream()
                    .mapToLong(t -> ((Number) t.get("acknowledgedLost")).longValue()).max().orElse(0));
            killTests.put(durability.name(), summary);
        }
        result.put("killTests", killTests);
        Map<String, Object> syncWritesAfter = SyncWriteLimit.measure(workDir);
        System.out.printf("  synchronous 512-byte writes: %s/s%n", syncWritesAfter.get("writesPerSecond"));
        result.put("syncWritesBefore", syncWritesBefore);
        result.put("syncWritesAfter", syncWritesAfter);
        // other work on a shared disk only lowers the rate: the higher of the two is the better estimate of the limit
        result.put("syncWritesPerSecond", max(syncWritesBefore.get("writesPerSecond"),
                syncWritesAfter.get("writesPerSecond")));
        result.put("machineAfter", MachineLoad.now());
        return result;
    }

    private static Long max(Object a, Object b) {
        if (a instanceof Number x && b instanceof Number y) {
            return Math.max(x.longValue(), y.longValue());
        }
        return a instanceof Number x ? x.longValue() : b instanceof Number y ? y.longValue() : null;
    }

    private static Map<String, Object> appendPhase(Path workDir, Durability durability, int threads,
                                                   int eventsPerCommit, Map<String, Object> byLoad) throws Exception {
        Path dataDir = workDir.resolve("append-" + durability.name().toLowerCase() + "-" + threads + "x"
                + eventsPerCommit);
        try (StandaloneEventStorage storage = StandaloneEventStorage.open(dataDir, durability)) {
            byLoad.put("jdbcUrl", storage.jdbcUrl());
            EmbeddedEventStore store = StandaloneEventStorage.eventStore(storage.storageEngine());
            Map<String, Object> measured = AppendLoad.run(store, storage.transactionManager(), threads,
                    eventsPerCommit, BOUNDS);
            // every acknowledged append of this process must be readable
            measured.put("allAppendsStored",
                    storage.domainEventCount() == ((Number) measured.get("eventsAppendedInclWarmup")).longValue());
            store.shutDown();
            System.out.printf("  append, %s, %d threads, %d per commit: %s%n", durability.label(), threads,
                    eventsPerCommit, measured);
            return measured;
        }
    }

    // ------------------------------------------------------------------ rows

    @Override
    public List<Row> rows(List<Map<String, Object>> runs) {
        List<Row> rows = new ArrayList<>();
        List<Double> limit = values(runs, "syncWritesPerSecond");
        rows.add(new Row("7-dsync", "7. machine limit: synchronous 512-byte writes/s (dd oflag=dsync, better of"
                + " start and end of the run)", "writes/s", null, true, limit));
        String configured = Durability.AS_CONFIGURED.name();
        for (int threads : THREAD_COUNTS) {
            String key = Integer.toString(threads);
            rows.add(new Row("7-" + threads + "-events", "7. event store append, " + threads
                    + (threads == 1 ? " thread" : " threads") + ": events/s", "events/s", null, true,
                    values(runs, "appends", configured, key, "eventsPerSecond")));
            rows.add(new Row("7-" + threads + "-p99", "7. event store append, " + threads
                    + (threads == 1 ? " thread" : " threads") + ": latency p99", "ms", null, false,
                    values(runs, "appends", configured, key, "p99Ms")));
        }
        rows.add(new Row("7-batch-events", "7. event store append, " + BATCH_EVENTS
                + " events per transaction, 1 thread: events/s", "events/s", null, true,
                values(runs, "appends", configured, BATCH_KEY, "eventsPerSecond")));
        rows.add(new Row("7-ratio-1", "7. commits/s, 1 thread ÷ synchronous writes/s", "", null, true,
                ratio(values(runs, "appends", configured, "1", "commitsPerSecond"), limit)));
        for (Durability durability : List.of(Durability.WRITE_DELAY_0, Durability.FSYNC_EACH_COMMIT)) {
            for (int threads : THREAD_COUNTS) {
                rows.add(new Row("7-" + durability.name().toLowerCase() + "-" + threads,
                        "7. event store append with " + durability.label() + ", " + threads
                                + (threads == 1 ? " thread" : " threads") + ": commits/s", "commits/s", null, true,
                        values(runs, "appends", durability.name(), Integer.toString(threads), "commitsPerSecond")));
            }
        }
        rows.add(new Row("7-ratio-fsync-1", "7. commits/s with an fsync per commit, 1 thread ÷ synchronous writes/s",
                "", null, true, ratio(values(runs, "appends", Durability.FSYNC_EACH_COMMIT.name(), "1",
                "commitsPerSecond"), limit)));
        for (Durability durability : KILL_TESTED) {
            String name = "7. kill -9 right after acknowledged appends (" + durability.label() + ")";
            rows.add(new Row("7-kill-lost-" + durability.name().toLowerCase(), name
                    + ": acknowledged events lost, worst of " + KILL_TRIALS + " trials", "events", null, false,
                    values(runs, "killTests", durability.name(), "maxAcknowledgedLost")));
            rows.add(new Row("7-kill-none-lost-" + durability.name().toLowerCase(), name
                    + ": no acknowledged event lost (1 = yes)", "", 1.0, true,
                    values(runs, "killTests", durability.name(), "maxAcknowledgedLost").stream()
                            .map(lost -> lost == null ? null : lost == 0 ? 1.0 : 0.0).toList()));
        }
        return rows;
    }

    private static List<Double> ratio(List<Double> numerators, List<Double> denominators) {
        List<Double> ratios = new ArrayList<>();
        for (int i = 0; i < numerators.size(); i++) {
            Double n = numerators.get(i);
            Double d = denominators.get(i);
            ratios.add(n == null || d == null || d == 0 ? null : n / d);
        }
        return ratios;
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
