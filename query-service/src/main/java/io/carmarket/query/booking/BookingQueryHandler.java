package io.carmarket.query.booking;

import io.carmarket.api.bookings.BookingById;
import io.carmarket.api.bookings.BookingPage;
import io.carmarket.api.bookings.BookingSearch;
import io.carmarket.api.bookings.BookingView;
import io.carmarket.query.booking.BookingEntry.Fields;
import io.carmarket.query.common.NewestFirstList;
import io.carmarket.query.common.ParticipantVisibility;
import org.axonframework.queryhandling.QueryHandler;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.stereotype.Component;

import io.carmarket.api.car.BookingStatus;
import org.springframework.data.domain.Sort;
import org.springframework.data.mongodb.core.query.Query;

import java.time.LocalDate;
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
    private final NewestFirstList<BookingEntry> list;

    public BookingQueryHandler(MongoTemplate mongoTemplate) {
        this.mongoTemplate = mongoTemplate;
        this.list = new NewestFirstList<>(mongoTemplate, CURSOR_KIND, BookingEntry.class, Fields.CREATED_AT,
                BookingEntry::createdAt, BookingEntry::bookingId);
    }

    @QueryHandler
    public BookingPage search(BookingSearch search) {
        List<Criteria> filters = new ArrayList<>();
        ParticipantVisibility.visibleTo(search.viewer(), Fields.CUSTOMER_ID, Fields.DEALER_ID)
                .ifPresent(filters::add);
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
        NewestFirstList.Page<BookingEntry> page = list.page(filters, search.cursor(), search.limit());
        return new BookingPage(page.items().stream().map(BookingEntry::view).toList(), page.nextCursor());
    }

    /** Empty both when the booking does not exist and when the viewer may not see it: existence does not leak. */
    @QueryHandler
    public Optional<BookingView> booking(BookingById query) {
        return Optional.ofNullable(mongoTemplate.findById(query.bookingId(), BookingEntry.class))
                .filter(entry -> ParticipantVisibility.maySee(query.viewer(), entry.customerId(), entry.dealerId()))
                .map(BookingEntry::view);
    }

    /**
     * The car's live bookings (PENDING_APPROVAL or CONFIRMED) that have not ended by {@code today}, soonest first:
     * for the dealer's page of the car. Bookings are whole days {@code [startDate, endDate)}.
     */
    public List<BookingView> liveBookingsOf(String carId, LocalDate today) {
        Query live = Query.query(where(Fields.CAR_ID).is(carId)
                        .and(Fields.STATUS).in(BookingStatus.CONFIRMED.name(), BookingStatus.PENDING_APPROVAL.name())
                        .and(Fields.END_DATE).gt(today.toString()))
                .with(Sort.by(Fields.START_DATE, Fields.ID));
        return mongoTemplate.find(live, BookingEntry.class).stream().map(BookingEntry::view).toList();
    }
}
