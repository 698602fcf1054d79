package io.carmarket.query;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import de.bwaldvogel.mongo.MongoServer;
import de.bwaldvogel.mongo.backend.memory.MemoryBackend;
import io.carmarket.api.identity.Role;
import io.carmarket.query.search.ListedCars;
import io.carmarket.support.security.TokenClaims;
import io.jsonwebtoken.Jwts;
import org.axonframework.axonserver.connector.query.AxonServerQueryBus;
import org.axonframework.queryhandling.QueryBus;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.http.HttpEntity;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpMethod;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.test.annotation.DirtiesContext;
import org.springframework.test.context.ActiveProfiles;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.test.util.ReflectionTestUtils;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.spec.ECGenParameterSpec;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Base64;
import java.util.Date;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * query-service as the distributed deployment starts it ({@code distributed} profile), while Axon Server cannot be
 * reached (none runs here) and MongoDB can (an in-memory MongoDB-wire server). D42: the reads are answered on this
 * instance from MongoDB, point-to-point queries never leave it; subscription queries still go through Axon Server
 * (so that a dashboard update crosses instances when it is up), and a dashboard stream serves its first state from
 * the read model and then says that live updates are paused. Health names Axon Server as the dependency that is
 * down; the instance stays ready.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT, properties = {
        "axon.axonserver.servers=127.0.0.1:1",
        "carmarket.dashboards.heartbeat-interval=200ms",
        "carmarket.web.unavailable.retry-after=7s"})
@ActiveProfiles("distributed")
// Closed after this class, while its MongoDB-wire server still runs: closed at the JVM's exit instead, the context
// waited for the server (stopped by then) until Surefire killed the fork. The server goes with the JVM.
@DirtiesContext
class DistributedWiringTest {

    private static final MongoServer MONGO = new MongoServer(new MemoryBackend());
    private static final InetSocketAddress MONGO_ADDRESS = MONGO.bind();
    private static final KeyPair KEYS = signingKeys();
    /** "At once": one read of the dashboard, on a machine shared with other builds. */
    private static final Duration AT_ONCE = Duration.ofSeconds(5);

    @LocalServerPort
    int port;

    @Autowired
    TestRestTemplate http;

    @Autowired
    MongoTemplate mongoTemplate;

    @Autowired
    QueryBus queryBus;

    @Autowired
    ObjectMapper json;

    private final List<EventStream> opened = new ArrayList<>();

    @DynamicPropertySource
    static void environment(DynamicPropertyRegistry registry) {
        registry.add("spring.data.mongodb.uri", () -> "mongodb://" + MONGO_ADDRESS.getHostString() + ":"
                + MONGO_ADDRESS.getPort() + "/carmarket");
        registry.add("carmarket.security.jwt.public-key",
                () -> Base64.getEncoder().encodeToString(KEYS.getPublic().getEncoded()));
    }

    @AfterEach
    void closeStreams() {
        opened.forEach(EventStream::close);
    }

    @Test
    void point_to_point_queries_stay_on_this_instance_and_subscription_queries_go_through_axon_server() {
        assertThat(queryBus).isInstanceOf(AxonServerQueryBus.class);
        assertThat(ReflectionTestUtils.getField(queryBus, "localSegmentShortCut"))
                .as("queries with a handler here are handled here").isEqualTo(true);
    }

    @Test
    void a_car_page_and_a_search_are_answered_from_mongodb() {
        String carId = UUID.randomUUID().toString();
        ListedCars.list(mongoTemplate, carId, "Skoda");

        ResponseEntity<JsonNode> page = http.getForEntity("/api/v1/cars/" + carId, JsonNode.class);
        ResponseEntity<JsonNode> search = http.getForEntity("/api/v1/cars?make=Skoda", JsonNode.class);

        assertThat(page.getStatusCode().value()).isEqualTo(200);
        assertThat(page.getBody().at("/description/make").asText()).isEqualTo("Skoda");
        assertThat(search.getStatusCode().value()).isEqualTo(200);
        assertThat(search.getBody().get("items").findValuesAsText("carId")).containsExactly(carId);
    }

