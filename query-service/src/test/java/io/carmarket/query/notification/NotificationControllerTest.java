package io.carmarket.query.notification;

import io.carmarket.query.common.DashboardChanges;
import io.carmarket.api.identity.Role;
import io.carmarket.api.notifications.NotificationPage;
import io.carmarket.api.notifications.NotificationSearch;
import io.carmarket.api.notifications.NotificationType;
import io.carmarket.api.notifications.NotificationView;
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
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

class NotificationControllerTest {

    private QueryGateway queryGateway;
    private NotificationInbox inbox;
    private MockMvc mvc;

    @BeforeEach
    void controller() {
        queryGateway = mock(QueryGateway.class);
        inbox = mock(NotificationInbox.class);
        mvc = WebEdge.of(new NotificationController(queryGateway, inbox, DashboardChanges.NONE));
        WebEdge.signIn("alice", Role.CUSTOMER);
    }

    @AfterEach
    void signOut() {
        WebEdge.signOut();
    }

    @Test
    void the_list_is_the_signed_in_users_own_and_unread_true_filters() throws Exception {
        when(queryGateway.query(any(NotificationSearch.class), any(ResponseType.class)))
                .thenReturn(CompletableFuture.completedFuture(new NotificationPage(List.of(), 0, null)));

        mvc.perform(get("/api/v1/notifications?unread=true")).andExpect(status().isOk())
                .andExpect(jsonPath("$.unreadCount").value(0));

        ArgumentCaptor<NotificationSearch> sent = ArgumentCaptor.forClass(NotificationSearch.class);
        verify(queryGateway).query(sent.capture(), any(ResponseType.class));
        assertThat(sent.getValue()).isEqualTo(new NotificationSearch("alice", true, null, 20));
    }

    @Test
    void marking_read_answers_the_notification_or_404_for_someone_elses() throws Exception {
        NotificationView mine = new NotificationView("n-1", "alice", NotificationType.BOOKING_APPROVED, "car-1", "b-1",
                null, "Approved.", null, true, null);
        when(inbox.markRead("alice", "n-1")).thenReturn(Optional.of(mine));
        when(inbox.markRead("alice", "n-2")).thenReturn(Optional.empty());

        mvc.perform(post("/api/v1/notifications/n-1/read")).andExpect(status().isOk())
                .andExpect(jsonPath("$.read").value(true));
        mvc.perform(post("/api/v1/notifications/n-2/read")).andExpect(status().isNotFound())
                .andExpect(jsonPath("$.code").value("NOTIFICATION_NOT_FOUND"));
    }

    @Test
    void read_all_answers_how_many_it_marked() throws Exception {
        when(inbox.markAllRead("alice")).thenReturn(3L);

        mvc.perform(post("/api/v1/notifications/read-all")).andExpect(status().isOk())
                .andExpect(jsonPath("$.marked").value(3));
    }

    @ParameterizedTest
    @ValueSource(strings = {"unread=maybe", "limit=0", "limit=101", "cursor=garbage"})
    void nonsense_parameters_are_400_naming_the_parameter(String query) throws Exception {
        String parameter = query.substring(0, query.indexOf('='));
        mvc.perform(get("/api/v1/notifications?" + query)).andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.errors." + parameter).exists());

        verify(queryGateway, never()).query(any(NotificationSearch.class), any(ResponseType.class));
    }
}
