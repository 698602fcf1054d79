package io.carmarket.standalone;

import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.http.HttpHeaders;
import org.springframework.http.ResponseEntity;

import java.util.Map;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;

/** Brute force against the login is answered 429 with Retry-After, per email and per client address. */
@StandaloneSystemTest(properties = "carmarket.identity.login-attempts=3")
class LoginRateLimitEndToEndTest {

    @LocalServerPort
    int port;

    @Test
    void guessing_passwords_is_cut_off_with_429_and_retry_after_even_for_the_right_password() {
        CarMarketClient client = new CarMarketClient(port);
        String email = "victim-" + UUID.randomUUID() + "@test.example";
        client.post("/auth/register", Map.of("email", email, "password", "Right-Pass-2026", "name", "Victim",
                "role", "CUSTOMER"));

        for (int attempt = 1; attempt <= 3; attempt++) {
            assertThat(login(client, email, "Wrong-Pass-" + attempt).getStatusCode().value()).isEqualTo(401);
        }
        ResponseEntity<JsonNode> blocked = login(client, email, "Right-Pass-2026");

        assertThat(blocked.getStatusCode().value()).isEqualTo(429);
        assertThat(blocked.getBody().get("code").asText()).isEqualTo("TOO_MANY_LOGIN_ATTEMPTS");
        assertThat(Long.parseLong(blocked.getHeaders().getFirst(HttpHeaders.RETRY_AFTER))).isBetween(1L, 60L);
        assertThat(login(client, "someone-else@test.example", "Any-Pass-2026").getStatusCode().value())
                .as("the same client address is throttled for other emails too").isEqualTo(429);
    }

    private static ResponseEntity<JsonNode> login(CarMarketClient client, String email, String password) {
        return client.post("/auth/login", Map.of("email", email, "password", password));
    }
}
