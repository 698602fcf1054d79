package io.carmarket.benchmark.audit;

import com.fasterxml.jackson.databind.JsonNode;
import io.carmarket.benchmark.Http;
import io.carmarket.benchmark.Row;

import java.time.Duration;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.concurrent.TimeUnit;
import java.util.function.Function;

/**
 * Measurement 8 (issue 11): the audit API and the rebuild of a read model, over HTTP against the standalone of the
 * run, on an event store first topped up to a given size through the public API.
 * <ol>
 *     <li>a car with {@value #HISTORY_CAR_EVENTS} events (listed, then booked and cancelled one after the other);</li>
 *     <li>the store topped up to the size asked for by booking and cancelling across the run's cars ({@link TopUp});
 *     then every projection is awaited until it has caught up, so the reads below do not share the CPU with a
 *     backlog;</li>
 *     <li>that car's history (first page of 100, all 1,000 in one page) and its state at a random version;</li>
 *     <li>the global audit log filtered by user (a random customer of the top-up) and by type;</li>
 *     <li>the rebuild of {@code car-search} ({@link SearchReplay}).</li>
 * </ol>
 * The reads are sent by an auditor (the role the audit API is for), the replay by the admin.
 */
public final class AuditAndReplay {

    /** The targets. */
    static final double TARGET_AGGREGATE_P95_MS = 150.0;
    static final double TARGET_LOG_P95_MS = 300.0;
    static final double TARGET_REPLAY_EVENTS_PER_SECOND = 10_000.0;
    /** The store size at which the log and replay targets are set; below it they are not judged. */
    static final long TARGET_STORE_EVENTS = 100_000;

    /** The events of the car whose history and state are read: the target is set for a 1,000-event car. */
    static final int HISTORY_CAR_EVENTS = 1_000;
    static final int HISTORY_FIRST_PAGE = 100;
    /** The audit API's largest page of one aggregate's history. */
    static final int HISTORY_MAX_PAGE = 1_000;
    static final int LOG_PAGE = 100;
    static final List<String> LOG_TYPES = List.of("CarBooked", "BookingCancelled");
    /** Customers of the top-up: their ids are the users the log is filtered by. */
    static final int CUSTOMERS = 16;
    /** The history car's stay: one night, this far ahead, booked and cancelled again and again. */
    private static final int HISTORY_STAY_DAYS_AHEAD = 30;
    private static final long CATCH_UP_POLL_MILLIS = 250;
    /** How long "every projection caught up" must hold, at the same head, to count (the server samples every 0.5 s). */
    private static final long SETTLE_MILLIS = 2_000;
    private static final String PASSWORD = "Audit-Bench-2026!x";

    /**
     * What the measurement does: the store size to reach (head global index), the top-up's clients and time bound,
     * the measured requests per endpoint, the bounds of the catch-up wait and of the replay, the admin's login.
     */
    public record Settings(long storeEvents, int clients, int topUpSeconds, int samples, int catchUpSeconds,
                           int replaySeconds, String adminEmail, String adminPassword) {
    }

    private final Http http;
    private final String runTag;
    private final Settings settings;

    private AuditAndReplay(Http http, String runTag, Settings settings) {
        this.http = http;
        this.runTag = runTag;
        this.settings = settings;
    }

    /**
     * One run on the system behind {@code http}, whose cars {@code carIds} the top-up books. A failure is reported
     * in the answer ({@code error}) rather than thrown, so the run's other measurements are kept.
     */
    public static Map<String, Object> run(Http http, String runTag, List<String> carIds, Settings settings)
            throws InterruptedException {
        Map<String, Object> result = new LinkedHashMap<>();
        try {
            new AuditAndReplay(http, runTag, settings).measure(carIds, result);
        } catch (RuntimeException e) {
            result.put("error", e.toString());
            System.out.printf("  measurement 8 failed: %s%n", e);
        }
        return result;
    }

