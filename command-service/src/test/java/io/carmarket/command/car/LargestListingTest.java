package io.carmarket.command.car;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.carmarket.api.car.BodyType;
import io.carmarket.api.car.CarListed;
import io.carmarket.api.car.FuelType;
import io.carmarket.api.car.Transmission;
import io.carmarket.command.car.ListCarRequest.ImageRequest;
import io.carmarket.command.car.ListCarRequest.LocationRequest;
import io.carmarket.support.web.input.RequestBodyProperties;
import jakarta.validation.Validation;
import jakarta.validation.Validator;
import org.axonframework.eventhandling.EventMessage;
import org.axonframework.test.aggregate.AggregateTestFixture;
import org.hamcrest.BaseMatcher;
import org.hamcrest.Description;
import org.junit.jupiter.api.Test;
import org.springframework.http.converter.json.Jackson2ObjectMapperBuilder;
import org.springframework.util.unit.DataSize;

import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Currency;
import java.util.List;
import java.util.stream.IntStream;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * How much one request can add to the event store, at most: the largest event any request causes is the listing
 * of a car with every field at its limit (docs/api.md, "Limits"). It stays below the request body limit, which
 * bounds every other request too. Text is made of three-byte UTF-8 characters, the most bytes a Java char can take.
 */
class LargestListingTest {

    private static final String THREE_BYTE_CHAR = "語";
    private static final long BODY_LIMIT_BYTES = DataSize.parse(RequestBodyProperties.DEFAULT_MAX_SIZE).toBytes();

    private final Validator validator = Validation.buildDefaultValidatorFactory().getValidator();
    private final ObjectMapper eventJson = Jackson2ObjectMapperBuilder.json()
            .serializationInclusion(JsonInclude.Include.NON_NULL).build();

    @Test
    void a_listing_with_every_field_at_its_limit_is_valid_and_its_event_is_smaller_than_the_body_limit()
            throws Exception {
        ListCarRequest largest = largestListing();
        assertThat(validator.validate(largest)).as("the largest listing is a valid one").isEmpty();

        CarListed event = listedEventOf(largest);
        int eventBytes = eventJson.writeValueAsBytes(event).length;

        System.out.printf("Largest CarListed event: %d bytes (request body limit %d bytes)%n", eventBytes,
                BODY_LIMIT_BYTES);
        assertThat(eventBytes).isLessThan((int) BODY_LIMIT_BYTES);
    }

    private static ListCarRequest largestListing() {
        List<String> features = IntStream.range(0, 50).mapToObj(i -> text(60)).toList();
        List<ImageRequest> images = IntStream.range(0, 20)
                .mapToObj(i -> new ImageRequest("https://images.example.com/" + "a".repeat(2000 - 27), i == 0))
                .toList();
        return new ListCarRequest(text(40), text(60), text(80), 2024, BodyType.CONVERTIBLE, Transmission.AUTOMATIC,
                FuelType.ELECTRIC, 2_000_000, text(40), 60, "WVWZZZ1KZAW000001", text(20),
                new LocationRequest(text(80), -89.999999, 179.999999, ZoneId.of("America/Argentina/ComodRivadavia")),
                features, text(5000), images, new BigDecimal("999999999999.99"), new BigDecimal("999999999999.99"),
                Currency.getInstance("EUR"), 365);
    }

    private static String text(int length) {
        return THREE_BYTE_CHAR.repeat(length);
    }

    private static CarListed listedEventOf(ListCarRequest request) {
        List<CarListed> listed = new ArrayList<>();
        AggregateTestFixture<Car> fixture = CarFixtures.at(Instant.parse("2026-06-10T20:00:00Z"));
        fixture.givenNoPriorActivity()
                .when(request.toCommand("c0a8012e-0000-4000-8000-000000000000", "d0a8012e-0000-4000-8000-000000000000",
                        new CarListingDefaults(30, ZoneId.of("UTC"))))
                .expectEventsMatching(new BaseMatcher<List<? super EventMessage<?>>>() {
                    @Override
                    public boolean matches(Object events) {
                        ((List<?>) events).forEach(event ->
                                listed.add((CarListed) ((EventMessage<?>) event).getPayload()));
                        return listed.size() == 1;
                    }

                    @Override
                    public void describeTo(Description description) {
                        description.appendText("exactly one CarListed");
                    }
                });
        assertThat(listed.get(0).description().description().getBytes(StandardCharsets.UTF_8)).hasSize(15_000);
        return listed.get(0);
    }
}
