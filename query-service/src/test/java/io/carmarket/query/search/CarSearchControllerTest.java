package io.carmarket.query.search;

import io.carmarket.api.search.CalendarDay;
import io.carmarket.api.search.CarCalendar;
import io.carmarket.api.search.CarCalendarById;
import io.carmarket.api.search.CarDetailsById;
import io.carmarket.api.search.CarMakes;
import io.carmarket.api.search.CarSearch;
import io.carmarket.api.search.CarSearchPage;
import io.carmarket.api.search.CarSummaryList;
import io.carmarket.api.search.FeaturedCars;
import io.carmarket.api.search.MakeCount;
import io.carmarket.api.search.SimilarCars;
import io.carmarket.query.common.WebEdge;
import org.axonframework.messaging.responsetypes.ResponseType;
import org.axonframework.queryhandling.QueryGateway;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.mockito.ArgumentCaptor;
import org.springframework.test.web.servlet.MockMvc;

import java.net.URI;
import java.time.LocalDate;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;

import static org.assertj.core.api.Assertions.assertThat;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.never;
import static org.mockito.Mockito.verify;
import static org.mockito.Mockito.when;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/**
 * The web edge of the car queries without the rest of the system: which route answers, which query it sends, and
 * that nonsense parameters answer 400 naming the parameter before any query is sent.
 */
class CarSearchControllerTest {

    private QueryGateway queryGateway;
    private MockMvc mvc;

    @BeforeEach
    void controller() {
        queryGateway = mock(QueryGateway.class);
        mvc = WebEdge.of(new CarSearchController(queryGateway));
    }

    @Test
    void featured_and_makes_are_their_own_routes_not_car_ids() throws Exception {
        answer(FeaturedCars.class, new CarSummaryList(List.of()));
        answer(CarMakes.class, List.of(new MakeCount("BMW", 3)));

        mvc.perform(get("/api/v1/cars/featured")).andExpect(status().isOk()).andExpect(jsonPath("$.items").isArray());
        mvc.perform(get("/api/v1/cars/makes")).andExpect(status().isOk())
                .andExpect(jsonPath("$[0].make").value("BMW")).andExpect(jsonPath("$[0].count").value(3));

        verify(queryGateway, never()).query(any(CarDetailsById.class), any(ResponseType.class));
        assertThat(sent(FeaturedCars.class)).isEqualTo(new FeaturedCars(FeaturedCars.DEFAULT_LIMIT));
    }

    @Test
    void similar_cars_default_to_six_and_an_unknown_car_is_404() throws Exception {
        answer(SimilarCars.class, Optional.empty());

        mvc.perform(get("/api/v1/cars/car-1/similar")).andExpect(status().isNotFound())
                .andExpect(jsonPath("$.code").value("CAR_NOT_FOUND"));

        assertThat(sent(SimilarCars.class)).isEqualTo(new SimilarCars("car-1", 6));
    }

    @Test
    void the_calendar_passes_missing_dates_on_for_the_cars_zone_to_decide() throws Exception {
        LocalDate today = LocalDate.of(2030, 3, 1);
        answer(CarCalendarById.class, Optional.of(new CarCalendar("car-1", today, today.plusDays(1), null,
                List.of(new CalendarDay(today, false, true)))));

        mvc.perform(get("/api/v1/cars/car-1/availability")).andExpect(status().isOk())
                .andExpect(jsonPath("$.carId").value("car-1"))
                .andExpect(jsonPath("$.from").value("2030-03-01"))
                .andExpect(jsonPath("$.days[0].date").value("2030-03-01"))
                .andExpect(jsonPath("$.days[0].available").value(false))
                .andExpect(jsonPath("$.days[0].pending").value(true));

        assertThat(sent(CarCalendarById.class)).isEqualTo(new CarCalendarById("car-1", null, null));
    }

    @Test
    void a_calendar_whose_end_is_not_after_today_in_the_cars_zone_is_refused_naming_to() throws Exception {
        LocalDate today = LocalDate.of(2030, 3, 1);
        answer(CarCalendarById.class, Optional.of(new CarCalendar("car-1", today, today, null, List.of())));

        mvc.perform(get("/api/v1/cars/car-1/availability?to=2030-03-01")).andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.errors.to").exists());
    }

    @Test
    void an_unknown_cars_calendar_is_404() throws Exception {
        answer(CarCalendarById.class, Optional.empty());

        mvc.perform(get("/api/v1/cars/car-1/availability?from=2030-03-01&to=2030-03-05"))
                .andExpect(status().isNotFound()).andExpect(jsonPath("$.code").value("CAR_NOT_FOUND"));
    }

