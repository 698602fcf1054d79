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
import io.carmarket.query.booking.CarLookup.KnownCar;
import jakarta.annotation.PostConstruct;
import org.axonframework.config.ProcessingGroup;
import org.axonframework.eventhandling.EventHandler;
import org.axonframework.eventhandling.ResetHandler;
import org.axonframework.eventhandling.SequenceNumber;
import org.axonframework.eventhandling.Timestamp;
import org.bson.Document;
import org.bson.types.Decimal128;
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
 * Projects the bookings of all cars into {@link BookingEntry} documents, one per booking, and keeps the small
 * {@value #CARS_COLLECTION} lookup (dealer and display data per car) that a new booking copies its car from.
 * <p>
 * Idempotent: a booking is created by an upsert that only sets fields on insert, and every later change is
 * applied only while the document's {@code version} is below the event's sequence number. An event delivered
 * twice, or an older one re-delivered after a newer one, changes nothing.
 */
@Component
@ProcessingGroup(BookingProjection.PROCESSING_GROUP)
public class BookingProjection {

    public static final String PROCESSING_GROUP = "bookings";
    public static final String CARS_COLLECTION = "booking_cars";

    private final MongoTemplate mongoTemplate;
    private final CarLookup cars;

    public BookingProjection(MongoTemplate mongoTemplate) {
        this.mongoTemplate = mongoTemplate;
        this.cars = new CarLookup(mongoTemplate, CARS_COLLECTION);
    }

    /**
     * The indexes the queries need on MongoDB 7: each role's list, newest first, and the car's bookings for a
     * listing change. (The embedded server accepts non-unique indexes but does not build them.)
     */
    @PostConstruct
    void ensureIndexes() {
        IndexOperations indexes = mongoTemplate.indexOps(BookingEntry.class);
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

    /** New display data goes into the lookup and into the car's existing bookings (each guarded separately). */
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
                update, BookingEntry.class);
    }

    @EventHandler
    void on(CarBooked event, @SequenceNumber long sequenceNumber, @Timestamp Instant bookedAt) {
        KnownCar car = cars.findOrUnknown(event.carId());
        BookingEntry entry = new BookingEntry(event.bookingId(), sequenceNumber, event.carId(), car.card(),
                car.version(), event.customerId(), car.dealerId(), event.period().startDate().toString(),
                event.period().endDate().toString(), event.status(), event.totalPrice(),
                event.currency() == null ? null : event.currency().getCurrencyCode(), event.notes(),
                event.approvalDeadline(), null, null, null, bookedAt, bookedAt);
        insertOnce(entry);
    }

    @EventHandler
    void on(BookingApproved event, @SequenceNumber long sequenceNumber, @Timestamp Instant at) {
        applyOnce(event.bookingId(), sequenceNumber, at, new Update()
                .set(Fields.STATUS, BookingStatus.CONFIRMED)
                .unset(Fields.APPROVAL_DEADLINE));
    }

    @EventHandler
    void on(BookingRejected event, @SequenceNumber long sequenceNumber, @Timestamp Instant at) {
        applyOnce(event.bookingId(), sequenceNumber, at, new Update()
                .set(Fields.STATUS, BookingStatus.REJECTED)
                .set(Fields.REJECTION_REASON, event.reason()));
    }

    @EventHandler
    void on(BookingApprovalExpired event, @SequenceNumber long sequenceNumber, @Timestamp Instant at) {
        applyOnce(event.bookingId(), sequenceNumber, at, new Update().set(Fields.STATUS, BookingStatus.EXPIRED));
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
        applyOnce(event.bookingId(), sequenceNumber, at, update);
    }

    @EventHandler
    void on(BookingCancelled event, @SequenceNumber long sequenceNumber, @Timestamp Instant at) {
        applyOnce(event.bookingId(), sequenceNumber, at, new Update()
                .set(Fields.STATUS, BookingStatus.CANCELLED)
                .set(Fields.CANCELLATION_REASON, event.reason())
                .set(Fields.CANCELLATION_NOTE, event.note()));
    }

    @ResetHandler
    void clearBeforeReplay() {
        mongoTemplate.remove(new Query(), BookingEntry.class);
        cars.clear();
    }

    private void insertOnce(BookingEntry entry) {
        Document document = new Document();
        mongoTemplate.getConverter().write(entry, document);
        Update insertOnce = new Update();
        document.forEach((field, value) -> {
            if (!Fields.ID.equals(field) && !"_class".equals(field)) {
                insertOnce.setOnInsert(field, value);
            }
        });
        mongoTemplate.upsert(Query.query(where(Fields.ID).is(entry.bookingId())), insertOnce, BookingEntry.class);
    }

    private void applyOnce(String bookingId, long sequenceNumber, Instant at, Update update) {
        Query notYetApplied = Query.query(where(Fields.ID).is(bookingId).and(Fields.VERSION).lt(sequenceNumber));
        mongoTemplate.updateFirst(notYetApplied,
                update.set(Fields.VERSION, sequenceNumber).set(Fields.UPDATED_AT, at), BookingEntry.class);
    }
}
