package io.carmarket.query.notification;

import io.carmarket.api.car.BookingCancellationReason;
import io.carmarket.api.car.BookingStatus;
import io.carmarket.api.notifications.NotificationType;
import io.carmarket.query.EmbeddedMongo;
import io.carmarket.query.common.EventBatch;
import org.bson.Document;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.query.Query;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

import static io.carmarket.query.common.TestEvents.approvalExpired;
import static io.carmarket.query.common.TestEvents.approved;
import static io.carmarket.query.common.TestEvents.at;
import static io.carmarket.query.common.TestEvents.booked;
import static io.carmarket.query.common.TestEvents.bookedPending;
import static io.carmarket.query.common.TestEvents.cancelled;
import static io.carmarket.query.common.TestEvents.inspectionScheduled;
import static io.carmarket.query.common.TestEvents.listed;
import static io.carmarket.query.common.TestEvents.makeChanged;
import static io.carmarket.query.common.TestEvents.purchaseCompleted;
import static io.carmarket.query.common.TestEvents.rejected;
import static io.carmarket.query.common.TestEvents.rescheduled;
import static io.carmarket.query.common.TestEvents.reservationCancelled;
import static io.carmarket.query.common.TestEvents.reservationConfirmed;
import static io.carmarket.query.common.TestEvents.reservationExpired;
import static io.carmarket.query.common.TestEvents.reserved;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;

/**
 * Who is notified of what, with which words, and that a redelivered event creates nothing new, against the
 * embedded MongoDB.
 */
class NotificationProjectionTest {

    private static final String DEALER = "dealer-1";
    private static final String CUSTOMER = "customer-1";
    private static final String ADMIN = "admin-1";
    private static final String SYSTEM = "system";

    @RegisterExtension
    static final EmbeddedMongo mongo = new EmbeddedMongo();

    private MongoTemplate mongoTemplate;
    private NotificationProjection projection;

    @BeforeEach
    void emptyReadModel() {
        mongoTemplate = mongo.template();
        mongoTemplate.remove(new Query(), NotificationEntry.class);
        mongoTemplate.remove(new Query(), NotificationProjection.CARS_COLLECTION);
        mongoTemplate.remove(new Query(), NotificationProjection.BOOKINGS_COLLECTION);
        projection = new NotificationProjection(mongoTemplate);
        projection.on(listed("car-1", DEALER, "Volkswagen", "Golf"), 0);
    }

    @Test
    void indexes_are_declared_without_error_on_the_embedded_server() {
        projection.ensureIndexes();
        projection.ensureIndexes();
    }

    @Test
    void a_confirmed_booking_tells_the_dealer_only() {
        projection.on(booked("car-1", "b-1", CUSTOMER, 0, 3), "evt-1", at(1));

        NotificationEntry only = only();
        assertThat(only.recipientId()).isEqualTo(DEALER);
        assertThat(only.type()).isEqualTo(NotificationType.BOOKING_RECEIVED);
        assertThat(only.carId()).isEqualTo("car-1");
        assertThat(only.bookingId()).isEqualTo("b-1");
        assertThat(only.message()).isEqualTo("New booking of your Volkswagen Golf for 2030-03-01 to 2030-03-04.");
        assertThat(only.createdAt()).isEqualTo(at(1));
        assertThat(only.read()).isFalse();
    }

    @Test
    void a_booking_touching_a_peak_window_asks_the_dealer_for_approval() {
        projection.on(bookedPending("car-1", "b-1", CUSTOMER, 0, 3, Instant.parse("2030-01-03T10:00:00Z")), "evt-1",
                at(1));

        NotificationEntry only = only();
        assertThat(only.recipientId()).isEqualTo(DEALER);
        assertThat(only.type()).isEqualTo(NotificationType.BOOKING_AWAITS_APPROVAL);
        assertThat(only.message()).contains("awaits your approval until 2030-01-03T10:00:00Z");
    }

