package io.carmarket.query.reservation;

import io.carmarket.api.car.purchase.PurchaseReservationStatus;
import io.carmarket.api.identity.Actor;
import io.carmarket.api.identity.Role;
import io.carmarket.api.reservations.PurchaseReservationById;
import io.carmarket.api.reservations.PurchaseReservationPage;
import io.carmarket.api.reservations.PurchaseReservationSearch;
import io.carmarket.query.common.WebEdge;
import org.axonframework.messaging.responsetypes.ResponseType;
import org.axonframework.queryhandling.QueryGateway;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.mockito.ArgumentCaptor;
import org.springframework.test.web.servlet.MockMvc;

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

class PurchaseReservationQueryControllerTest {

    private QueryGateway queryGateway;
    private MockMvc mvc;

    @BeforeEach
    void controller() {
        queryGateway = mock(QueryGateway.class);
        mvc = WebEdge.of(new PurchaseReservationQueryController(queryGateway));
        WebEdge.signIn("dealer-1", Role.DEALER);
    }

    @AfterEach
    void signOut() {
        WebEdge.signOut();
    }

    @Test
    void the_list_asks_for_what_the_signed_in_dealer_may_see() throws Exception {
        when(queryGateway.query(any(PurchaseReservationSearch.class), any(ResponseType.class)))
                .thenReturn(CompletableFuture.completedFuture(new PurchaseReservationPage(List.of(), null)));

        mvc.perform(get("/api/v1/purchase-reservations?status=PENDING&limit=5")).andExpect(status().isOk());

        ArgumentCaptor<PurchaseReservationSearch> sent = ArgumentCaptor.forClass(PurchaseReservationSearch.class);
        verify(queryGateway).query(sent.capture(), any(ResponseType.class));
        assertThat(sent.getValue()).isEqualTo(new PurchaseReservationSearch(new Actor("dealer-1", Role.DEALER),
                List.of(PurchaseReservationStatus.PENDING), null, 5));
    }

    @Test
    void one_the_caller_may_not_see_is_404() throws Exception {
        when(queryGateway.query(any(PurchaseReservationById.class), any(ResponseType.class)))
                .thenReturn(CompletableFuture.completedFuture(Optional.empty()));

        mvc.perform(get("/api/v1/purchase-reservations/r-1")).andExpect(status().isNotFound())
                .andExpect(jsonPath("$.code").value("RESERVATION_NOT_FOUND"));
    }

    @ParameterizedTest
    @ValueSource(strings = {"status=SOLD", "limit=0", "limit=101", "cursor=garbage"})
    void nonsense_parameters_are_400_naming_the_parameter(String query) throws Exception {
        String parameter = query.substring(0, query.indexOf('='));
        mvc.perform(get("/api/v1/purchase-reservations?" + query)).andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.errors." + parameter).exists());

        verify(queryGateway, never()).query(any(PurchaseReservationSearch.class), any(ResponseType.class));
    }
}
