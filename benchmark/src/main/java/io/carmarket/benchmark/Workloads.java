package io.carmarket.benchmark;

import com.fasterxml.jackson.databind.JsonNode;
import org.HdrHistogram.Recorder;
import org.HdrHistogram.Histogram;

import java.time.Duration;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.SynchronousQueue;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.LongAdder;
import java.util.concurrent.atomic.AtomicBoolean;

/** The load phases: setup through the public API, booking load across many cars, one hot car, projection lag. */
final class Workloads {

    static final String PASSWORD = "Bench-Mark-2026!x";

    record Range(LocalDate start, LocalDate end) {
        boolean overlaps(Range other) {
            return start.isBefore(other.end) && other.start.isBefore(end);
        }
    }

    /** A 201 handed to the projection-lag sampler: when the answer arrived and which nights must show. */
    private record Sample(String carId, Range range, long answeredNanos) {
    }

    private final Http http;
    private final Options options;
    private final String runTag;

    Workloads(Http http, Options options, String runTag) {
        this.http = http;
        this.options = options;
        this.runTag = runTag;
    }

    // ------------------------------------------------------------------ setup

    String registerAndLogin(String name, String role) {
        String email = "bench-" + runTag + "-" + name + "@bench.carmarket.local";
        Http.Answer registered = http.post("/api/v1/auth/register", null,
                Map.of("email", email, "password", PASSWORD, "name", "Bench " + name, "role", role));
        if (registered.status() != 201 && registered.status() != 409) {
            throw new IllegalStateException("register " + email + ": " + registered.status() + " " + registered.body());
        }
        Http.Answer login = http.post("/api/v1/auth/login", null, Map.of("email", email, "password", PASSWORD));
        if (login.status() != 200) {
            throw new IllegalStateException("login " + email + ": " + login.status() + " " + login.body()
                    + (login.status() == 429
                    ? " (too many failed logins from this address; see carmarket.identity.login)" : ""));
        }
        return login.json().get("accessToken").asText();
    }

    List<String> customers(int count) throws InterruptedException {
        List<String> tokens = new ArrayList<>();
        for (int i = 0; i < count; i++) {
            tokens.add(registerAndLogin("customer" + i, "CUSTOMER"));
        }
        return tokens;
    }

    String listCar(String dealerToken, int index) {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("make", index % 2 == 0 ? "Volkswagen" : "Toyota");
        body.put("model", "Bench" + (index % 10));
        body.put("year", 2020 + index % 5);
        body.put("bodyType", "HATCHBACK");
        body.put("transmission", "MANUAL");
        body.put("fuelType", "PETROL");
        body.put("mileage", 1000 + index);
        body.put("seats", 5);
        body.put("vin", vin(index));
        body.put("licensePlate", "BM-" + runTag + "-" + index);
        body.put("location", Map.of("city", "Berlin", "timeZone", "UTC"));
        body.put("dailyRate", 30 + index % 50);
        body.put("currency", "EUR");
        body.put("maxBookingDays", 30);
        Http.Answer answer = http.post("/api/v1/cars", dealerToken, body);
        if (answer.status() != 201) {
            throw new IllegalStateException("list car " + index + ": " + answer.status() + " " + answer.body());
        }
        return answer.json().get("carId").asText();
    }

    /** 17 VIN characters (no I, O, Q): "W", the run tag as digits, the index. */
    private String vin(int index) {
        String tagDigits = String.format("%04d", Math.abs(runTag.hashCode()) % 10000);
        return "W" + tagDigits + String.format("%012d", index);
    }

    List<String> listCars(String dealerToken, int count) throws InterruptedException {
        String[] ids = new String[count];
        ExecutorService pool = Executors.newFixedThreadPool(8);
        AtomicLong next = new AtomicLong();
        ConcurrentLinkedQueue<RuntimeException> failures = new ConcurrentLinkedQueue<>();
        for (int t = 0; t < 8; t++) {
            pool.execute(() -> {
                for (int i = (int) next.getAndIncrement(); i < count && failures.isEmpty();
                     i = (int) next.getAndIncrement()) {
                    try {
                        ids[i] = listCar(dealerToken, i);
                    } catch (RuntimeException e) {
                        failures.add(e);
                    }
                }
            });
        }
        pool.shutdown();
        if (!pool.awaitTermination(10, TimeUnit.MINUTES)) {
            pool.shutdownNow();
            throw new IllegalStateException("listing cars took longer than 10 minutes");
        }
        if (!failures.isEmpty()) {
            throw failures.peek();
        }
        return List.of(ids);
    }

    /** Waits (bounded) until the read side shows every car, so the lag sampler polls pages that exist. */
    void awaitCarsVisible(List<String> carIds, Duration timeout) throws InterruptedException {
        long deadline = System.nanoTime() + timeout.toNanos();
        for (String carId : carIds) {
            while (http.get("/api/v1/cars/" + carId).status() != 200) {
                if (System.nanoTime() > deadline) {
                    throw new IllegalStateException("car " + carId + " not visible on the read side after " + timeout);
                }
                Thread.sleep(20);
            }
        }
    }

