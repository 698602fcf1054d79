package io.carmarket.command.idempotency;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.mongodb.client.MongoClient;
import com.mongodb.client.MongoClients;
import de.bwaldvogel.mongo.MongoServer;
import de.bwaldvogel.mongo.backend.memory.MemoryBackend;
import io.carmarket.api.identity.Role;
import io.carmarket.command.idempotency.IdempotencyRecord.State;
import io.carmarket.support.security.AuthenticatedUser;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.ServletRequest;
import jakarta.servlet.ServletResponse;
import jakarta.servlet.http.HttpServletResponse;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.dao.DataAccessResourceFailureException;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.http.converter.json.Jackson2ObjectMapperBuilder;
import org.springframework.mock.web.MockHttpServletRequest;
import org.springframework.mock.web.MockHttpServletResponse;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.authority.SimpleGrantedAuthority;
import org.springframework.security.core.context.SecurityContextHolder;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** The filter's flow on mock servlet requests, with its records in the embedded MongoDB-wire server. */
class IdempotencyKeyFilterTest {

    private static final Instant NOW = Instant.parse("2030-01-01T12:00:00Z");
    private static final String PATH = "/api/v1/cars/car-1/bookings";
    private static final String BODY = "{\"startDate\":\"2030-06-01\",\"endDate\":\"2030-06-04\"}";

    private final ObjectMapper json = Jackson2ObjectMapperBuilder.json().build();
    private MongoServer server;
    private MongoClient client;
    private IdempotencyRecords records;
    private IdempotencyKeyFilter filter;
    private FakeController controller;

    @BeforeEach
    void setUp() {
        server = new MongoServer(new MemoryBackend());
        InetSocketAddress address = server.bind();
        client = MongoClients.create("mongodb://" + address.getHostString() + ":" + address.getPort());
        records = new IdempotencyRecords(new MongoTemplate(client, "filter-test"), properties(1024));
        filter = filterWith(records, 1024);
        controller = new FakeController(201);
        authenticateAs("user-1");
    }

    @AfterEach
    void tearDown() {
        SecurityContextHolder.clearContext();
        client.close();
        server.shutdownNow();
    }

    @Test
    void a_request_without_a_key_passes_untouched() throws Exception {
        MockHttpServletRequest request = post(PATH, BODY, null);

        run(request);

        assertThat(controller.requests).containsExactly(request);
        assertThat(records.byId("user-1:k")).isEmpty();
    }

    @Test
    void anonymous_requests_reads_and_auth_endpoints_pass_untouched() throws Exception {
        MockHttpServletRequest read = post(PATH, "", "k-1");
        read.setMethod("GET");
        MockHttpServletRequest login = post("/api/v1/auth/login", "{}", "k-2");
        MockHttpServletRequest logout = post("/api/v1/auth/logout", "{}", "k-3");
        run(read);
        run(login);
        run(logout);
        SecurityContextHolder.clearContext();
        MockHttpServletRequest anonymous = post(PATH, BODY, "k-4");
        run(anonymous);

        assertThat(controller.requests).containsExactly(read, login, logout, anonymous);
        assertThat(records.byId("user-1:k-1")).isEmpty();
        assertThat(records.byId("user-1:k-2")).isEmpty();
    }

    @Test
    void the_first_request_runs_with_its_body_and_its_answer_is_recorded() throws Exception {
        MockHttpServletResponse response = run(post(PATH, BODY, "key-1"));

        assertThat(controller.bodies).containsExactly(BODY);
        assertThat(response.getStatus()).isEqualTo(201);
        assertThat(response.getContentAsString()).isEqualTo("{\"bookingId\":\"b-1\"}");
        assertThat(response.getHeader("Location")).isEqualTo("/api/v1/bookings/b-1");
        assertThat(response.getHeader(IdempotencyKeys.REPLAYED_HEADER)).isNull();
        IdempotencyRecord stored = records.byId("user-1:key-1").orElseThrow();
        assertThat(stored.state()).isEqualTo(State.COMPLETED);
        assertThat(stored.responseStatus()).isEqualTo(201);
        assertThat(stored.responseContentType()).isEqualTo("application/json");
        assertThat(stored.responseLocation()).isEqualTo("/api/v1/bookings/b-1");
        assertThat(stored.responseBody()).isEqualTo("{\"bookingId\":\"b-1\"}");
    }

    @Test
    void the_controller_can_read_the_body_as_text_too() throws Exception {
        FilterChain readsText = (request, response) -> {
            controller.bodies.add(request.getReader().lines().reduce("", String::concat));
            ((HttpServletResponse) response).setStatus(200);
        };
        MockHttpServletRequest request = post(PATH, "{\"notes\":\"Grüße\"}", "key-1");

        filter.doFilter(request, new MockHttpServletResponse(), readsText);

        assertThat(controller.bodies).containsExactly("{\"notes\":\"Grüße\"}");
    }

