package io.carmarket.api.notifications;

import java.util.List;

/**
 * A page of notifications, newest first; {@code nextCursor} is null on the last page. {@code unreadCount} counts
 * all of the recipient's unread notifications, not only this page's (for a badge).
 */
public record NotificationPage(List<NotificationView> items, long unreadCount, String nextCursor) {

    public NotificationPage {
        items = List.copyOf(items);
    }
}
