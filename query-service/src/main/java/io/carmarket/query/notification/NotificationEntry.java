package io.carmarket.query.notification;

import io.carmarket.api.notifications.NotificationType;
import io.carmarket.api.notifications.NotificationView;
import org.springframework.data.annotation.Id;
import org.springframework.data.mongodb.core.mapping.Document;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.UUID;

/**
 * One notification for one recipient, about a booking, a purchase reservation or a negotiation (one of the three
 * ids is set). Its id is derived from the id of the event it reports and the recipient, so
 * a redelivered event finds its notifications already there. {@code read} and {@code readAt} belong to the
 * recipient and are never touched by the projection.
 */
@Document(NotificationEntry.COLLECTION)
public record NotificationEntry(
        @Id String id,
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

    public static final String COLLECTION = "notifications";

    /** The same event and recipient give the same id, on every delivery and every replay. */
    static String idOf(String eventId, String recipientId) {
        return UUID.nameUUIDFromBytes(("notification|" + eventId + "|" + recipientId)
                .getBytes(StandardCharsets.UTF_8)).toString();
    }

    NotificationView view() {
        return new NotificationView(id, recipientId, type, carId, bookingId, reservationId, negotiationId, message,
                createdAt, read, readAt);
    }

    /** Field names as stored, for queries and updates. */
    static final class Fields {
        static final String ID = "_id";
        static final String RECIPIENT_ID = "recipientId";
        static final String CREATED_AT = "createdAt";
        static final String READ = "read";
        static final String READ_AT = "readAt";

        private Fields() {
        }
    }
}