    @Test
    void a_dashboard_read_is_answered_from_mongodb() {
        String dealerId = UUID.randomUUID().toString();

        ResponseEntity<JsonNode> dashboard = http.exchange("/api/v1/dashboards/dealer", HttpMethod.GET,
                new HttpEntity<>(bearer(dealerId, Role.DEALER)), JsonNode.class);

        assertThat(dashboard.getStatusCode().value()).isEqualTo(200);
        assertThat(dashboard.getBody().get("dealerId").asText()).isEqualTo(dealerId);
    }

    @Test
    void a_dashboard_stream_serves_the_first_state_from_mongodb_then_says_live_updates_are_paused() {
        String dealerId = UUID.randomUUID().toString();
        JsonNode current = http.exchange("/api/v1/dashboards/dealer", HttpMethod.GET,
                new HttpEntity<>(bearer(dealerId, Role.DEALER)), JsonNode.class).getBody();

        EventStream stream = open("/api/v1/dashboards/dealer/stream", dealerId, Role.DEALER);

        assertThat(stream.status).isEqualTo(200);
        Event first = stream.next(AT_ONCE);
        assertThat(first.name()).isEqualTo("dashboard");
        assertThat(first.id()).isEqualTo(current.get("position").asText());
        assertThat(json(first)).as("the whole dashboard, as GET answers it").isEqualTo(current);
        Event degraded = stream.next(AT_ONCE);
        assertThat(degraded.name()).isEqualTo("degraded");
        assertThat(degraded.id()).as("the position stays the dashboard's").isNull();
        assertThat(json(degraded).get("liveUpdates").asText()).isEqualTo("PAUSED");
        assertThat(json(degraded).get("code").asText()).isEqualTo("EVENT_STORE_UNAVAILABLE");
        assertThat(stream.comment(AT_ONCE)).as("still open: heartbeats go on").isEqualTo("heartbeat");
    }

    @Test
    void a_replay_needs_the_event_stores_head_and_answers_503_with_retry_after_while_the_overview_still_answers() {
        HttpEntity<Void> asAdmin = new HttpEntity<>(bearer(UUID.randomUUID().toString(), Role.ADMIN));

        ResponseEntity<JsonNode> replay = http.exchange("/api/v1/admin/projections/car-search/replay",
                HttpMethod.POST, asAdmin, JsonNode.class);
        ResponseEntity<JsonNode> overview = http.exchange("/api/v1/admin/projections", HttpMethod.GET, asAdmin,
                JsonNode.class);

        assertThat(replay.getStatusCode().value()).isEqualTo(503);
        assertThat(replay.getHeaders().getContentType()).isEqualTo(MediaType.APPLICATION_PROBLEM_JSON);
        assertThat(replay.getHeaders().getFirst(HttpHeaders.RETRY_AFTER)).isEqualTo("7");
        assertThat(replay.getBody().get("code").asText()).isEqualTo("EVENT_STORE_UNAVAILABLE");
        assertThat(overview.getStatusCode().value()).as("the last known positions, from memory").isEqualTo(200);
    }

    @Test
    void health_names_axon_server_as_down_while_the_instance_stays_ready_for_reads() {
        ResponseEntity<JsonNode> health = http.getForEntity("/actuator/health", JsonNode.class);
        ResponseEntity<JsonNode> readiness = http.getForEntity("/actuator/health/readiness", JsonNode.class);

        assertThat(health.getStatusCode().value()).isEqualTo(503);
        assertThat(health.getBody().at("/components/axonServer/status").asText()).isEqualTo("DOWN");
        assertThat(health.getBody().at("/components/mongo/status").asText()).isEqualTo("UP");
        assertThat(readiness.getStatusCode().value()).isEqualTo(200);
        assertThat(readiness.getBody().at("/components/mongo/status").asText()).isEqualTo("UP");
    }

    private JsonNode json(Event event) {
        try {
            return json.readTree(event.data());
        } catch (IOException notJson) {
            throw new UncheckedIOException(notJson);
        }
    }

