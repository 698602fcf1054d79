package io.carmarket.benchmark.eventstore;

import org.axonframework.eventsourcing.eventstore.EmbeddedEventStore;

import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.regex.Pattern;

/**
 * Can an acknowledged append be lost when the process dies? A child JVM opens the standalone's event store and
 * appends one booking event per transaction, printing the count after each commit has returned (the moment the
 * standalone would answer 201). Once it has acknowledged {@link #ACKS_BEFORE_KILL} appends, the parent kills it with
 * SIGKILL, reads the acknowledgements still in the pipe (each was printed after its commit), reopens the store and
 * counts what is there. Lost = last acknowledged − stored. A power loss cannot be simulated here; whether a commit
 * reaches the disk is told by the fsync question (see {@link Durability}).
 */
public final class KillAfterCommits {

    private static final int ACKS_BEFORE_KILL = 3_000;
    private static final Duration CHILD_LIFETIME = Duration.ofSeconds(60);
    private static final Duration WAIT_FOR_EXIT = Duration.ofSeconds(30);
    private static final String CHILD_HEAP = "-Xmx256m";
    private static final Pattern ACK = Pattern.compile("[0-9]+");
    private static final String BOOT_LAUNCHER = "org.springframework.boot.loader.launch.PropertiesLauncher";

    private KillAfterCommits() {
    }

    /** The child: {@code <dataDir> <Durability>}; appends and acknowledges until killed (or its lifetime ends). */
    public static void main(String[] args) throws Exception {
        Path dataDir = Path.of(args[0]);
        Durability durability = Durability.valueOf(args[1]);
        PrintStream acks = new PrintStream(System.out, false, StandardCharsets.UTF_8);
        try (StandaloneEventStorage storage = StandaloneEventStorage.open(dataDir, durability)) {
            EmbeddedEventStore store = StandaloneEventStorage.eventStore(storage.storageEngine());
            BookingEvents events = new BookingEvents();
            long until = System.nanoTime() + CHILD_LIFETIME.toNanos();
            for (long acknowledged = 1; System.nanoTime() < until; acknowledged++) {
                AppendLoad.appendInOneTransaction(store, storage.transactionManager(), events, 1);
                acks.println(acknowledged);
                acks.flush();
            }
        }
    }

    /** One trial in a fresh directory: start the child, kill it, count. */
    static Map<String, Object> trial(Path dataDir, Durability durability, Path log) throws Exception {
        List<String> command = childCommand(dataDir, durability);
        Process child = new ProcessBuilder(command).redirectError(log.toFile()).start();
        long lastAck = 0;
        long killedAtAck;
        try (BufferedReader acks = new BufferedReader(new InputStreamReader(child.getInputStream(),
                StandardCharsets.UTF_8))) {
            String line;
            while (lastAck < ACKS_BEFORE_KILL && (line = acks.readLine()) != null) {
                lastAck = acknowledged(line, lastAck);
            }
            killedAtAck = lastAck;
            // SIGKILL through the handle: Process#destroyForcibly would also close the pipe still to be read
            child.toHandle().destroyForcibly();
            while ((line = acks.readLine()) != null) {
                lastAck = acknowledged(line, lastAck);
            }
        } finally {
            child.destroyForcibly();
            child.waitFor(WAIT_FOR_EXIT.toSeconds(), TimeUnit.SECONDS);
        }
        if (killedAtAck < ACKS_BEFORE_KILL) {
            throw new IllegalStateException("the appending child ended after " + lastAck + " acknowledgements, see "
                    + log);
        }
        long stored;
        try (StandaloneEventStorage reopened = StandaloneEventStorage.open(dataDir, durability)) {
            stored = reopened.domainEventCount();
        }
        Map<String, Object> result = new LinkedHashMap<>();
        result.put("killedAfterAcknowledged", killedAtAck);
        result.put("lastAcknowledged", lastAck);
        result.put("storedAfterRestart", stored);
        result.put("acknowledgedLost", Math.max(0, lastAck - stored));
        return result;
    }

    /** Log lines of the child may share its standard output; acknowledgements are the lines that are numbers. */
    private static long acknowledged(String line, long previous) {
        String trimmed = line.trim();
        return ACK.matcher(trimmed).matches() ? Long.parseLong(trimmed) : previous;
    }

    /**
     * The same Java and class path as this JVM. Started with {@code java -jar} the harness's classes sit inside
     * Spring Boot's executable jar, so the child goes through Spring Boot's launcher with {@code loader.main}.
     */
    private static List<String> childCommand(Path dataDir, Durability durability) {
        List<String> command = new ArrayList<>();
        command.add(ProcessHandle.current().info().command().orElse("java"));
        command.add(CHILD_HEAP);
        String repository = System.getProperty(StandaloneSettings.REPOSITORY_PROPERTY);
        if (repository != null) {
            command.add("-D" + StandaloneSettings.REPOSITORY_PROPERTY + "=" + repository);
        }
        command.add("-cp");
        command.add(System.getProperty("java.class.path"));
        if (KillAfterCommits.class.getClassLoader() == ClassLoader.getSystemClassLoader()) {
            command.add(KillAfterCommits.class.getName());
        } else {
            command.add("-Dloader.main=" + KillAfterCommits.class.getName());
            command.add(BOOT_LAUNCHER);
        }
        command.add(dataDir.toAbsolutePath().toString());
        command.add(durability.name());
        return command;
    }
}
