package io.carmarket.query.negotiation;

import io.carmarket.api.negotiation.NegotiationStatus;
import io.carmarket.api.negotiation.Party;
import io.carmarket.api.negotiations.ArrangedPurchase;
import io.carmarket.query.EmbeddedMongo;
import io.carmarket.query.negotiation.NegotiationEntry.StoredOffer;
import org.bson.Document;
import org.bson.types.Decimal128;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.query.Query;

import java.util.List;

import static io.carmarket.query.common.TestEvents.at;
import static io.carmarket.query.common.TestEvents.cityChanged;
import static io.carmarket.query.common.TestEvents.listed;
import static io.carmarket.query.common.TestEvents.makeChanged;
import static io.carmarket.query.common.TestEvents.priceChanged;
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
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;

/**
 * The negotiations projection against the embedded MongoDB-wire server: every handler, each delivered twice, and
 * older events re-delivered after newer ones. Sequence numbers are those in the negotiation's stream: the opening
 * is 0, offer {@code n} is {@code n}.
 */
class NegotiationProjectionTest {

    private static final String DEALER = "dealer-1";
    private static final String BUYER = "buyer-1";

    @RegisterExtension
    static final EmbeddedMongo mongo = new EmbeddedMongo();

    private MongoTemplate mongoTemplate;
    private NegotiationProjection projection;

    @BeforeEach
    void emptyReadModel() {
        mongoTemplate = mongo.template();
        mongoTemplate.remove(new Query(), NegotiationEntry.class);
        mongoTemplate.remove(new Query(), NegotiationProjection.CARS_COLLECTION);
        projection = new NegotiationProjection(mongoTemplate);
        projection.on(listed("car-1", DEALER, "Volkswagen", "Golf"), 0);
    }

    @Test
    void indexes_are_declared_without_error_on_the_embedded_server() {
        projection.ensureIndexes();
        projection.ensureIndexes();
    }

    @Test
    void an_opened_negotiation_carries_its_car_parties_and_currency() {
        projection.on(opened("n-1", "car-1", DEALER, BUYER), 0, at(0));

        NegotiationEntry entry = entry("n-1");
        assertThat(entry.carId()).isEqualTo("car-1");
        assertThat(entry.car().make()).isEqualTo("Volkswagen");
        assertThat(entry.car().model()).isEqualTo("Golf");
        assertThat(entry.car().city()).isEqualTo("Berlin");
        assertThat(entry.car().primaryImageUrl()).isEqualTo("https://img.example.com/2.jpg");
        assertThat(entry.carVersion()).isZero();
        assertThat(entry.buyerId()).isEqualTo(BUYER);
        assertThat(entry.dealerId()).isEqualTo(DEALER);
        assertThat(entry.currency()).isEqualTo("EUR");
        assertThat(entry.status()).isEqualTo(NegotiationStatus.OPEN);
        assertThat(entry.offers()).isEmpty();
        assertThat(entry.awaitingAnswerFrom()).isNull();
        assertThat(entry.openedAt()).isEqualTo(at(0));
        assertThat(entry.updatedAt()).isEqualTo(at(0));
        assertThat(entry.version()).isZero();
    }

    @Test
    void an_opening_delivered_twice_is_stored_once_and_unchanged() {
        projection.on(opened("n-1", "car-1", DEALER, BUYER), 0, at(0));
        projection.on(offer("n-1", 1, "17000.00"), 1, at(1));
        Document before = raw("n-1");

        projection.on(opened("n-1", "car-1", DEALER, BUYER), 0, at(9));

        assertThat(mongoTemplate.count(new Query(), NegotiationEntry.class)).isEqualTo(1);
        assertThat(raw("n-1")).isEqualTo(before);
    }

