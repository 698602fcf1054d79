package io.carmarket.query.reservation;

import io.carmarket.api.car.purchase.PurchaseReservationStatus;
import io.carmarket.api.identity.Actor;
import io.carmarket.api.identity.Role;
import io.carmarket.api.reservations.PurchaseReservationById;
import io.carmarket.api.reservations.PurchaseReservationPage;
import io.carmarket.api.reservations.PurchaseReservationSearch;
import io.carmarket.api.reservations.PurchaseReservationView;
import io.carmarket.query.EmbeddedMongo;
import io.carmarket.query.common.NewestFirstCursor;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.query.Query;

import java.util.List;

import static io.carmarket.query.common.TestEvents.at;
import static io.carmarket.query.common.TestEvents.listed;
import static io.carmarket.query.common.TestEvents.reservationCancelled;
import static io.carmarket.query.common.TestEvents.reservationConfirmed;
import static io.carmarket.query.common.TestEvents.reserved;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** Who sees which purchase reservations, the status filter and the cursor. */
class PurchaseReservationQueryHandlerTest {

    private static final Actor ALICE = new Actor("alice", Role.CUSTOMER);
    private static final Actor BOB = new Actor("bob", Role.CUSTOMER);
    private static final Actor DEALER_1 = new Actor("dealer-1", Role.DEALER);
    private static final Actor DEALER_2 = new Actor("dealer-2", Role.DEALER);
    private static final Actor ADMIN = new Actor("admin", Role.ADMIN);
    private static final Actor AUDITOR = new Actor("auditor", Role.AUDITOR);

    @RegisterExtension
    static final EmbeddedMongo mongo = new EmbeddedMongo();

    private PurchaseReservationQueryHandler queries;

    /** dealer-1 owns car-1 and car-2, dealer-2 car-3. r1 alice car-1 CONFIRMED; r2 bob car-2 CANCELLED; r3 bob car-3 PENDING. */
    @BeforeEach
    void marketplace() {
        MongoTemplate mongoTemplate = mongo.template();
        mongoTemplate.remove(new Query(), PurchaseReservationEntry.class);
        mongoTemplate.remove(new Query(), PurchaseReservationProjection.CARS_COLLECTION);
        PurchaseReservationProjection projection = new PurchaseReservationProjection(mongoTemplate);
        queries = new PurchaseReservationQueryHandler(mongoTemplate);

        projection.on(listed("car-1", "dealer-1", "BMW", "X3"), 0);
        projection.on(listed("car-2", "dealer-1", "BMW", "X5"), 0);
        projection.on(listed("car-3", "dealer-2", "Audi", "A4"), 0);
        projection.on(reserved("car-1", "r1", "alice"), 1, at(1));
        projection.on(reservationConfirmed("car-1", "r1", "alice"), 2, at(2));
        projection.on(reserved("car-2", "r2", "bob"), 1, at(3));
        projection.on(reservationCancelled("car-2", "r2", "bob", null), 2, at(4));
        projection.on(reserved("car-3", "r3", "bob"), 1, at(5));
    }

    @Test
    void customers_see_their_own_dealers_their_cars_admins_and_auditors_all() {
        assertThat(ids(queries.search(search(ALICE, List.of(), null, 20)))).containsExactly("r1");
        assertThat(ids(queries.search(search(BOB, List.of(), null, 20)))).containsExactly("r3", "r2");
        assertThat(ids(queries.search(search(DEALER_1, List.of(), null, 20)))).containsExactly("r2", "r1");
        assertThat(ids(queries.search(search(DEALER_2, List.of(), null, 20)))).containsExactly("r3");
        assertThat(ids(queries.search(search(ADMIN, List.of(), null, 20)))).containsExactly("r3", "r2", "r1");
        assertThat(ids(queries.search(search(AUDITOR, List.of(), null, 20)))).containsExactly("r3", "r2", "r1");
    }

    @Test
    void one_reservation_is_shown_to_its_participants_and_admins_only() {
        assertThat(queries.reservation(new PurchaseReservationById(ALICE, "r1"))).isPresent();
        assertThat(queries.reservation(new PurchaseReservationById(DEALER_1, "r1"))).isPresent();
        assertThat(queries.reservation(new PurchaseReservationById(ADMIN, "r1"))).isPresent();
        assertThat(queries.reservation(new PurchaseReservationById(AUDITOR, "r1"))).isPresent();

        assertThat(queries.reservation(new PurchaseReservationById(BOB, "r1"))).isEmpty();
        assertThat(queries.reservation(new PurchaseReservationById(DEALER_2, "r1"))).isEmpty();
        assertThat(queries.reservation(new PurchaseReservationById(ADMIN, "nope"))).isEmpty();
    }

    @Test
    void the_status_filter_takes_any_of_several_statuses() {
        assertThat(ids(queries.search(search(ADMIN, List.of(PurchaseReservationStatus.PENDING,
                PurchaseReservationStatus.CONFIRMED), null, 20)))).containsExactly("r3", "r1");
        assertThat(ids(queries.search(search(DEALER_1, List.of(PurchaseReservationStatus.CANCELLED), null, 20))))
                .containsExactly("r2");
    }

    @Test
    void pages_follow_one_another_with_the_cursor() {
        PurchaseReservationPage first = queries.search(search(ADMIN, List.of(), null, 2));
        assertThat(ids(first)).containsExactly("r3", "r2");

        PurchaseReservationPage second = queries.search(search(ADMIN, List.of(), first.nextCursor(), 2));
        assertThat(ids(second)).containsExactly("r1");
        assertThat(second.nextCursor()).isNull();
    }

    @Test
    void a_bookings_cursor_is_not_a_reservations_cursor() {
        String bookingsCursor = NewestFirstCursor.after("bookings", at(3), "r2").encode();

        assertThatThrownBy(() -> queries.search(search(ADMIN, List.of(), bookingsCursor, 2)))
                .isInstanceOf(NewestFirstCursor.InvalidCursorException.class);
    }

    private static PurchaseReservationSearch search(Actor viewer, List<PurchaseReservationStatus> statuses,
                                                    String cursor, int limit) {
        return new PurchaseReservationSearch(viewer, statuses, cursor, limit);
    }

    private static List<String> ids(PurchaseReservationPage page) {
        return page.items().stream().map(PurchaseReservationView::reservationId).toList();
    }
}
