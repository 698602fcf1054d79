package io.carmarket.query.reservation;

import io.carmarket.api.car.purchase.PaymentMethod;
import io.carmarket.api.car.purchase.PurchaseReservationStatus;
import io.carmarket.api.reservations.PurchaseReservationView;
import io.carmarket.query.EmbeddedMongo;
import org.bson.Document;
import org.bson.types.Decimal128;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.query.Query;

import static io.carmarket.query.common.TestEvents.DAY;
import static io.carmarket.query.common.TestEvents.T0;
import static io.carmarket.query.common.TestEvents.at;
import static io.carmarket.query.common.TestEvents.inspectionScheduled;
import static io.carmarket.query.common.TestEvents.listed;
import static io.carmarket.query.common.TestEvents.makeChanged;
import static io.carmarket.query.common.TestEvents.purchaseCompleted;
import static io.carmarket.query.common.TestEvents.reservationCancelled;
import static io.carmarket.query.common.TestEvents.reservationConfirmed;
import static io.carmarket.query.common.TestEvents.reservationExpired;
import static io.carmarket.query.common.TestEvents.reserved;
import static io.carmarket.query.common.TestEvents.reservedFullPayment;
import static org.assertj.core.api.Assertions.assertThat;

/** The purchase reservations projection against the embedded MongoDB, including redelivered and out-of-date events. */
class PurchaseReservationProjectionTest {

    @RegisterExtension
    static final EmbeddedMongo mongo = new EmbeddedMongo();

    private MongoTemplate mongoTemplate;
    private PurchaseReservationProjection projection;

    @BeforeEach
    void emptyReadModel() {
        mongoTemplate = mongo.template();
        mongoTemplate.remove(new Query(), PurchaseReservationEntry.class);
        mongoTemplate.remove(new Query(), PurchaseReservationProjection.CARS_COLLECTION);
        projection = new PurchaseReservationProjection(mongoTemplate);
        projection.on(listed("car-1", "dealer-1", "BMW", "X3"), 0);
    }

    @Test
    void indexes_are_declared_without_error_on_the_embedded_server() {
        projection.ensureIndexes();
        projection.ensureIndexes();
    }

    @Test
    void a_financed_reservation_with_trade_in_keeps_all_its_terms() {
        projection.on(reserved("car-1", "r-1", "customer-1"), 1, at(1));

        PurchaseReservationView view = entry("r-1").view();
        assertThat(view.orderNumber()).isEqualTo("ORD-2030-000001");
        assertThat(view.dealerId()).isEqualTo("dealer-1");
        assertThat(view.customerId()).isEqualTo("customer-1");
        assertThat(view.car().make()).isEqualTo("BMW");
        assertThat(view.status()).isEqualTo(PurchaseReservationStatus.PENDING);
        assertThat(view.paymentMethod()).isEqualTo(PaymentMethod.FINANCE);
        assertThat(view.financing().deposit()).isEqualByComparingTo("5000.00");
        assertThat(view.financing().termMonths()).isEqualTo(36);
        assertThat(view.tradeIn().make()).isEqualTo("Opel");
        assertThat(view.tradeIn().value()).isEqualByComparingTo("2000.00");
        assertThat(view.price()).isEqualByComparingTo("25000.00");
        assertThat(view.totalAmount()).isEqualByComparingTo("23000.00");
        assertThat(view.financedAmount()).isEqualByComparingTo("18000.00");
        assertThat(view.currency()).isEqualTo("EUR");
        assertThat(view.handoverDate()).isEqualTo(DAY.plusDays(20));
        assertThat(view.expiresAt()).isEqualTo(T0.plusSeconds(7 * 24 * 3600));
        assertThat(view.createdAt()).isEqualTo(at(1));

        Document raw = raw("r-1");
        assertThat(raw.get("totalAmount")).isInstanceOf(Decimal128.class);
        assertThat(raw.get("financing", Document.class).get("deposit")).isInstanceOf(Decimal128.class);
        assertThat(raw.get("tradeIn", Document.class).get("value")).isInstanceOf(Decimal128.class);
    }

    @Test
    void a_full_payment_reservation_has_no_financing() {
        projection.on(reservedFullPayment("car-1", "r-1", "customer-1"), 1, at(1));

        PurchaseReservationView view = entry("r-1").view();
        assertThat(view.financing()).isNull();
        assertThat(view.tradeIn()).isNull();
        assertThat(view.financedAmount()).isNull();
    }

    @Test
    void a_reservation_delivered_twice_is_stored_once_and_unchanged() {
        projection.on(reserved("car-1", "r-1", "customer-1"), 1, at(1));
        Document before = raw("r-1");

        projection.on(reserved("car-1", "r-1", "customer-1"), 1, at(2));

        assertThat(mongoTemplate.count(new Query(), PurchaseReservationEntry.class)).isEqualTo(1);
        assertThat(raw("r-1")).isEqualTo(before);
    }

