package io.carmarket.benchmark;

import org.HdrHistogram.Histogram;
import org.HdrHistogram.Recorder;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.LongAdder;

/**
 * One closed-loop load phase: a fixed pool of client threads, each sending one request at a time. A warm-up
 * (answers not recorded) then a measured window; both are bounded by time, and the whole phase by a command count.
 * Only commands sent inside the measured window count; a 5xx or a failed request is never a success.
 */
final class Phase {

    interface Command {
        /** Sends one command; answers {startNanos, endNanos, httpStatus (-1 when no answer)}. */
        long[] send(int worker);
    }

    private final int clients;
    private final Recorder latency = new Recorder(TimeUnit.SECONDS.toMicros(60), 3);
    private final LongAdder created = new LongAdder();
    private final LongAdder conflict = new LongAdder();
    private final LongAdder serverError = new LongAdder();
    private final LongAdder noAnswer = new LongAdder();
    private final LongAdder other = new LongAdder();
    private final AtomicLong lastEnd = new AtomicLong();
    private volatile long measureStart = Long.MAX_VALUE;
    private long measuredNanos;
    private long warmupCommands;
    private boolean hitCountBound;

    Phase(int clients) {
        this.clients = clients;
    }

    boolean measuring(long startNanos) {
        return startNanos >= measureStart;
    }

    void run(Command command, Options options) throws InterruptedException {
        AtomicLong issued = new AtomicLong();
        LongAdder warmups = new LongAdder();
        long begin = System.nanoTime();
        long warmupEnd = begin + TimeUnit.SECONDS.toNanos(options.warmupSeconds);
        long end = warmupEnd + TimeUnit.SECONDS.toNanos(options.durationSeconds);
        measureStart = warmupEnd;
        ExecutorService pool = Executors.newFixedThreadPool(clients);
        for (int w = 0; w < clients; w++) {
            int worker = w;
            pool.execute(() -> {
                while (System.nanoTime() < end && issued.getAndIncrement() < options.maxCommands) {
                    long[] sent = command.send(worker);
                    if (sent[0] < warmupEnd) {
                        warmups.increment();
                        continue;
                    }
                    lastEnd.accumulateAndGet(sent[1], Math::max);
                    latency.recordValue(Math.max(0, TimeUnit.NANOSECONDS.toMicros(sent[1] - sent[0])));
                    int status = (int) sent[2];
                    if (status == 201) {
                        created.increment();
                    } else if (status == 409) {
                        conflict.increment();
                    } else if (status >= 500) {
                        serverError.increment();
                    } else if (status < 0) {
                        noAnswer.increment();
                    } else {
                        other.increment();
                    }
                }
            });
        }
        pool.shutdown();
        // Bounded: the loops stop at "end"; in-flight requests end within the request timeout.
        if (!pool.awaitTermination(options.warmupSeconds + options.durationSeconds + 60, TimeUnit.SECONDS)) {
            pool.shutdownNow();
        }
        hitCountBound = issued.get() >= options.maxCommands;
        warmupCommands = warmups.sum();
        measuredNanos = Math.max(1, lastEnd.get() - warmupEnd);
    }

    Map<String, Object> result() {
        Histogram histogram = latency.getIntervalHistogram();
        long answered = created.sum() + conflict.sum();
        long all = answered + serverError.sum() + noAnswer.sum() + other.sum();
        double seconds = measuredNanos / 1e9;
        Map<String, Object> result = new LinkedHashMap<>();
        result.put("clients", clients);
        result.put("warmupCommands", warmupCommands);
        result.put("measuredCommands", all);
        result.put("measuredSeconds", round(seconds));
        result.put("stoppedByCountBound", hitCountBound);
        // Throughput counts decided commands (201 accepted or 409 refused by the rule); errors are not throughput.
        result.put("commandsPerSecond", round(answered / seconds));
        result.put("acceptedPerSecond", round(created.sum() / seconds));
        result.put("status201", created.sum());
        result.put("status409", conflict.sum());
        result.put("status5xx", serverError.sum());
        result.put("noAnswer", noAnswer.sum());
        result.put("otherStatus", other.sum());
        result.put("share409", all == 0 ? 0.0 : round(conflict.sum() / (double) all));
        result.put("p50Ms", histogram.getValueAtPercentile(50) / 1000.0);
        result.put("p95Ms", histogram.getValueAtPercentile(95) / 1000.0);
        result.put("p99Ms", histogram.getValueAtPercentile(99) / 1000.0);
        result.put("maxMs", histogram.getMaxValue() / 1000.0);
        return result;
    }

    static double round(double value) {
        return Math.round(value * 1000.0) / 1000.0;
    }
}
