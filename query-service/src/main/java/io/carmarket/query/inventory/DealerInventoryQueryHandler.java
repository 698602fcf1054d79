package io.carmarket.query.inventory;

import io.carmarket.api.car.CarStatus;
import io.carmarket.api.identity.Actor;
import io.carmarket.api.inventory.DealerCarDetails;
import io.carmarket.api.inventory.DealerCarPage;
import io.carmarket.api.inventory.DealerCarQuery;
import io.carmarket.api.inventory.DealerCarsQuery;
import io.carmarket.query.booking.BookingQueryHandler;
import io.carmarket.query.inventory.DealerCarEntry.Fields;
import io.carmarket.query.reservation.PurchaseReservationQueryHandler;
import io.carmarket.query.search.SearchText;
import org.axonframework.queryhandling.QueryHandler;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.stereotype.Component;

import java.time.Clock;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Optional;
import java.util.regex.Pattern;

import static org.springframework.data.mongodb.core.query.Criteria.where;

/**
 * Answers the dealer's inventory queries from {@link DealerCarEntry}, and composes a car's page with its live
 * bookings and purchase reservation from their own read models.
 * <p>
 * A list is one flat query: the dealer's equality first (the most selective field: the embedded server tests the
 * fields in the order of the query document), then the states, the make key, the search words and the cursor's
 * {@code $or}; sorted by the order's keys and limited to one more than the page, so the last page is known.
 */
@Component
public class DealerInventoryQueryHandler {

    private final MongoTemplate mongoTemplate;
    private final BookingQueryHandler bookings;
    private final PurchaseReservationQueryHandler reservations;
    private final Clock clock;

    @Autowired
    public DealerInventoryQueryHandler(MongoTemplate mongoTemplate, BookingQueryHandler bookings,
                                       PurchaseReservationQueryHandler reservations) {
        this(mongoTemplate, bookings, reservations, Clock.systemUTC());
    }

    DealerInventoryQueryHandler(MongoTemplate mongoTemplate, BookingQueryHandler bookings,
                                PurchaseReservationQueryHandler reservations, Clock clock) {
        this.mongoTemplate = mongoTemplate;
        this.bookings = bookings;
        this.reservations = reservations;
        this.clock = clock;
    }

    /**
     * @throws DealerCarOrdering.InvalidCursorException if the cursor is not one of this list's order
     */
    @QueryHandler
    public DealerCarPage cars(DealerCarsQuery query) {
        Criteria criteria = where(Fields.DEALER_ID).is(query.dealerId());
        if (!query.statuses().isEmpty()) {
            criteria.and(Fields.STATUS).in(query.statuses().stream().map(CarStatus::name).toList());
        }
        if (query.make() != null && !query.make().isBlank()) {
            criteria.and(Fields.MAKE_KEY).is(SearchText.key(query.make()));
        }
        List<String> words = SearchText.queryWords(query.q());
        if (!words.isEmpty()) {
            criteria.and(Fields.SEARCH_TOKENS).all(words.stream()
                    .map(word -> Pattern.compile(SearchText.prefixPattern(word))).toArray());
        }
        DealerCarOrdering ordering = DealerCarOrdering.of(query.sort(), query.direction());
        if (query.cursor() != null) {
            criteria.orOperator(ordering.itemsAfter(query.cursor()));
        }
        Query find = Query.query(criteria).with(ordering.sort()).limit(query.limit() + 1);
        List<DealerCarEntry> found = mongoTemplate.find(find, DealerCarEntry.class);
        if (found.size() <= query.limit()) {
            return new DealerCarPage(found.stream().map(DealerCarEntry::view).toList(), null);
        }
        List<DealerCarEntry> page = found.subList(0, query.limit());
        return new DealerCarPage(page.stream().map(DealerCarEntry::view).toList(),
                ordering.cursorAfter(page.get(page.size() - 1)));
    }

    /** Empty both when the car does not exist and when it is another dealer's: existence does not leak. */
    @QueryHandler
    public Optional<DealerCarDetails> car(DealerCarQuery query) {
        return Optional.ofNullable(mongoTemplate.findById(query.carId(), DealerCarEntry.class))
                .filter(entry -> maySee(query.viewer(), entry))
                .map(entry -> new DealerCarDetails(entry.view(),
                        bookings.liveBookingsOf(entry.carId(), todayAt(entry)),
                        reservations.currentReservationOf(entry.carId()).orElse(null)));
    }

    private static boolean maySee(Actor viewer, DealerCarEntry entry) {
        return switch (viewer.role()) {
            case DEALER -> viewer.is(entry.dealerId());
            case ADMIN, AUDITOR -> true;
            case CUSTOMER -> false;
        };
    }

    /** Today where the car is (a booking's dates are days of the car's zone); UTC when it has no zone. */
    private LocalDate todayAt(DealerCarEntry entry) {
        ZoneId zone = entry.timeZone() == null ? ZoneOffset.UTC : ZoneId.of(entry.timeZone());
        return LocalDate.now(clock.withZone(zone));
    }
}
