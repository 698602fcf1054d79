package io.carmarket.standalone;

import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpMethod;
import org.springframework.http.ResponseEntity;

import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.stream.IntStream;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Login throttling over HTTP, as behind the gateway: the test client is a trusted proxy (loopback is trusted here,
 * unlike in the standalone's default), so each test speaks for client addresses of its own through
 * X-Forwarded-For. Failed logins are limited to 3 per account and 10 per address; successes cost nothing.
 * Requests straight from an untrusted peer: {@link ForwardedHeadersEndToEndTest}.
 */
@StandaloneSystemTest(properties = {
        "carmarket.identity.login.failures-per-account=3",
        "carmarket.identity.login.failures-per-address=10",
        "server.tomcat.remoteip.internal-proxies=127[.]0[.]0[.]1|0:0:0:0:0:0:0:1"})
class LoginRateLimitEndToEndTest {

    private static final String PASSWORD = "Right-Pass-2026";

    @LocalServerPort
    int port;

    @Test
    void thirty_colleagues_behind_one_address_all_log_in() {
        CarMarketClient client = new CarMarketClient(port);
        List<String> colleagues = IntStream.rangeClosed(1, 30).mapToObj(i -> register(client, "colleague")).toList();

        List<Integer> statuses = colleagues.stream()
                .map(email -> login(client, email, PASSWORD, "198.51.100.1").getStatusCode().value()).toList();

        assertThat(statuses).containsOnly(200).hasSize(30);
    }

    @Test
    void guessing_one_account_is_cut_off_with_429_and_retry_after_even_for_the_right_password_from_elsewhere() {
        CarMarketClient client = new CarMarketClient(port);
        String victim = register(client, "victim");
        IntStream.rangeClosed(1, 3).forEach(i -> assertThat(
                login(client, victim, "Wrong-Pass-" + i, "198.51.100.2").getStatusCode().value()).isEqualTo(401));

        ResponseEntity<JsonNode> blocked = login(client, victim, PASSWORD, "198.51.100.3");

        assertThat(blocked.getStatusCode().value()).isEqualTo(429);
        assertThat(blocked.getHeaders().getContentType()).hasToString("application/problem+json");
        assertThat(blocked.getBody().get("code").asText()).isEqualTo("TOO_MANY_LOGIN_ATTEMPTS");
        // The default window of 15 minutes gives a failure back every 5 minutes at 3 per account.
        assertThat(Long.parseLong(blocked.getHeaders().getFirst(HttpHeaders.RETRY_AFTER))).isBetween(1L, 300L);
    }

    @Test
    void one_address_trying_many_accounts_is_cut_off_even_for_an_account_it_knows() {
        CarMarketClient client = new CarMarketClient(port);
        String owner = register(client, "owner");
        spendAddressBudget(client, "198.51.100.4");

        ResponseEntity<JsonNode> blocked = login(client, owner, PASSWORD, "198.51.100.4");

        assertThat(blocked.getStatusCode().value()).isEqualTo(429);
        assertThat(blocked.getBody().get("code").asText()).isEqualTo("TOO_MANY_LOGIN_ATTEMPTS");
        assertThat(blocked.getHeaders().getFirst(HttpHeaders.RETRY_AFTER)).isNotBlank();
    }

    @Test
    void the_address_a_trusted_proxy_forwards_is_the_one_throttled() {
        CarMarketClient client = new CarMarketClient(port);
        String owner = register(client, "owner");
        spendAddressBudget(client, "198.51.100.5");

        assertThat(login(client, owner, PASSWORD, "198.51.100.6").getStatusCode().value()).isEqualTo(200);
        assertThat(login(client, unknownEmail(), "Wrong-Pass-2026", "198.51.100.6").getStatusCode().value())
                .isEqualTo(401);
    }

    private static void spendAddressBudget(CarMarketClient client, String address) {
        IntStream.rangeClosed(1, 10).forEach(i -> assertThat(
                login(client, unknownEmail(), "Wrong-Pass-2026", address).getStatusCode().value()).isEqualTo(401));
    }

    private static String register(CarMarketClient client, String name) {
        String email = name + "-" + UUID.randomUUID() + "@test.example";
        ResponseEntity<JsonNode> registered = client.post("/auth/register",
                Map.of("email", email, "password", PASSWORD, "name", "Test " + name, "role", "CUSTOMER"));
        assertThat(registered.getStatusCode().value()).isEqualTo(201);
        return email;
    }

    private static String unknownEmail() {
        return "nobody-" + UUID.randomUUID() + "@test.example";
    }

    private static ResponseEntity<JsonNode> login(CarMarketClient client, String email, String password,
                                                  String forwardedFor) {
        HttpHeaders headers = new HttpHeaders();
        headers.set("X-Forwarded-For", forwardedFor);
        return client.exchange(HttpMethod.POST, "/auth/login", Map.of("email", email, "password", password), headers);
    }
}
