package io.carmarket.query.reservation;

import io.carmarket.api.reservations.PurchaseReservationById;
import io.carmarket.api.reservations.PurchaseReservationPage;
import io.carmarket.api.reservations.PurchaseReservationSearch;
import io.carmarket.api.reservations.PurchaseReservationView;
import io.carmarket.query.booking.NewestFirstCursor;
import io.carmarket.query.booking.Participants;
import io.carmarket.query.reservation.PurchaseReservationEntry.Fields;
import org.axonframework.queryhandling.QueryHandler;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.stereotype.Component;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

import static org.springframework.data.mongodb.core.query.Criteria.where;

/** Answers the purchase reservation queries, showing each viewer only their share. */
@Component
public class PurchaseReservationQueryHandler {

    public static final String CURSOR_KIND = "purchase-reservations";

    private final MongoTemplate mongoTemplate;

    public PurchaseReservationQueryHandler(MongoTemplate mongoTemplate) {
        this.mongoTemplate = mongoTemplate;
    }

    @QueryHandler
    public PurchaseReservationPage search(PurchaseReservationSearch search) {
        List<Criteria> filters = new ArrayList<>();
        Participants.visibleTo(search.viewer(), Fields.CUSTOMER_ID, Fields.DEALER_ID).ifPresent(filters::add);
        if (!search.statuses().isEmpty()) {
            filters.add(where(Fields.STATUS).in(search.statuses()));
        }
        if (search.cursor() != null) {
            filters.add(NewestFirstCursor.decode(search.cursor(), CURSOR_KIND).itemsAfter(Fields.CREATED_AT));
        }
        Criteria all = filters.isEmpty() ? new Criteria() : new Criteria().andOperator(filters);
        Query query = Query.query(all).with(NewestFirstCursor.order(Fields.CREATED_AT)).limit(search.limit() + 1);
        List<PurchaseReservationEntry> found = mongoTemplate.find(query, PurchaseReservationEntry.class);

        boolean hasMore = found.size() > search.limit();
        List<PurchaseReservationEntry> page = hasMore ? found.subList(0, search.limit()) : found;
        String nextCursor = null;
        if (hasMore) {
            PurchaseReservationEntry last = page.get(page.size() - 1);
            nextCursor = NewestFirstCursor.after(CURSOR_KIND, last.createdAt(), last.reservationId()).encode();
        }
        return new PurchaseReservationPage(page.stream().map(PurchaseReservationEntry::view).toList(), nextCursor);
    }

    /** Empty both when the reservation does not exist and when the viewer may not see it. */
    @QueryHandler
    public Optional<PurchaseReservationView> reservation(PurchaseReservationById query) {
        return Optional.ofNullable(mongoTemplate.findById(query.reservationId(), PurchaseReservationEntry.class))
                .filter(entry -> Participants.maySee(query.viewer(), entry.customerId(), entry.dealerId()))
                .map(PurchaseReservationEntry::view);
    }
}
