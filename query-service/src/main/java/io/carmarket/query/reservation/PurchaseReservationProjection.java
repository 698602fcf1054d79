package io.carmarket.query.reservation;

import io.carmarket.api.car.CarListed;
import io.carmarket.api.car.CarListingChanged;
import io.carmarket.api.car.purchase.InspectionScheduled;
import io.carmarket.api.car.purchase.PurchaseCompleted;
import io.carmarket.api.car.purchase.PurchaseReservationCancelled;
import io.carmarket.api.car.purchase.PurchaseReservationConfirmed;
import io.carmarket.api.car.purchase.PurchaseReservationExpired;
import io.carmarket.api.car.purchase.PurchaseReservationStatus;
import io.carmarket.api.car.purchase.PurchaseReserved;
import io.carmarket.query.booking.CarLookup;
import io.carmarket.query.booking.CarLookup.KnownCar;
import io.carmarket.query.reservation.PurchaseReservationEntry.Fields;
import io.carmarket.query.reservation.PurchaseReservationEntry.StoredFinancing;
import io.carmarket.query.reservation.PurchaseReservationEntry.StoredTradeIn;
import jakarta.annotation.PostConstruct;
import org.axonframework.config.ProcessingGroup;
import org.axonframework.eventhandling.EventHandler;
import org.axonframework.eventhandling.ResetHandler;
import org.axonframework.eventhandling.SequenceNumber;
import org.axonframework.eventhandling.Timestamp;
import org.bson.Document;
import org.springframework.data.domain.Sort;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.index.Index;
import org.springframework.data.mongodb.core.index.IndexOperations;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.data.mongodb.core.query.Update;
import org.springframework.stereotype.Component;

import java.time.Instant;
import java.util.Map;

import static org.springframework.data.mongodb.core.query.Criteria.where;

/**
 * Projects purchase reservations into {@link PurchaseReservationEntry} documents, one per reservation, with its own
 * {@value #CARS_COLLECTION} lookup of each car's dealer and display data.
 * <p>
 * Idempotent like the bookings: created by an insert-only upsert, changed only while the document's
 * {@code version} is below the event's sequence number.
 */
@Component
@ProcessingGroup(PurchaseReservationProjection.PROCESSING_GROUP)
public class PurchaseReservationProjection {

    public static final String PROCESSING_GROUP = "purchase-reservations";
    public static final String CARS_COLLECTION = "purchase_reservation_cars";

    private final MongoTemplate mongoTemplate;
    private final CarLookup cars;

    public PurchaseReservationProjection(MongoTemplate mongoTemplate) {
        this.mongoTemplate = mongoTemplate;
        this.cars = new CarLookup(mongoTemplate, CARS_COLLECTION);
    }

    /** For MongoDB 7: each role's list newest first, and a car's reservations for a listing change. */
    @PostConstruct
    void ensureIndexes() {
        IndexOperations indexes = mongoTemplate.indexOps(PurchaseReservationEntry.class);
        indexes.createIndex(newestFirst(Fields.CUSTOMER_ID).named("customer_newest_first"));
        indexes.createIndex(newestFirst(Fields.DEALER_ID).named("dealer_newest_first"));
        indexes.createIndex(new Index(Fields.CREATED_AT, Sort.Direction.DESC).on(Fields.ID, Sort.Direction.DESC)
                .named("newest_first"));
        indexes.createIndex(new Index(Fields.CAR_ID, Sort.Direction.ASC).named("car"));
    }

    private static Index newestFirst(String owner) {
        return new Index(owner, Sort.Direction.ASC).on(Fields.CREATED_AT, Sort.Direction.DESC)
                .on(Fields.ID, Sort.Direction.DESC);
    }

    @EventHandler
    void on(CarListed event, @SequenceNumber long sequenceNumber) {
        cars.listed(event, sequenceNumber);
    }

