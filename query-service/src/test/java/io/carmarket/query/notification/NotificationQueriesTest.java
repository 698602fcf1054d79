package io.carmarket.query.notification;

import io.carmarket.api.notifications.NotificationPage;
import io.carmarket.api.notifications.NotificationSearch;
import io.carmarket.api.notifications.NotificationView;
import io.carmarket.query.EmbeddedMongo;
import io.carmarket.query.common.NewestFirstCursor;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.query.Query;

import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;

import static io.carmarket.query.common.TestEvents.at;
import static io.carmarket.query.common.TestEvents.booked;
import static io.carmarket.query.common.TestEvents.listed;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** A user's own notifications: the list, the unread filter, the cursor, and marking read (idempotent, own only). */
class NotificationQueriesTest {

    private static final Instant NOW = Instant.parse("2030-02-01T12:00:00Z");

    @RegisterExtension
    static final EmbeddedMongo mongo = new EmbeddedMongo();

    private NotificationQueryHandler queries;
    private NotificationInbox inbox;

    /** dealer-1 gets n1..n3 (newest n3), dealer-2 gets n4. */
    @BeforeEach
    void notifications() {
        MongoTemplate mongoTemplate = mongo.template();
        mongoTemplate.remove(new Query(), NotificationEntry.class);
        mongoTemplate.remove(new Query(), NotificationProjection.CARS_COLLECTION);
        mongoTemplate.remove(new Query(), NotificationProjection.BOOKINGS_COLLECTION);
        NotificationProjection projection = new NotificationProjection(mongoTemplate);
        queries = new NotificationQueryHandler(mongoTemplate);
        inbox = new NotificationInbox(mongoTemplate, Clock.fixed(NOW, ZoneOffset.UTC));

        projection.on(listed("car-1", "dealer-1", "Volkswagen", "Golf"), 0);
        projection.on(listed("car-2", "dealer-2", "BMW", "X3"), 0);
        projection.on(booked("car-1", "b-1", "alice", 0, 3), "n1", at(1));
        projection.on(booked("car-1", "b-2", "bob", 5, 7), "n2", at(2));
        projection.on(booked("car-1", "b-3", "alice", 10, 12), "n3", at(3));
        projection.on(booked("car-2", "b-4", "alice", 0, 3), "n4", at(4));
    }

    @Test
    void a_user_sees_only_their_own_notifications_newest_first() {
        NotificationPage page = queries.search(new NotificationSearch("dealer-1", false, null, 20));

        assertThat(page.items()).extracting(NotificationView::bookingId).containsExactly("b-3", "b-2", "b-1");
        assertThat(page.items()).extracting(NotificationView::recipientId).containsOnly("dealer-1");
        assertThat(page.unreadCount()).isEqualTo(3);
        assertThat(queries.search(new NotificationSearch("alice", false, null, 20)).items()).isEmpty();
    }

    @Test
    void marking_one_read_is_idempotent_and_keeps_the_first_read_time() {
        String id = idOf("dealer-1", "b-2");

        NotificationView read = inbox.markRead("dealer-1", id).orElseThrow();
        assertThat(read.read()).isTrue();
        assertThat(read.readAt()).isEqualTo(NOW);

        NotificationInbox later = new NotificationInbox(mongo.template(),
                Clock.fixed(NOW.plusSeconds(3600), ZoneOffset.UTC));
        NotificationView again = later.markRead("dealer-1", id).orElseThrow();
        assertThat(again.read()).isTrue();
        assertThat(again.readAt()).isEqualTo(NOW);
    }

    @Test
    void someone_elses_notification_cannot_be_marked_read_and_stays_unread() {
        String id = idOf("dealer-1", "b-2");

        assertThat(inbox.markRead("dealer-2", id)).isEmpty();
        assertThat(inbox.markRead("dealer-1", "no-such-notification")).isEmpty();
        assertThat(queries.search(new NotificationSearch("dealer-1", false, null, 20)).unreadCount()).isEqualTo(3);
    }

    @Test
    void the_unread_filter_leaves_out_what_was_read() {
        inbox.markRead("dealer-1", idOf("dealer-1", "b-2"));

        NotificationPage unread = queries.search(new NotificationSearch("dealer-1", true, null, 20));

        assertThat(unread.items()).extracting(NotificationView::bookingId).containsExactly("b-3", "b-1");
        assertThat(unread.unreadCount()).isEqualTo(2);
    }

    @Test
    void read_all_marks_only_the_users_own_and_counts_what_it_changed() {
        inbox.markRead("dealer-1", idOf("dealer-1", "b-2"));

        assertThat(inbox.markAllRead("dealer-1")).isEqualTo(2);
        assertThat(inbox.markAllRead("dealer-1")).isZero();

        assertThat(queries.search(new NotificationSearch("dealer-1", true, null, 20)).items()).isEmpty();
        assertThat(queries.search(new NotificationSearch("dealer-2", true, null, 20)).items()).hasSize(1);
    }

    @Test
    void pages_follow_one_another_with_the_cursor() {
        NotificationPage first = queries.search(new NotificationSearch("dealer-1", false, null, 2));
        assertThat(first.items()).extracting(NotificationView::bookingId).containsExactly("b-3", "b-2");

        NotificationPage second = queries.search(new NotificationSearch("dealer-1", false, first.nextCursor(), 2));
        assertThat(second.items()).extracting(NotificationView::bookingId).containsExactly("b-1");
        assertThat(second.nextCursor()).isNull();

        assertThatThrownBy(() -> queries.search(new NotificationSearch("dealer-1", false,
                NewestFirstCursor.after("favorites", at(2), "x").encode(), 2)))
                .isInstanceOf(NewestFirstCursor.InvalidCursorException.class);
    }

    private String idOf(String recipientId, String bookingId) {
        List<NotificationView> all = queries.search(new NotificationSearch(recipientId, false, null, 100)).items();
        return all.stream().filter(view -> bookingId.equals(view.bookingId())).findFirst().orElseThrow().id();
    }
}
