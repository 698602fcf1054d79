package io.carmarket.query.notification;

import io.carmarket.api.notifications.NotificationView;
import io.carmarket.query.notification.NotificationEntry.Fields;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.data.mongodb.core.query.Update;
import org.springframework.stereotype.Component;

import java.time.Clock;
import java.util.Optional;

import static org.springframework.data.mongodb.core.query.Criteria.where;

/**
 * What a recipient does with their notifications: mark them read. This state belongs to the read side (it is
 * not an event of the domain); the projection never overwrites it. Both operations are idempotent.
 */
@Component
public class NotificationInbox {

    private final MongoTemplate mongoTemplate;
    private final Clock clock;

    @Autowired
    public NotificationInbox(MongoTemplate mongoTemplate) {
        this(mongoTemplate, Clock.systemUTC());
    }

    NotificationInbox(MongoTemplate mongoTemplate, Clock clock) {
        this.mongoTemplate = mongoTemplate;
        this.clock = clock;
    }

    /**
     * Marks one of the recipient's notifications read (keeping the first {@code readAt} when it already was).
     *
     * @return the notification; empty if the recipient has no notification with this id
     */
    public Optional<NotificationView> markRead(String recipientId, String notificationId) {
        mongoTemplate.updateFirst(
                Query.query(where(Fields.ID).is(notificationId).and(Fields.RECIPIENT_ID).is(recipientId)
                        .and(Fields.READ).is(false)),
                new Update().set(Fields.READ, true).set(Fields.READ_AT, clock.instant()), NotificationEntry.class);
        return Optional.ofNullable(mongoTemplate.findOne(
                        Query.query(where(Fields.ID).is(notificationId).and(Fields.RECIPIENT_ID).is(recipientId)),
                        NotificationEntry.class))
                .map(NotificationEntry::view);
    }

    /** How many of the recipient's notifications are not read yet. */
    public long unreadCount(String recipientId) {
        return mongoTemplate.count(Query.query(where(Fields.RECIPIENT_ID).is(recipientId).and(Fields.READ).is(false)),
                NotificationEntry.class);
    }

    /** @return how many notifications this call marked read (0 when all already were) */
    public long markAllRead(String recipientId) {
        return mongoTemplate.updateMulti(
                Query.query(where(Fields.RECIPIENT_ID).is(recipientId).and(Fields.READ).is(false)),
                new Update().set(Fields.READ, true).set(Fields.READ_AT, clock.instant()),
                NotificationEntry.class).getModifiedCount();
    }
}
