package io.carmarket.benchmark;

import com.fasterxml.jackson.databind.SerializationFeature;
import io.carmarket.benchmark.audit.AuditAndReplay;

import java.io.IOException;
import java.net.ServerSocket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.function.Function;
import java.util.concurrent.TimeUnit;

/**
 * The benchmark harness (issue 6, measurements 1, 2, 3 and 6; issue 11, measurement 8 in
 * {@link io.carmarket.benchmark.audit}): load from this separate process over loopback
 * against a running CarMarket, repeated runs, medians with min–max spread, results to docs/benchmarks.md (between
 * the result markers) and to benchmark/results/&lt;timestamp&gt;.json. See docs/benchmarks.md.
 */
public final class Benchmark {

    /** The booking horizon the measured standalone is started with, so that load 1's dates are all bookable. */
    static final String BOOKING_HORIZON = "P20Y";

    static final String BEGIN = "<!-- benchmark-results:begin -->";
    static final String END = "<!-- benchmark-results:end -->";

    public static void main(String[] args) throws Exception {
        Options options = Options.parse(args);
        Instant startedAt = Instant.now();
        List<Map<String, Object>> runs = new ArrayList<>();
        if (options.http) {
            for (int run = 1; run <= options.runs; run++) {
                System.out.printf("== run %d of %d%n", run, options.runs);
                runs.add(oneRun(options, run));
            }
        }
        Map<String, List<Map<String, Object>>> inProcessRuns = new LinkedHashMap<>();
        for (InProcessMeasurement measurement : InProcessMeasurements.selected(options.inProcess)) {
            List<Map<String, Object>> measured = new ArrayList<>();
            for (int run = 1; run <= options.runs; run++) {
                System.out.printf("== in-process measurement %s, run %d of %d%n", measurement.key(), run, options.runs);
                Path workDir = Files.createTempDirectory("carmarket-bench-" + measurement.key() + "-");
                try {
                    Map<String, Object> metrics = measurement.runOnce(workDir);
                    System.out.printf("  %s%n", metrics);
                    measured.add(metrics);
                } finally {
                    deleteRecursively(workDir);
                }
            }
            inProcessRuns.put(measurement.key(), measured);
        }
        Map<String, Object> report = new LinkedHashMap<>();
        report.put("startedAt", startedAt.toString());
        report.put("machine", machine());
        report.put("options", optionsOf(options));
        List<Row> rows = new ArrayList<>();
        if (options.http) {
            rows.addAll(rows(options, runs));
        }
        for (InProcessMeasurement measurement : InProcessMeasurements.selected(options.inProcess)) {
            rows.addAll(measurement.rows(inProcessRuns.get(measurement.key())));
        }
        List<Map<String, Object>> summary = new ArrayList<>();
        for (Row row : rows) {
            summary.add(row.toMap());
        }
        report.put("summary", summary);
        report.put("runs", runs);
        report.put("inProcessRuns", inProcessRuns);

        String stamp = DateTimeFormatter.ofPattern("yyyyMMdd-HHmmss").withZone(ZoneOffset.UTC).format(startedAt);
        Path json = Path.of(options.resultsDir, stamp + ".json");
        Files.createDirectories(json.getParent());
        Http.JSON.copy().enable(SerializationFeature.INDENT_OUTPUT).writeValue(json.toFile(), report);
        String table = markdown(rows, report, json);
        writeMarkdown(Path.of(options.markdown), table);
        System.out.println(table);
        System.out.println("JSON: " + json);
    }

