package io.carmarket.query.booking;

import io.carmarket.api.car.BookingCancellationReason;
import io.carmarket.api.car.BookingStatus;
import io.carmarket.api.car.BookingApproved;
import io.carmarket.api.car.CarBooked;
import io.carmarket.api.car.CarListingChanged;
import io.carmarket.query.EmbeddedMongo;
import io.carmarket.query.common.EventBatch;
import org.axonframework.eventhandling.DomainEventMessage;
import org.axonframework.eventhandling.EventMessage;
import org.bson.Document;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.query.Query;

import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;

import static io.carmarket.query.common.EventBatch.event;
import static io.carmarket.query.common.TestEvents.approvalExpired;
import static io.carmarket.query.common.TestEvents.approved;
import static io.carmarket.query.common.TestEvents.at;
import static io.carmarket.query.common.TestEvents.booked;
import static io.carmarket.query.common.TestEvents.bookedPending;
import static io.carmarket.query.common.TestEvents.cancelled;
import static io.carmarket.query.common.TestEvents.cityChanged;
import static io.carmarket.query.common.TestEvents.listed;
import static io.carmarket.query.common.TestEvents.makeChanged;
import static io.carmarket.query.common.TestEvents.priceChanged;
import static io.carmarket.query.common.TestEvents.rejected;
import static io.carmarket.query.common.TestEvents.rescheduled;
import static org.assertj.core.api.Assertions.assertThat;

/** The bookings projection against the embedded MongoDB-wire server, including redelivered and out-of-date events. */
class BookingProjectionTest {

    @RegisterExtension
    static final EmbeddedMongo mongo = new EmbeddedMongo();

    private MongoTemplate mongoTemplate;
    private BookingProjection projection;

    @BeforeEach
    void emptyReadModel() {
        mongoTemplate = mongo.template();
        mongoTemplate.remove(new Query(), BookingEntry.class);
        mongoTemplate.remove(new Query(), BookingProjection.CARS_COLLECTION);
        projection = new BookingProjection(mongoTemplate);
        projection.on(listed("car-1", "dealer-1", "Volkswagen", "Golf"), 0);
    }

    @Test
    void indexes_are_declared_without_error_on_the_embedded_server() {
        projection.ensureIndexes();
        projection.ensureIndexes();
    }

    @Test
    void a_booking_carries_its_car_dealer_and_display_data() {
        projection.on(booked("car-1", "b-1", "customer-1", 0, 3), 1, at(1));

        BookingEntry entry = entry("b-1");
        assertThat(entry.carId()).isEqualTo("car-1");
        assertThat(entry.dealerId()).isEqualTo("dealer-1");
        assertThat(entry.customerId()).isEqualTo("customer-1");
        assertThat(entry.car().make()).isEqualTo("Volkswagen");
        assertThat(entry.car().model()).isEqualTo("Golf");
        assertThat(entry.car().city()).isEqualTo("Berlin");
        assertThat(entry.car().primaryImageUrl()).isEqualTo("https://img.example.com/2.jpg");
        assertThat(entry.startDate()).isEqualTo("2030-03-01");
        assertThat(entry.endDate()).isEqualTo("2030-03-04");
        assertThat(entry.status()).isEqualTo(BookingStatus.CONFIRMED);
        assertThat(entry.totalPrice()).isEqualByComparingTo("148.50");
        assertThat(entry.currency()).isEqualTo("EUR");
        assertThat(entry.notes()).isEqualTo("late arrival");
        assertThat(entry.createdAt()).isEqualTo(at(1));
        assertThat(entry.updatedAt()).isEqualTo(at(1));
        assertThat(entry.version()).isEqualTo(1);
        assertThat(raw("b-1").get("totalPrice")).as("money is Decimal128").isInstanceOf(org.bson.types.Decimal128.class);
        assertThat(entry.view().period().startDate()).isEqualTo(LocalDate.of(2030, 3, 1));
    }

    @Test
    void a_booking_delivered_twice_is_stored_once_and_unchanged() {
        projection.on(booked("car-1", "b-1", "customer-1", 0, 3), 1, at(1));
        Document before = raw("b-1");

        projection.on(booked("car-1", "b-1", "customer-1", 0, 3), 1, at(9));

        assertThat(mongoTemplate.count(new Query(), BookingEntry.class)).isEqualTo(1);
        assertThat(raw("b-1")).isEqualTo(before);
    }

