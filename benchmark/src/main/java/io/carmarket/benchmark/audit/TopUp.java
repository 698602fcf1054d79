package io.carmarket.benchmark.audit;

import io.carmarket.benchmark.Http;

import java.time.Duration;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.LongAdder;

/**
 * Fills the event store through the public API: {@code clients} closed-loop clients, each booking a random car of
 * the run for a short random stay and cancelling that booking at once (a 201 appends CarBooked, a 200 on the
 * cancel BookingCancelled: one event per command). Stops when the events it appended reach the number asked for,
 * and is bounded by time and by a command count like every phase of the harness.
 */
final class TopUp {

    /** The first night of a stay is at least this far ahead (a booking can be cancelled until it starts). */
    private static final int FIRST_NIGHT_AT_LEAST_DAYS_AHEAD = 30;
    /** Stays start within this many days after that; with the first offset it stays inside the 2-year horizon. */
    private static final int START_SPREAD_DAYS = 600;
    private static final int MAX_NIGHTS = 3;
    /** At most this many commands per event asked for (a 409 appends nothing): the count bound of the phase. */
    private static final int MAX_COMMANDS_PER_EVENT = 3;
    /** Time the clients get, past the time bound, to finish the request they have in flight. */
    private static final long IN_FLIGHT_GRACE_SECONDS = 60;

    private TopUp() {
    }

    static Map<String, Object> run(Http http, List<String> carIds, List<Account> customers, long eventsWanted,
                                   int clients, Duration timeBound) throws InterruptedException {
        long begin = System.nanoTime();
        long deadline = begin + timeBound.toNanos();
        long maxCommands = eventsWanted * MAX_COMMANDS_PER_EVENT + clients;
        AtomicLong issued = new AtomicLong();
        LongAdder sent = new LongAdder();
        LongAdder appended = new LongAdder();
        LongAdder booked = new LongAdder();
        LongAdder cancelled = new LongAdder();
        LongAdder conflicts = new LongAdder();
        Map<Integer, LongAdder> otherStatuses = new ConcurrentHashMap<>();
        LocalDate today = LocalDate.now(ZoneOffset.UTC);
        ExecutorService pool = Executors.newFixedThreadPool(clients);
        for (int w = 0; w < clients; w++) {
            Account customer = customers.get(w % customers.size());
            pool.execute(() -> {
                while (appended.sum() < eventsWanted && System.nanoTime() < deadline
                        && issued.getAndIncrement() < maxCommands) {
                    ThreadLocalRandom random = ThreadLocalRandom.current();
                    String carId = carIds.get(random.nextInt(carIds.size()));
                    LocalDate start = today.plusDays(FIRST_NIGHT_AT_LEAST_DAYS_AHEAD + random.nextInt(START_SPREAD_DAYS));
                    LocalDate end = start.plusDays(1 + random.nextInt(MAX_NIGHTS));
                    sent.increment();
                    Http.Answer booking = http.post("/api/v1/cars/" + carId + "/bookings", customer.token(),
                            "{\"startDate\":\"" + start + "\",\"endDate\":\"" + end + "\"}");
                    if (booking.status() == 409) {
                        conflicts.increment();
                        continue;
                    }
                    if (booking.status() != 201) {
                        otherStatuses.computeIfAbsent(booking.status(), status -> new LongAdder()).increment();
                        continue;
                    }
                    booked.increment();
                    appended.increment();
                    issued.getAndIncrement();
                    sent.increment();
                    String bookingId = booking.json().get("bookingId").asText();
                    Http.Answer cancel = http.post("/api/v1/cars/" + carId + "/bookings/" + bookingId + "/cancel",
                            customer.token(), "{}");
                    if (cancel.status() == 200) {
                        cancelled.increment();
                        appended.increment();
                    } else {
                        otherStatuses.computeIfAbsent(cancel.status(), status -> new LongAdder()).increment();
                    }
                }
            });
        }
        pool.shutdown();
        if (!pool.awaitTermination(timeBound.toSeconds() + IN_FLIGHT_GRACE_SECONDS, TimeUnit.SECONDS)) {
            pool.shutdownNow();
        }
        double seconds = (System.nanoTime() - begin) / 1e9;
        Map<String, Object> result = new LinkedHashMap<>();
        result.put("clients", clients);
        result.put("eventsWanted", eventsWanted);
        result.put("eventsAppended", appended.sum());
        result.put("reachedWanted", appended.sum() >= eventsWanted);
        result.put("stoppedByTimeBound", appended.sum() < eventsWanted && System.nanoTime() >= deadline);
        result.put("stoppedByCountBound", issued.get() >= maxCommands);
        result.put("commands", sent.sum());
        result.put("booked201", booked.sum());
        result.put("cancelled200", cancelled.sum());
        result.put("status409", conflicts.sum());
        Map<String, Long> others = new LinkedHashMap<>();
        otherStatuses.forEach((status, count) -> others.put(Integer.toString(status), count.sum()));
        result.put("otherStatuses", others); // -1: no answer within the request timeout
        result.put("seconds", AuditAndReplay.round(seconds));
        result.put("eventsPerSecond", AuditAndReplay.round(appended.sum() / seconds));
        return result;
    }
}
