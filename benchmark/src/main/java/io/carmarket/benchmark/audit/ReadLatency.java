package io.carmarket.benchmark.audit;

import io.carmarket.benchmark.Http;
import org.HdrHistogram.Histogram;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.function.IntFunction;
import java.util.function.ToIntFunction;

/**
 * One read endpoint timed from one client, one request at a time: warm-up requests (not recorded), then a fixed
 * number of measured ones, each from sending to the full answer read. An answer other than 200 is counted as a
 * failure and kept out of the latencies; its number is reported beside them.
 */
final class ReadLatency {

    /** Requests sent before the measured ones (JIT, caches), per endpoint. */
    static final int WARMUP_REQUESTS = 20;
    /** Latencies above this are recorded at this value (the request timeout is far below it). */
    private static final long HIGHEST_TRACKABLE_MICROS = TimeUnit.SECONDS.toMicros(60);
    private static final int SIGNIFICANT_DIGITS = 3;
    /** A failed answer's body is kept in the results up to this length. */
    private static final int ABBREVIATE_CHARS = 300;

    private ReadLatency() {
    }

    /**
     * Sends {@code request.apply(i)} for i = 0.. (warm-up, then {@code samples} measured) and answers p50, p95 and
     * max in ms, the failures, the mean answer size and the mean number of items {@code itemsOf} counts per answer.
     */
    static Map<String, Object> measure(int samples, IntFunction<Http.Answer> request,
                                       ToIntFunction<Http.Answer> itemsOf) {
        for (int i = 0; i < WARMUP_REQUESTS; i++) {
            request.apply(i);
        }
        Histogram latency = new Histogram(HIGHEST_TRACKABLE_MICROS, SIGNIFICANT_DIGITS);
        long failures = 0;
        long bytes = 0;
        long items = 0;
        String firstFailure = null;
        for (int i = 0; i < samples; i++) {
            long start = System.nanoTime();
            Http.Answer answer = request.apply(WARMUP_REQUESTS + i);
            long micros = TimeUnit.NANOSECONDS.toMicros(System.nanoTime() - start);
            if (answer.status() != 200) {
                failures++;
                if (firstFailure == null) {
                    firstFailure = answer.status() + " " + abbreviated(answer.body());
                }
                continue;
            }
            latency.recordValue(Math.min(HIGHEST_TRACKABLE_MICROS, micros));
            bytes += answer.body().length();
            items += itemsOf.applyAsInt(answer);
        }
        long answered = latency.getTotalCount();
        Map<String, Object> result = new LinkedHashMap<>();
        result.put("warmupRequests", WARMUP_REQUESTS);
        result.put("measuredRequests", samples);
        result.put("answered200", answered);
        result.put("failures", failures);
        result.put("firstFailure", firstFailure);
        result.put("p50Ms", answered == 0 ? null : latency.getValueAtPercentile(50) / 1000.0);
        result.put("p95Ms", answered == 0 ? null : latency.getValueAtPercentile(95) / 1000.0);
        result.put("maxMs", answered == 0 ? null : latency.getMaxValue() / 1000.0);
        result.put("meanAnswerChars", answered == 0 ? null : bytes / answered);
        result.put("meanItemsPerAnswer", answered == 0 ? null : AuditAndReplay.round(items / (double) answered));
        return result;
    }

    static String abbreviated(String text) {
        return text == null || text.length() <= ABBREVIATE_CHARS ? text : text.substring(0, ABBREVIATE_CHARS) + "…";
    }
}
