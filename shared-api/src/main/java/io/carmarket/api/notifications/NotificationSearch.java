package io.carmarket.api.notifications;

/**
 * The recipient's own notifications, newest first.
 *
 * @param unreadOnly only those not yet marked read
 * @param cursor     the {@code nextCursor} of the previous page, optional
 * @param limit      page size, 1 to {@link #MAX_LIMIT}
 */
public record NotificationSearch(String recipientId, boolean unreadOnly, String cursor, int limit) {

    public static final int MAX_LIMIT = 100;
}
