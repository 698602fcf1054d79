package io.carmarket.query.notification;

import io.carmarket.api.notifications.NotificationType;
import io.carmarket.query.common.DashboardChanges;
import io.carmarket.query.common.InsertOnce;
import org.springframework.data.mongodb.core.MongoTemplate;

import java.time.Instant;
import java.util.Objects;

/**
 * Writes one notification for one recipient of one event, once: its id is derived from the event's identifier and
 * the recipient and the write is an insert-only upsert, so a redelivered event creates nothing and leaves the
 * recipient's {@code read} flag as it is. Within a processor's batch the writes are held and sent together at its
 * end (D32): no handler of the group reads notifications. Shared by the projections of the {@code notifications}
 * group.
 */
final class NotificationWriter {

    private final MongoTemplate mongoTemplate;
    private final DashboardChanges dashboards;

    NotificationWriter(MongoTemplate mongoTemplate, DashboardChanges dashboards) {
        this.mongoTemplate = mongoTemplate;
        this.dashboards = dashboards;
    }

    /** Nothing happens for an unknown ({@code null}) recipient. */
    void notifyOnce(String eventId, Instant at, String recipientId, NotificationType type, String carId,
                    String bookingId, String reservationId, String negotiationId, String message) {
        if (recipientId == null) {
            return;
        }
        Objects.requireNonNull(eventId, "eventId");
        NotificationEntry entry = new NotificationEntry(NotificationEntry.idOf(eventId, recipientId), recipientId,
                type, carId, bookingId, reservationId, negotiationId, message, at, false, null);
        InsertOnce.upsertWithBatch(mongoTemplate, entry.id(), entry);
        dashboards.customerChanged(recipientId);
    }
}
