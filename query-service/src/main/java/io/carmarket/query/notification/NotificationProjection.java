package io.carmarket.query.notification;

import io.carmarket.api.car.BookingApprovalExpired;
import io.carmarket.api.car.BookingApproved;
import io.carmarket.api.car.BookingCancellationReason;
import io.carmarket.api.car.BookingCancelled;
import io.carmarket.api.car.BookingRejected;
import io.carmarket.api.car.BookingRescheduled;
import io.carmarket.api.car.BookingStatus;
import io.carmarket.api.car.CarBooked;
import io.carmarket.api.car.CarListed;
import io.carmarket.api.car.CarListingChanged;
import io.carmarket.api.car.DateRange;
import io.carmarket.api.car.purchase.InspectionScheduled;
import io.carmarket.api.car.purchase.PurchaseCompleted;
import io.carmarket.api.car.purchase.PurchaseReservationCancelled;
import io.carmarket.api.car.purchase.PurchaseReservationConfirmed;
import io.carmarket.api.car.purchase.PurchaseReservationExpired;
import io.carmarket.api.car.purchase.PurchaseReserved;
import io.carmarket.api.notifications.NotificationType;
import io.carmarket.query.common.CarDirectory;
import io.carmarket.query.common.DashboardChanges;
import io.carmarket.query.common.CarDirectory.KnownCar;
import io.carmarket.query.common.InsertOnce;
import io.carmarket.query.notification.NotificationEntry.Fields;
import io.carmarket.query.notification.NotificationTexts.Audience;
import jakarta.annotation.PostConstruct;
import io.carmarket.query.common.ProjectedReadModel;
import org.axonframework.config.ProcessingGroup;
import org.axonframework.eventhandling.EventHandler;
import org.axonframework.eventhandling.ResetHandler;
import org.axonframework.eventhandling.SequenceNumber;
import org.axonframework.eventhandling.Timestamp;
import org.axonframework.messaging.annotation.MessageIdentifier;
import org.axonframework.messaging.annotation.MetaDataValue;
import org.bson.Document;
import org.springframework.data.domain.Sort;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.index.Index;
import org.springframework.data.mongodb.core.index.IndexOperations;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.stereotype.Component;

