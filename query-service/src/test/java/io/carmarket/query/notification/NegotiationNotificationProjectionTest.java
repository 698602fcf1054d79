package io.carmarket.query.notification;

import io.carmarket.api.notifications.NotificationType;
import io.carmarket.query.EmbeddedMongo;
import org.bson.Document;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.query.Query;

import java.util.ArrayList;
import java.util.List;

import static io.carmarket.query.common.TestEvents.at;
import static io.carmarket.query.common.TestEvents.listed;
import static io.carmarket.query.common.TestEvents.reserved;
import static io.carmarket.query.negotiation.NegotiationEvents.OFFER_TIMEOUT;
import static io.carmarket.query.negotiation.NegotiationEvents.accepted;
import static io.carmarket.query.negotiation.NegotiationEvents.cancelled;
import static io.carmarket.query.negotiation.NegotiationEvents.endedCarSold;
import static io.carmarket.query.negotiation.NegotiationEvents.expired;
import static io.carmarket.query.negotiation.NegotiationEvents.failed;
import static io.carmarket.query.negotiation.NegotiationEvents.offer;
import static io.carmarket.query.negotiation.NegotiationEvents.opened;
import static io.carmarket.query.negotiation.NegotiationEvents.purchaseArranged;
import static io.carmarket.query.negotiation.NegotiationEvents.rejected;
import static io.carmarket.query.negotiation.NegotiationEvents.sold;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;

/**
 * Who is notified of what in a negotiation, with which words, the rule that other open negotiations on a car are
 * told of its reservation and sale, and that redelivered events create nothing new, against the embedded MongoDB.
 * The two projections of the {@code notifications} group are fed together, as their processor feeds them.
 */
class NegotiationNotificationProjectionTest {

    private static final String DEALER = "dealer-1";
    private static final String BUYER = "buyer-1";
    private static final String OTHER_BUYER = "buyer-2";
    private static final String THIRD_BUYER = "buyer-3";

    @RegisterExtension
    static final EmbeddedMongo mongo = new EmbeddedMongo();

    private MongoTemplate mongoTemplate;
    private NotificationProjection bookingsAndPurchases;
    private NegotiationNotificationProjection projection;

    @BeforeEach
    void emptyReadModel() {
        mongoTemplate = mongo.template();
        mongoTemplate.remove(new Query(), NotificationEntry.class);
        mongoTemplate.remove(new Query(), NotificationProjection.CARS_COLLECTION);
        mongoTemplate.remove(new Query(), NotificationProjection.BOOKINGS_COLLECTION);
        mongoTemplate.remove(new Query(), NegotiationNotificationProjection.NEGOTIATIONS_COLLECTION);
        mongoTemplate.remove(new Query(), NegotiationNotificationProjection.CAR_SALES_COLLECTION);
        bookingsAndPurchases = new NotificationProjection(mongoTemplate);
        projection = new NegotiationNotificationProjection(mongoTemplate);
        bookingsAndPurchases.on(listed("car-1", DEALER, "Volkswagen", "Golf"), 0);
    }

    @Test
    void indexes_are_declared_without_error_on_the_embedded_server() {
        projection.ensureIndexes();
        projection.ensureIndexes();
    }