    @Test
    void offers_are_appended_in_order_and_the_other_party_must_answer_the_latest() {
        projection.on(opened("n-1", "car-1", DEALER, BUYER), 0, at(0));

        projection.on(offer("n-1", 1, "17000.00"), 1, at(1));
        assertThat(entry("n-1").awaitingAnswerFrom()).isEqualTo(Party.DEALER);
        projection.on(offer("n-1", 2, "19000.00"), 2, at(2));

        NegotiationEntry entry = entry("n-1");
        assertThat(entry.offers()).extracting(StoredOffer::number, StoredOffer::by, StoredOffer::message,
                        StoredOffer::madeAt, StoredOffer::expiresAt)
                .containsExactly(tuple(1, Party.BUYER, "Cash buyer", at(1), at(1).plus(OFFER_TIMEOUT)),
                        tuple(2, Party.DEALER, null, at(2), at(2).plus(OFFER_TIMEOUT)));
        assertThat(entry.offers()).extracting(StoredOffer::amount).usingElementComparator(java.math.BigDecimal::compareTo)
                .containsExactly(new java.math.BigDecimal("17000.00"), new java.math.BigDecimal("19000.00"));
        assertThat(entry.latestOfferBy()).isEqualTo(Party.DEALER);
        assertThat(entry.awaitingAnswerFrom()).isEqualTo(Party.BUYER);
        assertThat(entry.answerDueBy()).isEqualTo(at(2).plus(OFFER_TIMEOUT));
        assertThat(entry.status()).isEqualTo(NegotiationStatus.OPEN);
        assertThat(entry.updatedAt()).isEqualTo(at(2));
        assertThat(entry.version()).isEqualTo(2);
        List<Document> offers = raw("n-1").getList("offers", Document.class);
        assertThat(offers.get(0).get("amount")).as("money is Decimal128").isInstanceOf(Decimal128.class);
        assertThat(offers.get(0).get("by")).isEqualTo("BUYER");
        assertThat(entry.view().offers()).hasSize(2);
    }

    @Test
    void an_offer_delivered_twice_is_appended_once() {
        projection.on(opened("n-1", "car-1", DEALER, BUYER), 0, at(0));
        projection.on(offer("n-1", 1, "17000.00"), 1, at(1));
        Document once = raw("n-1");

        projection.on(offer("n-1", 1, "17000.00"), 1, at(5));

        assertThat(entry("n-1").offers()).hasSize(1);
        assertThat(raw("n-1")).isEqualTo(once);
    }

    @Test
    void an_older_offer_redelivered_after_newer_events_changes_nothing() {
        projection.on(opened("n-1", "car-1", DEALER, BUYER), 0, at(0));
        projection.on(offer("n-1", 1, "17000.00"), 1, at(1));
        projection.on(offer("n-1", 2, "19000.00"), 2, at(2));
        projection.on(accepted("n-1", "car-1", DEALER, BUYER, 2, "19000.00"), 3, at(3));
        Document after = raw("n-1");

        projection.on(offer("n-1", 1, "17000.00"), 1, at(4));
        projection.on(offer("n-1", 2, "19000.00"), 2, at(5));
        projection.on(opened("n-1", "car-1", DEALER, BUYER), 0, at(6));

        assertThat(raw("n-1")).isEqualTo(after);
        assertThat(entry("n-1").status()).isEqualTo(NegotiationStatus.ACCEPTED);
        assertThat(entry("n-1").offers()).hasSize(2);
    }

    @Test
    void an_acceptance_records_the_agreed_amount_and_nobody_must_answer_any_more() {
        openWithOffers(2);

        projection.on(accepted("n-1", "car-1", DEALER, BUYER, 2, "19000.00"), 3, at(3));
        Document once = raw("n-1");
        projection.on(accepted("n-1", "car-1", DEALER, BUYER, 2, "19000.00"), 3, at(4));

        NegotiationEntry entry = entry("n-1");
        assertThat(entry.status()).isEqualTo(NegotiationStatus.ACCEPTED);
        assertThat(entry.agreedAmount()).isEqualByComparingTo("19000.00");
        assertThat(raw("n-1").get("agreedAmount")).isInstanceOf(Decimal128.class);
        assertThat(entry.awaitingAnswerFrom()).isNull();
        assertThat(entry.answerDueBy()).isNull();
        assertThat(entry.latestOfferBy()).isEqualTo(Party.DEALER);
        assertThat(raw("n-1")).isEqualTo(once);
    }