    @Test
    void a_retry_gets_the_first_answer_without_running_again() throws Exception {
        run(post(PATH, BODY, "key-1"));

        MockHttpServletResponse replay = run(post(PATH, BODY, "key-1"));

        assertThat(controller.requests).hasSize(1);
        assertThat(replay.getStatus()).isEqualTo(201);
        assertThat(replay.getContentAsString()).isEqualTo("{\"bookingId\":\"b-1\"}");
        assertThat(replay.getContentType()).isEqualTo("application/json");
        assertThat(replay.getHeader("Location")).isEqualTo("/api/v1/bookings/b-1");
        assertThat(replay.getHeader(IdempotencyKeys.REPLAYED_HEADER)).isEqualTo("true");
    }

    @Test
    void a_refusal_is_the_first_answer_too() throws Exception {
        controller = new FakeController(409);
        run(post(PATH, BODY, "key-1"));

        MockHttpServletResponse replay = run(post(PATH, BODY, "key-1"));

        assertThat(controller.requests).hasSize(1);
        assertThat(replay.getStatus()).isEqualTo(409);
        assertThat(replay.getHeader(IdempotencyKeys.REPLAYED_HEADER)).isEqualTo("true");
    }

    @Test
    void the_same_key_for_another_request_is_refused_422() throws Exception {
        run(post(PATH, BODY, "key-1"));

        MockHttpServletResponse otherBody = run(post(PATH, BODY.replace("04", "05"), "key-1"));
        MockHttpServletResponse otherPath = run(post("/api/v1/cars/car-2/bookings", BODY, "key-1"));

        assertThat(controller.requests).hasSize(1);
        assertProblem(otherBody, 422, "IDEMPOTENCY_KEY_REUSED");
        assertProblem(otherPath, 422, "IDEMPOTENCY_KEY_REUSED");
    }

    @Test
    void a_retry_while_the_first_is_running_is_told_to_wait() throws Exception {
        String fingerprint = RequestFingerprint.of("POST", PATH, null, BODY.getBytes(StandardCharsets.UTF_8));
        records.claim("user-1", "key-1", fingerprint, NOW);

        MockHttpServletResponse response = run(post(PATH, BODY, "key-1"));

        assertThat(controller.requests).isEmpty();
        assertProblem(response, 409, "IDEMPOTENT_REQUEST_IN_PROGRESS");
        assertThat(response.getHeader("Retry-After")).isEqualTo("1");
    }

    @Test
    void a_server_failure_is_not_recorded_so_a_retry_runs_again() throws Exception {
        controller = new FakeController(503);
        run(post(PATH, BODY, "key-1"));
        assertThat(records.byId("user-1:key-1")).isEmpty();

        controller = new FakeController(201);
        MockHttpServletResponse retry = run(post(PATH, BODY, "key-1"));

        assertThat(controller.requests).hasSize(1);
        assertThat(retry.getStatus()).isEqualTo(201);
        assertThat(retry.getHeader(IdempotencyKeys.REPLAYED_HEADER)).isNull();
        assertThat(records.byId("user-1:key-1").orElseThrow().state()).isEqualTo(State.COMPLETED);
    }

    @Test
    void an_exception_releases_the_key_and_propagates() {
        FilterChain failing = (request, response) -> {
            throw new IllegalStateException("boom");
        };

        assertThatThrownBy(() -> filter.doFilter(post(PATH, BODY, "key-1"), new MockHttpServletResponse(), failing))
                .isInstanceOf(IllegalStateException.class);

        assertThat(records.byId("user-1:key-1")).isEmpty();
    }

    @Test
    void an_answer_left_to_the_error_page_is_not_recorded() throws Exception {
        FilterChain sendsError = (request, response) -> ((HttpServletResponse) response).sendError(404);

        MockHttpServletResponse response = new MockHttpServletResponse();
        filter.doFilter(post(PATH, BODY, "key-1"), response, sendsError);

        assertThat(response.getStatus()).isEqualTo(404);
        assertThat(records.byId("user-1:key-1")).isEmpty();
    }

    @Test
    void keys_of_different_users_do_not_meet() throws Exception {
        run(post(PATH, BODY, "key-1"));
        authenticateAs("user-2");

        MockHttpServletResponse response = run(post(PATH, BODY, "key-1"));

        assertThat(controller.requests).hasSize(2);
        assertThat(response.getContentAsString()).isEqualTo("{\"bookingId\":\"b-2\"}");
        assertThat(response.getHeader(IdempotencyKeys.REPLAYED_HEADER)).isNull();
    }

    @Test
    void an_invalid_or_repeated_key_is_refused_400() throws Exception {
        MockHttpServletResponse invalid = run(post(PATH, BODY, "not a key"));
        MockHttpServletRequest twoKeys = post(PATH, BODY, "key-1");
        twoKeys.addHeader(IdempotencyKeys.HEADER, "key-2");
        MockHttpServletResponse repeated = run(twoKeys);
        MockHttpServletResponse empty = run(post(PATH, BODY, ""));

        assertThat(controller.requests).isEmpty();
        assertProblem(invalid, 400, "IDEMPOTENCY_KEY_INVALID");
        assertProblem(repeated, 400, "IDEMPOTENCY_KEY_INVALID");
        assertProblem(empty, 400, "IDEMPOTENCY_KEY_INVALID");
    }