    private void measure(List<String> carIds, Map<String, Object> result) throws InterruptedException {
        Account admin = Account.login(http, settings.adminEmail(), settings.adminPassword());
        Account auditor = newAuditor(admin);
        Account dealer = Account.register(http, email("dealer"), PASSWORD, "Audit dealer", "DEALER");
        List<Account> customers = new ArrayList<>();
        for (int i = 0; i < CUSTOMERS; i++) {
            customers.add(Account.register(http, email("customer" + i), PASSWORD, "Audit customer " + i, "CUSTOMER"));
        }

        long carStart = System.nanoTime();
        String carId = historyCar(dealer, customers.get(0));
        result.put("historyCarId", carId);
        result.put("historyCarSeconds", round((System.nanoTime() - carStart) / 1e9));

        // Settled first, so the head read is the store's and the top-up starts from a quiet system.
        result.put("catchUpBeforeTopUp", awaitEveryProjection(admin, Duration.ofSeconds(settings.catchUpSeconds())));
        long headBefore = head(admin);
        result.put("headBeforeTopUp", headBefore);
        long wanted = Math.max(0, settings.storeEvents() - headBefore);
        System.out.printf("  measurement 8: history car built; topping the store up from %d by %d events%n",
                headBefore, wanted);
        Map<String, Object> topUp = TopUp.run(http, carIds, customers, wanted, settings.clients(),
                Duration.ofSeconds(settings.topUpSeconds()));
        result.put("topUp", topUp);
        System.out.printf("  top-up: %s%n", topUp);
        Map<String, Object> catchUp = awaitEveryProjection(admin, Duration.ofSeconds(settings.catchUpSeconds()));
        result.put("catchUp", catchUp);
        long storeEvents = head(admin);
        result.put("storeEvents", storeEvents);
        System.out.printf("  store: %d events (head); projections caught up: %s%n", storeEvents, catchUp);

        int carEvents = (int) historyLength(auditor, carId);
        result.put("historyCarEvents", carEvents);
        String aggregate = "/api/v1/audit/aggregates/" + carId;
        Random random = new Random();
        result.put("historyFirstPage", ReadLatency.measure(settings.samples(),
                i -> http.get(aggregate + "/events?limit=" + HISTORY_FIRST_PAGE, auditor.token()),
                answer -> answer.json().get("events").size()));
        result.put("historyFull", ReadLatency.measure(settings.samples(),
                i -> http.get(aggregate + "/events?fromSequence=0&limit=" + HISTORY_MAX_PAGE, auditor.token()),
                answer -> answer.json().get("events").size()));
        result.put("stateAtVersion", ReadLatency.measure(settings.samples(),
                i -> http.get(aggregate + "/state?version=" + random.nextInt(carEvents), auditor.token()),
                answer -> 1));
        result.put("logByUser", ReadLatency.measure(settings.samples(),
                i -> http.get("/api/v1/audit/events?user=" + customers.get(random.nextInt(customers.size())).userId()
                        + "&limit=" + LOG_PAGE, auditor.token()),
                answer -> answer.json().get("items").size()));
        result.put("logByType", ReadLatency.measure(settings.samples(),
                i -> http.get("/api/v1/audit/events?type=" + LOG_TYPES.get(i % LOG_TYPES.size())
                        + "&limit=" + LOG_PAGE, auditor.token()),
                answer -> answer.json().get("items").size()));
        System.out.printf("  audit reads: history first page %s%n  history full %s%n  state %s%n  log by user %s%n"
                        + "  log by type %s%n", result.get("historyFirstPage"), result.get("historyFull"),
                result.get("stateAtVersion"), result.get("logByUser"), result.get("logByType"));

        Map<String, Object> replay = SearchReplay.run(http, admin, Duration.ofSeconds(settings.replaySeconds()));
        result.put("replay", replay);
        System.out.printf("  car-search replay: %s%n", replay);
        // The first replay also pays for the JIT compiling its code on two cores; the second shows the steady pace.
        Map<String, Object> again = SearchReplay.run(http, admin, Duration.ofSeconds(settings.replaySeconds()));
        result.put("replayAgain", again);
        System.out.printf("  car-search replay again: %s%n", again);
    }

    // ------------------------------------------------------------------ setup

    private String email(String name) {
        return "bench-" + runTag + "-audit-" + name + "@bench.carmarket.local";
    }

    private Account newAuditor(Account admin) {
        String email = email("auditor");
        Http.Answer created = http.post("/api/v1/admin/auditors", admin.token(),
                Map.of("email", email, "password", PASSWORD, "name", "Bench auditor"));
        if (created.status() != 201) {
            throw new IllegalStateException("create auditor: " + created.status() + " " + created.body());
        }
        return Account.login(http, email, PASSWORD);
    }