    @EventHandler
    void on(CarListingChanged event, @SequenceNumber long sequenceNumber) {
        Map<String, Object> shown = cars.changed(event, sequenceNumber);
        if (shown.isEmpty()) {
            return;
        }
        Update update = new Update().set(Fields.CAR_VERSION, sequenceNumber);
        shown.forEach((field, value) -> update.set(Fields.CAR + "." + field, value));
        mongoTemplate.updateMulti(
                Query.query(where(Fields.CAR_ID).is(event.carId()).and(Fields.CAR_VERSION).lt(sequenceNumber)),
                update, PurchaseReservationEntry.class);
    }

    @EventHandler
    void on(PurchaseReserved event, @SequenceNumber long sequenceNumber, @Timestamp Instant reservedAt) {
        KnownCar car = cars.findOrUnknown(event.carId());
        PurchaseReservationEntry entry = new PurchaseReservationEntry(event.reservationId(), sequenceNumber,
                event.orderNumber(), event.carId(), car.card(), car.version(), event.customerId(), car.dealerId(),
                PurchaseReservationStatus.PENDING, event.paymentMethod(), StoredFinancing.of(event.financing()),
                StoredTradeIn.of(event.tradeIn()), event.price(), event.totalAmount(), event.financedAmount(),
                event.currency() == null ? null : event.currency().getCurrencyCode(),
                event.handoverDate() == null ? null : event.handoverDate().toString(), null, event.expiresAt(),
                null, reservedAt, reservedAt);
        Document document = new Document();
        mongoTemplate.getConverter().write(entry, document);
        Update insertOnce = new Update();
        document.forEach((field, value) -> {
            if (!Fields.ID.equals(field) && !"_class".equals(field)) {
                insertOnce.setOnInsert(field, value);
            }
        });
        mongoTemplate.upsert(Query.query(where(Fields.ID).is(entry.reservationId())), insertOnce,
                PurchaseReservationEntry.class);
    }

    @EventHandler
    void on(PurchaseReservationConfirmed event, @SequenceNumber long sequenceNumber, @Timestamp Instant at) {
        applyOnce(event.reservationId(), sequenceNumber, at,
                new Update().set(Fields.STATUS, PurchaseReservationStatus.CONFIRMED));
    }

    @EventHandler
    void on(InspectionScheduled event, @SequenceNumber long sequenceNumber, @Timestamp Instant at) {
        applyOnce(event.reservationId(), sequenceNumber, at, new Update()
                .set(Fields.STATUS, PurchaseReservationStatus.INSPECTION_SCHEDULED)
                .set(Fields.INSPECTION_DATE, event.inspectionDate() == null ? null
                        : event.inspectionDate().toString()));
    }

    @EventHandler
    void on(PurchaseCompleted event, @SequenceNumber long sequenceNumber, @Timestamp Instant at) {
        applyOnce(event.reservationId(), sequenceNumber, at,
                new Update().set(Fields.STATUS, PurchaseReservationStatus.COMPLETED));
    }

    @EventHandler
    void on(PurchaseReservationCancelled event, @SequenceNumber long sequenceNumber, @Timestamp Instant at) {
        applyOnce(event.reservationId(), sequenceNumber, at, new Update()
                .set(Fields.STATUS, PurchaseReservationStatus.CANCELLED)
                .set(Fields.CANCELLATION_REASON, event.reason()));
    }

    @EventHandler
    void on(PurchaseReservationExpired event, @SequenceNumber long sequenceNumber, @Timestamp Instant at) {
        applyOnce(event.reservationId(), sequenceNumber, at,
                new Update().set(Fields.STATUS, PurchaseReservationStatus.EXPIRED));
    }

    @ResetHandler
    void clearBeforeReplay() {
        mongoTemplate.remove(new Query(), PurchaseReservationEntry.class);
        cars.clear();
    }

    private void applyOnce(String reservationId, long sequenceNumber, Instant at, Update update) {
        Query notYetApplied = Query.query(where(Fields.ID).is(reservationId).and(Fields.VERSION).lt(sequenceNumber));
        mongoTemplate.updateFirst(notYetApplied,
                update.set(Fields.VERSION, sequenceNumber).set(Fields.UPDATED_AT, at), PurchaseReservationEntry.class);
    }
}
