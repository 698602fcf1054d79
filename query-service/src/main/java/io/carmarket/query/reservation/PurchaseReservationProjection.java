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
import io.carmarket.query.common.CarDirectory;
import io.carmarket.query.common.CarDirectory.KnownCar;
import io.carmarket.query.common.DealDocuments;
import io.carmarket.query.reservation.PurchaseReservationEntry.Fields;
import io.carmarket.query.reservation.PurchaseReservationEntry.StoredFinancing;
import io.carmarket.query.reservation.PurchaseReservationEntry.StoredTradeIn;
import jakarta.annotation.PostConstruct;
import io.carmarket.query.common.ProjectedReadModel;
import org.axonframework.config.ProcessingGroup;
import org.axonframework.eventhandling.EventHandler;
import org.axonframework.eventhandling.ResetHandler;
import org.axonframework.eventhandling.SequenceNumber;
import org.axonframework.eventhandling.Timestamp;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.query.Update;
import org.springframework.stereotype.Component;

import java.util.List;

import java.time.Instant;
import java.util.Map;

/**
 * Projects purchase reservations into {@link PurchaseReservationEntry} documents, one per reservation, with its own
 * {@value #CARS_COLLECTION} directory of each car's dealer and display data.
 * <p>
 * Idempotent like the bookings ({@link DealDocuments}): created by an insert-only upsert, changed only while the
 * document's {@code version} is below the event's sequence number.
 */
@Component
@ProcessingGroup(PurchaseReservationProjection.PROCESSING_GROUP)
public class PurchaseReservationProjection implements ProjectedReadModel {

    public static final String PROCESSING_GROUP = "purchase-reservations";
    public static final String CARS_COLLECTION = "purchase_reservation_cars";

    private final DealDocuments reservations;
    private final CarDirectory cars;

    public PurchaseReservationProjection(MongoTemplate mongoTemplate) {
        this.reservations = new DealDocuments(mongoTemplate, PurchaseReservationEntry.class);
        this.cars = new CarDirectory(mongoTemplate, CARS_COLLECTION);
    }

    /** For MongoDB 7: each role's list newest first, and a car's reservations for a listing change. */
    @Override
    public String processingGroup() {
        return PROCESSING_GROUP;
    }

    @Override
    public List<String> rebuiltCollections() {
        return List.of(PurchaseReservationEntry.COLLECTION, CARS_COLLECTION);
    }

    @Override
    @PostConstruct
    public void ensureIndexes() {
        reservations.ensureIndexes();
        cars.ensureIndexes();
    }

    @EventHandler
    void on(CarListed event, @SequenceNumber long sequenceNumber) {
        cars.recordListing(event, sequenceNumber);
    }

    @EventHandler
    void on(CarListingChanged event, @SequenceNumber long sequenceNumber) {
        Map<String, Object> shown = cars.applyListingChange(event, sequenceNumber);
        reservations.copyListingChange(event.carId(), sequenceNumber, shown);
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
        reservations.insertOnce(entry.reservationId(), entry);
    }

    @EventHandler
    void on(PurchaseReservationConfirmed event, @SequenceNumber long sequenceNumber, @Timestamp Instant at) {
        reservations.applyOnce(event.reservationId(), sequenceNumber, at,
                new Update().set(Fields.STATUS, PurchaseReservationStatus.CONFIRMED));
    }

    @EventHandler
    void on(InspectionScheduled event, @SequenceNumber long sequenceNumber, @Timestamp Instant at) {
        reservations.applyOnce(event.reservationId(), sequenceNumber, at, new Update()
                .set(Fields.STATUS, PurchaseReservationStatus.INSPECTION_SCHEDULED)
                .set(Fields.INSPECTION_DATE, event.inspectionDate() == null ? null
                        : event.inspectionDate().toString()));
    }

    @EventHandler
    void on(PurchaseCompleted event, @SequenceNumber long sequenceNumber, @Timestamp Instant at) {
        reservations.applyOnce(event.reservationId(), sequenceNumber, at,
                new Update().set(Fields.STATUS, PurchaseReservationStatus.COMPLETED));
    }

    @EventHandler
    void on(PurchaseReservationCancelled event, @SequenceNumber long sequenceNumber, @Timestamp Instant at) {
        reservations.applyOnce(event.reservationId(), sequenceNumber, at, new Update()
                .set(Fields.STATUS, PurchaseReservationStatus.CANCELLED)
                .set(Fields.CANCELLATION_REASON, event.reason()));
    }

    @EventHandler
    void on(PurchaseReservationExpired event, @SequenceNumber long sequenceNumber, @Timestamp Instant at) {
        reservations.applyOnce(event.reservationId(), sequenceNumber, at,
                new Update().set(Fields.STATUS, PurchaseReservationStatus.EXPIRED));
    }

    @ResetHandler
    void clearBeforeReplay() {
        reservations.clear();
        cars.clear();
    }
}
