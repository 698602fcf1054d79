package io.carmarket.query.booking;

import io.carmarket.api.bookings.BookingById;
import io.carmarket.api.bookings.BookingPage;
import io.carmarket.api.bookings.BookingSearch;
import io.carmarket.api.bookings.BookingView;
import io.carmarket.api.car.BookingCancellationReason;
import io.carmarket.api.car.BookingStatus;
import io.carmarket.api.identity.Actor;
import io.carmarket.api.identity.Role;
import io.carmarket.query.EmbeddedMongo;
import io.carmarket.query.common.NewestFirstCursor;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.query.Query;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;

import static io.carmarket.query.common.TestEvents.DAY;
import static io.carmarket.query.common.TestEvents.at;
import static io.carmarket.query.common.TestEvents.booked;
import static io.carmarket.query.common.TestEvents.bookedPending;
import static io.carmarket.query.common.TestEvents.cancelled;
import static io.carmarket.query.common.TestEvents.listed;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** Who sees which bookings, and the list's filters, order and cursor, against the embedded MongoDB. */
class BookingQueryHandlerTest {

    private static final Actor ALICE = new Actor("alice", Role.CUSTOMER);
    private static final Actor BOB = new Actor("bob", Role.CUSTOMER);
    private static final Actor CAROL = new Actor("carol", Role.CUSTOMER);
    private static final Actor DEALER_1 = new Actor("dealer-1", Role.DEALER);
    private static final Actor DEALER_2 = new Actor("dealer-2", Role.DEALER);
    private static final Actor OTHER_DEALER = new Actor("dealer-3", Role.DEALER);
    private static final Actor ADMIN = new Actor("admin", Role.ADMIN);
    private static final Actor AUDITOR = new Actor("auditor", Role.AUDITOR);

    @RegisterExtension
    static final EmbeddedMongo mongo = new EmbeddedMongo();

    private BookingQueryHandler queries;

    /**
     * dealer-1 owns car-1 and car-2, dealer-2 owns car-3. Bookings, oldest first:
     * a1 alice car-1 [0,3) CONFIRMED; a2 alice car-3 [5,8) PENDING; b1 bob car-2 [2,4) CANCELLED;
     * b2 bob car-1 [10,12) CONFIRMED.
     */
    @BeforeEach
    void marketplace() {
        MongoTemplate mongoTemplate = mongo.template();
        mongoTemplate.remove(new Query(), BookingEntry.class);
        mongoTemplate.remove(new Query(), BookingProjection.CARS_COLLECTION);
        BookingProjection projection = new BookingProjection(mongoTemplate);
        queries = new BookingQueryHandler(mongoTemplate);

        projection.on(listed("car-1", "dealer-1", "Volkswagen", "Golf"), 0);
        projection.on(listed("car-2", "dealer-1", "Volkswagen", "Polo"), 0);
        projection.on(listed("car-3", "dealer-2", "BMW", "X3"), 0);
        projection.on(booked("car-1", "a1", "alice", 0, 3), 1, at(1));
        projection.on(bookedPending("car-3", "a2", "alice", 5, 8, at(600)), 1, at(2));
        projection.on(booked("car-2", "b1", "bob", 2, 4), 1, at(3));
        projection.on(cancelled("car-2", "b1", BookingCancellationReason.ON_REQUEST, null), 2, at(4));
        projection.on(booked("car-1", "b2", "bob", 10, 12), 2, at(5));
    }

    @Test
    void a_customer_sees_only_their_own_bookings_newest_first() {
        assertThat(ids(queries.search(search(ALICE).build()))).containsExactly("a2", "a1");
        assertThat(ids(queries.search(search(BOB).build()))).containsExactly("b2", "b1");
        assertThat(ids(queries.search(search(CAROL).build()))).isEmpty();
    }

    @Test
    void a_dealer_sees_the_bookings_of_their_cars_only() {
        assertThat(ids(queries.search(search(DEALER_1).build()))).containsExactly("b2", "b1", "a1");
        assertThat(ids(queries.search(search(DEALER_2).build()))).containsExactly("a2");
        assertThat(ids(queries.search(search(OTHER_DEALER).build()))).isEmpty();
    }

    @Test
    void admins_and_auditors_see_all_bookings() {
        assertThat(ids(queries.search(search(ADMIN).build()))).containsExactly("b2", "b1", "a2", "a1");
        assertThat(ids(queries.search(search(AUDITOR).build()))).containsExactly("b2", "b1", "a2", "a1");
    }

    @Test
    void one_booking_is_shown_to_its_customer_the_cars_dealer_and_admins_only() {
        assertThat(queries.booking(new BookingById(ALICE, "a1"))).isPresent();
        assertThat(queries.booking(new BookingById(DEALER_1, "a1"))).isPresent();
        assertThat(queries.booking(new BookingById(ADMIN, "a1"))).isPresent();
        assertThat(queries.booking(new BookingById(AUDITOR, "a1"))).isPresent();

        assertThat(queries.booking(new BookingById(BOB, "a1"))).as("another customer").isEmpty();
        assertThat(queries.booking(new BookingById(DEALER_2, "a1"))).as("another dealer").isEmpty();
        assertThat(queries.booking(new BookingById(ADMIN, "no-such-booking"))).isEmpty();
    }

