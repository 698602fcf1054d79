package io.carmarket.standalone;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.carmarket.api.car.CarBooked;
import io.carmarket.api.car.CarListed;
import io.carmarket.standalone.CarMarketClient.Session;
import io.carmarket.support.security.PemKeys;
import io.jsonwebtoken.Jwts;
import org.axonframework.eventhandling.DomainEventMessage;
import org.axonframework.eventsourcing.eventstore.EventStore;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpMethod;
import org.springframework.http.ResponseEntity;

import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.PrivateKey;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.Base64;
import java.util.Date;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import static io.carmarket.standalone.CarMarketClient.items;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * Identity and security over HTTP against the whole standalone system: who may do what, what a forged, expired or
 * replayed token gets, and that every event names who did it.
 */
@StandaloneSystemTest
class SecurityEndToEndTest {

    private static final String ADMIN_EMAIL = "admin@test.carmarket.local";
    private static final String ADMIN_PASSWORD = "Test-Root-2026!";

    @LocalServerPort
    int port;

    @Autowired
    EventStore eventStore;

    @Value("${" + TemporaryDataDirectory.PROPERTY + "}")
    Path dataDir;

    private final ObjectMapper json = new ObjectMapper();
    private final LocalDate today = LocalDate.now(ZoneId.of("Europe/Berlin"));
    private CarMarketClient anonymous;

    @BeforeEach
    void connect() {
        anonymous = new CarMarketClient(port);
    }

    // --- tokens --------------------------------------------------------------------------------------------------

    @Test
    void a_token_whose_payload_was_changed_is_rejected() {
        Session customer = anonymous.newUser("CUSTOMER");
        String[] parts = customer.accessToken().split("\\.");
        String payload = new String(Base64.getUrlDecoder().decode(parts[1]), StandardCharsets.UTF_8)
                .replace("\"CUSTOMER\"", "\"ADMIN\"");
        String tampered = parts[0] + "." + base64(payload) + "." + parts[2];

        assertRejected(anonymous.withToken(tampered).get("/auth/me"));
    }

    @Test
    void an_expired_token_is_rejected() {
        Session customer = anonymous.newUser("CUSTOMER");
        String expired = signedAccessToken(customer.userId(), "CUSTOMER", Instant.now().minus(Duration.ofHours(1)));

        ResponseEntity<JsonNode> response = anonymous.withToken(expired).get("/auth/me");

        assertRejected(response);
        assertThat(response.getBody().get("detail").asText()).contains("expired");
    }

    @Test
    void an_unsigned_token_with_alg_none_is_rejected() {
        Session customer = anonymous.newUser("CUSTOMER");
        String payload = customer.accessToken().split("\\.")[1];
        String unsigned = base64("{\"alg\":\"none\"}") + "." + payload + ".";

        assertRejected(anonymous.withToken(unsigned).get("/auth/me"));
    }

    @Test
    void a_token_signed_with_hmac_over_the_public_key_is_rejected() throws Exception {
        Session customer = anonymous.newUser("CUSTOMER");
        byte[] publicKey = PemKeys.publicKey(Files.readString(keyFile("jwt-public-key.pem"))).getEncoded();
        String headerAndPayload = base64("{\"alg\":\"HS256\"}") + "." + customer.accessToken().split("\\.")[1];
        Mac hmac = Mac.getInstance("HmacSHA256");
        hmac.init(new SecretKeySpec(publicKey, "HmacSHA256"));
        String signature = Base64.getUrlEncoder().withoutPadding()
                .encodeToString(hmac.doFinal(headerAndPayload.getBytes(StandardCharsets.US_ASCII)));

        assertRejected(anonymous.withToken(headerAndPayload + "." + signature).get("/auth/me"));
    }

    @Test
    void a_valid_token_of_a_user_that_does_not_exist_is_rejected() {
        String ghost = signedAccessToken(UUID.randomUUID().toString(), "ADMIN", Instant.now().plusSeconds(600));

        assertRejected(anonymous.withToken(ghost).get("/auth/me"));
    }

    @Test
    void a_refresh_token_is_not_accepted_as_an_access_token() {
        Session customer = anonymous.newUser("CUSTOMER");

        assertRejected(anonymous.withToken(customer.refreshToken()).get("/auth/me"));
    }

    @Test
    void a_bad_token_is_rejected_even_on_a_public_endpoint() {
        assertRejected(anonymous.withToken("not.a.token").get("/cars"));
        assertThat(anonymous.get("/cars").getStatusCode().value()).as("no token at all is fine there").isEqualTo(200);
    }

    // --- sessions ------------------------------------------------------------------------------------------------