    @Test
    void the_opening_offer_tells_the_dealer_and_a_counter_offer_tells_the_buyer() {
        projection.on(opened("n-1", "car-1", DEALER, BUYER), at(1));
        projection.on(offer("n-1", 1, "17000.00"), "evt-1", at(1));
        projection.on(offer("n-1", 2, "19000.00"), "evt-2", at(2));
        projection.on(offer("n-1", 3, "18000.00"), "evt-3", at(3));

        assertThat(to(DEALER)).extracting(NotificationEntry::type, NotificationEntry::message).containsExactly(
                tuple(NotificationType.NEGOTIATION_OFFER_RECEIVED, "New offer of EUR 18000.00 on your Volkswagen Golf "
                        + "from the buyer. Answer by " + at(3).plus(OFFER_TIMEOUT) + "."),
                tuple(NotificationType.NEGOTIATION_OFFER_RECEIVED, "A buyer opened a negotiation on your Volkswagen "
                        + "Golf with an offer of EUR 17000.00. Answer by " + at(1).plus(OFFER_TIMEOUT) + "."));
        NotificationEntry counter = only(to(BUYER));
        assertThat(counter.type()).isEqualTo(NotificationType.NEGOTIATION_OFFER_RECEIVED);
        assertThat(counter.message()).isEqualTo("New offer of EUR 19000.00 on the Volkswagen Golf from the dealer. "
                + "Answer by " + at(2).plus(OFFER_TIMEOUT) + ".");
        assertThat(counter.negotiationId()).isEqualTo("n-1");
        assertThat(counter.carId()).isEqualTo("car-1");
        assertThat(counter.bookingId()).isNull();
        assertThat(counter.reservationId()).isNull();
        assertThat(counter.createdAt()).isEqualTo(at(2));
        assertThat(counter.view().negotiationId()).isEqualTo("n-1");
    }

    @Test
    void an_acceptance_tells_both_parties() {
        openWithOffers("n-1", BUYER, 2);

        projection.on(accepted("n-1", "car-1", DEALER, BUYER, 2, "19000.00"), "evt-acc", at(5));

        assertThat(about("evt-acc")).extracting(NotificationEntry::recipientId, NotificationEntry::type,
                NotificationEntry::message).containsExactlyInAnyOrder(
                tuple(BUYER, NotificationType.NEGOTIATION_OFFER_ACCEPTED, "The offer of EUR 19000.00 for the "
                        + "Volkswagen Golf was accepted. The car is being reserved for you."),
                tuple(DEALER, NotificationType.NEGOTIATION_OFFER_ACCEPTED, "The offer of EUR 19000.00 for your "
                        + "Volkswagen Golf was accepted. The car is being reserved for the buyer."));
    }

    @Test
    void a_rejection_tells_the_maker_of_the_rejected_offer() {
        openWithOffers("n-1", BUYER, 1);
        openWithOffers("n-2", OTHER_BUYER, 2);

        projection.on(rejected("n-1", 1, "far too low"), "evt-rej-1", at(5));
        projection.on(rejected("n-2", 2, null), "evt-rej-2", at(6));

        assertThat(about("evt-rej-1")).extracting(NotificationEntry::recipientId, NotificationEntry::type,
                NotificationEntry::message).containsExactly(tuple(BUYER, NotificationType.NEGOTIATION_OFFER_REJECTED,
                "The dealer rejected your offer for the Volkswagen Golf: far too low."));
        assertThat(about("evt-rej-2")).extracting(NotificationEntry::recipientId, NotificationEntry::message)
                .containsExactly(tuple(DEALER, "The buyer rejected your offer for your Volkswagen Golf."));
    }

    @Test
    void a_cancellation_tells_the_dealer() {
        openWithOffers("n-1", BUYER, 2);

        projection.on(cancelled("n-1"), "evt-cancel", at(5));

        assertThat(about("evt-cancel")).extracting(NotificationEntry::recipientId, NotificationEntry::type,
                NotificationEntry::message).containsExactly(tuple(DEALER, NotificationType.NEGOTIATION_CANCELLED,
                "The buyer cancelled the negotiation on your Volkswagen Golf."));
    }

    @Test
    void an_expiry_tells_both_parties() {
        openWithOffers("n-1", BUYER, 1);

        projection.on(expired("n-1", 1), "evt-exp", at(1).plus(OFFER_TIMEOUT));

        assertThat(about("evt-exp")).extracting(NotificationEntry::recipientId, NotificationEntry::type,
                NotificationEntry::message).containsExactlyInAnyOrder(
                tuple(BUYER, NotificationType.NEGOTIATION_OFFER_EXPIRED,
                        "The negotiation on the Volkswagen Golf ended: the latest offer expired unanswered."),
                tuple(DEALER, NotificationType.NEGOTIATION_OFFER_EXPIRED,
                        "The negotiation on your Volkswagen Golf ended: the latest offer expired unanswered."));
    }

