package io.carmarket.query.notification;

import io.carmarket.api.notifications.NotificationPage;
import io.carmarket.api.notifications.NotificationSearch;
import io.carmarket.query.common.DashboardChanges;
import io.carmarket.query.common.NewestFirstCursor;
import io.carmarket.query.common.OkOrNotFound;
import io.carmarket.support.security.AuthenticatedUser;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import org.axonframework.messaging.responsetypes.ResponseTypes;
import org.axonframework.queryhandling.QueryGateway;
import org.springframework.http.ResponseEntity;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

import java.util.Map;

/**
 * A user's own notifications. Someone else's notification is answered 404, like one that does not exist. Every
 * authenticated user, whatever the role, has their own notifications.
 */
@RestController
@RequestMapping("/api/v1/notifications")
public class NotificationController {

    private static final int DEFAULT_LIMIT = 20;

    private final QueryGateway queryGateway;
    private final NotificationInbox inbox;
    private final DashboardChanges dashboards;

    public NotificationController(QueryGateway queryGateway, NotificationInbox inbox, DashboardChanges dashboards) {
        this.queryGateway = queryGateway;
        this.inbox = inbox;
        this.dashboards = dashboards;
    }

    /** @param unread {@code true}: only unread ones; absent or {@code false}: all */
    @GetMapping
    public NotificationPage list(
            @AuthenticationPrincipal AuthenticatedUser user,
            @RequestParam(defaultValue = "false") boolean unread,
            @RequestParam(required = false) String cursor,
            @RequestParam(defaultValue = "" + DEFAULT_LIMIT) @Min(1) @Max(NotificationSearch.MAX_LIMIT) int limit) {
        NewestFirstCursor.checkParameter(cursor, NotificationQueryHandler.CURSOR_KIND);
        return queryGateway.query(new NotificationSearch(user.userId(), unread, cursor, limit),
                ResponseTypes.instanceOf(NotificationPage.class)).join();
    }

    /** Idempotent: marking a read notification read again answers the same. */
    @PostMapping("/{notificationId}/read")
    public ResponseEntity<?> markRead(@AuthenticationPrincipal AuthenticatedUser user,
                                      @PathVariable String notificationId) {
        var marked = inbox.markRead(user.userId(), notificationId);
        dashboards.customerChanged(user.userId());
        return OkOrNotFound.of(marked, "NOTIFICATION_NOT_FOUND", "No notification " + notificationId);
    }

    @PostMapping("/read-all")
    public Map<String, Long> markAllRead(@AuthenticationPrincipal AuthenticatedUser user) {
        long marked = inbox.markAllRead(user.userId());
        dashboards.customerChanged(user.userId());
        return Map.of("marked", marked);
    }
}
