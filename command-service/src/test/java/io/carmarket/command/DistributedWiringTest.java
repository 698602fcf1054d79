package io.carmarket.command;

import com.fasterxml.jackson.databind.JsonNode;
import de.bwaldvogel.mongo.MongoServer;
import de.bwaldvogel.mongo.backend.memory.MemoryBackend;
import io.carmarket.api.identity.Role;
import io.carmarket.command.common.RefusalsChangeNothing;
import io.carmarket.command.identity.UserAccount;
import org.axonframework.axonserver.connector.command.AxonServerCommandBus;
import org.axonframework.commandhandling.CommandBus;
import org.axonframework.commandhandling.SimpleCommandBus;
import org.axonframework.messaging.unitofwork.RollbackConfiguration;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.autoconfigure.web.ServerProperties;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.http.HttpEntity;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpMethod;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.test.annotation.DirtiesContext;
import org.springframework.test.context.ActiveProfiles;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.test.util.ReflectionTestUtils;

import java.net.InetSocketAddress;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.spec.ECGenParameterSpec;
import java.time.Instant;
import java.util.Base64;
import java.util.List;
import java.util.regex.Pattern;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.data.mongodb.core.query.Criteria.where;

/**
 * command-service as the distributed deployment starts it ({@code distributed} profile, no Axon Server reachable
 * here): commands go through Axon Server's command bus, and its local segment is the bus that commits refusals
 * (D37), so the distributed write side keeps cars cached through a 409 as the standalone does; forwarded headers are
 * believed only from the gateway's side of the network (D41).
 * <p>
 * And what it answers while Axon Server cannot be reached (D42): whatever needs Axon Server (a command, the event a
 * registration publishes, an aggregate's history) is 503 {@code EVENT_STORE_UNAVAILABLE} with {@code Retry-After},
 * never a 500; what needs only MongoDB (a login) still works; health names Axon Server as the dependency that is down.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT, properties = {
        "axon.axonserver.servers=127.0.0.1:1",
        "carmarket.web.unavailable.retry-after=7s"})
@ActiveProfiles("distributed")
// Closed after this class, while its MongoDB-wire server still runs: closed at the JVM's exit instead, the context
// waited for the server (stopped by then) until Surefire killed the fork. The server goes with the JVM.
@DirtiesContext
class DistributedWiringTest {

    private static final MongoServer MONGO = new MongoServer(new MemoryBackend());
    private static final InetSocketAddress MONGO_ADDRESS = MONGO.bind();
    private static final String PASSWORD = "a long enough passphrase 42";

    @Autowired
    CommandBus commandBus;

    @Autowired
    ServerProperties server;

    @Autowired
    TestRestTemplate http;

    @Autowired
    MongoTemplate mongo;

    @Autowired
    PasswordEncoder passwordEncoder;

    /** What the environment supplies in the distributed deployment: a MongoDB and a fresh signing key pair. */
    @DynamicPropertySource
    static void environment(DynamicPropertyRegistry registry) throws Exception {
        registry.add("spring.data.mongodb.uri", () -> "mongodb://" + MONGO_ADDRESS.getHostString() + ":"
                + MONGO_ADDRESS.getPort() + "/carmarket");
        KeyPairGenerator generator = KeyPairGenerator.getInstance("EC");
        generator.initialize(new ECGenParameterSpec("secp256r1"));
        KeyPair keys = generator.generateKeyPair();
        registry.add("carmarket.security.jwt.public-key",
                () -> Base64.getEncoder().encodeToString(keys.getPublic().getEncoded()));
        registry.add("carmarket.security.jwt.private-key",
                () -> Base64.getEncoder().encodeToString(keys.getPrivate().getEncoded()));
    }

    @Test
    void commands_go_through_axon_server_to_the_local_bus_that_commits_refusals() {
        assertThat(commandBus).isInstanceOf(AxonServerCommandBus.class);
        CommandBus localSegment = ((AxonServerCommandBus) commandBus).localSegment();
        assertThat(localSegment).isInstanceOf(SimpleCommandBus.class);
        RollbackConfiguration rollback = (RollbackConfiguration)
                ReflectionTestUtils.getField(localSegment, "rollbackConfiguration");
        assertThat(rollback).isSameAs(RefusalsChangeNothing.ROLLBACK_UNLESS_REFUSED);
    }

    @Test
    void forwarded_headers_are_believed_from_loopback_and_private_addresses_only() {
        assertThat(server.getForwardHeadersStrategy()).isEqualTo(ServerProperties.ForwardHeadersStrategy.NATIVE);
        Pattern trusted = Pattern.compile(server.getTomcat().getRemoteip().getInternalProxies());

        assertThat(List.of("127.0.0.1", "10.0.3.7", "172.18.0.5", "172.31.255.1", "192.168.1.20", "0:0:0:0:0:0:0:1",
                "fd12:3456:789a:1:0:0:0:1")).allMatch(address -> trusted.matcher(address).matches());
        assertThat(List.of("203.0.113.7", "8.8.8.8", "172.32.0.1", "172.15.0.1", "100.64.0.1", "11.0.0.1",
                "2001:db8:0:0:0:0:0:1")).noneMatch(address -> trusted.matcher(address).matches());
    }

    // ---- Axon Server cannot be reached

    @Test
    void a_login_needs_only_mongodb_and_keeps_working() {
        String email = existingUser(Role.DEALER);

        ResponseEntity<JsonNode> login = http.postForEntity("/api/v1/auth/login",
                Map.of("email", email, "password", PASSWORD), JsonNode.class);

        assertThat(login.getStatusCode().value()).isEqualTo(200);
        assertThat(login.getBody().get("accessToken").asText()).isNotBlank();
    }

    @Test
    void a_command_answers_503_event_store_unavailable_with_the_configured_retry_after() {
        String token = accessTokenOf(existingUser(Role.DEALER));

        ResponseEntity<JsonNode> listing = exchange(HttpMethod.POST, "/api/v1/cars", token, carListing());

        assertEventStoreUnavailable(listing);
    }

    @Test
    void a_registration_answers_503_and_leaves_no_account_behind_so_that_a_retry_can_succeed() {
        String email = "new-" + UUID.randomUUID() + "@example.com";

        ResponseEntity<JsonNode> registration = http.postForEntity("/api/v1/auth/register",
                Map.of("email", email, "password", PASSWORD, "name", "New Customer", "role", "CUSTOMER"),
                JsonNode.class);

        assertEventStoreUnavailable(registration);
        assertThat(mongo.exists(Query.query(where("emailKey").is(email)), UserAccount.class))
                .as("the account is removed again: its UserRegistered event could not be stored").isFalse();
    }

    @Test
    void an_aggregates_history_is_read_from_the_event_store_and_answers_503() {
        String token = accessTokenOf(existingUser(Role.AUDITOR));

        ResponseEntity<JsonNode> history = exchange(HttpMethod.GET,
                "/api/v1/audit/aggregates/" + UUID.randomUUID() + "/events", token, null);

        assertEventStoreUnavailable(history);
    }

    @Test
    void health_names_axon_server_as_down_while_readiness_stays_up_on_mongodb() {
        ResponseEntity<JsonNode> health = http.getForEntity("/actuator/health", JsonNode.class);
        ResponseEntity<JsonNode> readiness = http.getForEntity("/actuator/health/readiness", JsonNode.class);

        assertThat(health.getStatusCode().value()).isEqualTo(503);
        assertThat(health.getBody().at("/components/axonServer/status").asText()).isEqualTo("DOWN");
        assertThat(health.getBody().at("/components/mongo/status").asText()).isEqualTo("UP");
        assertThat(readiness.getStatusCode().value())
                .as("logins and sessions still work, and commands answer 503 with Retry-After").isEqualTo(200);
        assertThat(readiness.getBody().at("/components/mongo/status").asText()).isEqualTo("UP");
        assertThat(readiness.getBody().at("/components/axonServer").isMissingNode()).isTrue();
    }

    private void assertEventStoreUnavailable(ResponseEntity<JsonNode> response) {
        assertThat(response.getStatusCode().value()).isEqualTo(503);
        assertThat(response.getHeaders().getContentType()).isEqualTo(MediaType.APPLICATION_PROBLEM_JSON);
        assertThat(response.getHeaders().getFirst(HttpHeaders.RETRY_AFTER)).isEqualTo("7");
        JsonNode problem = response.getBody();
        assertThat(problem.get("code").asText()).isEqualTo("EVENT_STORE_UNAVAILABLE");
        assertThat(problem.get("status").asInt()).isEqualTo(503);
        assertThat(problem.get("correlationId").asText()).isNotBlank();
        assertThat(problem.toString()).as("no exception, class or stack frame reaches the client")
                .doesNotContain("Exception", "axon", "grpc", "at org.");
    }

    /** An account as registration leaves it, written straight to MongoDB (registering needs Axon Server). */
    private String existingUser(Role role) {
        String email = role.name().toLowerCase(Locale.ROOT) + "-" + UUID.randomUUID() + "@example.com";
        mongo.insert(new UserAccount(UUID.randomUUID().toString(), email, email, passwordEncoder.encode(PASSWORD),
                "Existing User", role, Instant.now()));
        return email;
    }

    private String accessTokenOf(String email) {
        JsonNode session = http.postForObject("/api/v1/auth/login", Map.of("email", email, "password", PASSWORD),
                JsonNode.class);
        return session.get("accessToken").asText();
    }

    private ResponseEntity<JsonNode> exchange(HttpMethod method, String path, String token, Object body) {
        HttpHeaders headers = new HttpHeaders();
        headers.setBearerAuth(token);
        if (body != null) {
            headers.setContentType(MediaType.APPLICATION_JSON);
        }
        return http.exchange(path, method, new HttpEntity<>(body, headers), JsonNode.class);
    }

    private static Map<String, Object> carListing() {
        return Map.ofEntries(
                Map.entry("make", "Volkswagen"), Map.entry("model", "Golf"), Map.entry("year", 2022),
                Map.entry("bodyType", "HATCHBACK"), Map.entry("transmission", "MANUAL"),
                Map.entry("fuelType", "PETROL"), Map.entry("mileage", 25000), Map.entry("seats", 5),
                Map.entry("vin", "WVWZZZCDZNW000042"), Map.entry("licensePlate", "B-XY 123"),
                Map.entry("dailyRate", 49.50), Map.entry("currency", "EUR"),
                Map.entry("location", Map.of("city", "Berlin", "timeZone", "Europe/Berlin")));
    }
}
