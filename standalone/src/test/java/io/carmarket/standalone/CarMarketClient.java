package io.carmarket.standalone;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import org.springframework.http.HttpEntity;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpMethod;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.http.client.JdkClientHttpRequestFactory;
import org.springframework.web.client.RestTemplate;
import org.springframework.web.client.NoOpResponseErrorHandler;

import java.time.LocalDate;
import java.util.List;
import java.util.UUID;
import java.util.stream.StreamSupport;

/**
 * Speaks to a running CarMarket over HTTP the way a front end would; never throws on 4xx/5xx. Anonymous unless
 * made {@link #as(Session) as} a logged-in user.
 */
final class CarMarketClient {

    private final RestTemplate http;
    private final String baseUrl;
    private final String accessToken;
    private final ObjectMapper json = new ObjectMapper();

    CarMarketClient(int port) {
        this(restTemplate(), "http://localhost:" + port + "/api/v1", null);
    }

    private CarMarketClient(RestTemplate http, String baseUrl, String accessToken) {
        this.http = http;
        this.baseUrl = baseUrl;
        this.accessToken = accessToken;
    }

    private static RestTemplate restTemplate() {
        RestTemplate http = new RestTemplate(new JdkClientHttpRequestFactory());
        http.setErrorHandler(new NoOpResponseErrorHandler());
        return http;
    }

    /** The same client, sending the session's access token. */
    CarMarketClient as(Session session) {
        return new CarMarketClient(http, baseUrl, session.accessToken());
    }

    /** The id of the user this client acts as (from its token), or null when anonymous. */
    String userId() {
        if (accessToken == null) {
            return null;
        }
        try {
            byte[] payload = java.util.Base64.getUrlDecoder().decode(accessToken.split("\\.")[1]);
            return json.readTree(payload).get("sub").asText();
        } catch (java.io.IOException e) {
            throw new IllegalStateException(e);
        }
    }

    /** The same client, sending any bearer token, valid or not. */
    CarMarketClient withToken(String token) {
        return new CarMarketClient(http, baseUrl, token);
    }

    /** Registers a new user with a unique email and logs in. */
    Session newUser(String role) {
        String email = role.toLowerCase() + "-" + UUID.randomUUID() + "@test.example";
        String password = "Test-Pass-" + UUID.randomUUID().toString().substring(0, 8);
        ObjectNode registration = json.createObjectNode().put("email", email).put("password", password)
                .put("name", "Test " + role).put("role", role);
        ResponseEntity<JsonNode> registered = post("/auth/register", registration);
        if (registered.getStatusCode().value() != 201) {
            throw new IllegalStateException("Registration failed: " + registered.getBody());
        }
        return login(email, password);
    }

    Session login(String email, String password) {
        ResponseEntity<JsonNode> response = post("/auth/login",
                json.createObjectNode().put("email", email).put("password", password));
        if (response.getStatusCode().value() != 200) {
            throw new IllegalStateException("Login failed: " + response.getStatusCode() + " " + response.getBody());
        }
        JsonNode body = response.getBody();
        return new Session(body.get("user").get("id").asText(), email, password, body.get("accessToken").asText(),
                body.get("refreshToken").asText());
    }

    record Session(String userId, String email, String password, String accessToken, String refreshToken) {
    }

    /** A valid listing body; tests change single fields of it. */
    ObjectNode carListing(String make) {
        ObjectNode car = json.createObjectNode()
                .put("make", make).put("model", "Golf").put("variant", "1.5 TSI").put("year", 2022)
                .put("bodyType", "HATCHBACK").put("transmission", "MANUAL").put("fuelType", "PETROL")
                .put("mileage", 25000).put("color", "Blue").put("seats", 5)
                .put("vin", "WVWZZZCDZNW" + String.format("%06d", Math.abs(UUID.randomUUID().hashCode()) % 1_000_000))
                .put("licensePlate", "B-XY 123").put("dailyRate", "49.50").put("currency", "EUR")
                .put("description", "Test car");
        car.putObject("location").put("city", "Berlin").put("timeZone", "Europe/Berlin");
        car.putArray("images").addObject().put("url", "https://images.example.com/golf.jpg").put("primary", true);
        return car;
    }

    String listCar(ObjectNode listing) {
        ResponseEntity<JsonNode> response = post("/cars", listing);
        if (response.getStatusCode().value() != 201) {
            throw new IllegalStateException("Listing failed: " + response.getStatusCode() + " " + response.getBody());
        }
        return response.getBody().get("carId").asText();
    }

    ResponseEntity<JsonNode> book(String carId, LocalDate start, LocalDate end) {
        ObjectNode body = json.createObjectNode().put("startDate", start.toString()).put("endDate", end.toString());
        return post("/cars/" + carId + "/bookings", body);
    }

    ResponseEntity<JsonNode> cancel(String carId, String bookingId) {
        return post("/cars/" + carId + "/bookings/" + bookingId + "/cancel", json.createObjectNode());
    }

    ResponseEntity<JsonNode> post(String path, Object body) {
        return exchange(HttpMethod.POST, path, body);
    }

    ResponseEntity<JsonNode> postRaw(String path, String rawJson) {
        return exchange(HttpMethod.POST, path, rawJson);
    }

    ResponseEntity<JsonNode> get(String pathAndQuery) {
        return exchange(HttpMethod.GET, pathAndQuery, null);
    }

    ResponseEntity<String> getText(String pathAndQuery) {
        return exchangeText(HttpMethod.GET, pathAndQuery, new HttpHeaders());
    }

    /** For answers that need not be JSON, such as a refused CORS preflight. */
    ResponseEntity<String> exchangeText(HttpMethod method, String pathAndQuery, HttpHeaders headers) {
        if (accessToken != null) {
            headers.setBearerAuth(accessToken);
        }
        return http.exchange(baseUrl + pathAndQuery, method, new HttpEntity<>(headers), String.class);
    }

    JsonNode search(String query) {
        ResponseEntity<JsonNode> response = get("/cars?" + query);
        if (response.getStatusCode().value() != 200) {
            throw new IllegalStateException("Search failed: " + response.getStatusCode() + " " + response.getBody());
        }
        return response.getBody();
    }

    static List<JsonNode> items(JsonNode page) {
        return StreamSupport.stream(page.get("items").spliterator(), false).toList();
    }

    /** Sends {@code rawBody} exactly as given, with the caller's headers (content type included). */
    ResponseEntity<JsonNode> exchangeRaw(HttpMethod method, String path, String rawBody, HttpHeaders headers) {
        headers.setAccept(List.of(MediaType.APPLICATION_JSON, MediaType.APPLICATION_PROBLEM_JSON));
        return http.exchange(baseUrl + path, method, new HttpEntity<>(rawBody, headers), JsonNode.class);
    }

    ResponseEntity<JsonNode> exchange(HttpMethod method, String path, Object body) {
        return exchange(method, path, body, new HttpHeaders());
    }

    ResponseEntity<JsonNode> exchange(HttpMethod method, String path, Object body, HttpHeaders headers) {
        if (accessToken != null) {
            headers.setBearerAuth(accessToken);
        }
        headers.setContentType(MediaType.APPLICATION_JSON);
        headers.setAccept(List.of(MediaType.APPLICATION_JSON, MediaType.APPLICATION_PROBLEM_JSON));
        return http.exchange(baseUrl + path, method, new HttpEntity<>(body, headers), JsonNode.class);
    }
}
