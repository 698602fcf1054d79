package io.carmarket.query.booking;

import io.carmarket.api.bookings.BookingById;
import io.carmarket.api.bookings.BookingPage;
import io.carmarket.api.bookings.BookingSearch;
import io.carmarket.api.bookings.BookingView;
import io.carmarket.query.booking.BookingEntry.Fields;
import org.axonframework.queryhandling.QueryHandler;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.stereotype.Component;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

import static org.springframework.data.mongodb.core.query.Criteria.where;

/** Answers the booking queries from the {@link BookingEntry} read model, showing each viewer only their share. */
@Component
public class BookingQueryHandler {

    /** The kind written into this list's cursors. */
    public static final String CURSOR_KIND = "bookings";

    private final MongoTemplate mongoTemplate;

    public BookingQueryHandler(MongoTemplate mongoTemplate) {
        this.mongoTemplate = mongoTemplate;
    }

    @QueryHandler
    public BookingPage search(BookingSearch search) {
        List<Criteria> filters = new ArrayList<>();
        Participants.visibleTo(search.viewer(), Fields.CUSTOMER_ID, Fields.DEALER_ID).ifPresent(filters::add);
        if (!search.statuses().isEmpty()) {
            filters.add(where(Fields.STATUS).in(search.statuses()));
        }
        // Overlapping [from, to): starts before `to` and ends after `from` (ISO dates compare like the calendar).
        if (search.to() != null) {
            filters.add(where(Fields.START_DATE).lt(search.to().toString()));
        }
        if (search.from() != null) {
            filters.add(where(Fields.END_DATE).gt(search.from().toString()));
        }
        if (search.cursor() != null) {
            filters.add(NewestFirstCursor.decode(search.cursor(), CURSOR_KIND).itemsAfter(Fields.CREATED_AT));
        }
        Criteria all = filters.isEmpty() ? new Criteria() : new Criteria().andOperator(filters);
        Query query = Query.query(all).with(NewestFirstCursor.order(Fields.CREATED_AT)).limit(search.limit() + 1);
        List<BookingEntry> found = mongoTemplate.find(query, BookingEntry.class);

        boolean hasMore = found.size() > search.limit();
        List<BookingEntry> page = hasMore ? found.subList(0, search.limit()) : found;
        String nextCursor = null;
        if (hasMore) {
            BookingEntry last = page.get(page.size() - 1);
            nextCursor = NewestFirstCursor.after(CURSOR_KIND, last.createdAt(), last.bookingId()).encode();
        }
        return new BookingPage(page.stream().map(BookingEntry::view).toList(), nextCursor);
    }

    /** Empty both when the booking does not exist and when the viewer may not see it: existence does not leak. */
    @QueryHandler
    public Optional<BookingView> booking(BookingById query) {
        return Optional.ofNullable(mongoTemplate.findById(query.bookingId(), BookingEntry.class))
                .filter(entry -> Participants.maySee(query.viewer(), entry.customerId(), entry.dealerId()))
                .map(BookingEntry::view);
    }
}
