package io.carmarket.benchmark;

import java.util.ArrayList;
import java.util.List;

/** Command-line options; every load is bounded by both {@link #durationSeconds} and {@link #maxCommands}. */
final class Options {

    String baseUrl = "http://localhost:8080";
    /** When set, each run starts this standalone jar itself (fresh data dir, free port) and measures start-up. */
    String standaloneJar;
    /** The server's pid, to read its resident memory when the harness did not start it. */
    long serverPid = -1;
    int runs = 3;
    int cars = 1000;
    int customers = 16;
    List<Integer> clientCounts = List.of(32, 128);
    int hotClients = 64;
    int warmupSeconds = 5;
    int durationSeconds = 20;
    long maxCommands = 200_000;
    long lagPollMillis = 5;
    int lagProbes = 8;
    int requestTimeoutSeconds = 10;
    long lagTimeoutMillis = 20_000;
    String markdown = "docs/benchmarks.md";
    String resultsDir = "benchmark/results";
    List<String> serverJvmArgs = new ArrayList<>();
    /** Runs the HTTP measurements (1, 2, 3, 6). */
    boolean http = true;
    /** Runs measurement 8 (audit and replay, {@code io.carmarket.benchmark.audit}) in each HTTP run. */
    boolean audit = true;
    /** Each HTTP run does its setup and measurement 8 only (no booking loads 1, 2, 3, no memory after load 1). */
    boolean auditOnly;
    /** Measurement 8: the event store is topped up to this many events (head global index). */
    long auditEvents = 100_000;
    int auditClients = 16;
    /** Measurement 8: bound of the top-up; the default leaves room for 100k events at ~100 commands/s. */
    int auditTopUpSeconds = 1800;
    int auditSamples = 200;
    /** Measurement 8: bound of the wait for every projection to catch up after the top-up. */
    int auditCatchUpSeconds = 1800;
    int auditReplaySeconds = 600;
    /** The admin account (measurement 8): given to a standalone the harness starts, used to log in otherwise. */
    String adminEmail = "admin@demo.carmarket.local";
    String adminPassword = "Control-2026!";
    /** Keys of the in-process measurements to run (see {@link InProcessMeasurements}); empty: none. */
    List<String> inProcess = InProcessMeasurements.keys();

    static Options parse(String[] args) {
        Options options = new Options();
        for (int i = 0; i < args.length; i++) {
            String name = args[i];
            String value = i + 1 < args.length ? args[i + 1] : null;
            switch (name) {
                case "--base-url" -> options.baseUrl = value;
                case "--start-standalone" -> options.standaloneJar = value;
                case "--server-pid" -> options.serverPid = Long.parseLong(value);
                case "--runs" -> options.runs = Integer.parseInt(value);
                case "--cars" -> options.cars = Integer.parseInt(value);
                case "--customers" -> options.customers = Integer.parseInt(value);
                case "--clients" -> options.clientCounts = List.of(value.split(",")).stream()
                        .map(String::trim).map(Integer::parseInt).toList();
                case "--hot-clients" -> options.hotClients = Integer.parseInt(value);
                case "--warmup-seconds" -> options.warmupSeconds = Integer.parseInt(value);
                case "--duration-seconds" -> options.durationSeconds = Integer.parseInt(value);
                case "--max-commands" -> options.maxCommands = Long.parseLong(value);
                case "--lag-poll-ms" -> options.lagPollMillis = Long.parseLong(value);
                case "--lag-probes" -> options.lagProbes = Integer.parseInt(value);
                case "--request-timeout-seconds" -> options.requestTimeoutSeconds = Integer.parseInt(value);
                case "--markdown" -> options.markdown = value;
                case "--results-dir" -> options.resultsDir = value;
                case "--server-jvm-arg" -> options.serverJvmArgs.add(value);
                case "--in-process" -> options.inProcess = "none".equals(value) ? List.of()
                        : List.of(value.split(",")).stream().map(String::trim).toList();
                case "--audit-only" -> {
                    options.auditOnly = true;
                    i--;
                }
                case "--skip-audit" -> {
                    options.audit = false;
                    i--;
                }
                case "--audit-events" -> options.auditEvents = Long.parseLong(value);
                case "--audit-clients" -> options.auditClients = Integer.parseInt(value);
                case "--audit-top-up-seconds" -> options.auditTopUpSeconds = Integer.parseInt(value);
                case "--audit-samples" -> options.auditSamples = Integer.parseInt(value);
                case "--audit-catch-up-seconds" -> options.auditCatchUpSeconds = Integer.parseInt(value);
                case "--audit-replay-seconds" -> options.auditReplaySeconds = Integer.parseInt(value);
                case "--admin-email" -> options.adminEmail = value;
                case "--admin-password" -> options.adminPassword = value;
                case "--skip-http" -> {
                    options.http = false;
                    i--;
                }
                case "--help", "-h" -> {
                    System.out.println(USAGE);
                    System.exit(0);
                }
                default -> throw new IllegalArgumentException("unknown option " + name + "\n" + USAGE);
            }
            i++;
        }
        if (options.durationSeconds > 600 || options.warmupSeconds > 120) {
            throw new IllegalArgumentException("a phase is bounded: --duration-seconds <= 600, --warmup-seconds <= 120");
        }
        if (options.auditOnly && !options.audit) {
            throw new IllegalArgumentException("--audit-only and --skip-audit exclude each other");
        }
        if (options.auditTopUpSeconds > MAX_AUDIT_PHASE_SECONDS || options.auditCatchUpSeconds > MAX_AUDIT_PHASE_SECONDS
                || options.auditReplaySeconds > MAX_AUDIT_PHASE_SECONDS || options.auditSamples > MAX_AUDIT_SAMPLES) {
            throw new IllegalArgumentException("measurement 8 is bounded: --audit-top-up-seconds, "
                    + "--audit-catch-up-seconds, --audit-replay-seconds <= " + MAX_AUDIT_PHASE_SECONDS
                    + ", --audit-samples <= " + MAX_AUDIT_SAMPLES);
        }
        return options;
    }