    @Test
    void a_booking_of_a_car_the_lookup_never_saw_is_kept_without_dealer() {
        projection.on(booked("car-unknown", "b-1", "customer-1", 0, 3), 1, at(1));

        assertThat(entry("b-1").dealerId()).isNull();
        assertThat(entry("b-1").customerId()).isEqualTo("customer-1");
    }

    @Test
    void approval_confirms_a_pending_booking_and_clears_its_deadline() {
        projection.on(bookedPending("car-1", "b-1", "customer-1", 0, 3, at(60)), 1, at(1));
        assertThat(entry("b-1").status()).isEqualTo(BookingStatus.PENDING_APPROVAL);
        assertThat(entry("b-1").approvalDeadline()).isEqualTo(at(60));

        projection.on(approved("car-1", "b-1", "customer-1"), 2, at(2));

        assertThat(entry("b-1").status()).isEqualTo(BookingStatus.CONFIRMED);
        assertThat(entry("b-1").approvalDeadline()).isNull();
        assertThat(entry("b-1").updatedAt()).isEqualTo(at(2));
        assertThat(entry("b-1").createdAt()).isEqualTo(at(1));
    }

    @Test
    void an_approval_delivered_twice_changes_nothing_the_second_time() {
        projection.on(bookedPending("car-1", "b-1", "customer-1", 0, 3, at(60)), 1, at(1));
        projection.on(approved("car-1", "b-1", "customer-1"), 2, at(2));
        Document before = raw("b-1");

        projection.on(approved("car-1", "b-1", "customer-1"), 2, at(5));

        assertThat(raw("b-1")).isEqualTo(before);
    }

    @Test
    void a_rejection_records_the_reason_once() {
        projection.on(bookedPending("car-1", "b-1", "customer-1", 0, 3, at(60)), 1, at(1));

        projection.on(rejected("car-1", "b-1", "customer-1", "car in service"), 2, at(2));
        Document once = raw("b-1");
        projection.on(rejected("car-1", "b-1", "customer-1", "car in service"), 2, at(3));

        assertThat(entry("b-1").status()).isEqualTo(BookingStatus.REJECTED);
        assertThat(entry("b-1").rejectionReason()).isEqualTo("car in service");
        assertThat(raw("b-1")).isEqualTo(once);
    }

    @Test
    void an_unanswered_request_expires_once() {
        projection.on(bookedPending("car-1", "b-1", "customer-1", 0, 3, at(60)), 1, at(1));

        projection.on(approvalExpired("car-1", "b-1", "customer-1"), 2, at(60));
        Document once = raw("b-1");
        projection.on(approvalExpired("car-1", "b-1", "customer-1"), 2, at(61));

        assertThat(entry("b-1").status()).isEqualTo(BookingStatus.EXPIRED);
        assertThat(raw("b-1")).isEqualTo(once);
    }

    @Test
    void a_reschedule_moves_the_dates_and_the_price_once() {
        projection.on(booked("car-1", "b-1", "customer-1", 0, 3), 1, at(1));

        projection.on(rescheduled("car-1", "b-1", "customer-1", 5, 7, BookingStatus.PENDING_APPROVAL, at(90)), 2,
                at(2));
        Document once = raw("b-1");
        projection.on(rescheduled("car-1", "b-1", "customer-1", 5, 7, BookingStatus.PENDING_APPROVAL, at(90)), 2,
                at(3));

        BookingEntry entry = entry("b-1");
        assertThat(entry.startDate()).isEqualTo("2030-03-06");
        assertThat(entry.endDate()).isEqualTo("2030-03-08");
        assertThat(entry.status()).isEqualTo(BookingStatus.PENDING_APPROVAL);
        assertThat(entry.totalPrice()).isEqualByComparingTo("99.00");
        assertThat(entry.approvalDeadline()).isEqualTo(at(90));
        assertThat(raw("b-1").get("totalPrice")).isInstanceOf(org.bson.types.Decimal128.class);
        assertThat(raw("b-1")).isEqualTo(once);
    }