    private static Map<String, Object> oneRun(Options options, int run) throws Exception {
        Map<String, Object> result = new LinkedHashMap<>();
        Process server = null;
        String baseUrl = options.baseUrl;
        long pid = options.serverPid;
        try {
            if (options.standaloneJar != null) {
                int port = freePort();
                Path dataDir = Files.createTempDirectory("carmarket-bench-");
                List<String> command = new ArrayList<>();
                command.add(ProcessHandle.current().info().command().orElse("java"));
                command.addAll(options.serverJvmArgs);
                command.addAll(List.of("-jar", options.standaloneJar,
                        // Load 1 spreads bookings over 400 to 3,400 days ahead and the hot car's fresh nights grow
                        // by one per command: both beyond the default 2-year booking horizon (docs/api.md, Limits).
                        "--carmarket.cars.policy.booking-horizon=" + BOOKING_HORIZON));
                ProcessBuilder builder = new ProcessBuilder(command)
                        .redirectErrorStream(true)
                        .redirectOutput(dataDir.resolve("server.log").toFile());
                builder.environment().put("PORT", Integer.toString(port));
                builder.environment().put("CARMARKET_DATA_DIR", dataDir.resolve("data").toString());
                builder.environment().put("CARMARKET_DEMO_DATA", "false");
                // Measurement 8 logs in as the admin (replay, auditor account, projection progress).
                builder.environment().put("CARMARKET_ADMIN_EMAIL", options.adminEmail);
                builder.environment().put("CARMARKET_ADMIN_PASSWORD", options.adminPassword);
                long spawned = System.nanoTime();
                server = builder.start();
                pid = server.pid();
                baseUrl = "http://127.0.0.1:" + port;
                double startupSeconds = awaitHealthUp(new Http(baseUrl, Duration.ofSeconds(5)), server, spawned);
                result.put("startupSeconds", Phase.round(startupSeconds));
                result.put("serverLog", dataDir.resolve("server.log").toString());
                System.out.printf("  start-up to health UP: %.2f s (pid %d, port %d)%n", startupSeconds, pid, port);
            }
            Http http = new Http(baseUrl, Duration.ofSeconds(options.requestTimeoutSeconds));
            String runTag = Long.toString(System.currentTimeMillis() % 100_000_000L, 36) + run;
            Workloads workloads = new Workloads(http, options, runTag);
            long setupStart = System.nanoTime();
            String dealer = workloads.registerAndLogin("dealer", "DEALER");
            List<String> customers = workloads.customers(options.customers);
            List<String> cars = workloads.listCars(dealer, options.cars);
            workloads.awaitCarsVisible(cars, Duration.ofSeconds(120));
            result.put("setupSeconds", Phase.round((System.nanoTime() - setupStart) / 1e9));
            System.out.printf("  setup: %d cars, %d customers in %s s%n", cars.size(), customers.size(),
                    result.get("setupSeconds"));

            if (!options.auditOnly) {
                Map<String, Object> bookingLoads = new LinkedHashMap<>();
                for (int clients : options.clientCounts) {
                    Map<String, Object> load = workloads.bookingLoad(cars, customers, clients, true);
                    bookingLoads.put(Integer.toString(clients), load);
                    System.out.printf("  booking load, %d clients: %s%n", clients, load);
                }
                result.put("bookingLoad", bookingLoads);
                if (pid > 0) {
                    Long rss = rssKb(pid);
                    result.put("rssMbAfterBookingLoad", rss == null ? null : Phase.round(rss / 1024.0));
                    System.out.printf("  resident memory after load 1: %s MB%n", result.get("rssMbAfterBookingLoad"));
                }
                Map<String, Object> hot = workloads.hotCar(dealer, customers, options.hotClients);
                result.put("hotCar", hot);
                System.out.printf("  hot car: %s%n", hot);
            }
            if (options.audit) {
                result.put("auditAndReplay", AuditAndReplay.run(http, runTag, cars, auditSettings(options)));
            }
        } finally {
            if (server != null) {
                server.destroy();
                if (!server.waitFor(30, TimeUnit.SECONDS)) {
                    server.destroyForcibly();
                }
            }
        }
        return result;
    }

    private static double awaitHealthUp(Http http, Process server, long spawned) throws InterruptedException {
        long deadline = spawned + Duration.ofSeconds(180).toNanos();
        while (System.nanoTime() < deadline) {
            if (!server.isAlive()) {
                throw new IllegalStateException("the standalone exited with " + server.exitValue());
            }
            Http.Answer health = http.get("/actuator/health");
            if (health.status() == 200 && health.body().contains("\"status\":\"UP\"")) {
                return (System.nanoTime() - spawned) / 1e9;
            }
            Thread.sleep(50);
        }
        throw new IllegalStateException("the standalone was not UP within 180 s");
    }

    private static void deleteRecursively(Path directory) throws IOException {
        try (var paths = Files.walk(directory)) {
            for (Path path : paths.sorted(Comparator.reverseOrder()).toList()) {
                Files.deleteIfExists(path);
            }
        }
    }