    /**
     * A car listed by {@code dealer}, then booked and cancelled by {@code customer} one command after the other
     * (the same night each time: a cancelled booking frees it) until it has {@value #HISTORY_CAR_EVENTS} events.
     */
    private String historyCar(Account dealer, Account customer) {
        Http.Answer listed = http.post("/api/v1/cars", dealer.token(), listing());
        if (listed.status() != 201) {
            throw new IllegalStateException("list the history car: " + listed.status() + " " + listed.body());
        }
        String carId = listed.json().get("carId").asText();
        LocalDate night = LocalDate.now(ZoneOffset.UTC).plusDays(HISTORY_STAY_DAYS_AHEAD);
        String stay = "{\"startDate\":\"" + night + "\",\"endDate\":\"" + night.plusDays(1) + "\"}";
        String bookingId = null;
        for (int events = 1; events < HISTORY_CAR_EVENTS; events++) {
            Http.Answer answer;
            if (bookingId == null) {
                answer = http.post("/api/v1/cars/" + carId + "/bookings", customer.token(), stay);
                bookingId = answer.status() == 201 ? answer.json().get("bookingId").asText() : null;
            } else {
                answer = http.post("/api/v1/cars/" + carId + "/bookings/" + bookingId + "/cancel", customer.token(),
                        "{}");
                bookingId = null;
            }
            if (answer.status() != 201 && answer.status() != 200) {
                throw new IllegalStateException("history car, event " + events + ": " + answer.status() + " "
                        + ReadLatency.abbreviated(answer.body()));
            }
        }
        return carId;
    }

    private Map<String, Object> listing() {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("make", "Volkswagen");
        body.put("model", "AuditBench");
        body.put("year", 2024);
        body.put("bodyType", "HATCHBACK");
        body.put("transmission", "MANUAL");
        body.put("fuelType", "PETROL");
        body.put("mileage", 1000);
        body.put("seats", 5);
        // 17 characters without I, O, Q; "A" keeps it apart from the harness's other cars ("W...").
        body.put("vin", "A" + String.format("%04d", Math.abs(runTag.hashCode()) % 10000) + "000000000001");
        body.put("licensePlate", "AU-" + runTag);
        body.put("location", Map.of("city", "Berlin", "timeZone", "UTC"));
        body.put("dailyRate", 40);
        body.put("currency", "EUR");
        body.put("maxBookingDays", 30);
        return body;
    }

    /** The number of events of the aggregate, read in pages of the largest size (bounded by its length). */
    private long historyLength(Account auditor, String aggregateId) {
        long count = 0;
        Long from = 0L;
        for (int page = 0; from != null && page <= HISTORY_CAR_EVENTS / HISTORY_MAX_PAGE + 1; page++) {
            Http.Answer answer = http.get("/api/v1/audit/aggregates/" + aggregateId + "/events?fromSequence=" + from
                    + "&limit=" + HISTORY_MAX_PAGE, auditor.token());
            if (answer.status() != 200) {
                throw new IllegalStateException("history of " + aggregateId + ": " + answer.status());
            }
            JsonNode json = answer.json();
            count += json.get("events").size();
            from = json.path("nextSequence").isNumber() ? json.get("nextSequence").asLong() : null;
        }
        return count;
    }

    // ------------------------------------------------------------------ projections

    /** The global index of the newest event in the store, as the admin API reports it (0 when it is empty). */
    private long head(Account admin) {
        Http.Answer answer = http.get("/api/v1/admin/projections/" + SearchReplay.PROJECTION, admin.token());
        if (answer.status() != 200) {
            throw new IllegalStateException("projection progress: " + answer.status() + " " + answer.body());
        }
        JsonNode head = answer.json().path("head");
        return head.isNumber() ? head.asLong() : 0;
    }

    /** Done and caught up: no rebuild under way, RUNNING, exactly 100% (the API gives 100 only at the head). */
    static boolean caughtUp(JsonNode progress) {
        JsonNode replay = progress.path("replay");
        return (replay.isMissingNode() || replay.isNull())
                && "RUNNING".equals(progress.path("state").asText())
                && progress.path("progressPercent").asDouble() == 100.0;
    }