    @Test
    void an_event_delivered_twice_notifies_once_and_keeps_the_read_flag() {
        projection.on(booked("car-1", "b-1", CUSTOMER, 0, 3), "evt-1", at(1));
        new NotificationInbox(mongoTemplate).markRead(DEALER, only().id());
        Document before = raw(only().id());

        projection.on(booked("car-1", "b-1", CUSTOMER, 0, 3), "evt-1", at(9));

        assertThat(mongoTemplate.count(new Query(), NotificationEntry.class)).isEqualTo(1);
        assertThat(raw(only().id())).isEqualTo(before);
        assertThat(only().read()).isTrue();
    }

    @Test
    void the_notification_id_depends_on_event_and_recipient_only() {
        assertThat(NotificationEntry.idOf("evt-1", "user-1")).isEqualTo(NotificationEntry.idOf("evt-1", "user-1"))
                .isNotEqualTo(NotificationEntry.idOf("evt-1", "user-2"))
                .isNotEqualTo(NotificationEntry.idOf("evt-2", "user-1"));
    }

    @Test
    void the_dealers_approval_or_rejection_tells_the_customer() {
        projection.on(bookedPending("car-1", "b-1", CUSTOMER, 0, 3, at(60)), "evt-1", at(1));

        projection.on(approved("car-1", "b-1", CUSTOMER), "evt-2", at(2), DEALER);
        projection.on(rejected("car-1", "b-2", CUSTOMER, "in the workshop"), "evt-3", at(3), DEALER);

        assertThat(to(CUSTOMER)).extracting(NotificationEntry::type, NotificationEntry::message).containsExactly(
                tuple(NotificationType.BOOKING_REJECTED,
                        "Your booking of the Volkswagen Golf for 2030-03-01 to 2030-03-04 was rejected: in the workshop."),
                tuple(NotificationType.BOOKING_APPROVED,
                        "Your booking of the Volkswagen Golf for 2030-03-01 to 2030-03-04 was approved."));
        assertThat(to(DEALER)).extracting(NotificationEntry::type)
                .containsExactly(NotificationType.BOOKING_AWAITS_APPROVAL);
    }

    @Test
    void an_admins_action_tells_both_parties() {
        projection.on(approved("car-1", "b-1", CUSTOMER), "evt-2", at(2), ADMIN);

        assertThat(all()).extracting(NotificationEntry::recipientId, NotificationEntry::type).containsExactlyInAnyOrder(
                tuple(CUSTOMER, NotificationType.BOOKING_APPROVED), tuple(DEALER, NotificationType.BOOKING_APPROVED));
        assertThat(to(DEALER).get(0).message()).startsWith("The booking of your Volkswagen Golf");
    }

    @Test
    void an_expired_request_tells_both_parties() {
        projection.on(approvalExpired("car-1", "b-1", CUSTOMER), "evt-2", at(2), SYSTEM);

        assertThat(all()).extracting(NotificationEntry::recipientId).containsExactlyInAnyOrder(CUSTOMER, DEALER);
        assertThat(all()).extracting(NotificationEntry::type).containsOnly(NotificationType.BOOKING_APPROVAL_EXPIRED);
    }

    @Test
    void an_event_without_acting_user_tells_both_parties() {
        projection.on(approved("car-1", "b-1", CUSTOMER), "evt-2", at(2), null);

        assertThat(all()).extracting(NotificationEntry::recipientId).containsExactlyInAnyOrder(CUSTOMER, DEALER);
    }

    @Test
    void a_customers_reschedule_tells_the_dealer() {
        projection.on(rescheduled("car-1", "b-1", CUSTOMER, 5, 7, BookingStatus.PENDING_APPROVAL, at(90)), "evt-2",
                at(2), CUSTOMER);

        NotificationEntry only = only();
        assertThat(only.recipientId()).isEqualTo(DEALER);
        assertThat(only.type()).isEqualTo(NotificationType.BOOKING_RESCHEDULED);
        assertThat(only.message()).isEqualTo("The booking of your Volkswagen Golf was moved from 2030-03-01 to "
                + "2030-03-04 to 2030-03-06 to 2030-03-08. It awaits your approval.");
    }

