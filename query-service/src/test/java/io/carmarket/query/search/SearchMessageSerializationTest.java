package io.carmarket.query.search;

import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import io.carmarket.api.car.BodyType;
import io.carmarket.api.car.CarDescription;
import io.carmarket.api.car.CarImage;
import io.carmarket.api.car.CarStatus;
import io.carmarket.api.car.DateRange;
import io.carmarket.api.car.FuelType;
import io.carmarket.api.car.Transmission;
import io.carmarket.api.search.CalendarDay;
import io.carmarket.api.search.CarCalendar;
import io.carmarket.api.search.CarCalendarById;
import io.carmarket.api.search.CarDetails;
import io.carmarket.api.search.CarMakes;
import io.carmarket.api.search.CarSearch;
import io.carmarket.api.search.CarSearchPage;
import io.carmarket.api.search.CarSortField;
import io.carmarket.api.search.CarSummary;
import io.carmarket.api.search.CarSummaryList;
import io.carmarket.api.search.FeaturedCars;
import io.carmarket.api.search.MakeCount;
import io.carmarket.api.search.PriceType;
import io.carmarket.api.search.SimilarCars;
import io.carmarket.api.search.SortDirection;
import org.axonframework.serialization.SerializedObject;
import org.axonframework.serialization.json.JacksonSerializer;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The search queries and answers cross Axon Server in the distributed deployment: each survives Axon's Jackson
 * serializer, configured as the services configure it.
 */
class SearchMessageSerializationTest {

    private static final LocalDate DAY = LocalDate.of(2030, 3, 1);

    private final JacksonSerializer serializer = JacksonSerializer.builder()
            .objectMapper(new ObjectMapper().findAndRegisterModules()
                    .disable(SerializationFeature.WRITE_DATES_AS_TIMESTAMPS)
                    .disable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES))
            .build();

    static Stream<Object> messages() {
        CarSummary summary = new CarSummary("car-1", "BMW", "X5", "xDrive30d", 2021, BodyType.SUV,
                Transmission.AUTOMATIC, FuelType.DIESEL, 30_000, "Hamburg", new BigDecimal("99.00"), null, "EUR",
                "https://img/1.jpg", Instant.parse("2030-01-01T10:00:00Z"), true, null);
        return Stream.of(
                new CarSearch(List.of("BMW"), PriceType.DAILY_RATE, BigDecimal.ONE, BigDecimal.TEN, 2018, 2022,
                        BodyType.SUV, Transmission.AUTOMATIC, FuelType.DIESEL, 50_000, "Hamburg", "x5",
                        new DateRange(DAY, DAY.plusDays(2)), CarSortField.PRICE, SortDirection.ASC, null, 20),
                new CarSearchPage(List.of(summary), "cursor"),
                new CarCalendarById("car-1", DAY, null),
                new CarCalendar("car-1", DAY, DAY.plusDays(1), DAY.plusDays(9), List.of(new CalendarDay(DAY, false, true))),
                new SimilarCars("car-1", 6),
                new FeaturedCars(12),
                new CarSummaryList(List.of(summary)),
                new CarMakes(),
                new MakeCount("BMW", 3),
                new CarDetails("car-1", CarStatus.RESERVED, true,
                        new CarDescription("BMW", "X5", null, 2021, BodyType.SUV, Transmission.AUTOMATIC,
                                FuelType.DIESEL, 30_000, "Black", 5, List.of(), null),
                        "Hamburg", null, null, "Europe/Berlin", List.of(new CarImage("https://img/1.jpg", true)),
                        new BigDecimal("99.00"), null, "EUR", 30, Instant.parse("2030-01-01T10:00:00Z"),
                        DAY.plusDays(9), List.of(new DateRange(DAY, DAY.plusDays(2)))));
    }

    @ParameterizedTest
    @MethodSource("messages")
    void survives_the_serializer(Object message) {
        SerializedObject<byte[]> serialized = serializer.serialize(message, byte[].class);
        Object restored = serializer.deserialize(serialized);
        assertThat(restored).isEqualTo(message);
    }
}