    @Test
    void a_failure_after_acceptance_tells_both_parties_with_the_reason_code() {
        openWithOffers("n-1", BUYER, 1);
        projection.on(accepted("n-1", "car-1", DEALER, BUYER, 1, "17000.00"), "evt-acc", at(5));

        projection.on(failed("n-1"), "evt-fail", at(6));

        assertThat(about("evt-fail")).extracting(NotificationEntry::recipientId, NotificationEntry::type,
                NotificationEntry::message).containsExactlyInAnyOrder(
                tuple(BUYER, NotificationType.NEGOTIATION_FAILED, "The Volkswagen Golf could not be reserved for you "
                        + "after the offer was accepted (CAR_ALREADY_RESERVED): The car is already reserved."),
                tuple(DEALER, NotificationType.NEGOTIATION_FAILED, "Your Volkswagen Golf could not be reserved for "
                        + "the buyer after the offer was accepted (CAR_ALREADY_RESERVED): The car is already reserved."));
    }

    @Test
    void an_arranged_purchase_tells_the_buyer_the_order_number_and_agreed_price() {
        openWithOffers("n-1", BUYER, 2);
        projection.on(accepted("n-1", "car-1", DEALER, BUYER, 2, "19000.00"), "evt-acc", at(5));

        projection.on(purchaseArranged("n-1", "r-1", "ORD-2030-000042"), "evt-arr", at(6));

        assertThat(about("evt-arr")).extracting(NotificationEntry::recipientId, NotificationEntry::type,
                NotificationEntry::message).containsExactly(tuple(BUYER,
                NotificationType.NEGOTIATION_PURCHASE_ARRANGED, "The Volkswagen Golf is reserved for you at the agreed "
                        + "price of EUR 19000.00 (order ORD-2030-000042)."));
    }

    @Test
    void a_negotiation_ended_because_the_car_was_sold_tells_its_buyer() {
        openWithOffers("n-1", BUYER, 1);

        projection.on(endedCarSold("n-1"), "evt-end", at(5));

        assertThat(about("evt-end")).extracting(NotificationEntry::recipientId, NotificationEntry::type,
                NotificationEntry::message).containsExactly(tuple(BUYER, NotificationType.NEGOTIATION_ENDED,
                "Your negotiation on the Volkswagen Golf ended because the car has been sold."));
    }

    @Test
    void a_reservation_tells_the_buyers_of_the_other_open_negotiations_on_the_car_only() {
        openWithOffers("n-1", BUYER, 1);
        openWithOffers("n-2", OTHER_BUYER, 2);
        openWithOffers("n-3", THIRD_BUYER, 1);
        projection.on(rejected("n-3", 1, null), "evt-rej", at(6));
        projection.on(opened("n-4", "car-9", "dealer-9", "buyer-4"), at(3));

        reserve("r-1", BUYER, "evt-res", at(10));

        assertThat(about("evt-res")).extracting(NotificationEntry::recipientId, NotificationEntry::type,
                NotificationEntry::negotiationId, NotificationEntry::reservationId, NotificationEntry::message)
                .containsExactlyInAnyOrder(
                        tuple(DEALER, NotificationType.PURCHASE_RESERVED, null, "r-1",
                                "Your Volkswagen Golf was reserved for purchase (order ORD-2030-000001), handover "
                                        + "planned for 2030-03-21."),
                        tuple(OTHER_BUYER, NotificationType.NEGOTIATION_CAR_RESERVED, "n-2", null,
                                "The Volkswagen Golf you are negotiating for has been reserved for purchase by "
                                        + "another buyer."));
    }

    @Test
    void a_sale_tells_the_buyers_of_the_other_open_negotiations_but_not_the_buyer() {
        openWithOffers("n-1", BUYER, 1);
        openWithOffers("n-2", OTHER_BUYER, 1);

        projection.on(sold("car-1", BUYER, "r-1"), "evt-sold", at(10));

        assertThat(about("evt-sold")).extracting(NotificationEntry::recipientId, NotificationEntry::type,
                NotificationEntry::negotiationId, NotificationEntry::message).containsExactly(
                tuple(OTHER_BUYER, NotificationType.NEGOTIATION_CAR_SOLD, "n-2",
                        "The Volkswagen Golf you are negotiating for has been sold to another buyer."));
    }