    private static HttpHeaders bearer(String userId, Role role) {
        HttpHeaders headers = new HttpHeaders();
        headers.setBearerAuth(accessToken(userId, role));
        return headers;
    }

    /** An access token as command-service issues it, signed with the key pair whose public half is configured. */
    private static String accessToken(String userId, Role role) {
        Instant now = Instant.now();
        return Jwts.builder()
                .issuer("carmarket")
                .subject(userId)
                .audience().add("carmarket-api").and()
                .id(UUID.randomUUID().toString())
                .issuedAt(Date.from(now))
                .expiration(Date.from(now.plus(Duration.ofMinutes(5))))
                .claim(TokenClaims.TOKEN_USE, TokenClaims.ACCESS)
                .claim(TokenClaims.ROLE, role.name())
                .signWith(KEYS.getPrivate(), Jwts.SIG.ES256)
                .compact();
    }

    private static KeyPair signingKeys() {
        try {
            KeyPairGenerator generator = KeyPairGenerator.getInstance("EC");
            generator.initialize(new ECGenParameterSpec("secp256r1"));
            return generator.generateKeyPair();
        } catch (java.security.GeneralSecurityException unavailable) {
            throw new IllegalStateException(unavailable);
        }
    }

    private EventStream open(String path, String userId, Role role) {
        HttpRequest request = HttpRequest.newBuilder(URI.create("http://localhost:" + port + path))
                .header(HttpHeaders.AUTHORIZATION, "Bearer " + accessToken(userId, role))
                .header(HttpHeaders.ACCEPT, MediaType.TEXT_EVENT_STREAM_VALUE)
                .GET().build();
        try {
            HttpResponse<InputStream> response = HttpClient.newHttpClient()
                    .send(request, HttpResponse.BodyHandlers.ofInputStream());
            EventStream stream = new EventStream(response);
            opened.add(stream);
            return stream;
        } catch (IOException failed) {
            throw new UncheckedIOException(failed);
        } catch (InterruptedException interrupted) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(interrupted);
        }
    }

    /** One Server-Sent Event: its name, id (null when it has none) and data. */
    private record Event(String name, String id, String data) {
    }

    /** The lines of an event stream, read on a thread of their own so that a test can wait for them with a limit. */
    private static final class EventStream {

        private final int status;
        private final InputStream body;
        private final BlockingQueue<String> lines = new LinkedBlockingQueue<>();

        EventStream(HttpResponse<InputStream> response) {
            this.status = response.statusCode();
            this.body = response.body();
            Thread reader = new Thread(() -> {
                try (BufferedReader in = new BufferedReader(new InputStreamReader(body, StandardCharsets.UTF_8))) {
                    for (String line = in.readLine(); line != null; line = in.readLine()) {
                        lines.add(line);
                    }
                } catch (IOException closed) {
                    // the test closed the stream
                }
            }, "sse-reader");
            reader.setDaemon(true);
            reader.start();
        }

        /** The next event, skipping comments. */
        Event next(Duration within) {
            String name = "message";
            String id = null;
            StringBuilder data = new StringBuilder();
            for (String line = line(within); ; line = line(within)) {
                if (line.isEmpty() && !data.isEmpty()) {
                    return new Event(name, id, data.toString());
                }
                if (line.startsWith("event:")) {
                    name = line.substring("event:".length()).trim();
                } else if (line.startsWith("id:")) {
                    id = line.substring("id:".length()).trim();
                } else if (line.startsWith("data:")) {
                    data.append(line.substring("data:".length()));
                }
            }
        }

        /** The next comment line's text. */
        String comment(Duration within) {
            for (String line = line(within); ; line = line(within)) {
                if (line.startsWith(":")) {
                    return line.substring(1).trim();
                }
            }
        }

        private String line(Duration within) {
            try {
                String line = lines.poll(within.toMillis(), TimeUnit.MILLISECONDS);
                assertThat(line).as("a line of the stream within " + within).isNotNull();
                return line;
            } catch (InterruptedException interrupted) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException(interrupted);
            }
        }

        void close() {
            try {
                body.close();
            } catch (IOException ignored) {
                // closing anyway
            }
        }
    }
}
