package io.carmarket.query.negotiation;

import io.carmarket.api.identity.Actor;
import io.carmarket.api.identity.Role;
import io.carmarket.api.negotiation.NegotiationStatus;
import io.carmarket.api.negotiation.Party;
import io.carmarket.api.negotiations.NegotiationById;
import io.carmarket.api.negotiations.NegotiationPage;
import io.carmarket.api.negotiations.NegotiationSearch;
import io.carmarket.api.negotiations.NegotiationSummary;
import io.carmarket.api.negotiations.NegotiationSummaryOf;
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

/** The HTTP edge of the negotiation queries: what it sends over the query bus, and what it refuses before. */
class NegotiationQueryControllerTest {

    private QueryGateway queryGateway;
    private MockMvc mvc;

    @BeforeEach
    void controller() {
        queryGateway = mock(QueryGateway.class);
        mvc = WebEdge.of(new NegotiationQueryController(queryGateway));
        WebEdge.signIn("dealer-1", Role.DEALER);
    }

    @AfterEach
    void signOut() {
        WebEdge.signOut();
    }

    @Test
    void the_list_asks_for_what_the_signed_in_user_may_see_with_the_filters_and_role_view() throws Exception {
        when(queryGateway.query(any(NegotiationSearch.class), any(ResponseType.class)))
                .thenReturn(CompletableFuture.completedFuture(new NegotiationPage(List.of(), null)));

        mvc.perform(get("/api/v1/negotiations?status=OPEN&status=ACCEPTED&as=dealer&limit=5"))
                .andExpect(status().isOk());

        ArgumentCaptor<NegotiationSearch> sent = ArgumentCaptor.forClass(NegotiationSearch.class);
        verify(queryGateway).query(sent.capture(), any(ResponseType.class));
        assertThat(sent.getValue()).isEqualTo(new NegotiationSearch(new Actor("dealer-1", Role.DEALER),
                List.of(NegotiationStatus.OPEN, NegotiationStatus.ACCEPTED), Party.DEALER, null, 5));
    }

    @Test
    void without_filters_the_list_asks_for_everything_visible_twenty_at_a_time() throws Exception {
        when(queryGateway.query(any(NegotiationSearch.class), any(ResponseType.class)))
                .thenReturn(CompletableFuture.completedFuture(new NegotiationPage(List.of(), null)));

        mvc.perform(get("/api/v1/negotiations?as=BUYER")).andExpect(status().isOk());

        ArgumentCaptor<NegotiationSearch> sent = ArgumentCaptor.forClass(NegotiationSearch.class);
        verify(queryGateway).query(sent.capture(), any(ResponseType.class));
        assertThat(sent.getValue()).isEqualTo(new NegotiationSearch(new Actor("dealer-1", Role.DEALER), List.of(),
                Party.BUYER, null, 20));
    }

    @Test
    void the_summary_path_is_not_taken_for_a_negotiation_id() throws Exception {
        when(queryGateway.query(any(NegotiationSummaryOf.class), any(ResponseType.class)))
                .thenReturn(CompletableFuture.completedFuture(new NegotiationSummary(3)));

        mvc.perform(get("/api/v1/negotiations/summary")).andExpect(status().isOk())
                .andExpect(jsonPath("$.awaitingMyAnswer").value(3));

        verify(queryGateway).query(any(NegotiationSummaryOf.class), any(ResponseType.class));
        verify(queryGateway, never()).query(any(NegotiationById.class), any(ResponseType.class));
    }

    @Test
    void one_the_caller_may_not_see_is_404() throws Exception {
        when(queryGateway.query(any(NegotiationById.class), any(ResponseType.class)))
                .thenReturn(CompletableFuture.completedFuture(Optional.empty()));

        mvc.perform(get("/api/v1/negotiations/n-1")).andExpect(status().isNotFound())
                .andExpect(jsonPath("$.code").value("NEGOTIATION_NOT_FOUND"));

        ArgumentCaptor<NegotiationById> sent = ArgumentCaptor.forClass(NegotiationById.class);
        verify(queryGateway).query(sent.capture(), any(ResponseType.class));
        assertThat(sent.getValue()).isEqualTo(new NegotiationById(new Actor("dealer-1", Role.DEALER), "n-1"));
    }

    @ParameterizedTest
    @ValueSource(strings = {"status=SOLD", "as=seller", "as=", "limit=0", "limit=101", "limit=many",
            "cursor=garbage"})
    void nonsense_parameters_are_400_naming_the_parameter(String query) throws Exception {
        String parameter = query.substring(0, query.indexOf('='));
        mvc.perform(get("/api/v1/negotiations?" + query)).andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.errors." + parameter).exists());

        verify(queryGateway, never()).query(any(NegotiationSearch.class), any(ResponseType.class));
    }
}