    @Test
    void a_negotiation_opened_after_the_reservation_or_closed_before_it_is_not_told() {
        openWithOffers("n-1", BUYER, 1);
        projection.on(cancelled("n-1"), "evt-cancel", at(5));

        reserve("r-1", THIRD_BUYER, "evt-res", at(10));
        projection.on(opened("n-2", "car-1", DEALER, OTHER_BUYER), at(11));
        projection.on(offer("n-2", 1, "16000.00"), "evt-o", at(11));
        projection.on(expired("n-2", 1), "evt-exp", at(12));

        assertThat(all()).filteredOn(entry -> entry.type() == NotificationType.NEGOTIATION_CAR_RESERVED).isEmpty();
    }

    @Test
    void a_negotiation_ended_by_the_sale_and_handled_before_it_is_still_told_of_the_sale() {
        openWithOffers("n-2", OTHER_BUYER, 1);

        projection.on(endedCarSold("n-2"), "evt-end", at(11));
        projection.on(sold("car-1", BUYER, "r-1"), "evt-sold", at(10));

        assertThat(to(OTHER_BUYER)).extracting(NotificationEntry::type).containsExactlyInAnyOrder(
                NotificationType.NEGOTIATION_ENDED, NotificationType.NEGOTIATION_CAR_SOLD);
    }

    @Test
    void a_reservation_handled_before_the_negotiation_is_told_once_the_negotiation_closes() {
        reserve("r-1", BUYER, "evt-res", at(10));
        projection.on(opened("n-2", "car-1", DEALER, OTHER_BUYER), at(5));
        projection.on(offer("n-2", 1, "16000.00"), "evt-o", at(5));
        assertThat(about("evt-res")).extracting(NotificationEntry::recipientId).containsExactly(DEALER);

        projection.on(expired("n-2", 1), "evt-exp", at(12));
        projection.on(expired("n-2", 1), "evt-exp", at(12));

        assertThat(about("evt-res")).extracting(NotificationEntry::recipientId, NotificationEntry::type,
                NotificationEntry::createdAt).containsExactlyInAnyOrder(
                tuple(DEALER, NotificationType.PURCHASE_RESERVED, at(10)),
                tuple(OTHER_BUYER, NotificationType.NEGOTIATION_CAR_RESERVED, at(10)));
    }

    @Test
    void every_handler_delivered_twice_creates_nothing_new_and_keeps_the_read_flag() {
        List<Runnable> events = List.of(
                () -> projection.on(opened("n-1", "car-1", DEALER, BUYER), at(1)),
                () -> projection.on(offer("n-1", 1, "17000.00"), "evt-1", at(1)),
                () -> projection.on(offer("n-1", 2, "19000.00"), "evt-2", at(2)),
                () -> projection.on(opened("n-2", "car-1", DEALER, OTHER_BUYER), at(3)),
                () -> projection.on(offer("n-2", 1, "16000.00"), "evt-3", at(3)),
                () -> projection.on(rejected("n-2", 1, null), "evt-4", at(4)),
                () -> projection.on(opened("n-3", "car-1", DEALER, THIRD_BUYER), at(5)),
                () -> projection.on(offer("n-3", 1, "16500.00"), "evt-5", at(5)),
                () -> projection.on(cancelled("n-3"), "evt-6", at(6)),
                () -> projection.on(opened("n-4", "car-1", DEALER, "buyer-4"), at(7)),
                () -> projection.on(offer("n-4", 1, "16600.00"), "evt-7", at(7)),
                () -> projection.on(expired("n-4", 1), "evt-8", at(8)),
                () -> projection.on(opened("n-5", "car-1", DEALER, "buyer-5"), at(9)),
                () -> projection.on(offer("n-5", 1, "16700.00"), "evt-9", at(9)),
                () -> projection.on(opened("n-6", "car-1", DEALER, "buyer-6"), at(10)),
                () -> projection.on(offer("n-6", 1, "16800.00"), "evt-10", at(10)),
                () -> projection.on(accepted("n-6", "car-1", DEALER, "buyer-6", 1, "16800.00"), "evt-11", at(11)),
                () -> projection.on(failed("n-6"), "evt-12", at(12)),
                () -> projection.on(accepted("n-1", "car-1", DEALER, BUYER, 2, "19000.00"), "evt-13", at(13)),
                () -> reserve("r-1", BUYER, "evt-14", at(14)),
                () -> projection.on(purchaseArranged("n-1", "r-1", "ORD-1"), "evt-15", at(15)),
                () -> projection.on(sold("car-1", BUYER, "r-1"), "evt-16", at(16)),
                () -> projection.on(endedCarSold("n-5"), "evt-17", at(17)));
        events.forEach(Runnable::run);
        List<Document> before = rawAll();
        assertThat(before).extracting(document -> document.getString("type")).contains(
                "NEGOTIATION_OFFER_RECEIVED", "NEGOTIATION_OFFER_REJECTED", "NEGOTIATION_CANCELLED",
                "NEGOTIATION_OFFER_EXPIRED", "NEGOTIATION_OFFER_ACCEPTED", "NEGOTIATION_FAILED",
                "NEGOTIATION_PURCHASE_ARRANGED", "NEGOTIATION_CAR_RESERVED", "NEGOTIATION_CAR_SOLD",
                "NEGOTIATION_ENDED");
        String someId = before.get(0).getString("_id");
        new NotificationInbox(mongoTemplate).markRead(before.get(0).getString("recipientId"), someId);
        List<Document> read = rawAll();

        events.forEach(Runnable::run);

        assertThat(rawAll()).containsExactlyInAnyOrderElementsOf(read);
    }