    /**
     * Waits, polling the projections list, until every projection has caught up, at most {@code bound}. The API
     * answers from a sample the server takes periodically (position and head alike), so a sample taken before the
     * last commands could show "caught up" with a stale head: the state must hold, with the same head, for
     * {@link #SETTLE_MILLIS} (several sampling periods) before it counts. The time reported is when it first held.
     */
    private Map<String, Object> awaitEveryProjection(Account admin, Duration bound) throws InterruptedException {
        long begin = System.nanoTime();
        long deadline = begin + bound.toNanos();
        Long streakStart = null;
        long streakHead = -1;
        boolean settled = false;
        List<String> behind = List.of();
        while (!settled && System.nanoTime() < deadline) {
            Http.Answer answer = http.get("/api/v1/admin/projections", admin.token());
            long now = System.nanoTime();
            if (answer.status() == 200) {
                List<String> notYet = new ArrayList<>();
                long head = -1;
                for (JsonNode projection : answer.json().get("projections")) {
                    head = Math.max(head, projection.path("head").asLong(-1));
                    if (!caughtUp(projection)) {
                        notYet.add(projection.path("name").asText() + " " + projection.path("state").asText() + " "
                                + projection.path("progressPercent").asDouble() + "%");
                    }
                }
                behind = notYet;
                if (!notYet.isEmpty() || head != streakHead) {
                    streakStart = notYet.isEmpty() ? now : null;
                    streakHead = head;
                } else if (streakStart != null && now - streakStart >= TimeUnit.MILLISECONDS.toNanos(SETTLE_MILLIS)) {
                    settled = true;
                }
            }
            if (!settled) {
                Thread.sleep(CATCH_UP_POLL_MILLIS);
            }
        }
        Map<String, Object> result = new LinkedHashMap<>();
        result.put("caughtUp", settled);
        result.put("seconds", settled ? round((streakStart - begin) / 1e9) : null);
        result.put("boundSeconds", bound.toSeconds());
        result.put("behindAtTheEnd", behind);
        return result;
    }

    // ------------------------------------------------------------------ summary

    /** The table's rows of measurement 8 over the runs (each run's answer of {@link #run}). */
    public static List<Row> rows(List<Map<String, Object>> runs, Settings settings) {
        List<Row> rows = new ArrayList<>();
        Function<String[], List<Double>> values = path -> runs.stream().map(run -> number(run, path)).toList();
        List<Double> store = values.apply(new String[]{"storeEvents"});
        boolean atTargetScale = !store.isEmpty()
                && store.stream().allMatch(size -> size != null && size >= TARGET_STORE_EVENTS);
        String notJudged = atTargetScale ? "" : " (target set at 100k events: not judged at this size)";

        rows.add(new Row("8-store-events", "8. event store size for the audit reads and the replay (head global index;"
                + " asked for " + String.format("%,d", settings.storeEvents()) + ")", "events", null, false,
                values.apply(new String[]{"storeEvents"})));
        rows.add(new Row("8-top-up-rate", "8. top-up, book + cancel across the run's cars, " + settings.clients()
                + " clients: events appended/s", "events/s", null, false,
                values.apply(new String[]{"topUp", "eventsPerSecond"})));
        rows.add(new Row("8-catch-up", "8. every projection caught up after the top-up: wait", "s", null, false,
                values.apply(new String[]{"catchUp", "seconds"})));

        String car = "8. audit of one car with " + String.format("%,d", HISTORY_CAR_EVENTS) + " events, 1 client";
        latencyRows(rows, values, "8-history-first", car + ": history, first page of " + HISTORY_FIRST_PAGE,
                "historyFirstPage", TARGET_AGGREGATE_P95_MS);
        latencyRows(rows, values, "8-history-full", car + ": history, all " + HISTORY_MAX_PAGE + " in one page",
                "historyFull", TARGET_AGGREGATE_P95_MS);
        latencyRows(rows, values, "8-state", car + ": state at a random version", "stateAtVersion",
                TARGET_AGGREGATE_P95_MS);

        String log = "8. global audit log, " + LOG_PAGE + " per page, 1 client";
        Double logTarget = atTargetScale ? TARGET_LOG_P95_MS : null;
        latencyRows(rows, values, "8-log-user", log + ", filtered by user" + notJudged, "logByUser", logTarget);
        latencyRows(rows, values, "8-log-type", log + ", filtered by type" + notJudged, "logByType", logTarget);
        rows.add(new Row("8-audit-read-failures", "8. audit reads not answered 200 (all five kinds above)", "requests",
                null, false, runs.stream().map(run -> sum(run, "historyFirstPage", "historyFull", "stateAtVersion",
                "logByUser", "logByType")).toList()));

        String replay = "8. replay of car-search (from the POST to caught up)";
        replayRows(rows, values, "8-replay", replay + ", the first after start", "replay",
                atTargetScale ? TARGET_REPLAY_EVENTS_PER_SECOND : null, notJudged);
        replayRows(rows, values, "8-replay-again", replay + ", once more", "replayAgain",
                atTargetScale ? TARGET_REPLAY_EVENTS_PER_SECOND : null, notJudged);
        rows.add(new Row("8-replay-reads", "8. searches (" + SearchReplay.READ_PATH.replace("/api/v1", "")
                + ", every " + SearchReplay.READ_PAUSE_MILLIS + " ms) during the replay: answered 200", "requests",
                null, false, values.apply(new String[]{"replay", "readsAnswered200"})));
        rows.add(new Row("8-replay-reads-failed", "8. searches during the replay not answered 200", "requests", null,
                false, values.apply(new String[]{"replay", "readsFailed"})));
        rows.add(new Row("8-replay-reads-ok", "8. runs whose replay finished with every search answered 200"
                + " (1 = yes)", "", 1.0, true, runs.stream().map(run -> {
                    Double finished = number(run, "replay", "finished");
                    Double failed = number(run, "replay", "readsFailed");
                    return finished == null || failed == null ? null : finished == 1.0 && failed == 0 ? 1.0 : 0.0;
                }).toList()));
        return rows;
    }

