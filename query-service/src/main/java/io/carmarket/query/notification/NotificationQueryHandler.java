package io.carmarket.query.notification;

import io.carmarket.api.notifications.NotificationPage;
import io.carmarket.api.notifications.NotificationSearch;
import io.carmarket.query.booking.NewestFirstCursor;
import io.carmarket.query.notification.NotificationEntry.Fields;
import org.axonframework.queryhandling.QueryHandler;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.stereotype.Component;

import java.util.ArrayList;
import java.util.List;

import static org.springframework.data.mongodb.core.query.Criteria.where;

/** Answers a user's notification list: only their own, newest first. */
@Component
public class NotificationQueryHandler {

    public static final String CURSOR_KIND = "notifications";

    private final MongoTemplate mongoTemplate;

    public NotificationQueryHandler(MongoTemplate mongoTemplate) {
        this.mongoTemplate = mongoTemplate;
    }

    @QueryHandler
    public NotificationPage search(NotificationSearch search) {
        List<Criteria> filters = new ArrayList<>();
        filters.add(where(Fields.RECIPIENT_ID).is(search.recipientId()));
        if (search.unreadOnly()) {
            filters.add(where(Fields.READ).is(false));
        }
        if (search.cursor() != null) {
            filters.add(NewestFirstCursor.decode(search.cursor(), CURSOR_KIND).itemsAfter(Fields.CREATED_AT));
        }
        Query query = Query.query(new Criteria().andOperator(filters))
                .with(NewestFirstCursor.order(Fields.CREATED_AT)).limit(search.limit() + 1);
        List<NotificationEntry> found = mongoTemplate.find(query, NotificationEntry.class);

        boolean hasMore = found.size() > search.limit();
        List<NotificationEntry> page = hasMore ? found.subList(0, search.limit()) : found;
        String nextCursor = null;
        if (hasMore) {
            NotificationEntry last = page.get(page.size() - 1);
            nextCursor = NewestFirstCursor.after(CURSOR_KIND, last.createdAt(), last.id()).encode();
        }
        long unread = mongoTemplate.count(Query.query(
                where(Fields.RECIPIENT_ID).is(search.recipientId()).and(Fields.READ).is(false)), NotificationEntry.class);
        return new NotificationPage(page.stream().map(NotificationEntry::view).toList(), unread, nextCursor);
    }
}
