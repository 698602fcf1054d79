package io.carmarket.api.notifications;

import java.time.Instant;

/**
 * One notification. {@code bookingId}, {@code reservationId} or {@code negotiationId} names what it is about, beside
 * the car.
 *
 * @param createdAt when the event it reports happened
 * @param readAt    when the recipient marked it read, null while unread
 */
public record NotificationView(
        String id,
        String recipientId,
        NotificationType type,
        String carId,
        String bookingId,
        String reservationId,
        String negotiationId,
        String message,
        Instant createdAt,
        boolean read,
        Instant readAt) {

    /** A notification about a booking or a purchase reservation (no negotiation). */
    public NotificationView(String id, String recipientId, NotificationType type, String carId, String bookingId,
                            String reservationId, String message, Instant createdAt, boolean read, Instant readAt) {
        this(id, recipientId, type, carId, bookingId, reservationId, null, message, createdAt, read, readAt);
    }
}
