package io.carmarket.query.reservation;

import io.carmarket.api.reservations.PurchaseReservationById;
import io.carmarket.api.reservations.PurchaseReservationPage;
import io.carmarket.api.reservations.PurchaseReservationSearch;
import io.carmarket.api.reservations.PurchaseReservationView;
import io.carmarket.query.common.NewestFirstList;
import io.carmarket.query.common.ParticipantVisibility;
import io.carmarket.query.reservation.PurchaseReservationEntry.Fields;
import org.axonframework.queryhandling.QueryHandler;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.stereotype.Component;

import io.carmarket.api.car.purchase.PurchaseReservationStatus;
import org.springframework.data.domain.Sort;
import org.springframework.data.mongodb.core.query.Query;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

import static org.springframework.data.mongodb.core.query.Criteria.where;

/** Answers the purchase reservation queries, showing each viewer only their share. */
@Component
public class PurchaseReservationQueryHandler {

    public static final String CURSOR_KIND = "purchase-reservations";

    private final MongoTemplate mongoTemplate;
    private final NewestFirstList<PurchaseReservationEntry> list;

    public PurchaseReservationQueryHandler(MongoTemplate mongoTemplate) {
        this.mongoTemplate = mongoTemplate;
        this.list = new NewestFirstList<>(mongoTemplate, CURSOR_KIND, PurchaseReservationEntry.class,
                Fields.CREATED_AT, PurchaseReservationEntry::createdAt, PurchaseReservationEntry::reservationId);
    }

    @QueryHandler
    public PurchaseReservationPage search(PurchaseReservationSearch search) {
        List<Criteria> filters = new ArrayList<>();
        ParticipantVisibility.visibleTo(search.viewer(), Fields.CUSTOMER_ID, Fields.DEALER_ID)
                .ifPresent(filters::add);
        if (!search.statuses().isEmpty()) {
            filters.add(where(Fields.STATUS).in(search.statuses()));
        }
        NewestFirstList.Page<PurchaseReservationEntry> page = list.page(filters, search.cursor(), search.limit());
        return new PurchaseReservationPage(page.items().stream().map(PurchaseReservationEntry::view).toList(),
                page.nextCursor());
    }

    /** Empty both when the reservation does not exist and when the viewer may not see it. */
    @QueryHandler
    public Optional<PurchaseReservationView> reservation(PurchaseReservationById query) {
        return Optional.ofNullable(mongoTemplate.findById(query.reservationId(), PurchaseReservationEntry.class))
                .filter(entry -> ParticipantVisibility.maySee(query.viewer(), entry.customerId(), entry.dealerId()))
                .map(PurchaseReservationEntry::view);
    }

    /**
     * The car's purchase reservation for the dealer's page of the car: its live one (PENDING, CONFIRMED,
     * INSPECTION_SCHEDULED), or the completed one of a sold car; the newest if the read model ever held two.
     */
    public Optional<PurchaseReservationView> currentReservationOf(String carId) {
        Query current = Query.query(where(Fields.CAR_ID).is(carId).and(Fields.STATUS).in(
                        PurchaseReservationStatus.PENDING.name(), PurchaseReservationStatus.CONFIRMED.name(),
                        PurchaseReservationStatus.INSPECTION_SCHEDULED.name(),
                        PurchaseReservationStatus.COMPLETED.name()))
                .with(Sort.by(Sort.Direction.DESC, Fields.CREATED_AT, Fields.ID)).limit(1);
        return Optional.ofNullable(mongoTemplate.findOne(current, PurchaseReservationEntry.class))
                .map(PurchaseReservationEntry::view);
    }
}