    @Test
    void a_cancellation_records_reason_and_note_once() {
        projection.on(booked("car-1", "b-1", "customer-1", 0, 3), 1, at(1));

        projection.on(cancelled("car-1", "b-1", BookingCancellationReason.ON_REQUEST, "plans changed"), 2, at(2));
        Document once = raw("b-1");
        projection.on(cancelled("car-1", "b-1", BookingCancellationReason.ON_REQUEST, "plans changed"), 2, at(3));

        assertThat(entry("b-1").status()).isEqualTo(BookingStatus.CANCELLED);
        assertThat(entry("b-1").cancellationReason()).isEqualTo(BookingCancellationReason.ON_REQUEST);
        assertThat(entry("b-1").cancellationNote()).isEqualTo("plans changed");
        assertThat(raw("b-1")).isEqualTo(once);
    }

    @Test
    void a_booking_cancelled_because_the_car_was_sold_says_so() {
        projection.on(booked("car-1", "b-1", "customer-1", 0, 3), 1, at(1));

        projection.on(cancelled("car-1", "b-1", BookingCancellationReason.CAR_SOLD, null), 5, at(2));

        assertThat(entry("b-1").status()).isEqualTo(BookingStatus.CANCELLED);
        assertThat(entry("b-1").cancellationReason()).isEqualTo(BookingCancellationReason.CAR_SOLD);
    }

    @Test
    void older_events_redelivered_after_newer_ones_change_nothing() {
        projection.on(bookedPending("car-1", "b-1", "customer-1", 0, 3, at(60)), 1, at(1));
        projection.on(approved("car-1", "b-1", "customer-1"), 2, at(2));
        projection.on(cancelled("car-1", "b-1", BookingCancellationReason.ON_REQUEST, null), 3, at(3));
        Document after = raw("b-1");

        projection.on(approved("car-1", "b-1", "customer-1"), 2, at(4));
        projection.on(bookedPending("car-1", "b-1", "customer-1", 0, 3, at(60)), 1, at(5));

        assertThat(entry("b-1").status()).isEqualTo(BookingStatus.CANCELLED);
        assertThat(raw("b-1")).isEqualTo(after);
    }

    @Test
    void a_listing_change_reaches_the_lookup_and_the_cars_existing_bookings() {
        projection.on(booked("car-1", "b-1", "customer-1", 0, 3), 1, at(1));
        projection.on(booked("car-1", "b-2", "customer-2", 5, 7), 2, at(2));

        projection.on(makeChanged("car-1", "VW"), 3);
        projection.on(booked("car-1", "b-3", "customer-3", 10, 12), 4, at(4));

        assertThat(entry("b-1").car().make()).isEqualTo("VW");
        assertThat(entry("b-2").car().make()).isEqualTo("VW");
        assertThat(entry("b-1").car().model()).as("unchanged parts stay").isEqualTo("Golf");
        assertThat(entry("b-3").car().make()).as("a later booking copies the changed car").isEqualTo("VW");
        assertThat(entry("b-3").carVersion()).isEqualTo(3);
    }

    @Test
    void an_older_listing_change_redelivered_after_a_newer_one_does_not_revert_the_car() {
        projection.on(booked("car-1", "b-1", "customer-1", 0, 3), 1, at(1));
        projection.on(makeChanged("car-1", "VW"), 2);
        projection.on(cityChanged("car-1", "Hamburg"), 3);
        projection.on(makeChanged("car-1", "Volkswagen AG"), 4);

        projection.on(makeChanged("car-1", "VW"), 2);
        projection.on(makeChanged("car-1", "VW"), 2);

        assertThat(entry("b-1").car().make()).isEqualTo("Volkswagen AG");
        assertThat(entry("b-1").car().city()).isEqualTo("Hamburg");
        projection.on(booked("car-1", "b-2", "customer-2", 5, 7), 5, at(5));
        assertThat(entry("b-2").car().make()).isEqualTo("Volkswagen AG");
        assertThat(entry("b-2").car().city()).isEqualTo("Hamburg");
    }

    @Test
    void a_change_of_nothing_shown_leaves_bookings_alone() {
        projection.on(booked("car-1", "b-1", "customer-1", 0, 3), 1, at(1));
        Document before = raw("b-1");

        projection.on(priceChanged("car-1", "60.00"), 2);

        assertThat(raw("b-1")).isEqualTo(before);
    }