    @Test
    void an_arranged_purchase_names_the_reservation_and_order_and_the_negotiation_stays_accepted() {
        openWithOffers(1);
        projection.on(accepted("n-1", "car-1", DEALER, BUYER, 1, "17000.00"), 2, at(2));

        projection.on(purchaseArranged("n-1", "r-1", "ORD-2030-000007"), 3, at(3));
        Document once = raw("n-1");
        projection.on(purchaseArranged("n-1", "r-1", "ORD-2030-000007"), 3, at(4));

        NegotiationEntry entry = entry("n-1");
        assertThat(entry.status()).isEqualTo(NegotiationStatus.ACCEPTED);
        assertThat(entry.purchase()).isEqualTo(new ArrangedPurchase("r-1", "ORD-2030-000007"));
        assertThat(entry.updatedAt()).isEqualTo(at(3));
        assertThat(raw("n-1")).isEqualTo(once);
    }

    @Test
    void a_failure_after_acceptance_records_the_code_and_reason_once() {
        openWithOffers(1);
        projection.on(accepted("n-1", "car-1", DEALER, BUYER, 1, "17000.00"), 2, at(2));

        projection.on(failed("n-1"), 3, at(3));
        Document once = raw("n-1");
        projection.on(failed("n-1"), 3, at(4));

        NegotiationEntry entry = entry("n-1");
        assertThat(entry.status()).isEqualTo(NegotiationStatus.FAILED);
        assertThat(entry.failureCode()).isEqualTo("CAR_ALREADY_RESERVED");
        assertThat(entry.failureReason()).isEqualTo("The car is already reserved");
        assertThat(entry.agreedAmount()).as("kept").isEqualByComparingTo("17000.00");
        assertThat(raw("n-1")).isEqualTo(once);
    }

    @Test
    void a_rejection_records_the_reason_once() {
        openWithOffers(1);

        projection.on(rejected("n-1", 1, "too low"), 2, at(2));
        Document once = raw("n-1");
        projection.on(rejected("n-1", 1, "too low"), 2, at(3));

        NegotiationEntry entry = entry("n-1");
        assertThat(entry.status()).isEqualTo(NegotiationStatus.REJECTED);
        assertThat(entry.rejectionReason()).isEqualTo("too low");
        assertThat(entry.awaitingAnswerFrom()).isNull();
        assertThat(raw("n-1")).isEqualTo(once);
    }

    @Test
    void a_cancellation_is_applied_once() {
        openWithOffers(2);

        projection.on(cancelled("n-1"), 3, at(3));
        Document once = raw("n-1");
        projection.on(cancelled("n-1"), 3, at(4));

        assertThat(entry("n-1").status()).isEqualTo(NegotiationStatus.CANCELLED);
        assertThat(entry("n-1").awaitingAnswerFrom()).isNull();
        assertThat(raw("n-1")).isEqualTo(once);
    }

    @Test
    void an_expiry_is_applied_once() {
        openWithOffers(1);

        projection.on(expired("n-1", 1), 2, at(1).plus(OFFER_TIMEOUT));
        Document once = raw("n-1");
        projection.on(expired("n-1", 1), 2, at(1).plus(OFFER_TIMEOUT).plusSeconds(60));

        assertThat(entry("n-1").status()).isEqualTo(NegotiationStatus.EXPIRED);
        assertThat(entry("n-1").answerDueBy()).isNull();
        assertThat(entry("n-1").offers()).hasSize(1);
        assertThat(raw("n-1")).isEqualTo(once);
    }

    @Test
    void an_end_because_the_car_was_sold_is_applied_once() {
        openWithOffers(2);

        projection.on(endedCarSold("n-1"), 3, at(3));
        Document once = raw("n-1");
        projection.on(endedCarSold("n-1"), 3, at(4));

        assertThat(entry("n-1").status()).isEqualTo(NegotiationStatus.ENDED);
        assertThat(entry("n-1").endReason()).isEqualTo("CAR_SOLD");
        assertThat(entry("n-1").awaitingAnswerFrom()).isNull();
        assertThat(raw("n-1")).isEqualTo(once);
    }

