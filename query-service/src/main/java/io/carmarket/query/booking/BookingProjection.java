package io.carmarket.query.booking;

import io.carmarket.api.car.BookingApprovalExpired;
import io.carmarket.api.car.BookingApproved;
import io.carmarket.api.car.BookingCancelled;
import io.carmarket.api.car.BookingRejected;
import io.carmarket.api.car.BookingRescheduled;
import io.carmarket.api.car.BookingStatus;
import io.carmarket.api.car.CarBooked;
import io.carmarket.api.car.CarListed;
import io.carmarket.api.car.CarListingChanged;
import io.carmarket.query.booking.BookingEntry.Fields;
import io.carmarket.query.common.CarDirectory;
import io.carmarket.query.common.CarDirectory.KnownCar;
import io.carmarket.query.common.DealDocuments;
import jakarta.annotation.PostConstruct;
import io.carmarket.query.common.ProjectedReadModel;
import org.axonframework.config.ProcessingGroup;
import org.axonframework.eventhandling.EventHandler;
import org.axonframework.eventhandling.ResetHandler;
import org.axonframework.eventhandling.SequenceNumber;
import org.axonframework.eventhandling.Timestamp;
import org.bson.types.Decimal128;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.query.Update;
import org.springframework.stereotype.Component;

import java.util.List;

import java.time.Instant;
import java.util.Map;

/**
 * Projects the bookings of all cars into {@link BookingEntry} documents, one per booking, and keeps its own
 * {@value #CARS_COLLECTION} directory (dealer and display data per car) that a new booking copies its car from.
 * <p>
 * Idempotent: a booking is created by an upsert that only sets fields on insert, and every later change is
 * applied only while the document's {@code version} is below the event's sequence number (see
 * {@link DealDocuments}). An event delivered twice, or an older one re-delivered after a newer one, changes nothing.
 * New bookings are held to the end of the processor's batch and written together (D32); every change sends the held
 * ones first, so it finds them. Nothing else writes the bookings collection.
 */
@Component
@ProcessingGroup(BookingProjection.PROCESSING_GROUP)
public class BookingProjection implements ProjectedReadModel {

    public static final String PROCESSING_GROUP = "bookings";
    public static final String CARS_COLLECTION = "booking_cars";

    private final DealDocuments bookings;
    private final CarDirectory cars;

    public BookingProjection(MongoTemplate mongoTemplate) {
        this.bookings = new DealDocuments(mongoTemplate, BookingEntry.class);
        this.cars = new CarDirectory(mongoTemplate, CARS_COLLECTION);
    }

    /** Each role's list newest first, and the car's bookings for a listing change (see {@link DealDocuments}). */
    @Override
    public String processingGroup() {
        return PROCESSING_GROUP;
    }

    @Override
    public List<String> rebuiltCollections() {
        return List.of(BookingEntry.COLLECTION, CARS_COLLECTION);
    }

    @Override
    @PostConstruct
    public void ensureIndexes() {
        bookings.ensureIndexes();
        cars.ensureIndexes();
    }

    @EventHandler
    void on(CarListed event, @SequenceNumber long sequenceNumber) {
        cars.recordListing(event, sequenceNumber);
    }

    /** New display data goes into the directory and into the car's existing bookings (each guarded separately). */
    @EventHandler
    void on(CarListingChanged event, @SequenceNumber long sequenceNumber) {
        Map<String, Object> shown = cars.applyListingChange(event, sequenceNumber);
        bookings.copyListingChange(event.carId(), sequenceNumber, shown);
    }

    @EventHandler
    void on(CarBooked event, @SequenceNumber long sequenceNumber, @Timestamp Instant bookedAt) {
        KnownCar car = cars.findOrUnknown(event.carId());
        BookingEntry entry = new BookingEntry(event.bookingId(), sequenceNumber, event.carId(), car.card(),
                car.version(), event.customerId(), car.dealerId(), event.period().startDate().toString(),
                event.period().endDate().toString(), event.status(), event.totalPrice(),
                event.currency() == null ? null : event.currency().getCurrencyCode(), event.notes(),
                event.approvalDeadline(), null, null, null, bookedAt, bookedAt);
        bookings.insertOnceWithBatch(entry.bookingId(), entry);
    }

    @EventHandler
    void on(BookingApproved event, @SequenceNumber long sequenceNumber, @Timestamp Instant at) {
        bookings.applyOnce(event.bookingId(), sequenceNumber, at, new Update()
                .set(Fields.STATUS, BookingStatus.CONFIRMED)
                .unset(Fields.APPROVAL_DEADLINE));
    }

    @EventHandler
    void on(BookingRejected event, @SequenceNumber long sequenceNumber, @Timestamp Instant at) {
        bookings.applyOnce(event.bookingId(), sequenceNumber, at, new Update()
                .set(Fields.STATUS, BookingStatus.REJECTED)
                .set(Fields.REJECTION_REASON, event.reason()));
    }

    @EventHandler
    void on(BookingApprovalExpired event, @SequenceNumber long sequenceNumber, @Timestamp Instant at) {
        bookings.applyOnce(event.bookingId(), sequenceNumber, at,
                new Update().set(Fields.STATUS, BookingStatus.EXPIRED));
    }

    @EventHandler
    void on(BookingRescheduled event, @SequenceNumber long sequenceNumber, @Timestamp Instant at) {
        Update update = new Update()
                .set(Fields.START_DATE, event.period().startDate().toString())
                .set(Fields.END_DATE, event.period().endDate().toString())
                .set(Fields.STATUS, event.status())
                .set(Fields.TOTAL_PRICE, event.totalPrice() == null ? null
                        : new Decimal128(event.totalPrice()));
        if (event.currency() != null) {
            update.set(Fields.CURRENCY, event.currency().getCurrencyCode());
        }
        if (event.approvalDeadline() == null) {
            update.unset(Fields.APPROVAL_DEADLINE);
        } else {
            update.set(Fields.APPROVAL_DEADLINE, event.approvalDeadline());
        }
        bookings.applyOnce(event.bookingId(), sequenceNumber, at, update);
    }

    @EventHandler
    void on(BookingCancelled event, @SequenceNumber long sequenceNumber, @Timestamp Instant at) {
        bookings.applyOnce(event.bookingId(), sequenceNumber, at, new Update()
                .set(Fields.STATUS, BookingStatus.CANCELLED)
                .set(Fields.CANCELLATION_REASON, event.reason())
                .set(Fields.CANCELLATION_NOTE, event.note()));
    }

    @ResetHandler
    void clearBeforeReplay() {
        bookings.clear();
        cars.clear();
    }
}