    @Test
    void a_body_over_the_limit_is_refused_413() throws Exception {
        filter = filterWith(records, 16);

        MockHttpServletResponse tooLarge = run(post(PATH, "x".repeat(17), "key-1"));
        MockHttpServletResponse atLimit = run(post(PATH, "x".repeat(16), "key-2"));

        assertProblem(tooLarge, 413, "PAYLOAD_TOO_LARGE");
        assertThat(atLimit.getStatus()).isEqualTo(201);
        assertThat(controller.bodies).containsExactly("x".repeat(16));
    }

    @Test
    void a_body_over_the_limit_without_content_length_is_refused_413() throws Exception {
        filter = filterWith(records, 16);
        MockHttpServletRequest chunked = new MockHttpServletRequest("POST", PATH) {
            @Override
            public long getContentLengthLong() {
                return -1;
            }
        };
        chunked.setContent("x".repeat(17).getBytes(StandardCharsets.UTF_8));
        chunked.addHeader(IdempotencyKeys.HEADER, "key-1");

        assertProblem(run(chunked), 413, "PAYLOAD_TOO_LARGE");
        assertThat(controller.requests).isEmpty();
    }

    @Test
    void when_the_records_cannot_be_reached_the_request_is_refused_503() throws Exception {
        IdempotencyRecords unreachable = new IdempotencyRecords(null, properties(1024)) {
            @Override
            Claim claim(String userId, String key, String fingerprint, Instant now) {
                throw new DataAccessResourceFailureException("MongoDB is down");
            }
        };
        filter = filterWith(unreachable, 1024);

        MockHttpServletResponse response = run(post(PATH, BODY, "key-1"));

        assertThat(controller.requests).isEmpty();
        assertProblem(response, 503, "IDEMPOTENCY_UNAVAILABLE");
    }

    private MockHttpServletResponse run(MockHttpServletRequest request) throws ServletException, IOException {
        MockHttpServletResponse response = new MockHttpServletResponse();
        filter.doFilter(request, response, controller);
        return response;
    }

    private void assertProblem(MockHttpServletResponse response, int status, String code) throws IOException {
        assertThat(response.getStatus()).isEqualTo(status);
        assertThat(response.getContentType()).isEqualTo("application/problem+json");
        JsonNode problem = json.readTree(response.getContentAsByteArray());
        assertThat(problem.get("code").asText()).isEqualTo(code);
        assertThat(problem.get("status").asInt()).isEqualTo(status);
    }

    private IdempotencyKeyFilter filterWith(IdempotencyRecords store, int maxBodyBytes) {
        return new IdempotencyKeyFilter(store, properties(maxBodyBytes), json, Clock.fixed(NOW, ZoneOffset.UTC));
    }

    private static IdempotencyProperties properties(int maxBodyBytes) {
        return new IdempotencyProperties(Duration.ofHours(24), maxBodyBytes, Duration.ofHours(1),
                Duration.ofMinutes(2));
    }

    private static MockHttpServletRequest post(String path, String body, String key) {
        MockHttpServletRequest request = new MockHttpServletRequest("POST", path);
        request.setContentType("application/json");
        request.setCharacterEncoding("UTF-8");
        request.setContent(body.getBytes(StandardCharsets.UTF_8));
        if (key != null) {
            request.addHeader(IdempotencyKeys.HEADER, key);
        }
        return request;
    }

    private static void authenticateAs(String userId) {
        AuthenticatedUser user = new AuthenticatedUser(userId, Role.CUSTOMER);
        SecurityContextHolder.getContext().setAuthentication(new UsernamePasswordAuthenticationToken(user, null,
                List.of(new SimpleGrantedAuthority("ROLE_CUSTOMER"))));
    }

    /** Answers like the booking endpoint: a numbered booking, with the status it was made with. */
    private static final class FakeController implements FilterChain {

        private final int status;
        final List<ServletRequest> requests = new ArrayList<>();
        final List<String> bodies = new ArrayList<>();

        FakeController(int status) {
            this.status = status;
        }

        @Override
        public void doFilter(ServletRequest request, ServletResponse response) throws IOException {
            requests.add(request);
            bodies.add(new String(request.getInputStream().readAllBytes(), StandardCharsets.UTF_8));
            HttpServletResponse http = (HttpServletResponse) response;
            int number = requests.size();
            http.setStatus(status);
            http.setContentType(status < 400 ? "application/json" : "application/problem+json");
            if (status == 201) {
                http.setHeader("Location", "/api/v1/bookings/b-" + number);
            }
            http.getOutputStream().write(("{\"bookingId\":\"b-" + number + "\"}").getBytes(StandardCharsets.UTF_8));
        }
    }
}
