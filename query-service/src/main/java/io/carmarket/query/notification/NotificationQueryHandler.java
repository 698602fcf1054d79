package io.carmarket.query.notification;

import io.carmarket.api.notifications.NotificationPage;
import io.carmarket.api.notifications.NotificationSearch;
import io.carmarket.query.common.NewestFirstList;
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
    private final NewestFirstList<NotificationEntry> list;

    public NotificationQueryHandler(MongoTemplate mongoTemplate) {
        this.mongoTemplate = mongoTemplate;
        this.list = new NewestFirstList<>(mongoTemplate, CURSOR_KIND, NotificationEntry.class, Fields.CREATED_AT,
                NotificationEntry::createdAt, NotificationEntry::id);
    }

    @QueryHandler
    public NotificationPage search(NotificationSearch search) {
        List<Criteria> filters = new ArrayList<>();
        filters.add(where(Fields.RECIPIENT_ID).is(search.recipientId()));
        if (search.unreadOnly()) {
            filters.add(where(Fields.READ).is(false));
        }
        NewestFirstList.Page<NotificationEntry> page = list.page(filters, search.cursor(), search.limit());
        long unread = mongoTemplate.count(Query.query(
                where(Fields.RECIPIENT_ID).is(search.recipientId()).and(Fields.READ).is(false)), NotificationEntry.class);
        return new NotificationPage(page.items().stream().map(NotificationEntry::view).toList(), unread,
                page.nextCursor());
    }
}