    /** Upper bounds of measurement 8's phases (its top-up to 100k events is the longest phase of the harness). */
    static final int MAX_AUDIT_PHASE_SECONDS = 3600;
    static final int MAX_AUDIT_SAMPLES = 10_000;

    static final String USAGE = """
            java -jar benchmark/target/carmarket-benchmark.jar [options]
              --base-url URL            system under test (default http://localhost:8080)
              --start-standalone JAR    start this standalone jar per run instead (fresh data dir, free port,
                                        login limit raised) and measure start-up time and resident memory
              --server-pid PID          with --base-url: read the server's VmRSS from /proc/PID/status
              --runs N                  repeated runs, median reported (default 3)
              --cars N                  cars listed per run (default 1000)
              --customers N             customer accounts (tokens) shared by the clients (default 16)
              --clients 32,128          client counts of the booking load
              --hot-clients N           clients racing on one car (default 64)
              --warmup-seconds S        per phase, not recorded (default 5)
              --duration-seconds S      measured window per phase (default 20, at most 600)
              --max-commands N          hard bound on commands per phase, warm-up included (default 200000)
              --lag-poll-ms MS          first poll interval of a projection-lag probe (default 5)
              --lag-probes N            concurrent projection-lag probes (default 8)
              --request-timeout-seconds S   a command without an answer by then counts as "no answer" (default 10)
              --server-jvm-arg ARG      JVM option for a started standalone (repeatable)
              --in-process 4,5,7        in-process measurements to run after the HTTP ones, each --runs times
                                        (default: all; "none": none)
              --skip-http               only the in-process measurements
              --audit-only              HTTP runs: setup and measurement 8 only (no booking loads 1, 2, 3)
              --skip-audit              HTTP runs: no measurement 8
              --audit-events N          measurement 8: top the event store up to N events (default 100000)
              --audit-clients N         measurement 8: clients booking and cancelling for the top-up (default 16)
              --audit-top-up-seconds S  measurement 8: bound of the top-up (default 1800, at most 3600)
              --audit-samples N         measurement 8: measured requests per audit endpoint (default 200)
              --audit-catch-up-seconds S  bound of the wait for the projections after the top-up (default 1800)
              --audit-replay-seconds S  bound of the car-search replay (default 600)
              --admin-email E, --admin-password P   the admin account; a started standalone gets them as
                                        CARMARKET_ADMIN_EMAIL/PASSWORD (default: the standalone's demo admin)
              --markdown FILE           table written between the result markers (default docs/benchmarks.md)
              --results-dir DIR         JSON results (default benchmark/results)
            """;
}