    private static int freePort() throws IOException {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        }
    }

    static Long rssKb(long pid) {
        try {
            for (String line : Files.readAllLines(Path.of("/proc/" + pid + "/status"))) {
                if (line.startsWith("VmRSS:")) {
                    return Long.parseLong(line.replaceAll("[^0-9]", ""));
                }
            }
        } catch (IOException | RuntimeException e) {
            return null;
        }
        return null;
    }

    // ------------------------------------------------------------------ summary

    static AuditAndReplay.Settings auditSettings(Options options) {
        return new AuditAndReplay.Settings(options.auditEvents, options.auditClients, options.auditTopUpSeconds,
                options.auditSamples, options.auditCatchUpSeconds, options.auditReplaySeconds, options.adminEmail,
                options.adminPassword);
    }

    @SuppressWarnings("unchecked")
    private static List<Row> rows(Options options, List<Map<String, Object>> runs) {
        List<Row> rows = new ArrayList<>();
        if (!options.auditOnly) {
            rows.addAll(loadRows(options, runs));
        }
        if (options.standaloneJar != null) {
            rows.add(new Row("6-startup", "6. standalone start-up to health UP", "s", 15.0, false,
                    runs.stream().map(run -> number(run.get("startupSeconds"))).toList()));
        }
        if (!options.auditOnly && (options.standaloneJar != null || options.serverPid > 0)) {
            rows.add(new Row("6-rss", "6. standalone resident memory after load 1", "MB", 768.0, false,
                    runs.stream().map(run -> number(run.get("rssMbAfterBookingLoad"))).toList()));
        }
        if (options.audit) {
            rows.addAll(AuditAndReplay.rows(runs.stream()
                    .map(run -> (Map<String, Object>) run.getOrDefault("auditAndReplay", Map.of())).toList(),
                    auditSettings(options)));
        }
        return rows;
    }

    /** Measurements 1, 2 and 3: the booking loads. */
    @SuppressWarnings("unchecked")
    private static List<Row> loadRows(Options options, List<Map<String, Object>> runs) {
        List<Row> rows = new ArrayList<>();
        for (int clients : options.clientCounts) {
            String key = Integer.toString(clients);
            Function<String, List<Double>> load = field -> runs.stream().map(run -> {
                Map<String, Object> loads = (Map<String, Object>) run.get("bookingLoad");
                return number(((Map<String, Object>) loads.get(key)).get(field));
            }).toList();
            String what = "1. booking commands, 1,000 cars, " + clients + " clients";
            rows.add(new Row("1-" + clients + "-throughput", what + ": commands/s", "commands/s", 2000.0, true,
                    load.apply("commandsPerSecond")));
            rows.add(new Row("1-" + clients + "-p50", what + ": latency p50", "ms", null, false, load.apply("p50Ms")));
            rows.add(new Row("1-" + clients + "-p95", what + ": latency p95", "ms", null, false, load.apply("p95Ms")));
            rows.add(new Row("1-" + clients + "-p99", what + ": latency p99", "ms", 50.0, false, load.apply("p99Ms")));
            rows.add(new Row("1-" + clients + "-errors", what + ": 5xx + no answer + other", "commands", null, false,
                    runs.stream().map(run -> {
                        Map<String, Object> l = (Map<String, Object>) ((Map<String, Object>) run.get("bookingLoad"))
                                .get(key);
                        return number(l.get("status5xx")) + number(l.get("noAnswer")) + number(l.get("otherStatus"));
                    }).toList()));
            Function<String, List<Double>> lag = field -> runs.stream().map(run -> {
                Map<String, Object> l = (Map<String, Object>) ((Map<String, Object>) run.get("bookingLoad")).get(key);
                return number(((Map<String, Object>) l.get("projectionLag")).get(field));
            }).toList();
            rows.add(new Row("3-" + clients + "-p50", "3. projection lag (201 → availability) under load 1 at "
                    + clients + " clients: p50", "ms", null, false, lag.apply("p50Ms")));
            rows.add(new Row("3-" + clients + "-samples", "3. projection lag at " + clients
                    + " clients: samples (timeouts at 20 s count as 20 s)", "", null, false, lag.apply("samples")));
            rows.add(new Row("3-" + clients + "-p99", "3. projection lag (201 → availability) under load 1 at "
                    + clients + " clients: p99", "ms", 200.0, false, lag.apply("p99Ms")));
        }
        Function<String, List<Double>> hot = field -> runs.stream()
                .map(run -> number(((Map<String, Object>) run.get("hotCar")).get(field))).toList();
        String hotName = "2. one hot car, " + options.hotClients + " clients";
        rows.add(new Row("2-throughput", hotName + ": commands/s", "commands/s", 500.0, true,
                hot.apply("commandsPerSecond")));
        rows.add(new Row("2-p99", hotName + ": latency p99", "ms", null, false, hot.apply("p99Ms")));
        rows.add(new Row("2-no-answer", hotName + ": commands without an answer in time (measured window)",
                "commands", null, false, hot.apply("noAnswer")));
        rows.add(new Row("2-server-accepted", hotName + ": bookings the server accepted per second (read model,"
                + " whole phase, answered or not)", "bookings/s", null, false,
                hot.apply("serverAcceptedPerSecondFromReadModel")));
        rows.add(new Row("2-share409", hotName + ": 409 share", "", null, false, hot.apply("share409")));
        rows.add(new Row("2-no-double-booking", hotName + ": runs with no double booking (1 = yes)", "", 1.0, true,
                runs.stream().map(run -> Boolean.TRUE.equals(((Map<String, Object>) run.get("hotCar"))
                        .get("noDoubleBooking")) ? 1.0 : 0.0).toList()));
        return rows;
    }

    private static Double number(Object value) {
        return value instanceof Number n ? n.doubleValue() : null;
    }

    public static String fmt(Double value) {
        if (value == null) {
            return "–";
        }
        if (Math.abs(value) >= 100) {
            return String.format("%.0f", value);
        }
        return String.format("%.3g", value);
    }

    private static String markdown(List<Row> rows, Map<String, Object> report, Path json) {
        StringBuilder out = new StringBuilder();
        out.append(BEGIN).append('\n');
        out.append("Generated by the harness at ").append(report.get("startedAt")).append(" (UTC), ")
                .append(((Map<?, ?>) report.get("options")).get("runs")).append(" runs; raw results: `")
                .append(json.toString().replace('\\', '/')).append("`. Machine: ")
                .append(((Map<?, ?>) report.get("machine")).get("summary")).append(".\n\n");
        out.append("| measurement | target | median | spread (min – max) | verdict |\n");
        out.append("|---|---|---|---|---|\n");
        for (Row row : rows) {
            String unit = row.unit().isEmpty() ? "" : " " + row.unit();
            String target = row.target() == null ? "" : (row.higherIsBetter() ? "≥ " : "≤ ") + fmt(row.target()) + unit;
            out.append("| ").append(row.name()).append(" | ").append(target).append(" | ")
                    .append(fmt(row.median())).append(unit).append(" | ")
                    .append(fmt(row.min())).append(" – ").append(fmt(row.max())).append(" | ")
                    .append(row.verdict()).append(" |\n");
        }
        out.append(END).append('\n');
        return out.toString();
    }

    private static void writeMarkdown(Path file, String table) throws IOException {
        String text = Files.exists(file) ? Files.readString(file, StandardCharsets.UTF_8) : "";
        int begin = text.indexOf(BEGIN);
        int end = text.indexOf(END);
        String updated;
        if (begin >= 0 && end > begin) {
            updated = text.substring(0, begin) + table + text.substring(end + END.length() + 1);
        } else {
            updated = text + (text.isEmpty() ? "# Benchmarks\n\n" : "\n") + table;
        }
        if (file.getParent() != null) {
            Files.createDirectories(file.getParent());
        }
        Files.writeString(file, updated, StandardCharsets.UTF_8);
    }

    private static Map<String, Object> machine() {
        Map<String, Object> machine = new LinkedHashMap<>();
        int cpus = Runtime.getRuntime().availableProcessors();
        machine.put("availableProcessors", cpus);
        String memTotal = null;
        try {
            memTotal = Files.readAllLines(Path.of("/proc/meminfo")).stream().filter(l -> l.startsWith("MemTotal:"))
                    .findFirst().map(l -> l.replaceAll("[^0-9]", "")).orElse(null);
        } catch (IOException | RuntimeException ignored) {
            // not Linux
        }
        machine.put("memTotalMb", memTotal == null ? null : Long.parseLong(memTotal) / 1024);
        machine.put("os", System.getProperty("os.name") + " " + System.getProperty("os.version"));
        machine.put("java", System.getProperty("java.vm.name") + " " + System.getProperty("java.runtime.version"));
        machine.put("summary", cpus + " CPUs, " + (memTotal == null ? "?" : Long.parseLong(memTotal) / 1024 + " MB")
                + " RAM, " + machine.get("os") + ", " + machine.get("java"));
        return machine;
    }

    private static Map<String, Object> optionsOf(Options options) {
        Map<String, Object> map = new LinkedHashMap<>();
        map.put("baseUrl", options.standaloneJar == null ? options.baseUrl : "(started per run)");
        map.put("standaloneJar", options.standaloneJar);
        map.put("serverJvmArgs", options.serverJvmArgs);
        map.put("runs", options.runs);
        map.put("cars", options.cars);
        map.put("customers", options.customers);
        map.put("clientCounts", options.clientCounts);
        map.put("hotClients", options.hotClients);
        map.put("warmupSeconds", options.warmupSeconds);
        map.put("durationSeconds", options.durationSeconds);
        map.put("maxCommands", options.maxCommands);
        map.put("lagPollMillis", options.lagPollMillis);
        map.put("lagTimeoutMillis", options.lagTimeoutMillis);
        map.put("lagProbes", options.lagProbes);
        map.put("requestTimeoutSeconds", options.requestTimeoutSeconds);
        map.put("audit", options.audit);
        map.put("auditOnly", options.auditOnly);
        map.put("auditEvents", options.auditEvents);
        map.put("auditClients", options.auditClients);
        map.put("auditTopUpSeconds", options.auditTopUpSeconds);
        map.put("auditSamples", options.auditSamples);
        map.put("auditCatchUpSeconds", options.auditCatchUpSeconds);
        map.put("auditReplaySeconds", options.auditReplaySeconds);
        return map;
    }
}