    @Test
    void a_cancellation_tells_the_other_party() {
        projection.on(booked("car-1", "b-1", CUSTOMER, 0, 3), "evt-1", at(1));
        projection.on(booked("car-1", "b-2", CUSTOMER, 5, 7), "evt-2", at(2));

        projection.on(cancelled("car-1", "b-1", BookingCancellationReason.ON_REQUEST, "car damaged"), "evt-3", at(3),
                DEALER);
        projection.on(cancelled("car-1", "b-2", BookingCancellationReason.ON_REQUEST, null), "evt-4", at(4),
                CUSTOMER);

        assertThat(to(CUSTOMER)).extracting(NotificationEntry::type, NotificationEntry::bookingId, NotificationEntry::message)
                .containsExactly(tuple(NotificationType.BOOKING_CANCELLED, "b-1",
                        "Your booking of the Volkswagen Golf for 2030-03-01 to 2030-03-04 was cancelled: car damaged."));
        assertThat(to(DEALER)).extracting(NotificationEntry::type, NotificationEntry::bookingId).containsExactly(
                tuple(NotificationType.BOOKING_CANCELLED, "b-2"),
                tuple(NotificationType.BOOKING_RECEIVED, "b-2"),
                tuple(NotificationType.BOOKING_RECEIVED, "b-1"));
    }

    @Test
    void a_booking_made_and_cancelled_by_the_dealer_in_one_batch_tells_the_customer() {
        var booking = booked("car-1", "b-1", CUSTOMER, 0, 3);
        var cancellation = cancelled("car-1", "b-1", BookingCancellationReason.ON_REQUEST, "car damaged");
        List<Long> notifiedWhileBatchRan = new ArrayList<>();

        EventBatch.handle(List.of(EventBatch.event("car-1", 1, booking), EventBatch.event("car-1", 2, cancellation)),
                message -> {
                    if (message.getPayload() == booking) {
                        projection.on(booking, "evt-1", at(1));
                    } else {
                        projection.on(cancellation, "evt-2", at(2), DEALER);
                    }
                    notifiedWhileBatchRan.add(mongoTemplate.count(new Query(), NotificationEntry.class));
                });

        assertThat(notifiedWhileBatchRan).containsExactly(0L, 0L);
        assertThat(to(CUSTOMER)).extracting(NotificationEntry::type, NotificationEntry::bookingId)
                .containsExactly(tuple(NotificationType.BOOKING_CANCELLED, "b-1"));
    }

    @Test
    void a_booking_cancelled_because_the_car_was_sold_tells_the_customer_only() {
        projection.on(booked("car-1", "b-1", CUSTOMER, 0, 3), "evt-1", at(1));

        projection.on(cancelled("car-1", "b-1", BookingCancellationReason.CAR_SOLD, null), "evt-2", at(2), DEALER);
        projection.on(cancelled("car-1", "b-1", BookingCancellationReason.CAR_SOLD, null), "evt-2", at(2), ADMIN);

        assertThat(to(CUSTOMER)).extracting(NotificationEntry::type)
                .containsExactly(NotificationType.BOOKING_CANCELLED_CAR_SOLD);
        assertThat(to(CUSTOMER).get(0).message()).endsWith("was cancelled because the car has been sold.");
        assertThat(to(DEALER)).extracting(NotificationEntry::type).containsExactly(NotificationType.BOOKING_RECEIVED);
    }

