package io.carmarket.benchmark.eventstore;

import org.HdrHistogram.Histogram;
import org.axonframework.common.transaction.TransactionManager;
import org.axonframework.eventsourcing.eventstore.EventStore;
import org.axonframework.messaging.unitofwork.DefaultUnitOfWork;

import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;

/**
 * Closed-loop appends: {@code threads} threads, each appending to a car of its own and committing
 * {@code eventsPerCommit} events per transaction, the way a command's unit of work appends: the JDBC transaction is
 * attached when the unit of work starts, the events are published to the {@code EmbeddedEventStore}, which appends
 * them in the prepare-commit phase, and the commit commits the transaction. A warm-up, then a measured window, both
 * bounded by time, the window also by an event count. Latency is one unit of work, start to commit.
 */
final class AppendLoad {

    private static final long MAX_LATENCY_MICROS = TimeUnit.MINUTES.toMicros(1);
    private static final int SIGNIFICANT_DIGITS = 3;

    private AppendLoad() {
    }

    record Bounds(Duration warmup, Duration measured, long maxEvents) {
    }

    /** One unit of work appending {@code count} events of {@code events}' car, committed. */
    static void appendInOneTransaction(EventStore store, TransactionManager transactions, BookingEvents events,
                                       int count) {
        DefaultUnitOfWork<?> unitOfWork = DefaultUnitOfWork.startAndGet(null);
        try {
            unitOfWork.attachTransaction(transactions);
            for (int i = 0; i < count; i++) {
                store.publish(events.next());
            }
        } catch (RuntimeException e) {
            unitOfWork.rollback(e);
            throw e;
        }
        unitOfWork.commit();
    }

    static Map<String, Object> run(EventStore store, TransactionManager transactions, int threads,
                                   int eventsPerCommit, Bounds bounds) throws Exception {
        long measureFrom = System.nanoTime() + bounds.warmup().toNanos();
        long measureUntil = measureFrom + bounds.measured().toNanos();
        AtomicLong measuredEvents = new AtomicLong();
        AtomicLong allEvents = new AtomicLong();
        AtomicLong errors = new AtomicLong();
        AtomicLong lastMeasuredCommit = new AtomicLong(measureFrom);
        ExecutorService pool = Executors.newFixedThreadPool(threads);
        List<Future<Histogram>> workers = new ArrayList<>();
        try {
            for (int t = 0; t < threads; t++) {
                workers.add(pool.submit(() -> {
                    Histogram micros = new Histogram(MAX_LATENCY_MICROS, SIGNIFICANT_DIGITS);
                    BookingEvents events = new BookingEvents();
                    while (true) {
                        long start = System.nanoTime();
                        if (start >= measureUntil || measuredEvents.get() >= bounds.maxEvents()) {
                            return micros;
                        }
                        try {
                            appendInOneTransaction(store, transactions, events, eventsPerCommit);
                        } catch (RuntimeException e) {
                            errors.incrementAndGet();
                            continue;
                        }
                        long end = System.nanoTime();
                        allEvents.addAndGet(eventsPerCommit);
                        if (start >= measureFrom) {
                            long latency = TimeUnit.NANOSECONDS.toMicros(end - start);
                            micros.recordValue(Math.min(MAX_LATENCY_MICROS, latency));
                            measuredEvents.addAndGet(eventsPerCommit);
                            lastMeasuredCommit.accumulateAndGet(end, Math::max);
                        }
                    }
                }));
            }
            Histogram latency = new Histogram(MAX_LATENCY_MICROS, SIGNIFICANT_DIGITS);
            for (Future<Histogram> worker : workers) {
                latency.add(worker.get());
            }
            double seconds = (lastMeasuredCommit.get() - measureFrom) / 1e9;
            long commits = latency.getTotalCount();
            Map<String, Object> result = new LinkedHashMap<>();
            result.put("threads", threads);
            result.put("eventsPerCommit", eventsPerCommit);
            result.put("measuredSeconds", round(seconds));
            result.put("commits", commits);
            result.put("events", measuredEvents.get());
            result.put("eventsPerSecond", seconds > 0 ? round(measuredEvents.get() / seconds) : null);
            result.put("commitsPerSecond", seconds > 0 ? round(commits / seconds) : null);
            result.put("p50Ms", millis(latency.getValueAtPercentile(50)));
            result.put("p99Ms", millis(latency.getValueAtPercentile(99)));
            result.put("maxMs", millis(latency.getMaxValue()));
            result.put("errors", errors.get());
            result.put("eventsAppendedInclWarmup", allEvents.get());
            return result;
        } finally {
            pool.shutdownNow();
        }
    }

    private static double round(double value) {
        return Math.round(value * 10) / 10.0;
    }

    private static double millis(long micros) {
        return Math.round(micros / 10.0) / 100.0;
    }
}
