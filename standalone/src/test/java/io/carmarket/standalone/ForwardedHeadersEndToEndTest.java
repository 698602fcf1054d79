package io.carmarket.standalone;

import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.http.HttpEntity;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpMethod;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.http.client.JdkClientHttpRequestFactory;
import org.springframework.web.client.NoOpResponseErrorHandler;
import org.springframework.web.client.RestTemplate;

import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ThreadLocalRandom;
import java.util.stream.IntStream;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * X-Forwarded-* headers from a peer that is not a trusted proxy (the standalone trusts none) change nothing: the login
 * throttling keys on the peer's own address, and links name the address the peer connected to. Failed logins are
 * limited to 10 per address here. Through a trusted proxy: {@link LoginRateLimitEndToEndTest}.
 */
@StandaloneSystemTest(properties = {
        "carmarket.identity.login.failures-per-account=3",
        "carmarket.identity.login.failures-per-address=10"})
class ForwardedHeadersEndToEndTest {

    @LocalServerPort
    int port;

    @Test
    void wrong_logins_with_forged_forwarded_addresses_are_throttled_on_the_real_address() {
        CarMarketClient client = new CarMarketClient(port);

        List<Integer> statuses = IntStream.rangeClosed(1, 30).mapToObj(i -> {
            HttpHeaders headers = new HttpHeaders();
            headers.set("X-Forwarded-For", randomAddress());
            return client.exchange(HttpMethod.POST, "/auth/login", Map.of("email",
                    "nobody-" + UUID.randomUUID() + "@test.example", "password", "Wrong-Pass-2026"), headers);
        }).map(response -> response.getStatusCode().value()).toList();

        assertThat(statuses).containsExactlyElementsOf(
                IntStream.rangeClosed(1, 30).mapToObj(i -> i <= 10 ? 401 : 429).toList());
    }

    @Test
    void forged_forwarded_scheme_host_and_port_do_not_change_the_api_documents_server_url() {
        HttpHeaders headers = new HttpHeaders();
        headers.set("X-Forwarded-Proto", "https");
        headers.set("X-Forwarded-Host", "attacker.example");
        headers.set("X-Forwarded-Port", "8443");
        headers.setAccept(List.of(MediaType.APPLICATION_JSON));
        RestTemplate http = new RestTemplate(new JdkClientHttpRequestFactory());
        http.setErrorHandler(new NoOpResponseErrorHandler());

        ResponseEntity<JsonNode> apiDocs = http.exchange("http://localhost:" + port + "/v3/api-docs", HttpMethod.GET,
                new HttpEntity<>(headers), JsonNode.class);

        assertThat(apiDocs.getStatusCode().value()).isEqualTo(200);
        assertThat(apiDocs.getBody().get("servers").get(0).get("url").asText())
                .isEqualTo("http://localhost:" + port);
    }

    private static String randomAddress() {
        ThreadLocalRandom random = ThreadLocalRandom.current();
        return random.nextInt(1, 224) + "." + random.nextInt(256) + "." + random.nextInt(256) + "."
                + random.nextInt(1, 255);
    }
}