    private static void replayRows(List<Row> rows, Function<String[], List<Double>> values, String id, String name,
                                   String key, Double eventsPerSecondTarget, String notJudged) {
        rows.add(new Row(id + "-rate", name + ": events/s (head ÷ duration)" + notJudged, "events/s",
                eventsPerSecondTarget, true, values.apply(new String[]{key, "eventsPerSecond"})));
        rows.add(new Row(id + "-seconds", name + ": duration (polled every " + SearchReplay.POLL_MILLIS + " ms)",
                "s", null, false, values.apply(new String[]{key, "seconds"})));
        rows.add(new Row(id + "-peak-reported", name + ": peak events/s reported by the API (10 s window)",
                "events/s", null, false, values.apply(new String[]{key, "peakEventsPerSecondReported"})));
    }

    private static void latencyRows(List<Row> rows, Function<String[], List<Double>> values, String id, String name,
                                     String key, Double p95Target) {
        rows.add(new Row(id + "-p50", name + ": p50", "ms", null, false, values.apply(new String[]{key, "p50Ms"})));
        rows.add(new Row(id + "-p95", name + ": p95", "ms", p95Target, false, values.apply(new String[]{key, "p95Ms"})));
        rows.add(new Row(id + "-max", name + ": max", "ms", null, false, values.apply(new String[]{key, "maxMs"})));
    }

    /** A number (a boolean as 1 or 0) at a path of one run's answer; null when absent. */
    @SuppressWarnings("unchecked")
    private static Double number(Map<String, Object> run, String... path) {
        Object value = run;
        for (String key : path) {
            if (!(value instanceof Map<?, ?> map)) {
                return null;
            }
            value = ((Map<String, Object>) map).get(key);
        }
        if (value instanceof Boolean flag) {
            return flag ? 1.0 : 0.0;
        }
        return value instanceof Number n ? n.doubleValue() : null;
    }

    private static Double sum(Map<String, Object> run, String... keys) {
        double total = 0;
        for (String key : keys) {
            Double failures = number(run, key, "failures");
            if (failures == null) {
                return null;
            }
            total += failures;
        }
        return total;
    }

    static double round(double value) {
        return Math.round(value * 1000.0) / 1000.0;
    }
}