    @Test
    void a_refresh_returns_a_new_pair_and_retires_the_old_refresh_token() {
        Session customer = anonymous.newUser("CUSTOMER");

        ResponseEntity<JsonNode> refreshed = refresh(customer.refreshToken());

        assertThat(refreshed.getStatusCode().value()).isEqualTo(200);
        String newRefreshToken = refreshed.getBody().get("refreshToken").asText();
        assertThat(newRefreshToken).isNotEqualTo(customer.refreshToken());
        assertThat(anonymous.withToken(refreshed.getBody().get("accessToken").asText()).get("/auth/me")
                .getStatusCode().value()).isEqualTo(200);
        assertThat(refreshed.getHeaders().get(HttpHeaders.SET_COOKIE)).singleElement().asString()
                .contains("HttpOnly").contains("SameSite=Strict").contains("Path=/api/v1/auth");
    }

    @Test
    void reusing_a_retired_refresh_token_revokes_the_whole_family_but_not_other_logins() {
        Session customer = anonymous.newUser("CUSTOMER");
        Session otherDevice = anonymous.login(customer.email(), customer.password());
        String successor = refresh(customer.refreshToken()).getBody().get("refreshToken").asText();

        ResponseEntity<JsonNode> replay = refresh(customer.refreshToken());

        assertThat(replay.getStatusCode().value()).isEqualTo(401);
        assertThat(replay.getBody().get("code").asText()).isEqualTo("REFRESH_TOKEN_REUSED");
        assertThat(refresh(successor).getStatusCode().value()).as("the thief's token is dead too").isEqualTo(401);
        assertThat(refresh(otherDevice.refreshToken()).getStatusCode().value())
                .as("another login of the same user is another family").isEqualTo(200);
    }

    @Test
    void the_refresh_token_cookie_works_for_refresh_and_logout_revokes_it() {
        Session customer = anonymous.newUser("CUSTOMER");
        HttpHeaders cookie = new HttpHeaders();
        cookie.add(HttpHeaders.COOKIE, "carmarket_refresh=" + customer.refreshToken());

        ResponseEntity<JsonNode> refreshed = anonymous.exchange(HttpMethod.POST, "/auth/refresh", null, cookie);
        assertThat(refreshed.getStatusCode().value()).isEqualTo(200);
        String current = refreshed.getBody().get("refreshToken").asText();

        ResponseEntity<JsonNode> logout = anonymous.post("/auth/logout", Map.of("refreshToken", current));
        assertThat(logout.getStatusCode().value()).isEqualTo(204);
        assertThat(logout.getHeaders().get(HttpHeaders.SET_COOKIE)).singleElement().asString().contains("Max-Age=0");
        assertThat(refresh(current).getStatusCode().value()).isEqualTo(401);
    }

    // --- accounts ------------------------------------------------------------------------------------------------

    @Test
    void an_email_registers_once_whatever_its_letter_case() {
        Session first = anonymous.newUser("CUSTOMER");
        ObjectNode again = json.createObjectNode().put("email", first.email().toUpperCase())
                .put("password", "Another-Pass-99").put("name", "Again").put("role", "CUSTOMER");

        ResponseEntity<JsonNode> response = anonymous.post("/auth/register", again);

        assertThat(response.getStatusCode().value()).isEqualTo(409);
        assertThat(response.getBody().get("code").asText()).isEqualTo("EMAIL_TAKEN");
    }

    @Test
    void registration_refuses_weak_passwords_and_privileged_roles() {
        ResponseEntity<JsonNode> weak = anonymous.post("/auth/register", registration("short1", "CUSTOMER"));
        assertThat(weak.getStatusCode().value()).isEqualTo(400);
        assertThat(weak.getBody().get("errors").has("password")).isTrue();

        for (String role : List.of("ADMIN", "AUDITOR")) {
            ResponseEntity<JsonNode> privileged = anonymous.post("/auth/register", registration("Strong-Pass-99", role));
            assertThat(privileged.getStatusCode().value()).as(role).isEqualTo(400);
            assertThat(privileged.getBody().get("errors").has("role")).as(role).isTrue();
        }
    }

    @Test
    void a_wrong_password_and_an_unknown_email_get_the_same_answer() {
        Session customer = anonymous.newUser("CUSTOMER");

        ResponseEntity<JsonNode> wrongPassword = anonymous.post("/auth/login",
                Map.of("email", customer.email(), "password", "Wrong-Pass-123"));
        ResponseEntity<JsonNode> unknownEmail = anonymous.post("/auth/login",
                Map.of("email", "nobody-" + UUID.randomUUID() + "@test.example", "password", "Wrong-Pass-123"));

        for (ResponseEntity<JsonNode> response : List.of(wrongPassword, unknownEmail)) {
            assertThat(response.getStatusCode().value()).isEqualTo(401);
            assertThat(response.getBody().get("code").asText()).isEqualTo("INVALID_CREDENTIALS");
        }
    }

