package io.carmarket.standalone;

import java.io.IOException;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The standalone started with the tests' classpath in a JVM of its own, in the test profile, on free ports (its HTTP
 * port and its embedded MongoDB's), so that a test can kill it for real and start it again on the same data
 * directory. Its output is appended to {@code <data dir>-standalone.log} beside the data directory.
 */
final class StandaloneProcess implements AutoCloseable {

    private static final Duration START_TIMEOUT = Duration.ofSeconds(120);
    private static final Duration STOP_TIMEOUT = Duration.ofSeconds(30);
    private static final Duration HEALTH_POLL_INTERVAL = Duration.ofMillis(250);
    private static final Duration HEALTH_REQUEST_TIMEOUT = Duration.ofSeconds(2);
    private static final int HTTP_OK = 200;

    private final Process process;
    private final int port;
    private final int mongoPort;

    private StandaloneProcess(Process process, int port, int mongoPort) {
        this.process = process;
        this.port = port;
        this.mongoPort = mongoPort;
    }

    /**
     * Starts it and waits until it is healthy.
     *
     * @param properties Spring properties for this process, on top of the test profile (name to value)
     */
    static StandaloneProcess start(Path dataDir, Map<String, String> properties)
            throws IOException, InterruptedException {
        int port = freePort();
        int mongoPort = freePort();
        String java = ProcessHandle.current().info().command().orElse("java");
        List<String> command = new ArrayList<>(List.of(java, "-cp", System.getProperty("java.class.path"),
                StandaloneApplication.class.getName(), "--spring.profiles.active=test",
                "--server.port=" + port, "--carmarket.embedded-mongo.port=" + mongoPort,
                "--carmarket.data-dir=" + dataDir));
        properties.forEach((name, value) -> command.add("--" + name + "=" + value));
        Process process = new ProcessBuilder(command)
                .redirectErrorStream(true)
                .redirectOutput(ProcessBuilder.Redirect.appendTo(dataDir.resolveSibling(
                        dataDir.getFileName() + "-standalone.log").toFile()))
                .start();
        StandaloneProcess standalone = new StandaloneProcess(process, port, mongoPort);
        try {
            standalone.awaitHealthy();
        } catch (RuntimeException | InterruptedException notStarted) {
            standalone.close();
            throw notStarted;
        }
        return standalone;
    }

    int port() {
        return port;
    }

    /** The port of its embedded MongoDB-wire server (on 127.0.0.1), for looking at what it stored. */
    int mongoPort() {
        return mongoPort;
    }

    /** SIGKILL: the process gets no chance to flush or close anything. */
    void killNine() throws InterruptedException {
        process.destroyForcibly();
        assertThat(process.waitFor(STOP_TIMEOUT.toSeconds(), TimeUnit.SECONDS)).isTrue();
    }

    @Override
    public void close() throws InterruptedException {
        if (process.isAlive()) {
            process.destroy();
            if (!process.waitFor(STOP_TIMEOUT.toSeconds(), TimeUnit.SECONDS)) {
                process.destroyForcibly();
            }
        }
    }

    private void awaitHealthy() throws InterruptedException {
        HttpClient http = HttpClient.newHttpClient();
        HttpRequest health = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + "/actuator/health"))
                .timeout(HEALTH_REQUEST_TIMEOUT).build();
        Instant deadline = Instant.now().plus(START_TIMEOUT);
        while (Instant.now().isBefore(deadline)) {
            if (!process.isAlive()) {
                throw new IllegalStateException("The standalone exited at start with " + process.exitValue());
            }
            try {
                if (http.send(health, HttpResponse.BodyHandlers.discarding()).statusCode() == HTTP_OK) {
                    return;
                }
            } catch (IOException notYetListening) {
                // starting
            }
            Thread.sleep(HEALTH_POLL_INTERVAL.toMillis());
        }
        throw new IllegalStateException("The standalone did not become healthy within " + START_TIMEOUT);
    }

    private static int freePort() throws IOException {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        }
    }
}
