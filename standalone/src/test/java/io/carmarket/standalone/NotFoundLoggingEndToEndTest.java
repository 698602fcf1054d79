package io.carmarket.standalone;

import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;

import java.time.LocalDate;
import java.time.ZoneId;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A car that does not exist is an ordinary answer, not an incident: any client can ask for one, so its 404 must not
 * write a warning with a stack trace to the log (Axon's repository did, about 170 lines per command).
 */
@StandaloneSystemTest
@ExtendWith(OutputCaptureExtension.class)
class NotFoundLoggingEndToEndTest {

    @LocalServerPort
    int port;

    private CarMarketClient anonymous;
    private CarMarketClient customer;
    private final String unknownCar = UUID.randomUUID().toString();

    @BeforeEach
    void connect() {
        anonymous = new CarMarketClient(port);
        customer = anonymous.as(anonymous.newUser("CUSTOMER"));
    }

    @Test
    void the_page_of_an_unknown_car_is_a_404_problem_and_nothing_in_the_log(CapturedOutput log) {
        ResponseEntity<JsonNode> page = anonymous.get("/cars/" + unknownCar);

        assertCarNotFound(page);
        assertThat(log.getAll()).doesNotContain(unknownCar).doesNotContain("AggregateNotFoundException");
    }

    @Test
    void a_booking_of_an_unknown_car_is_a_404_problem_and_nothing_in_the_log(CapturedOutput log) {
        LocalDate today = LocalDate.now(ZoneId.of("Europe/Berlin"));

        ResponseEntity<JsonNode> booking = customer.book(unknownCar, today.plusDays(5), today.plusDays(7));

        assertCarNotFound(booking);
        assertThat(log.getAll()).doesNotContain(unknownCar).doesNotContain("AggregateNotFoundException");
    }

    private static void assertCarNotFound(ResponseEntity<JsonNode> response) {
        assertThat(response.getStatusCode().value()).isEqualTo(404);
        assertThat(response.getHeaders().getContentType()).isEqualTo(MediaType.APPLICATION_PROBLEM_JSON);
        assertThat(response.getBody().get("code").asText()).isEqualTo("CAR_NOT_FOUND");
    }
}