    @Test
    void me_shows_the_profile_and_no_response_shows_a_password_hash() {
        Session dealer = anonymous.newUser("DEALER");

        ResponseEntity<String> me = anonymous.withToken(dealer.accessToken()).getText("/auth/me");

        assertThat(me.getStatusCode().value()).isEqualTo(200);
        assertThat(me.getBody()).contains(dealer.userId()).contains("\"role\":\"DEALER\"")
                .doesNotContainIgnoringCase("password").doesNotContain("$2a$");
    }

    @Test
    void only_an_admin_creates_auditors() {
        ObjectNode auditor = json.createObjectNode().put("email", "auditor-" + UUID.randomUUID() + "@test.example")
                .put("password", "Ledger-Check-77").put("name", "Auditor");
        Session dealer = anonymous.newUser("DEALER");
        assertThat(anonymous.as(dealer).post("/admin/auditors", auditor).getStatusCode().value()).isEqualTo(403);

        Session admin = anonymous.login(ADMIN_EMAIL, ADMIN_PASSWORD);
        ResponseEntity<JsonNode> created = anonymous.as(admin).post("/admin/auditors", auditor);

        assertThat(created.getStatusCode().value()).isEqualTo(201);
        Session auditorSession = anonymous.login(auditor.get("email").asText(), "Ledger-Check-77");
        assertThat(anonymous.as(auditorSession).get("/auth/me").getBody().get("role").asText()).isEqualTo("AUDITOR");
    }

    // --- roles and ownership -------------------------------------------------------------------------------------

    @Test
    void writes_need_a_token_and_the_right_role_before_the_body_is_even_read() {
        ResponseEntity<JsonNode> noToken = anonymous.post("/cars", json.createObjectNode());
        assertThat(noToken.getStatusCode().value()).isEqualTo(401);
        assertThat(noToken.getHeaders().getFirst(HttpHeaders.WWW_AUTHENTICATE)).isEqualTo("Bearer");

        CarMarketClient customer = anonymous.as(anonymous.newUser("CUSTOMER"));
        assertThat(customer.post("/cars", json.createObjectNode()).getStatusCode().value()).isEqualTo(403);

        CarMarketClient dealer = anonymous.as(anonymous.newUser("DEALER"));
        String carId = dealer.listCar(anonymous.carListing("RoleMake"));
        assertThat(dealer.book(carId, today.plusDays(3), today.plusDays(4)).getStatusCode().value())
                .as("dealers do not book").isEqualTo(403);
    }

    @Test
    void a_customer_cannot_see_or_cancel_another_customers_booking_but_the_cars_dealer_can() {
        CarMarketClient dealer = anonymous.as(anonymous.newUser("DEALER"));
        CarMarketClient alice = anonymous.as(anonymous.newUser("CUSTOMER"));
        CarMarketClient mallory = anonymous.as(anonymous.newUser("CUSTOMER"));
        String carId = dealer.listCar(anonymous.carListing("OwnMake"));
        String bookingId = alice.book(carId, today.plusDays(10), today.plusDays(12)).getBody().get("bookingId").asText();

        ResponseEntity<JsonNode> attempt = mallory.cancel(carId, bookingId);

        assertThat(attempt.getStatusCode().value()).as("404, not 403: existence does not leak").isEqualTo(404);
        assertThat(attempt.getBody().get("code").asText()).isEqualTo("BOOKING_NOT_FOUND");
        assertThat(dealer.cancel(carId, bookingId).getStatusCode().value()).isEqualTo(200);
    }

    @Test
    void a_dealer_cannot_change_another_dealers_car() {
        CarMarketClient owner = anonymous.as(anonymous.newUser("DEALER"));
        CarMarketClient rival = anonymous.as(anonymous.newUser("DEALER"));
        String make = "Owned" + UUID.randomUUID().toString().substring(0, 8);
        String carId = owner.listCar(anonymous.carListing(make));

        ResponseEntity<JsonNode> attempt = rival.post("/cars/" + carId + "/withdraw", null);

        assertThat(attempt.getStatusCode().value()).isEqualTo(403);
        assertThat(attempt.getBody().get("code").asText()).isEqualTo("NOT_CAR_OWNER");
        assertThat(owner.post("/cars/" + carId + "/withdraw", null).getStatusCode().value()).isEqualTo(200);
        await().atMost(Duration.ofSeconds(10)).untilAsserted(() ->
                assertThat(items(anonymous.search("make=" + make))).as("a withdrawn car leaves the search").isEmpty());
    }

    // --- audit metadata ------------------------------------------------------------------------------------------