    @Test
    void a_purchase_reservation_tells_the_dealer_and_the_dealers_steps_tell_the_customer() {
        projection.on(reserved("car-1", "r-1", CUSTOMER), "evt-1", at(1));
        projection.on(reservationConfirmed("car-1", "r-1", CUSTOMER), "evt-2", at(2), DEALER);
        projection.on(inspectionScheduled("car-1", "r-1", CUSTOMER), "evt-3", at(3), DEALER);
        projection.on(purchaseCompleted("car-1", "r-1", CUSTOMER), "evt-4", at(4), DEALER);

        assertThat(to(DEALER)).extracting(NotificationEntry::type, NotificationEntry::reservationId, NotificationEntry::message)
                .containsExactly(tuple(NotificationType.PURCHASE_RESERVED, "r-1",
                        "Your Volkswagen Golf was reserved for purchase (order ORD-2030-000001), handover planned for "
                                + "2030-03-21."));
        assertThat(to(CUSTOMER)).extracting(NotificationEntry::type, NotificationEntry::message).containsExactly(
                tuple(NotificationType.PURCHASE_COMPLETED,
                        "Your purchase reservation of the Volkswagen Golf is completed: the car is sold."),
                tuple(NotificationType.PURCHASE_INSPECTION_SCHEDULED,
                        "Your purchase reservation of the Volkswagen Golf has an inspection scheduled for 2030-03-11."),
                tuple(NotificationType.PURCHASE_RESERVATION_CONFIRMED,
                        "Your purchase reservation of the Volkswagen Golf was confirmed."));
    }

    @Test
    void a_customers_cancellation_tells_the_dealer_and_an_expiry_tells_both() {
        projection.on(reservationCancelled("car-1", "r-1", CUSTOMER, "changed my mind"), "evt-1", at(1), CUSTOMER);
        projection.on(reservationExpired("car-1", "r-2", CUSTOMER), "evt-2", at(2), SYSTEM);

        assertThat(to(DEALER)).extracting(NotificationEntry::type, NotificationEntry::message).containsExactly(
                tuple(NotificationType.PURCHASE_RESERVATION_EXPIRED,
                        "The purchase reservation of your Volkswagen Golf expired without being confirmed."),
                tuple(NotificationType.PURCHASE_RESERVATION_CANCELLED,
                        "The purchase reservation of your Volkswagen Golf was cancelled: changed my mind."));
        assertThat(to(CUSTOMER)).extracting(NotificationEntry::type)
                .containsExactly(NotificationType.PURCHASE_RESERVATION_EXPIRED);
    }

    @Test
    void every_handler_delivered_twice_creates_nothing_new() {
        projection.on(booked("car-1", "b-1", CUSTOMER, 0, 3), "evt-1", at(1));
        projection.on(approved("car-1", "b-1", CUSTOMER), "evt-2", at(2), ADMIN);
        projection.on(rejected("car-1", "b-1", CUSTOMER, null), "evt-3", at(3), ADMIN);
        projection.on(approvalExpired("car-1", "b-1", CUSTOMER), "evt-4", at(4), SYSTEM);
        projection.on(rescheduled("car-1", "b-1", CUSTOMER, 5, 7, BookingStatus.CONFIRMED, null), "evt-5", at(5),
                ADMIN);
        projection.on(cancelled("car-1", "b-1", BookingCancellationReason.ON_REQUEST, null), "evt-6", at(6), ADMIN);
        projection.on(reserved("car-1", "r-1", CUSTOMER), "evt-7", at(7));
        projection.on(reservationConfirmed("car-1", "r-1", CUSTOMER), "evt-8", at(8), ADMIN);
        projection.on(inspectionScheduled("car-1", "r-1", CUSTOMER), "evt-9", at(9), ADMIN);
        projection.on(purchaseCompleted("car-1", "r-1", CUSTOMER), "evt-10", at(10), ADMIN);
        projection.on(reservationCancelled("car-1", "r-2", CUSTOMER, null), "evt-11", at(11), ADMIN);
        projection.on(reservationExpired("car-1", "r-3", CUSTOMER), "evt-12", at(12), SYSTEM);
        List<Document> before = mongoTemplate.getCollection(NotificationEntry.COLLECTION).find()
                .into(new java.util.ArrayList<>());
        assertThat(before).as("new booking and purchase reservation: dealer only; the rest: both").hasSize(2 + 2 * 10);

        projection.on(booked("car-1", "b-1", CUSTOMER, 0, 3), "evt-1", at(21));
        projection.on(approved("car-1", "b-1", CUSTOMER), "evt-2", at(22), ADMIN);
        projection.on(rejected("car-1", "b-1", CUSTOMER, null), "evt-3", at(23), ADMIN);
        projection.on(approvalExpired("car-1", "b-1", CUSTOMER), "evt-4", at(24), SYSTEM);
        projection.on(rescheduled("car-1", "b-1", CUSTOMER, 5, 7, BookingStatus.CONFIRMED, null), "evt-5", at(25),
                ADMIN);
        projection.on(cancelled("car-1", "b-1", BookingCancellationReason.ON_REQUEST, null), "evt-6", at(26), ADMIN);
        projection.on(reserved("car-1", "r-1", CUSTOMER), "evt-7", at(27));
        projection.on(reservationConfirmed("car-1", "r-1", CUSTOMER), "evt-8", at(28), ADMIN);
        projection.on(inspectionScheduled("car-1", "r-1", CUSTOMER), "evt-9", at(29), ADMIN);
        projection.on(purchaseCompleted("car-1", "r-1", CUSTOMER), "evt-10", at(30), ADMIN);
        projection.on(reservationCancelled("car-1", "r-2", CUSTOMER, null), "evt-11", at(31), ADMIN);
        projection.on(reservationExpired("car-1", "r-3", CUSTOMER), "evt-12", at(32), SYSTEM);

        assertThat(mongoTemplate.getCollection(NotificationEntry.COLLECTION).find().into(new java.util.ArrayList<>()))
                .containsExactlyInAnyOrderElementsOf(before);
    }