    @Test
    void the_dealer_moves_it_through_confirmation_and_inspection_to_completion_each_step_once() {
        projection.on(reserved("car-1", "r-1", "customer-1"), 1, at(1));

        projection.on(reservationConfirmed("car-1", "r-1", "customer-1"), 2, at(2));
        assertThat(entry("r-1").status()).isEqualTo(PurchaseReservationStatus.CONFIRMED);
        Document confirmed = raw("r-1");
        projection.on(reservationConfirmed("car-1", "r-1", "customer-1"), 2, at(3));
        assertThat(raw("r-1")).isEqualTo(confirmed);

        projection.on(inspectionScheduled("car-1", "r-1", "customer-1"), 3, at(4));
        assertThat(entry("r-1").status()).isEqualTo(PurchaseReservationStatus.INSPECTION_SCHEDULED);
        assertThat(entry("r-1").view().inspectionDate()).isEqualTo(DAY.plusDays(10));
        Document inspection = raw("r-1");
        projection.on(inspectionScheduled("car-1", "r-1", "customer-1"), 3, at(5));
        assertThat(raw("r-1")).isEqualTo(inspection);

        projection.on(purchaseCompleted("car-1", "r-1", "customer-1"), 4, at(6));
        assertThat(entry("r-1").status()).isEqualTo(PurchaseReservationStatus.COMPLETED);
        assertThat(entry("r-1").updatedAt()).isEqualTo(at(6));
        Document completed = raw("r-1");
        projection.on(purchaseCompleted("car-1", "r-1", "customer-1"), 4, at(7));
        assertThat(raw("r-1")).isEqualTo(completed);
    }

    @Test
    void a_cancellation_keeps_its_reason_once() {
        projection.on(reserved("car-1", "r-1", "customer-1"), 1, at(1));

        projection.on(reservationCancelled("car-1", "r-1", "customer-1", "found another car"), 2, at(2));
        Document once = raw("r-1");
        projection.on(reservationCancelled("car-1", "r-1", "customer-1", "found another car"), 2, at(3));

        assertThat(entry("r-1").status()).isEqualTo(PurchaseReservationStatus.CANCELLED);
        assertThat(entry("r-1").cancellationReason()).isEqualTo("found another car");
        assertThat(raw("r-1")).isEqualTo(once);
    }

    @Test
    void an_unconfirmed_reservation_expires_once() {
        projection.on(reserved("car-1", "r-1", "customer-1"), 1, at(1));

        projection.on(reservationExpired("car-1", "r-1", "customer-1"), 2, at(2));
        Document once = raw("r-1");
        projection.on(reservationExpired("car-1", "r-1", "customer-1"), 2, at(3));

        assertThat(entry("r-1").status()).isEqualTo(PurchaseReservationStatus.EXPIRED);
        assertThat(raw("r-1")).isEqualTo(once);
    }

    @Test
    void older_events_redelivered_after_newer_ones_change_nothing() {
        projection.on(reserved("car-1", "r-1", "customer-1"), 1, at(1));
        projection.on(reservationConfirmed("car-1", "r-1", "customer-1"), 2, at(2));
        projection.on(reservationCancelled("car-1", "r-1", "customer-1", null), 3, at(3));
        Document after = raw("r-1");

        projection.on(reservationConfirmed("car-1", "r-1", "customer-1"), 2, at(4));
        projection.on(reserved("car-1", "r-1", "customer-1"), 1, at(5));

        assertThat(entry("r-1").status()).isEqualTo(PurchaseReservationStatus.CANCELLED);
        assertThat(raw("r-1")).isEqualTo(after);
    }

    @Test
    void a_listing_change_reaches_existing_reservations_and_an_older_one_does_not_revert_it() {
        projection.on(reserved("car-1", "r-1", "customer-1"), 1, at(1));

        projection.on(makeChanged("car-1", "BMW AG"), 2);
        projection.on(makeChanged("car-1", "Bayerische Motoren Werke"), 3);
        projection.on(makeChanged("car-1", "BMW AG"), 2);

        assertThat(entry("r-1").car().make()).isEqualTo("Bayerische Motoren Werke");
    }

    @Test
    void a_reset_before_replay_empties_reservations_and_lookup() {
        projection.on(reserved("car-1", "r-1", "customer-1"), 1, at(1));

        projection.clearBeforeReplay();

        assertThat(mongoTemplate.count(new Query(), PurchaseReservationEntry.class)).isZero();
        assertThat(mongoTemplate.count(new Query(), PurchaseReservationProjection.CARS_COLLECTION)).isZero();
    }

    private PurchaseReservationEntry entry(String reservationId) {
        return mongoTemplate.findById(reservationId, PurchaseReservationEntry.class);
    }

    private Document raw(String reservationId) {
        return mongoTemplate.getCollection(PurchaseReservationEntry.COLLECTION)
                .find(new Document("_id", reservationId)).first();
    }
}