    // ------------------------------------------------------------------ load 1 and 3

    /**
     * Booking commands by {@code clients} threads, each sending one command at a time, on random cars for short
     * random future ranges. Warm-up first (not recorded), then a measured window bounded by time and count.
     * With {@code sampleLag}, one extra thread measures projection lag on 201s it picks up while it is idle.
     */
    Map<String, Object> bookingLoad(List<String> carIds, List<String> tokens, int clients, boolean sampleLag)
            throws InterruptedException {
        LocalDate firstDay = LocalDate.now().plusDays(400);
        int horizonDays = 3000;
        Phase phase = new Phase(clients);
        SynchronousQueue<Sample> handoff = new SynchronousQueue<>();
        Histogram lag = new Histogram(TimeUnit.SECONDS.toMicros(60), 3);
        LongAdder lagTimeouts = new LongAdder();
        List<Thread> samplers = new ArrayList<>();
        AtomicBoolean samplerStop = new AtomicBoolean();
        for (int i = 0; sampleLag && i < options.lagProbes; i++) {
            Thread sampler = new Thread(() -> sampleLag(handoff, lag, lagTimeouts, samplerStop), "lag-probe-" + i);
            sampler.start();
            samplers.add(sampler);
        }
        phase.run(worker -> {
            ThreadLocalRandom random = ThreadLocalRandom.current();
            String carId = carIds.get(random.nextInt(carIds.size()));
            LocalDate start = firstDay.plusDays(random.nextInt(horizonDays));
            Range range = new Range(start, start.plusDays(1 + random.nextInt(3)));
            String token = tokens.get(worker % tokens.size());
            long t0 = System.nanoTime();
            Http.Answer answer = book(carId, token, range);
            long t1 = System.nanoTime();
            if (answer.status() == 201 && sampleLag && phase.measuring(t0)) {
                handoff.offer(new Sample(carId, range, t1));
            }
            return new long[]{t0, t1, answer.status()};
        }, options);
        // The probes take no new sample now but finish their current one (bounded by the lag timeout).
        samplerStop.set(true);
        long joinDeadline = System.currentTimeMillis() + options.lagTimeoutMillis + 15_000;
        for (Thread sampler : samplers) {
            sampler.join(Math.max(1, joinDeadline - System.currentTimeMillis()));
            sampler.interrupt();
        }
        Map<String, Object> result = phase.result();
        if (sampleLag) {
            // The probes have stopped (joined above); read the histogram under its lock all the same.
            synchronized (lag) {
            Map<String, Object> lagResult = new LinkedHashMap<>();
            lagResult.put("samples", lag.getTotalCount());
            lagResult.put("timeouts", lagTimeouts.sum());
            lagResult.put("probes", options.lagProbes);
            lagResult.put("pollIntervalMs", options.lagPollMillis);
            lagResult.put("p50Ms", lag.getTotalCount() == 0 ? null : lag.getValueAtPercentile(50) / 1000.0);
            lagResult.put("p99Ms", lag.getTotalCount() == 0 ? null : lag.getValueAtPercentile(99) / 1000.0);
            lagResult.put("maxMs", lag.getTotalCount() == 0 ? null : lag.getMaxValue() / 1000.0);
            result.put("projectionLag", lagResult);
            }
        }
        return result;
    }

