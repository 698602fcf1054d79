package io.carmarket.standalone;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.carmarket.standalone.CarMarketClient.Session;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpMethod;
import org.springframework.http.ResponseEntity;

import java.io.IOException;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * Kills the standalone with SIGKILL right after writes it acknowledged, and starts it again on the same data
 * directory: every one of them is there (docs/architecture.md D35). The standalone runs as a process of its own, so
 * that the kill is a real one: no shutdown hook, no final commit.
 */
class KillNineSurvivalTest {

    private static final Duration START_TIMEOUT = Duration.ofSeconds(120);
    private static final int ACCOUNTS = 10;
    private static final String KEY_HEADER = "Idempotency-Key";

    @TempDir
    Path dataDir;

    private final LocalDate today = LocalDate.now(ZoneId.of("Europe/Berlin"));
    private final ObjectMapper json = new ObjectMapper();

    @Test
    void what_was_acknowledged_right_before_a_kill_9_is_all_there_after_the_restart() throws Exception {
        List<Session> accounts = new ArrayList<>();
        String carId;
        String idempotencyKey = UUID.randomUUID().toString();
        ResponseEntity<JsonNode> firstAnswer;
        Session customer;
        String revokedRefreshToken;
        try (StandaloneProcess first = StandaloneProcess.start(dataDir)) {
            CarMarketClient client = new CarMarketClient(first.port());
            for (int i = 0; i < ACCOUNTS; i++) {
                accounts.add(client.newUser("CUSTOMER"));
            }
            CarMarketClient dealer = client.as(client.newUser("DEALER"));
            carId = dealer.listCar(client.carListing("KillNine"));
            customer = client.newUser("CUSTOMER");
            firstAnswer = bookWithKey(client.as(customer), carId, idempotencyKey);
            assertThat(firstAnswer.getStatusCode().value()).isEqualTo(201);
            Session leaving = accounts.get(0);
            revokedRefreshToken = leaving.refreshToken();
            assertThat(client.post("/auth/logout", Map.of("refreshToken", revokedRefreshToken))
                    .getStatusCode().value()).isEqualTo(204);

            first.killNine();
        }

        try (StandaloneProcess second = StandaloneProcess.start(dataDir)) {
            CarMarketClient client = new CarMarketClient(second.port());
            for (Session account : accounts) {
                assertThat(client.login(account.email(), account.password()).userId())
                        .as("account %s", account.email()).isEqualTo(account.userId());
            }
            assertThat(client.post("/auth/refresh", Map.of("refreshToken", revokedRefreshToken))
                    .getStatusCode().value()).as("a revoked session stays revoked").isEqualTo(401);

            ResponseEntity<JsonNode> retry = bookWithKey(client.as(customer), carId, idempotencyKey);
            assertThat(retry.getStatusCode().value()).isEqualTo(201);
            assertThat(retry.getHeaders().getFirst("Idempotent-Replayed")).isEqualTo("true");
            assertThat(retry.getBody()).isEqualTo(firstAnswer.getBody());

            ResponseEntity<JsonNode> overlapping = client.as(customer).book(carId, today.plusDays(31),
                    today.plusDays(32));
            assertThat(overlapping.getStatusCode().value()).as("the booking's event is in the store").isEqualTo(409);
            await().atMost(Duration.ofSeconds(30)).untilAsserted(() ->
                    assertThat(client.get("/cars/" + carId).getBody().get("bookedPeriods"))
                            .as("the read model has the booking, once").hasSize(1));
        }
    }

    private ResponseEntity<JsonNode> bookWithKey(CarMarketClient as, String carId, String key) {
        HttpHeaders headers = new HttpHeaders();
        headers.set(KEY_HEADER, key);
        return as.exchange(HttpMethod.POST, "/cars/" + carId + "/bookings", json.createObjectNode()
                .put("startDate", today.plusDays(30).toString())
                .put("endDate", today.plusDays(33).toString()), headers);
    }

    /** The standalone started with this test's classpath in a JVM of its own, on a free port. */
    private static final class StandaloneProcess implements AutoCloseable {

        private final Process process;
        private final int port;

        private StandaloneProcess(Process process, int port) {
            this.process = process;
            this.port = port;
        }

        static StandaloneProcess start(Path dataDir) throws IOException, InterruptedException {
            int port = freePort();
            String java = ProcessHandle.current().info().command().orElse("java");
            Process process = new ProcessBuilder(java, "-cp", System.getProperty("java.class.path"),
                    StandaloneApplication.class.getName(), "--spring.profiles.active=test",
                    "--server.port=" + port, "--carmarket.data-dir=" + dataDir)
                    .redirectErrorStream(true)
                    .redirectOutput(ProcessBuilder.Redirect.appendTo(dataDir.resolveSibling(
                            dataDir.getFileName() + "-standalone.log").toFile()))
                    .start();
            StandaloneProcess standalone = new StandaloneProcess(process, port);
            standalone.awaitHealthy();
            return standalone;
        }

        int port() {
            return port;
        }

        /** SIGKILL: the process gets no chance to flush or close anything. */
        void killNine() throws InterruptedException {
            process.destroyForcibly();
            assertThat(process.waitFor(30, TimeUnit.SECONDS)).isTrue();
        }

        @Override
        public void close() throws InterruptedException {
            if (process.isAlive()) {
                process.destroy();
                if (!process.waitFor(30, TimeUnit.SECONDS)) {
                    process.destroyForcibly();
                }
            }
        }

        private void awaitHealthy() throws InterruptedException {
            HttpClient http = HttpClient.newHttpClient();
            HttpRequest health = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + "/actuator/health"))
                    .timeout(Duration.ofSeconds(2)).build();
            Instant deadline = Instant.now().plus(START_TIMEOUT);
            while (Instant.now().isBefore(deadline)) {
                if (!process.isAlive()) {
                    throw new IllegalStateException("The standalone exited at start with " + process.exitValue());
                }
                try {
                    if (http.send(health, HttpResponse.BodyHandlers.discarding()).statusCode() == 200) {
                        return;
                    }
                } catch (IOException notYetListening) {
                    // starting
                }
                Thread.sleep(250);
            }
            throw new IllegalStateException("The standalone did not become healthy within " + START_TIMEOUT);
        }

        private static int freePort() throws IOException {
            try (ServerSocket socket = new ServerSocket(0)) {
                return socket.getLocalPort();
            }
        }
    }
}