    @Test
    void an_older_answer_redelivered_after_a_newer_one_does_not_reopen_or_overwrite() {
        openWithOffers(1);
        projection.on(accepted("n-1", "car-1", DEALER, BUYER, 1, "17000.00"), 2, at(2));
        projection.on(failed("n-1"), 3, at(3));
        Document after = raw("n-1");

        projection.on(accepted("n-1", "car-1", DEALER, BUYER, 1, "17000.00"), 2, at(4));
        projection.on(offer("n-1", 1, "17000.00"), 1, at(5));

        assertThat(entry("n-1").status()).isEqualTo(NegotiationStatus.FAILED);
        assertThat(raw("n-1")).isEqualTo(after);
    }

    @Test
    void a_negotiation_handled_before_its_cars_listing_gets_the_car_when_the_listing_arrives() {
        projection.on(opened("n-1", "car-2", "dealer-2", BUYER), 0, at(0));
        assertThat(entry("n-1").car().make()).isNull();
        assertThat(entry("n-1").carVersion()).isEqualTo(-1);
        assertThat(entry("n-1").dealerId()).as("from the event itself").isEqualTo("dealer-2");

        projection.on(listed("car-2", "dealer-2", "Skoda", "Octavia"), 0);

        assertThat(entry("n-1").car().make()).isEqualTo("Skoda");
        assertThat(entry("n-1").car().model()).isEqualTo("Octavia");
        assertThat(entry("n-1").carVersion()).isZero();
    }

    @Test
    void a_listing_change_reaches_the_cars_negotiations_and_an_older_one_does_not_revert_it() {
        projection.on(opened("n-1", "car-1", DEALER, BUYER), 0, at(0));
        projection.on(opened("n-2", "car-1", DEALER, "buyer-2"), 0, at(1));

        projection.on(makeChanged("car-1", "VW"), 2);
        projection.on(cityChanged("car-1", "Hamburg"), 3);
        projection.on(makeChanged("car-1", "VW"), 2);
        projection.on(listed("car-1", DEALER, "Volkswagen", "Golf"), 0);

        for (String id : List.of("n-1", "n-2")) {
            assertThat(entry(id).car().make()).isEqualTo("VW");
            assertThat(entry(id).car().city()).isEqualTo("Hamburg");
            assertThat(entry(id).car().model()).isEqualTo("Golf");
            assertThat(entry(id).carVersion()).isEqualTo(3);
        }
        projection.on(opened("n-3", "car-1", DEALER, "buyer-3"), 0, at(2));
        assertThat(entry("n-3").car().make()).as("a later negotiation copies the changed car").isEqualTo("VW");
    }

    @Test
    void a_change_of_nothing_shown_leaves_negotiations_alone() {
        projection.on(opened("n-1", "car-1", DEALER, BUYER), 0, at(0));
        Document before = raw("n-1");

        projection.on(priceChanged("car-1", "60.00"), 2);

        assertThat(raw("n-1")).isEqualTo(before);
    }

    @Test
    void a_reset_before_replay_empties_negotiations_and_the_car_directory() {
        projection.on(opened("n-1", "car-1", DEALER, BUYER), 0, at(0));

        projection.clearBeforeReplay();

        assertThat(mongoTemplate.count(new Query(), NegotiationEntry.class)).isZero();
        assertThat(mongoTemplate.count(new Query(), NegotiationProjection.CARS_COLLECTION)).isZero();
    }

    /** Opens n-1 on car-1 and makes offers 1 to {@code count} (sequence numbers 0 to count). */
    private void openWithOffers(int count) {
        projection.on(opened("n-1", "car-1", DEALER, BUYER), 0, at(0));
        String[] amounts = {"17000.00", "19000.00", "18000.00", "18500.00"};
        for (int number = 1; number <= count; number++) {
            projection.on(offer("n-1", number, amounts[number - 1]), number, at(number));
        }
    }

    private NegotiationEntry entry(String negotiationId) {
        return mongoTemplate.findById(negotiationId, NegotiationEntry.class);
    }

    private Document raw(String negotiationId) {
        return mongoTemplate.getCollection(NegotiationEntry.COLLECTION).find(new Document("_id", negotiationId))
                .first();
    }
}