import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Turns booking and purchase events into notifications, one per recipient per event. (The negotiation
 * notifications come from {@link NegotiationNotificationProjection}, in the same processing group.)
 * <p>
 * Who is told: the parties concerned (the customer and the car's dealer) except whoever caused the event (the
 * {@value #ACTING_USER} of the event's metadata): a customer's booking tells the dealer, a dealer's cancellation
 * tells the customer, an admin's action tells both, and what the system does by itself (expiries) tells both.
 * A new booking or purchase reservation always tells the dealer only; a booking cancelled because the car was
 * sold tells the customer only.
 * <p>
 * Idempotent: a notification's id is derived from the event's identifier and the recipient and it is written by
 * an insert-only upsert, so a redelivered event creates nothing and leaves the recipient's {@code read} flag as it
 * is. The two lookups this processing group keeps (each car's dealer and name in {@value #CARS_COLLECTION}, each
 * booking's customer in {@value #BOOKINGS_COLLECTION}, because {@code BookingCancelled} does not name the
 * customer) are written the same way.
 */
@Component
@ProcessingGroup(NotificationProjection.PROCESSING_GROUP)
public class NotificationProjection implements ProjectedReadModel {

    public static final String PROCESSING_GROUP = "notifications";
    public static final String CARS_COLLECTION = "notification_cars";
    public static final String BOOKINGS_COLLECTION = "notification_bookings";
    /** The metadata key under which the write side records the acting user. */
    static final String ACTING_USER = "userId";

    private final MongoTemplate mongoTemplate;
    private final CarDirectory cars;
    private final NotificationWriter writer;

    public NotificationProjection(MongoTemplate mongoTemplate) {
        this(mongoTemplate, DashboardChanges.NONE);
    }

    @Autowired
    public NotificationProjection(MongoTemplate mongoTemplate, DashboardChanges dashboards) {
        this.mongoTemplate = mongoTemplate;
        this.cars = new CarDirectory(mongoTemplate, CARS_COLLECTION);
        this.writer = new NotificationWriter(mongoTemplate, dashboards);
    }

    /** For MongoDB 7: the recipient's list newest first, and their unread ones. */
    @Override
    public String processingGroup() {
        return PROCESSING_GROUP;
    }

    /** Replayed in place: notifications keep their ids, so a replay finds them with their read marks (see the reset handler). */
    @Override
    public List<String> rebuiltCollections() {
        return List.of();
    }

    @Override
    @PostConstruct
    public void ensureIndexes() {
        IndexOperations indexes = mongoTemplate.indexOps(NotificationEntry.class);
        indexes.createIndex(new Index(Fields.RECIPIENT_ID, Sort.Direction.ASC)
                .on(Fields.CREATED_AT, Sort.Direction.DESC).on(Fields.ID, Sort.Direction.DESC)
                .named("recipient_newest_first"));
        indexes.createIndex(new Index(Fields.RECIPIENT_ID, Sort.Direction.ASC).on(Fields.READ, Sort.Direction.ASC)
                .on(Fields.CREATED_AT, Sort.Direction.DESC).on(Fields.ID, Sort.Direction.DESC)
                .named("recipient_unread_newest_first"));
        cars.ensureIndexes();
    }

    // ---- lookups ---------------------------------------------------------------------------------------------

    @EventHandler
    void on(CarListed event, @SequenceNumber long sequenceNumber) {
        cars.recordListing(event, sequenceNumber);
    }

    @EventHandler
    void on(CarListingChanged event, @SequenceNumber long sequenceNumber) {
        cars.applyListingChange(event, sequenceNumber);
    }

    // ---- bookings --------------------------------------------------------------------------------------------

    @EventHandler
    void on(CarBooked event, @MessageIdentifier String eventId, @Timestamp Instant at) {
        rememberCustomer(event.bookingId(), event.carId(), event.customerId());
        KnownCar car = cars.findOrUnknown(event.carId());
        boolean pending = event.status() == BookingStatus.PENDING_APPROVAL;
        NotificationType type = pending ? NotificationType.BOOKING_AWAITS_APPROVAL : NotificationType.BOOKING_RECEIVED;
        String text = pending
                ? NotificationTexts.bookingAwaitsApproval(car.card(), event.period(), event.approvalDeadline())
                : NotificationTexts.bookingReceived(car.card(), event.period());
        notifyOnce(eventId, at, car.dealerId(), type, event.carId(), event.bookingId(), null, text);
    }

    @EventHandler
    void on(BookingApproved event, @MessageIdentifier String eventId, @Timestamp Instant at,
            @MetaDataValue(ACTING_USER) String actingUserId) {
        notifyBookingParties(eventId, at, actingUserId, event.carId(), event.bookingId(), event.customerId(),
                event.period(), NotificationType.BOOKING_APPROVED, "was approved");
    }

    @EventHandler
    void on(BookingRejected event, @MessageIdentifier String eventId, @Timestamp Instant at,
            @MetaDataValue(ACTING_USER) String actingUserId) {
        notifyBookingParties(eventId, at, actingUserId, event.carId(), event.bookingId(), event.customerId(),
                event.period(), NotificationType.BOOKING_REJECTED,
                "was rejected" + NotificationTexts.reasonSuffix(event.reason()));
    }

    @EventHandler
    void on(BookingApprovalExpired event, @MessageIdentifier String eventId, @Timestamp Instant at,
            @MetaDataValue(ACTING_USER) String actingUserId) {
        notifyBookingParties(eventId, at, actingUserId, event.carId(), event.bookingId(), event.customerId(),
                event.period(), NotificationType.BOOKING_APPROVAL_EXPIRED,
                "expired because the dealer did not answer in time");
    }

    @EventHandler
    void on(BookingRescheduled event, @MessageIdentifier String eventId, @Timestamp Instant at,
            @MetaDataValue(ACTING_USER) String actingUserId) {
        KnownCar car = cars.findOrUnknown(event.carId());
        for (Recipient recipient : others(actingUserId, event.customerId(), car.dealerId())) {
            notifyOnce(eventId, at, recipient.userId(), NotificationType.BOOKING_RESCHEDULED, event.carId(),
                    event.bookingId(), null, NotificationTexts.bookingRescheduled(recipient.audience(), car.card(),
                            event.previousPeriod(), event.period(),
                            event.status() == BookingStatus.PENDING_APPROVAL));
        }
    }

    @EventHandler
    void on(BookingCancelled event, @MessageIdentifier String eventId, @Timestamp Instant at,
            @MetaDataValue(ACTING_USER) String actingUserId) {
        String customerId = customerOf(event.bookingId());
        if (event.reason() == BookingCancellationReason.CAR_SOLD) {
            KnownCar car = cars.findOrUnknown(event.carId());
            notifyOnce(eventId, at, customerId, NotificationType.BOOKING_CANCELLED_CAR_SOLD, event.carId(),
                    event.bookingId(), null, NotificationTexts.bookingChanged(Audience.CUSTOMER, car.card(),
                            event.period(), "was cancelled because the car has been sold"));
            return;
        }
        notifyBookingParties(eventId, at, actingUserId, event.carId(), event.bookingId(), customerId,
                event.period(), NotificationType.BOOKING_CANCELLED,
                "was cancelled" + NotificationTexts.reasonSuffix(event.note()));
    }

    // ---- purchase reservations -------------------------------------------------------------------------------

    @EventHandler
    void on(PurchaseReserved event, @MessageIdentifier String eventId, @Timestamp Instant at) {
        KnownCar car = cars.findOrUnknown(event.carId());
        notifyOnce(eventId, at, car.dealerId(), NotificationType.PURCHASE_RESERVED, event.carId(), null,
                event.reservationId(), NotificationTexts.purchaseReserved(car.card(), event.orderNumber(),
                        event.handoverDate()));
    }

    @EventHandler
    void on(PurchaseReservationConfirmed event, @MessageIdentifier String eventId, @Timestamp Instant at,
            @MetaDataValue(ACTING_USER) String actingUserId) {
        notifyPurchaseParties(eventId, at, actingUserId, event.carId(), event.reservationId(), event.customerId(),
                NotificationType.PURCHASE_RESERVATION_CONFIRMED, "was confirmed");
    }

    @EventHandler
    void on(InspectionScheduled event, @MessageIdentifier String eventId, @Timestamp Instant at,
            @MetaDataValue(ACTING_USER) String actingUserId) {
        notifyPurchaseParties(eventId, at, actingUserId, event.carId(), event.reservationId(), event.customerId(),
                NotificationType.PURCHASE_INSPECTION_SCHEDULED,
                "has an inspection scheduled for " + event.inspectionDate());
    }

    @EventHandler
    void on(PurchaseCompleted event, @MessageIdentifier String eventId, @Timestamp Instant at,
            @MetaDataValue(ACTING_USER) String actingUserId) {
        notifyPurchaseParties(eventId, at, actingUserId, event.carId(), event.reservationId(), event.customerId(),
                NotificationType.PURCHASE_COMPLETED, "is completed: the car is sold");
    }

    @EventHandler
    void on(PurchaseReservationCancelled event, @MessageIdentifier String eventId, @Timestamp Instant at,
            @MetaDataValue(ACTING_USER) String actingUserId) {
        notifyPurchaseParties(eventId, at, actingUserId, event.carId(), event.reservationId(), event.customerId(),
                NotificationType.PURCHASE_RESERVATION_CANCELLED,
                "was cancelled" + NotificationTexts.reasonSuffix(event.reason()));
    }

    @EventHandler
    void on(PurchaseReservationExpired event, @MessageIdentifier String eventId, @Timestamp Instant at,
            @MetaDataValue(ACTING_USER) String actingUserId) {
        notifyPurchaseParties(eventId, at, actingUserId, event.carId(), event.reservationId(), event.customerId(),
                NotificationType.PURCHASE_RESERVATION_EXPIRED, "expired without being confirmed");
    }

    /**
     * Notifications are not deleted before a replay: their ids are stable, so a replay finds them in place and the
     * recipients' read flags survive. Only the lookups are rebuilt.
     */
    @ResetHandler
    void clearLookupsBeforeReplay() {
        cars.clear();
        mongoTemplate.remove(new Query(), BOOKINGS_COLLECTION);
    }

    // ---- helpers ---------------------------------------------------------------------------------------------

    private void notifyBookingParties(String eventId, Instant at, String actingUserId, String carId,
                                      String bookingId, String customerId, DateRange period, NotificationType type,
                                      String outcome) {
        KnownCar car = cars.findOrUnknown(carId);
        for (Recipient recipient : others(actingUserId, customerId, car.dealerId())) {
            notifyOnce(eventId, at, recipient.userId(), type, carId, bookingId, null,
                    NotificationTexts.bookingChanged(recipient.audience(), car.card(), period, outcome));
        }
    }

    private void notifyPurchaseParties(String eventId, Instant at, String actingUserId, String carId,
                                       String reservationId, String customerId, NotificationType type,
                                       String outcome) {
        KnownCar car = cars.findOrUnknown(carId);
        for (Recipient recipient : others(actingUserId, customerId, car.dealerId())) {
            notifyOnce(eventId, at, recipient.userId(), type, carId, null, reservationId,
                    NotificationTexts.purchaseChanged(recipient.audience(), car.card(), outcome));
        }
    }

    record Recipient(String userId, Audience audience) {
    }

    /** The customer and the dealer, without whoever acted and without unknown parties. */
    static List<Recipient> others(String actingUserId, String customerId, String dealerId) {
        Map<String, Recipient> recipients = new LinkedHashMap<>();
        if (customerId != null && !customerId.equals(actingUserId)) {
            recipients.put(customerId, new Recipient(customerId, Audience.CUSTOMER));
        }
        if (dealerId != null && !dealerId.equals(actingUserId)) {
            recipients.putIfAbsent(dealerId, new Recipient(dealerId, Audience.DEALER));
        }
        return new ArrayList<>(recipients.values());
    }

    private void notifyOnce(String eventId, Instant at, String recipientId, NotificationType type, String carId,
                            String bookingId, String reservationId, String message) {
        writer.notifyOnce(eventId, at, recipientId, type, carId, bookingId, reservationId, null, message);
    }

    /** Held to the end of the batch like its notifications (D32); {@link #customerOf} sends the held ones first. */
    private void rememberCustomer(String bookingId, String carId, String customerId) {
        InsertOnce.upsertWithBatch(mongoTemplate, bookingId, new BookingCustomer(bookingId, carId, customerId));
    }

    private String customerOf(String bookingId) {
        InsertOnce.writeHeld(mongoTemplate, BookingCustomer.class);
        Document booking = mongoTemplate.getCollection(BOOKINGS_COLLECTION).find(new Document("_id", bookingId))
                .first();
        return booking == null ? null : booking.getString("customerId");
    }
}
