package io.carmarket.benchmark.audit;

import com.fasterxml.jackson.databind.JsonNode;
import io.carmarket.benchmark.Http;
import org.HdrHistogram.Histogram;

import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.AtomicReference;

/**
 * The rebuild of the search read model (D31) through the admin API, timed from the outside: from sending
 * {@code POST /admin/projections/car-search/replay} to the first progress answer that shows it done (no replay,
 * RUNNING, exactly 100%), polled every {@link #POLL_MILLIS} ms. Events/s = the store's head (global index of its
 * newest event) / that time; the peak of the events/s the API itself reports is kept beside it. Meanwhile one reader
 * asks for the first search page now and then: every answer must be a 200 (readers keep the previous read model).
 */
final class SearchReplay {

    static final String PROJECTION = "car-search";
    static final long POLL_MILLIS = 200;
    /** The reader's pause between two searches: it checks that reads answer, it is not a load. */
    static final long READ_PAUSE_MILLIS = 50;
    static final String READ_PATH = "/api/v1/cars?limit=20";
    private static final long READER_JOIN_MILLIS = 30_000;
    private static final long HIGHEST_TRACKABLE_MICROS = TimeUnit.SECONDS.toMicros(60);
    private static final int SIGNIFICANT_DIGITS = 3;

    private SearchReplay() {
    }

    static Map<String, Object> run(Http http, Account admin, Duration bound) throws InterruptedException {
        Map<String, Object> result = new LinkedHashMap<>();
        Histogram readLatency = new Histogram(HIGHEST_TRACKABLE_MICROS, SIGNIFICANT_DIGITS);
        AtomicLong readsOk = new AtomicLong();
        AtomicLong readsFailed = new AtomicLong();
        AtomicReference<String> firstReadFailure = new AtomicReference<>();
        AtomicBoolean reading = new AtomicBoolean(true);
        Thread reader = new Thread(() -> {
            while (reading.get()) {
                long start = System.nanoTime();
                Http.Answer page = http.get(READ_PATH);
                long micros = TimeUnit.NANOSECONDS.toMicros(System.nanoTime() - start);
                if (page.status() == 200) {
                    readsOk.incrementAndGet();
                    synchronized (readLatency) {
                        readLatency.recordValue(Math.min(HIGHEST_TRACKABLE_MICROS, micros));
                    }
                } else {
                    readsFailed.incrementAndGet();
                    firstReadFailure.compareAndSet(null, page.status() + " " + ReadLatency.abbreviated(page.body()));
                }
                try {
                    Thread.sleep(READ_PAUSE_MILLIS);
                } catch (InterruptedException e) {
                    return;
                }
            }
        }, "replay-reader");
        reader.start();
        try {
            replay(http, admin, bound, result);
        } finally {
            reading.set(false);
            reader.join(READER_JOIN_MILLIS);
            reader.interrupt();
        }
        result.put("readsAnswered200", readsOk.get());
        result.put("readsFailed", readsFailed.get());
        result.put("firstReadFailure", firstReadFailure.get());
        synchronized (readLatency) {
            long answered = readLatency.getTotalCount();
            result.put("readP95Ms", answered == 0 ? null : readLatency.getValueAtPercentile(95) / 1000.0);
            result.put("readMaxMs", answered == 0 ? null : readLatency.getMaxValue() / 1000.0);
        }
        return result;
    }

    /** Starts the replay and polls its progress until it is done or the bound has passed. */
    private static void replay(Http http, Account admin, Duration bound, Map<String, Object> result)
            throws InterruptedException {
        long begin = System.nanoTime();
        long deadline = begin + bound.toNanos();
        Http.Answer started = http.post("/api/v1/admin/projections/" + PROJECTION + "/replay", admin.token(), "{}");
        result.put("replayStatus", started.status());
        if (started.status() != 202) {
            result.put("replayRefused", ReadLatency.abbreviated(started.body()));
            return;
        }
        double peakReported = 0;
        long polls = 0;
        JsonNode progress = null;
        Long doneNanos = null;
        while (doneNanos == null && System.nanoTime() < deadline) {
            Thread.sleep(POLL_MILLIS);
            Http.Answer answer = http.get("/api/v1/admin/projections/" + PROJECTION, admin.token());
            long answeredAt = System.nanoTime();
            polls++;
            if (answer.status() != 200) {
                continue;
            }
            progress = answer.json();
            peakReported = Math.max(peakReported, progress.path("eventsPerSecond").asDouble());
            if (AuditAndReplay.caughtUp(progress)) {
                doneNanos = answeredAt;
            }
        }
        result.put("polls", polls);
        result.put("finished", doneNanos != null);
        result.put("boundSeconds", bound.toSeconds());
        Long head = progress != null && progress.path("head").isNumber() ? progress.get("head").asLong() : null;
        result.put("head", head);
        result.put("peakEventsPerSecondReported", AuditAndReplay.round(peakReported));
        if (doneNanos != null) {
            double seconds = (doneNanos - begin) / 1e9;
            result.put("seconds", AuditAndReplay.round(seconds));
            result.put("eventsPerSecond", head == null ? null : AuditAndReplay.round(head / seconds));
        }
    }
}
