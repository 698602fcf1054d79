package io.carmarket.distributed.deployment;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

/**
 * What Axon Server knows of query-service's event processors, from its REST API
 * ({@code GET /v1/components/query-service/processors?context=default}): for each processor, which client instance
 * holds which segment. The instances report their processors' status every few hundred milliseconds, and a client
 * whose connection breaks disappears from the answer.
 */
public final class AxonServerProcessors {

    private static final ObjectMapper JSON = new ObjectMapper();

    private final URI processors;
    private final HttpClient http = HttpClient.newHttpClient();

    AxonServerProcessors(URI axonServerHttp, String component) {
        this.processors = axonServerHttp.resolve("/v1/components/" + component + "/processors?context=default");
    }

    /** One segment claimed by one instance ({@code clientId} is the instance's {@code axon.axonserver.client-id}). */
    public record Claim(String clientId, int segmentId) {
    }

    /** The segments of {@code processor} claimed right now, by whom; empty when no instance runs it. */
    public List<Claim> claims(String processor) {
        List<Claim> claims = new ArrayList<>();
        for (JsonNode each : read()) {
            if (processor.equals(each.path("name").asText())) {
                each.path("trackers").forEach(tracker -> claims.add(
                        new Claim(tracker.path("clientId").asText(), tracker.path("segmentId").asInt())));
            }
        }
        return claims;
    }

    private JsonNode read() {
        HttpRequest request = HttpRequest.newBuilder(processors).timeout(Duration.ofSeconds(10))
                .header("Accept", "application/json").GET().build();
        try {
            HttpResponse<String> response = http.send(request, HttpResponse.BodyHandlers.ofString());
            if (response.statusCode() != 200) {
                throw new IllegalStateException("Axon Server answered " + response.statusCode() + " to " + processors
                        + ": " + response.body());
            }
            return JSON.readTree(response.body());
        } catch (IOException e) {
            throw new UncheckedIOException("Could not read " + processors, e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }
}