    @Test
    void a_reset_keeps_the_notifications_and_rebuilds_only_the_negotiation_lookups() {
        openWithOffers("n-1", BUYER, 1);
        long notifications = mongoTemplate.count(new Query(), NotificationEntry.class);

        projection.clearLookupsBeforeReplay();

        assertThat(mongoTemplate.count(new Query(), NegotiationNotificationProjection.NEGOTIATIONS_COLLECTION))
                .isZero();
        assertThat(mongoTemplate.count(new Query(), NegotiationNotificationProjection.CAR_SALES_COLLECTION)).isZero();
        assertThat(mongoTemplate.count(new Query(), NotificationEntry.class)).isEqualTo(notifications);
    }

    /** Opens the negotiation on car-1 at minute 1 and makes offers 1 to {@code count}, each at minute n. */
    private void openWithOffers(String negotiationId, String buyerId, int count) {
        projection.on(opened(negotiationId, "car-1", DEALER, buyerId), at(1));
        for (int number = 1; number <= count; number++) {
            projection.on(offer(negotiationId, number, "1700" + number + ".00"), negotiationId + "-offer-" + number,
                    at(number));
        }
    }

    /** A purchase reservation of car-1, handled by both projections as the processor does. */
    private void reserve(String reservationId, String customerId, String eventId, java.time.Instant at) {
        var event = reserved("car-1", reservationId, customerId);
        bookingsAndPurchases.on(event, eventId, at);
        projection.on(event, eventId, at);
    }

    private static NotificationEntry only(List<NotificationEntry> entries) {
        assertThat(entries).hasSize(1);
        return entries.get(0);
    }

    private List<NotificationEntry> all() {
        return mongoTemplate.findAll(NotificationEntry.class);
    }

    /** The notifications of one event, whoever they went to. */
    private List<NotificationEntry> about(String eventId) {
        return all().stream().filter(entry -> entry.id().equals(NotificationEntry.idOf(eventId, entry.recipientId())))
                .toList();
    }

    /** The recipient's notifications, newest first. */
    private List<NotificationEntry> to(String recipientId) {
        return all().stream().filter(entry -> entry.recipientId().equals(recipientId))
                .sorted((a, b) -> b.createdAt().compareTo(a.createdAt())).toList();
    }

    private List<Document> rawAll() {
        return mongoTemplate.getCollection(NotificationEntry.COLLECTION).find().into(new ArrayList<>());
    }
}
