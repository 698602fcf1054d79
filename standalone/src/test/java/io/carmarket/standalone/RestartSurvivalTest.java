package io.carmarket.standalone;

import com.fasterxml.jackson.databind.JsonNode;
import io.carmarket.api.car.BookingApprovalExpired;
import io.carmarket.command.deadline.DeadlineSweeper;
import org.axonframework.eventsourcing.eventstore.EventStore;
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
import java.util.List;
import java.util.Map;

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

    @Test
    void a_deadline_set_before_a_restart_still_expires_the_booking_after_it() {
        LocalDate saturday = today.plusDays(7);
        while (saturday.getDayOfWeek() != java.time.DayOfWeek.SATURDAY) {
            saturday = saturday.plusDays(1);
        }
        String carId;
        CarMarketClient.Session customerSession;
        try (ConfigurableApplicationContext first = start()) {
            CarMarketClient client = clientOf(first);
            CarMarketClient dealer = client.as(client.newUser("DEALER"));
            customerSession = client.newUser("CUSTOMER");
            carId = dealer.listCar(client.carListing("Deadline" + System.nanoTime()));
            dealer.exchange(org.springframework.http.HttpMethod.PUT, "/cars/" + carId + "/peak-windows",
                    List.of(Map.of("weekdays", List.of("SATURDAY"))), new org.springframework.http.HttpHeaders());
            assertThat(client.as(customerSession).book(carId, saturday, saturday.plusDays(1)).getBody()
                    .get("status").asText()).isEqualTo("PENDING_APPROVAL");
        }

        try (ConfigurableApplicationContext second = start()) {
            second.getBean(MutableClock.class).advance(java.time.Duration.ofHours(49));

            assertThat(second.getBean(DeadlineSweeper.class).sweep()).isEqualTo(1);

            assertThat(second.getBean(EventStore.class).readEvents(carId).asStream()
                    .filter(event -> event.getPayload() instanceof BookingApprovalExpired).count()).isEqualTo(1);
        }
    }

    private Boolean availableFor(CarMarketClient client, String make) {
        JsonNode page = client.search("make=" + make + "&availableFrom=" + today.plusDays(6)
                + "&availableTo=" + today.plusDays(7));
        return items(page).get(0).get("available").asBoolean();
    }

    private ConfigurableApplicationContext start() {
        return new SpringApplicationBuilder(StandaloneApplication.class, MutableClock.Configuration.class)
                .profiles("test")
                .run("--server.port=0", "--carmarket.data-dir=" + dataDir);
    }

    private static CarMarketClient clientOf(ConfigurableApplicationContext context) {
        return new CarMarketClient(((WebServerApplicationContext) context).getWebServer().getPort());
    }
}