    private void sampleLag(SynchronousQueue<Sample> handoff, Histogram lag, LongAdder timeouts,
                           AtomicBoolean stop) {
        long timeoutNanos = TimeUnit.MILLISECONDS.toNanos(options.lagTimeoutMillis);
        try {
            while (!stop.get()) {
                Sample sample = handoff.poll(200, TimeUnit.MILLISECONDS);
                if (sample == null) {
                    continue;
                }
                String path = "/api/v1/cars/" + sample.carId() + "/availability?from=" + sample.range().start()
                        + "&to=" + sample.range().end();
                while (true) {
                    Http.Answer answer = http.get(path);
                    long now = System.nanoTime();
                    if (answer.status() == 200 && allBooked(answer.json())) {
                        synchronized (lag) { // several probes record into one (not thread-safe) histogram
                            lag.recordValue(Math.max(0, TimeUnit.NANOSECONDS.toMicros(now - sample.answeredNanos())));
                        }
                        break;
                    }
                    if (now - sample.answeredNanos() > timeoutNanos) {
                        // Counted at the timeout: a lower bound of its real lag, so the percentiles stay honest.
                        synchronized (lag) {
                            lag.recordValue(TimeUnit.NANOSECONDS.toMicros(timeoutNanos));
                        }
                        timeouts.increment();
                        break;
                    }
                    // 5 ms at first; for a long lag, 1% of the time waited so far (at most 250 ms): the
                    // resolution stays within about 1% and the probes add little load.
                    long waitedMillis = TimeUnit.NANOSECONDS.toMillis(now - sample.answeredNanos());
                    Thread.sleep(Math.min(250, Math.max(options.lagPollMillis, waitedMillis / 100)));
                }
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private static boolean allBooked(JsonNode calendar) {
        JsonNode days = calendar.get("days");
        if (days == null || days.isEmpty()) {
            return false;
        }
        for (JsonNode day : days) {
            if (day.get("available").asBoolean()) {
                return false;
            }
        }
        return true;
    }

    private Http.Answer book(String carId, String token, Range range) {
        return http.post("/api/v1/cars/" + carId + "/bookings", token,
                "{\"startDate\":\"" + range.start() + "\",\"endDate\":\"" + range.end() + "\"}");
    }

    // ------------------------------------------------------------------ load 2

    /**
     * {@code clients} threads racing on one car: half the commands ask for 1–5 nights inside one contested 60-day
     * window (mostly 409 once it fills), half for a fresh night of their own (disjoint, expected 201). Afterwards
     * the invariant is checked from the client side (the 201'd ranges are pairwise disjoint) and on the read model
     * (GET /cars/{id} bookedPeriods: as many as the 201s, the same ranges, pairwise disjoint).
     */
    Map<String, Object> hotCar(String dealerToken, List<String> tokens, int clients) throws InterruptedException {
        String carId = listCar(dealerToken, 900_000);
        LocalDate contested = LocalDate.now().plusDays(30);
        LocalDate disjointFirst = contested.plusDays(100);
        AtomicLong disjointSlot = new AtomicLong();
        ConcurrentLinkedQueue<Range> booked = new ConcurrentLinkedQueue<>();
        LongAdder disjointRefused = new LongAdder();
        Phase phase = new Phase(clients);
        phase.run(worker -> {
            ThreadLocalRandom random = ThreadLocalRandom.current();
            boolean overlapping = random.nextBoolean();
            Range range;
            if (overlapping) {
                LocalDate start = contested.plusDays(random.nextInt(60));
                range = new Range(start, start.plusDays(1 + random.nextInt(5)));
            } else {
                LocalDate start = disjointFirst.plusDays(disjointSlot.getAndIncrement());
                range = new Range(start, start.plusDays(1));
            }
            long t0 = System.nanoTime();
            Http.Answer answer = book(carId, tokens.get(worker % tokens.size()), range);
            long t1 = System.nanoTime();
            if (answer.status() == 201) {
                booked.add(range);
            } else if (!overlapping) {
                disjointRefused.increment();
            }
            return new long[]{t0, t1, answer.status()};
        }, options);
        Map<String, Object> result = phase.result();
        result.put("carId", carId);
        result.put("disjointRequestsNot201", disjointRefused.sum());

        List<Range> accepted = new ArrayList<>(booked);
        result.put("accepted201Total", accepted.size());
        result.put("clientSideDisjoint", pairwiseDisjoint(accepted));

        // The read model catches up asynchronously: wait (bounded) until it holds as many periods as 201s.
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(60);
        List<Range> periods = List.of();
        while (System.nanoTime() < deadline) {
            Http.Answer page = http.get("/api/v1/cars/" + carId);
            if (page.status() == 200) {
                periods = new ArrayList<>();
                for (JsonNode period : page.json().get("bookedPeriods")) {
                    periods.add(new Range(LocalDate.parse(period.get("startDate").asText()),
                            LocalDate.parse(period.get("endDate").asText())));
                }
                if (periods.size() >= accepted.size()) {
                    break;
                }
            }
            Thread.sleep(100);
        }
        Set<Range> acceptedSet = new TreeSet<>(RANGE_ORDER);
        acceptedSet.addAll(accepted);
        Set<Range> periodSet = new TreeSet<>(RANGE_ORDER);
        periodSet.addAll(periods);
        result.put("readModelPeriods", periods.size());
        // What the server accepted on this car over the whole phase (warm-up included), answered in time or not.
        result.put("serverAcceptedPerSecondFromReadModel",
                Phase.round(periods.size() / (double) (options.warmupSeconds + options.durationSeconds)));
        result.put("readModelDisjoint", pairwiseDisjoint(periods));
        // A command whose answer was lost (client timeout) may still have been booked: such periods are extra,
        // reported, and must be disjoint like the rest; every 201 must be in the read model.
        boolean every201Shown = periodSet.containsAll(acceptedSet);
        result.put("readModelHoldsEvery201", every201Shown);
        result.put("readModelExtraPeriods", periods.size() - acceptedSet.size());
        result.put("noDoubleBooking", (Boolean) result.get("clientSideDisjoint")
                && (Boolean) result.get("readModelDisjoint") && every201Shown);
        return result;
    }

    private static final Comparator<Range> RANGE_ORDER =
            Comparator.comparing(Range::start).thenComparing(Range::end);

    static boolean pairwiseDisjoint(List<Range> ranges) {
        List<Range> sorted = new ArrayList<>(ranges);
        sorted.sort(RANGE_ORDER);
        for (int i = 1; i < sorted.size(); i++) {
            if (sorted.get(i - 1).overlaps(sorted.get(i))) {
                return false;
            }
        }
        return true;
    }
}
