package io.carmarket.query.common;

import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Function;

/**
 * One of the user's own lists (bookings, purchase reservations, notifications, favourites), read a page at a time,
 * newest first, with {@link NewestFirstCursor}s of its kind.
 *
 * @param <T> the read model's document type
 */
public final class NewestFirstList<T> {

    private final MongoTemplate mongoTemplate;
    private final String kind;
    private final Class<T> type;
    private final String timestampField;
    private final Function<T, Instant> timestampOf;
    private final Function<T, String> idOf;

    /**
     * @param kind           the kind written into this list's cursors
     * @param timestampField the stored field the list is ordered by (then by {@code _id})
     * @param timestampOf    that field of an item, for the next cursor
     * @param idOf           an item's id, for the next cursor
     */
    public NewestFirstList(MongoTemplate mongoTemplate, String kind, Class<T> type, String timestampField,
                           Function<T, Instant> timestampOf, Function<T, String> idOf) {
        this.mongoTemplate = mongoTemplate;
        this.kind = kind;
        this.type = type;
        this.timestampField = timestampField;
        this.timestampOf = timestampOf;
        this.idOf = idOf;
    }

    /** Some items of the list, and the cursor of the next page while more follow (null on the last page). */
    public record Page<T>(List<T> items, String nextCursor) {
    }

    /**
     * The items matching all the filters that come after the cursor (from the newest when it is null), at most
     * {@code limit} of them.
     *
     * @throws NewestFirstCursor.InvalidCursorException if the cursor is not one of this list
     */
    public Page<T> page(List<Criteria> filters, String cursor, int limit) {
        List<Criteria> all = new ArrayList<>(filters);
        if (cursor != null) {
            all.add(NewestFirstCursor.decode(cursor, kind).itemsAfter(timestampField));
        }
        Criteria criteria = all.isEmpty() ? new Criteria() : new Criteria().andOperator(all);
        Query query = Query.query(criteria).with(NewestFirstCursor.order(timestampField)).limit(limit + 1);
        List<T> found = mongoTemplate.find(query, type);
        if (found.size() <= limit) {
            return new Page<>(found, null);
        }
        List<T> items = found.subList(0, limit);
        T last = items.get(items.size() - 1);
        return new Page<>(items, NewestFirstCursor.after(kind, timestampOf.apply(last), idOf.apply(last)).encode());
    }
}
