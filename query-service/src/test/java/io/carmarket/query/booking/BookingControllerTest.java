package io.carmarket.query.booking;

import io.carmarket.api.bookings.BookingById;
import io.carmarket.api.bookings.BookingPage;
import io.carmarket.api.bookings.BookingSearch;
import io.carmarket.api.bookings.BookingView;
import io.carmarket.api.bookings.CarCard;
import io.carmarket.api.car.BookingStatus;
import io.carmarket.api.identity.Actor;
import io.carmarket.api.identity.Role;
import io.carmarket.query.common.NewestFirstCursor;
import io.carmarket.query.common.TestEvents;
import io.carmarket.query.common.WebEdge;
import org.axonframework.messaging.responsetypes.ResponseType;
import org.axonframework.queryhandling.QueryGateway;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.mockito.ArgumentCaptor;
import org.springframework.test.web.servlet.MockMvc;

import java.math.BigDecimal;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;

import static io.carmarket.query.common.TestEvents.DAY;
import static io.carmarket.query.common.TestEvents.period;
import static org.assertj.core.api.Assertions.assertThat;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.never;
import static org.mockito.Mockito.verify;
import static org.mockito.Mockito.when;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/** The web edge of the bookings: the query it sends for whom, and 400s naming the parameter before any query. */
class BookingControllerTest {

    private QueryGateway queryGateway;
    private MockMvc mvc;

    @BeforeEach
    void controller() {
        queryGateway = mock(QueryGateway.class);
        mvc = WebEdge.of(new BookingController(queryGateway));
        WebEdge.signIn("alice", Role.CUSTOMER);
    }

    @AfterEach
    void signOut() {
        WebEdge.signOut();
    }

    @Test
    void the_list_asks_for_the_signed_in_users_bookings_with_the_filters_given() throws Exception {
        answer(BookingSearch.class, new BookingPage(List.of(), null));

        mvc.perform(get("/api/v1/bookings?status=CONFIRMED&status=PENDING_APPROVAL&from=2030-03-01&to=2030-03-05"))
                .andExpect(status().isOk()).andExpect(jsonPath("$.items").isArray());

        assertThat(sent(BookingSearch.class)).isEqualTo(new BookingSearch(new Actor("alice", Role.CUSTOMER),
                List.of(BookingStatus.CONFIRMED, BookingStatus.PENDING_APPROVAL), DAY, DAY.plusDays(4), null, 20));
    }

    @Test
    void one_booking_is_200_when_visible_and_404_otherwise() throws Exception {
        BookingView view = new BookingView("b-1", "car-1", new CarCard("VW", "Golf", "Berlin", null), "alice",
                "dealer-1", period(0, 3), BookingStatus.CONFIRMED, new BigDecimal("148.50"), "EUR", null, null, null,
                null, null, null, null);
        when(queryGateway.query(any(BookingById.class), any(ResponseType.class)))
                .thenAnswer(call -> CompletableFuture.completedFuture(
                        ((BookingById) call.getArgument(0)).bookingId().equals("b-1") ? Optional.of(view)
                                : Optional.empty()));

        mvc.perform(get("/api/v1/bookings/b-1")).andExpect(status().isOk())
                .andExpect(jsonPath("$.bookingId").value("b-1")).andExpect(jsonPath("$.car.make").value("VW"));
        mvc.perform(get("/api/v1/bookings/b-2")).andExpect(status().isNotFound())
                .andExpect(jsonPath("$.code").value("BOOKING_NOT_FOUND"));
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
            "status=NOPE | status",
            "limit=0 | limit",
            "limit=101 | limit",
            "limit=many | limit",
            "from=yesterday | from",
            "to=2030-13-01 | to",
            "from=2030-03-05&to=2030-03-05 | to",
            "from=2030-03-05&to=2030-03-01 | to",
            "cursor=not-a-cursor | cursor",
            "status=CONFIRMED&status=CONFIRMED&status=CONFIRMED&status=CONFIRMED&status=CONFIRMED&status=CONFIRMED | status"})
    void nonsense_parameters_are_400_naming_the_parameter(String query, String parameter) throws Exception {
        mvc.perform(get("/api/v1/bookings?" + query)).andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.code").value("VALIDATION_FAILED"))
                .andExpect(jsonPath("$.errors." + parameter).exists());

        verify(queryGateway, never()).query(any(BookingSearch.class), any(ResponseType.class));
    }

    @Test
    void a_cursor_of_another_list_is_400() throws Exception {
        String foreign = NewestFirstCursor.after("notifications", TestEvents.T0, "n-1").encode();

        mvc.perform(get("/api/v1/bookings?cursor=" + foreign)).andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.errors.cursor").exists());
    }

    private <Q> void answer(Class<Q> queryType, Object answer) {
        when(queryGateway.query(any(queryType), any(ResponseType.class)))
                .thenReturn(CompletableFuture.completedFuture(answer));
    }

    private <Q> Q sent(Class<Q> queryType) {
        ArgumentCaptor<Q> query = ArgumentCaptor.forClass(queryType);
        verify(queryGateway).query(query.capture(), any(ResponseType.class));
        return query.getValue();
    }
}