    @Test
    void one_booking_shows_everything_its_participants_need() {
        BookingView view = queries.booking(new BookingById(ALICE, "a2")).orElseThrow();

        assertThat(view.status()).isEqualTo(BookingStatus.PENDING_APPROVAL);
        assertThat(view.approvalDeadline()).isEqualTo(at(600));
        assertThat(view.car().make()).isEqualTo("BMW");
        assertThat(view.dealerId()).isEqualTo("dealer-2");
        assertThat(view.period().startDate()).isEqualTo(DAY.plusDays(5));
        assertThat(view.period().endDate()).isEqualTo(DAY.plusDays(8));
    }

    @Test
    void the_status_filter_takes_any_of_several_statuses() {
        assertThat(ids(queries.search(search(ADMIN).statuses(BookingStatus.CANCELLED).build())))
                .containsExactly("b1");
        assertThat(ids(queries.search(search(ADMIN)
                .statuses(BookingStatus.CONFIRMED, BookingStatus.PENDING_APPROVAL).build())))
                .containsExactly("b2", "a2", "a1");
        assertThat(ids(queries.search(search(ALICE).statuses(BookingStatus.CANCELLED).build()))).isEmpty();
    }

    @Test
    void from_and_to_select_bookings_overlapping_the_half_open_range() {
        // a1 [0,3), b1 [2,4), a2 [5,8), b2 [10,12)
        assertThat(ids(queries.search(search(ADMIN).range(3, 5).build()))).as("[3,5)").containsExactly("b1");
        assertThat(ids(queries.search(search(ADMIN).range(4, 5).build()))).as("[4,5) touches no booking").isEmpty();
        assertThat(ids(queries.search(search(ADMIN).range(0, 1).build()))).containsExactly("a1");
        assertThat(ids(queries.search(search(ADMIN).range(7, 10).build()))).as("ends before b2 starts")
                .containsExactly("a2");
        assertThat(ids(queries.search(search(ADMIN).from(8).build()))).as("from only").containsExactly("b2");
        assertThat(ids(queries.search(search(ADMIN).to(2).build()))).as("to only").containsExactly("a1");
    }

    @Test
    void pages_follow_one_another_with_the_cursor() {
        BookingPage first = queries.search(search(ADMIN).limit(3).build());
        assertThat(ids(first)).containsExactly("b2", "b1", "a2");
        assertThat(first.nextCursor()).isNotBlank();

        BookingPage second = queries.search(search(ADMIN).limit(3).cursor(first.nextCursor()).build());
        assertThat(ids(second)).containsExactly("a1");
        assertThat(second.nextCursor()).isNull();
    }

    @Test
    void bookings_made_in_the_same_millisecond_are_paged_without_loss_or_repeat() {
        MongoTemplate mongoTemplate = mongo.template();
        BookingProjection projection = new BookingProjection(mongoTemplate);
        for (int i = 0; i < 5; i++) {
            projection.on(booked("car-1", "same-" + i, "carol", 20 + i, 21 + i), 10 + i, at(100));
        }
        List<String> seen = new ArrayList<>();
        String cursor = null;
        do {
            BookingPage page = queries.search(search(CAROL).limit(2).cursor(cursor).build());
            seen.addAll(ids(page));
            cursor = page.nextCursor();
        } while (cursor != null);

        assertThat(seen).containsExactly("same-4", "same-3", "same-2", "same-1", "same-0");
    }

    @Test
    void a_cursor_of_another_list_or_of_nothing_is_refused() {
        String foreign = NewestFirstCursor.after("notifications", at(1), "x").encode();

        assertThatThrownBy(() -> queries.search(search(ADMIN).cursor(foreign).build()))
                .isInstanceOf(NewestFirstCursor.InvalidCursorException.class);
        assertThatThrownBy(() -> queries.search(search(ADMIN).cursor("not a cursor!").build()))
                .isInstanceOf(NewestFirstCursor.InvalidCursorException.class);
    }

    private static List<String> ids(BookingPage page) {
        return page.items().stream().map(BookingView::bookingId).toList();
    }

    private static Builder search(Actor viewer) {
        return new Builder(viewer);
    }

    private static final class Builder {
        private final Actor viewer;
        private List<BookingStatus> statuses = List.of();
        private LocalDate from;
        private LocalDate to;
        private String cursor;
        private int limit = 20;

        Builder(Actor viewer) {
            this.viewer = viewer;
        }

        Builder statuses(BookingStatus... wanted) {
            statuses = List.of(wanted);
            return this;
        }

        Builder range(int fromDay, int toDay) {
            return from(fromDay).to(toDay);
        }

        Builder from(int day) {
            from = DAY.plusDays(day);
            return this;
        }

        Builder to(int day) {
            to = DAY.plusDays(day);
            return this;
        }

        Builder cursor(String value) {
            cursor = value;
            return this;
        }

        Builder limit(int value) {
            limit = value;
            return this;
        }

        BookingSearch build() {
            return new BookingSearch(viewer, statuses, from, to, cursor, limit);
        }
    }
}