    @Test
    void an_older_event_redelivered_after_newer_ones_creates_nothing_new() {
        projection.on(booked("car-1", "b-1", CUSTOMER, 0, 3), "evt-1", at(1));
        projection.on(cancelled("car-1", "b-1", BookingCancellationReason.ON_REQUEST, null), "evt-2", at(2), DEALER);
        long count = mongoTemplate.count(new Query(), NotificationEntry.class);

        projection.on(booked("car-1", "b-1", CUSTOMER, 0, 3), "evt-1", at(3));

        assertThat(mongoTemplate.count(new Query(), NotificationEntry.class)).isEqualTo(count);
    }

    @Test
    void the_car_lookup_follows_listing_changes_and_ignores_older_ones() {
        projection.on(makeChanged("car-1", "VW"), 2);
        projection.on(makeChanged("car-1", "Volkswagen"), 1);

        projection.on(booked("car-1", "b-1", CUSTOMER, 0, 3), "evt-1", at(1));

        assertThat(only().message()).contains("your VW Golf");
    }

    @Test
    void a_car_the_lookup_never_saw_is_called_the_car_and_has_no_dealer_to_tell() {
        projection.on(booked("car-unknown", "b-1", CUSTOMER, 0, 3), "evt-1", at(1));
        assertThat(all()).isEmpty();

        projection.on(approved("car-unknown", "b-1", CUSTOMER), "evt-2", at(2), SYSTEM);
        assertThat(only().message()).contains("Your booking of the car for");
    }

    @Test
    void a_reset_keeps_the_notifications_and_their_read_flags_and_rebuilds_only_the_lookups() {
        projection.on(booked("car-1", "b-1", CUSTOMER, 0, 3), "evt-1", at(1));
        new NotificationInbox(mongoTemplate).markRead(DEALER, only().id());

        projection.clearLookupsBeforeReplay();
        projection.on(listed("car-1", DEALER, "Volkswagen", "Golf"), 0);
        projection.on(booked("car-1", "b-1", CUSTOMER, 0, 3), "evt-1", at(1));

        assertThat(only().read()).isTrue();
    }

    private NotificationEntry only() {
        List<NotificationEntry> all = all();
        assertThat(all).hasSize(1);
        return all.get(0);
    }

    private List<NotificationEntry> all() {
        return mongoTemplate.findAll(NotificationEntry.class);
    }

    /** The recipient's notifications, newest first. */
    private List<NotificationEntry> to(String recipientId) {
        return all().stream().filter(entry -> entry.recipientId().equals(recipientId))
                .sorted((a, b) -> b.createdAt().compareTo(a.createdAt())).toList();
    }

    private Document raw(String id) {
        return mongoTemplate.getCollection(NotificationEntry.COLLECTION).find(new Document("_id", id)).first();
    }
}
