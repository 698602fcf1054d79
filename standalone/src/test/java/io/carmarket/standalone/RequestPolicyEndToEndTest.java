package io.carmarket.standalone;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.carmarket.standalone.CarMarketClient.Session;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpMethod;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.LocalDate;
import java.time.ZoneId;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * What the request policy lets through, over HTTP against the standalone: the counterpart of
 * the hostile-input corpus ({@code HostileInputEndToEndTest}), which covers what it refuses. Strict reading must not refuse what a careful
 * client sends.
 */
@StandaloneSystemTest
class RequestPolicyEndToEndTest {

    @LocalServerPort
    int port;

    private final LocalDate today = LocalDate.now(ZoneId.of("Europe/Berlin"));
    private CarMarketClient anonymous;

    @BeforeEach
    void connect() {
        anonymous = new CarMarketClient(port);
    }

    @Test
    void head_of_the_public_search_answers_like_get_without_a_token() throws Exception {
        HttpResponse<Void> head = HttpClient.newHttpClient().send(HttpRequest.newBuilder(
                        URI.create("http://localhost:" + port + "/api/v1/cars?limit=1"))
                .method("HEAD", HttpRequest.BodyPublishers.noBody()).timeout(Duration.ofSeconds(10)).build(),
                HttpResponse.BodyHandlers.discarding());

        assertThat(head.statusCode()).isEqualTo(200);
        assertThat(head.headers().firstValue("Content-Type")).hasValueSatisfying(type ->
                assertThat(type).startsWith(MediaType.APPLICATION_JSON_VALUE));
    }

    @Test
    void free_text_keeps_its_line_breaks_and_characters_beyond_the_basic_plane() {
        CarMarketClient dealer = anonymous.as(anonymous.newUser("DEALER"));
        ObjectNode listing = anonymous.carListing("Multiline").put("description", "Line one\r\nLine two\tindented 🚗");

        String carId = dealer.listCar(listing);

        await().atMost(Duration.ofSeconds(10)).untilAsserted(() ->
                assertThat(anonymous.get("/cars/" + carId).getBody().path("description").path("description").asText())
                        .isEqualTo("Line one\r\nLine two\tindented 🚗"));
    }

    @Test
    void json_with_an_explicit_utf8_charset_and_json_subtypes_are_accepted() {
        Session dealerSession = anonymous.newUser("DEALER");
        CarMarketClient dealer = anonymous.as(dealerSession);
        String carId = dealer.listCar(anonymous.carListing("Charset"));
        HttpHeaders headers = new HttpHeaders();
        headers.setBearerAuth(dealerSession.accessToken());

        headers.setContentType(MediaType.parseMediaType("application/json;charset=UTF-8"));
        assertThat(dealer.exchangeRaw(HttpMethod.PATCH, "/cars/" + carId, "{\"color\":\"Red\"}", headers)
                .getStatusCode().value()).isEqualTo(200);

        headers.setContentType(MediaType.parseMediaType("application/merge-patch+json"));
        assertThat(dealer.exchangeRaw(HttpMethod.PATCH, "/cars/" + carId, "{\"color\":\"Green\"}", headers)
                .getStatusCode().value()).isEqualTo(200);
    }

    @Test
    void a_booking_ending_on_the_last_day_of_the_horizon_is_accepted_one_day_later_is_not() {
        CarMarketClient dealer = anonymous.as(anonymous.newUser("DEALER"));
        CarMarketClient customer = anonymous.as(anonymous.newUser("CUSTOMER"));
        String carId = dealer.listCar(anonymous.carListing("Horizon"));
        LocalDate lastDay = today.plusYears(2);

        ResponseEntity<JsonNode> tooFar = customer.book(carId, lastDay.minusDays(1), lastDay.plusDays(1));
        assertThat(tooFar.getStatusCode().value()).isEqualTo(400);
        assertThat(tooFar.getBody().get("code").asText()).isEqualTo("DATE_BEYOND_HORIZON");
        assertThat(tooFar.getBody().get("latestDate").asText()).isEqualTo(lastDay.toString());

        assertThat(customer.book(carId, lastDay.minusDays(2), lastDay).getStatusCode().value()).isEqualTo(201);
    }

    @Test
    void a_problem_carries_the_clients_correlation_id_in_its_body_and_header() {
        HttpHeaders correlated = new HttpHeaders();
        correlated.add("X-Correlation-Id", "policy-check-1");

        ResponseEntity<JsonNode> refused = anonymous.exchange(HttpMethod.GET, "/cars?limit=0", null, correlated);

        assertThat(refused.getStatusCode().value()).isEqualTo(400);
        assertThat(refused.getHeaders().getFirst("X-Correlation-Id")).isEqualTo("policy-check-1");
        assertThat(refused.getBody().get("correlationId").asText()).isEqualTo("policy-check-1");
        assertThat(refused.getBody().get("errors").has("limit")).isTrue();
    }
}