    @Test
    void every_event_names_the_acting_user_and_the_requests_correlation_id() {
        Session dealerSession = anonymous.newUser("DEALER");
        Session customerSession = anonymous.newUser("CUSTOMER");
        HttpHeaders correlated = new HttpHeaders();
        correlated.add("X-Correlation-Id", "e2e-session-7");

        ResponseEntity<JsonNode> listed = anonymous.as(dealerSession).exchange(HttpMethod.POST, "/cars",
                anonymous.carListing("AuditMake"), correlated);
        assertThat(listed.getHeaders().getFirst("X-Correlation-Id")).isEqualTo("e2e-session-7");
        String carId = listed.getBody().get("carId").asText();
        anonymous.as(customerSession).exchange(HttpMethod.POST, "/cars/" + carId + "/bookings",
                Map.of("startDate", today.plusDays(2).toString(), "endDate", today.plusDays(3).toString()), correlated);

        List<? extends DomainEventMessage<?>> events = eventStore.readEvents(carId).asStream().toList();
        assertThat(events).hasSize(2);
        DomainEventMessage<?> carListed = events.get(0);
        DomainEventMessage<?> carBooked = events.get(1);
        assertThat(carListed.getPayload()).isInstanceOf(CarListed.class);
        assertThat(carListed.getMetaData()).containsEntry("userId", dealerSession.userId())
                .containsEntry("userRole", "DEALER").containsEntry("correlationId", "e2e-session-7")
                .containsKey("causationId");
        assertThat(carBooked.getPayload()).isInstanceOf(CarBooked.class);
        assertThat(carBooked.getMetaData()).containsEntry("userId", customerSession.userId())
                .containsEntry("userRole", "CUSTOMER").containsEntry("correlationId", "e2e-session-7");
        assertThat(carBooked.getMetaData().get("causationId")).isNotEqualTo(carListed.getMetaData().get("causationId"));
    }

    // --- browsers ------------------------------------------------------------------------------------------------

    @Test
    void a_cors_preflight_from_a_configured_front_end_is_allowed_with_credentials_and_others_are_not() {
        HttpHeaders preflight = new HttpHeaders();
        preflight.setOrigin("http://localhost:5173");
        preflight.setAccessControlRequestMethod(HttpMethod.POST);
        preflight.setAccessControlRequestHeaders(List.of("authorization", "content-type"));

        ResponseEntity<JsonNode> allowed = anonymous.exchange(HttpMethod.OPTIONS, "/cars", null, preflight);
        assertThat(allowed.getStatusCode().value()).isEqualTo(200);
        assertThat(allowed.getHeaders().getAccessControlAllowOrigin()).isEqualTo("http://localhost:5173");
        assertThat(allowed.getHeaders().getAccessControlAllowCredentials()).isTrue();

        HttpHeaders foreign = new HttpHeaders();
        foreign.setOrigin("https://evil.example");
        foreign.setAccessControlRequestMethod(HttpMethod.POST);
        ResponseEntity<String> refused = anonymous.exchangeText(HttpMethod.OPTIONS, "/cars", foreign);
        assertThat(refused.getStatusCode().value()).isEqualTo(403);
        assertThat(refused.getHeaders().getAccessControlAllowOrigin()).isNull();
    }

    // --- helpers -------------------------------------------------------------------------------------------------

    private ResponseEntity<JsonNode> refresh(String refreshToken) {
        return anonymous.post("/auth/refresh", Map.of("refreshToken", refreshToken));
    }

    private ObjectNode registration(String password, String role) {
        return json.createObjectNode().put("email", "reg-" + UUID.randomUUID() + "@test.example")
                .put("password", password).put("name", "Someone").put("role", role);
    }

    /** A token signed with the system's real key, with claims of the test's choosing. */
    private String signedAccessToken(String userId, String role, Instant expiresAt) {
        try {
            PrivateKey key = PemKeys.privateKey(Files.readString(keyFile("jwt-signing-key.pem")));
            return Jwts.builder().issuer("carmarket").subject(userId).audience().add("carmarket-api").and()
                    .issuedAt(Date.from(expiresAt.minus(Duration.ofMinutes(15)))).expiration(Date.from(expiresAt))
                    .claim("token_use", "access").claim("role", role)
                    .signWith(key, Jwts.SIG.ES256).compact();
        } catch (java.io.IOException e) {
            throw new IllegalStateException(e);
        }
    }

    private Path keyFile(String name) {
        return dataDir.resolve("keys").resolve(name);
    }

    private static String base64(String text) {
        return Base64.getUrlEncoder().withoutPadding().encodeToString(text.getBytes(StandardCharsets.UTF_8));
    }

    private static void assertRejected(ResponseEntity<JsonNode> response) {
        assertThat(response.getStatusCode().value()).isEqualTo(401);
        assertThat(response.getBody().get("code").asText()).isEqualTo("UNAUTHENTICATED");
    }
}