    @Test
    void search_passes_every_filter_on() throws Exception {
        answer(CarSearch.class, new CarSearchPage(List.of(), null));

        mvc.perform(get(URI.create("/api/v1/cars?make=BMW&minYear=2018&maxYear=2022&bodyType=SUV"
                + "&transmission=AUTOMATIC&fuelType=DIESEL&maxMileage=50000&city=Hamburg&q=x5%20xdrive")))
                .andExpect(status().isOk());

        CarSearch search = sent(CarSearch.class);
        assertThat(search.makes()).containsExactly("BMW");
        assertThat(search.minYear()).isEqualTo(2018);
        assertThat(search.maxYear()).isEqualTo(2022);
        assertThat(search.bodyType()).hasToString("SUV");
        assertThat(search.transmission()).hasToString("AUTOMATIC");
        assertThat(search.fuelType()).hasToString("DIESEL");
        assertThat(search.maxMileage()).isEqualTo(50_000);
        assertThat(search.city()).isEqualTo("Hamburg");
        assertThat(search.q()).isEqualTo("x5 xdrive");
    }

    @Test
    void blank_text_and_city_mean_no_filter() throws Exception {
        answer(CarSearch.class, new CarSearchPage(List.of(), null));

        mvc.perform(get(URI.create("/api/v1/cars?q=%20%20&city=&bodyType="))).andExpect(status().isOk());

        CarSearch search = sent(CarSearch.class);
        assertThat(search.q()).isNull();
        assertThat(search.city()).isNull();
        assertThat(search.bodyType()).isNull();
    }

    @ParameterizedTest(name = "{0} names {1}")
    @CsvSource(delimiter = '|', value = {
            "/cars?minYear=abc | minYear",
            "/cars?minYear=1800 | minYear",
            "/cars?maxYear=3000 | maxYear",
            "/cars?minYear=2022&maxYear=2020 | maxYear",
            "/cars?bodyType=BOAT | bodyType",
            "/cars?transmission=CVT | transmission",
            "/cars?fuelType=STEAM | fuelType",
            "/cars?maxMileage=-1 | maxMileage",
            "/cars?maxMileage=lots | maxMileage",
            "/cars?q=!!! | q",
            "/cars?q=a b c d e f g h i | q",
            "/cars/car-1/availability?from=tomorrow | from",
            "/cars/car-1/availability?to=2030-13-01 | to",
            "/cars/car-1/availability?from=2030-03-05&to=2030-03-05 | to",
            "/cars/car-1/availability?from=2030-03-05&to=2030-03-01 | to",
            "/cars/car-1/availability?from=2030-01-01&to=2031-01-03 | to",
            "/cars/car-1/availability?from=+999999999-12-31 | from",
            "/cars/car-1/availability?from=0001-01-01&to=0001-01-05 | from",
            "/cars/car-1/similar?limit=0 | limit",
            "/cars/car-1/similar?limit=21 | limit",
            "/cars/car-1/similar?limit=six | limit",
            "/cars/featured?limit=0 | limit",
            "/cars/featured?limit=51 | limit",
            "/cars/featured?limit=many | limit",
    })
    void nonsense_parameters_answer_400_naming_the_parameter(String pathAndQuery, String parameter) throws Exception {
        mvc.perform(get(URI.create("/api/v1" + pathAndQuery.replace(" ", "%20").replace("+", "%2B"))))
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.code").value("VALIDATION_FAILED"))
                .andExpect(jsonPath("$.errors." + parameter).exists());

        verify(queryGateway, never()).query(any(), any(ResponseType.class));
    }

    @Test
    void a_long_city_or_text_is_refused() throws Exception {
        String longText = "a".repeat(101);
        mvc.perform(get("/api/v1/cars?city=" + longText)).andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.errors.city").exists());
        mvc.perform(get("/api/v1/cars?q=" + longText)).andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.errors.q").exists());
    }

    @SuppressWarnings("unchecked")
    private <Q> void answer(Class<Q> queryType, Object answer) {
        when(queryGateway.query(any(queryType), any(ResponseType.class)))
                .thenReturn(CompletableFuture.completedFuture(answer));
    }

    @SuppressWarnings("unchecked")
    private <Q> Q sent(Class<Q> queryType) {
        ArgumentCaptor<Q> query = ArgumentCaptor.forClass(queryType);
        verify(queryGateway).query(query.capture(), any(ResponseType.class));
        return query.getValue();
    }
}
