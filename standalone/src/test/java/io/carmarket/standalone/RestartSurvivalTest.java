package io.carmarket.standalone;

import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.boot.web.context.WebServerApplicationContext;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.http.ResponseEntity;

import java.nio.file.Path;
import java.time.Duration;
import java.time.LocalDate;
import java.time.ZoneId;

import static io.carmarket.standalone.CarMarketClient.items;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * Stops the standalone system and starts it again on the same data directory: the events and the read models
 * are still there, and the Car aggregate, rebuilt from its events, still enforces its bookings.
 */
class RestartSurvivalTest {

    @TempDir
    Path dataDir;

    private final LocalDate today = LocalDate.now(ZoneId.of("Europe/Berlin"));

    @Test
    void events_and_read_models_survive_a_restart() {
        String make = "Restart" + System.nanoTime();
        String carId;
        CarMarketClient.Session customerSession;
        try (ConfigurableApplicationContext first = start()) {
            CarMarketClient client = clientOf(first);
            CarMarketClient dealer = client.as(client.newUser("DEALER"));
            customerSession = client.newUser("CUSTOMER");
            carId = dealer.listCar(client.carListing(make));
            assertThat(client.as(customerSession).book(carId, today.plusDays(5), today.plusDays(8))
                    .getStatusCode().value()).isEqualTo(201);
            await().atMost(Duration.ofSeconds(10)).untilAsserted(() ->
                    assertThat(availableFor(client, make)).isFalse());
        }

        try (ConfigurableApplicationContext second = start()) {
            CarMarketClient client = clientOf(second);

            JsonNode page = client.search("make=" + make);
            assertThat(items(page)).extracting(item -> item.get("carId").asText()).containsExactly(carId);
            assertThat(availableFor(client, make)).as("the booking is still in the read model").isFalse();

            CarMarketClient customer = client.as(customerSession);
            ResponseEntity<JsonNode> overlapping = customer.book(carId, today.plusDays(6), today.plusDays(7));
            assertThat(overlapping.getStatusCode().value())
                    .as("the access token of before the restart is still valid (the key pair is kept), and the "
                            + "aggregate is rebuilt from stored events")
                    .isEqualTo(409);

            assertThat(customer.book(carId, today.plusDays(8), today.plusDays(9)).getStatusCode().value())
                    .isEqualTo(201);
            assertThat(client.login(customerSession.email(), customerSession.password()).userId())
                    .as("accounts survive a restart").isEqualTo(customerSession.userId());
            await().atMost(Duration.ofSeconds(10)).untilAsserted(() ->
                    assertThat(client.get("/cars/" + carId).getBody().get("bookedPeriods")).hasSize(2));
        }
    }

    private Boolean availableFor(CarMarketClient client, String make) {
        JsonNode page = client.search("make=" + make + "&availableFrom=" + today.plusDays(6)
                + "&availableTo=" + today.plusDays(7));
        return items(page).get(0).get("available").asBoolean();
    }

    private ConfigurableApplicationContext start() {
        return new SpringApplicationBuilder(StandaloneApplication.class)
                .profiles("test")
                .run("--server.port=0", "--carmarket.data-dir=" + dataDir);
    }

    private static CarMarketClient clientOf(ConfigurableApplicationContext context) {
        return new CarMarketClient(((WebServerApplicationContext) context).getWebServer().getPort());
    }
}