    @Test
    void a_listing_delivered_twice_keeps_the_first_lookup_entry() {
        projection.on(makeChanged("car-1", "VW"), 1);

        projection.on(listed("car-1", "dealer-1", "Volkswagen", "Golf"), 0);
        projection.on(booked("car-1", "b-1", "customer-1", 0, 3), 2, at(2));

        assertThat(mongoTemplate.count(new Query(), BookingProjection.CARS_COLLECTION)).isEqualTo(1);
        assertThat(entry("b-1").car().make()).isEqualTo("VW");
    }

    @Test
    void a_reset_before_replay_empties_bookings_and_lookup() {
        projection.on(booked("car-1", "b-1", "customer-1", 0, 3), 1, at(1));

        projection.clearBeforeReplay();

        assertThat(mongoTemplate.count(new Query(), BookingEntry.class)).isZero();
        assertThat(mongoTemplate.count(new Query(), BookingProjection.CARS_COLLECTION)).isZero();
    }

    @Test
    void the_bookings_of_a_batch_are_written_when_it_ends() {
        List<Long> storedWhileBatchRan = new ArrayList<>();

        EventBatch.handle(List.of(event("car-1", 1, booked("car-1", "b-1", "customer-1", 0, 3)),
                event("car-1", 2, booked("car-1", "b-2", "customer-2", 5, 7))), message -> {
            handle(message);
            storedWhileBatchRan.add(mongoTemplate.count(new Query(), BookingEntry.class));
        });

        assertThat(storedWhileBatchRan).containsExactly(0L, 0L);
        assertThat(entry("b-1").car().make()).isEqualTo("Volkswagen");
        assertThat(entry("b-2").customerId()).isEqualTo("customer-2");
    }

    @Test
    void a_booking_created_and_approved_in_one_batch_ends_approved() {
        EventBatch.handle(List.of(event("car-1", 1, bookedPending("car-1", "b-1", "customer-1", 0, 3, at(60))),
                event("car-1", 2, approved("car-1", "b-1", "customer-1"))), this::handle);

        assertThat(entry("b-1").status()).isEqualTo(BookingStatus.CONFIRMED);
        assertThat(entry("b-1").version()).isEqualTo(2);
    }

    @Test
    void a_booking_after_a_listing_change_in_the_same_batch_carries_the_changed_car() {
        EventBatch.handle(List.of(event("car-1", 1, booked("car-1", "b-1", "customer-1", 0, 3)),
                event("car-1", 2, makeChanged("car-1", "Skoda")),
                event("car-1", 3, booked("car-1", "b-2", "customer-2", 5, 7))), this::handle);

        assertThat(entry("b-1").car().make()).isEqualTo("Skoda");
        assertThat(entry("b-2").car().make()).isEqualTo("Skoda");
    }

    @Test
    void a_batch_delivered_twice_stores_each_booking_once_and_unchanged() {
        List<EventMessage<?>> batch = List.of(event("car-1", 1, booked("car-1", "b-1", "customer-1", 0, 3)),
                event("car-1", 2, approved("car-1", "b-1", "customer-1")));
        EventBatch.handle(batch, this::handle);
        Document before = raw("b-1");

        EventBatch.handle(batch, this::handle);

        assertThat(mongoTemplate.count(new Query(), BookingEntry.class)).isEqualTo(1);
        assertThat(raw("b-1")).isEqualTo(before);
    }

    /** Calls the projection's handler for the event's payload, as its processor does. */
    private void handle(EventMessage<?> message) {
        long sequenceNumber = ((DomainEventMessage<?>) message).getSequenceNumber();
        Instant at = at((int) sequenceNumber);
        Object payload = message.getPayload();
        if (payload instanceof CarBooked booking) {
            projection.on(booking, sequenceNumber, at);
        } else if (payload instanceof BookingApproved approval) {
            projection.on(approval, sequenceNumber, at);
        } else if (payload instanceof CarListingChanged change) {
            projection.on(change, sequenceNumber);
        } else {
            throw new IllegalArgumentException("No handler in this test for " + payload);
        }
    }

    private BookingEntry entry(String bookingId) {
        return mongoTemplate.findById(bookingId, BookingEntry.class);
    }

    private Document raw(String bookingId) {
        return mongoTemplate.getCollection(BookingEntry.COLLECTION).find(new Document("_id", bookingId)).first();
    }
}
