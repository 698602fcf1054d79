package io.carmarket.query.negotiation;

import io.carmarket.api.identity.Actor;
import io.carmarket.api.identity.Role;
import io.carmarket.api.negotiation.NegotiationStatus;
import io.carmarket.api.negotiation.Party;
import io.carmarket.api.negotiations.NegotiationById;
import io.carmarket.api.negotiations.NegotiationPage;
import io.carmarket.api.negotiations.NegotiationSearch;
import io.carmarket.api.negotiations.NegotiationSummaryOf;
import io.carmarket.api.negotiations.NegotiationView;
import io.carmarket.api.negotiations.OfferView;
import io.carmarket.query.EmbeddedMongo;
import io.carmarket.query.common.NewestFirstCursor;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.query.Query;

import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;

import static io.carmarket.query.common.TestEvents.at;
import static io.carmarket.query.common.TestEvents.listed;
import static io.carmarket.query.negotiation.NegotiationEvents.OFFER_TIMEOUT;
import static io.carmarket.query.negotiation.NegotiationEvents.offer;
import static io.carmarket.query.negotiation.NegotiationEvents.opened;
import static io.carmarket.query.negotiation.NegotiationEvents.rejected;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** Who sees which negotiations, the list's filters, order and cursor, and the awaiting count, on the embedded MongoDB. */
class NegotiationQueryHandlerTest {

    private static final Actor ALICE = new Actor("alice", Role.CUSTOMER);
    private static final Actor BOB = new Actor("bob", Role.CUSTOMER);
    private static final Actor CAROL = new Actor("carol", Role.CUSTOMER);
    private static final Actor DEALER_1 = new Actor("dealer-1", Role.DEALER);
    private static final Actor DEALER_2 = new Actor("dealer-2", Role.DEALER);
    private static final Actor OTHER_DEALER = new Actor("dealer-3", Role.DEALER);
    private static final Actor ADMIN = new Actor("admin", Role.ADMIN);
    private static final Actor AUDITOR = new Actor("auditor", Role.AUDITOR);
    /** Two hours after the first offers: none has expired yet. */
    private static final Instant NOW = at(120);

    @RegisterExtension
    static final EmbeddedMongo mongo = new EmbeddedMongo();

    private MongoTemplate mongoTemplate;
    private NegotiationProjection projection;
    private NegotiationQueryHandler queries;

    /**
     * dealer-1 owns car-1 and car-2, dealer-2 owns car-3. Negotiations, oldest first:
     * n1 alice car-1 OPEN (offer 1 by the buyer: awaits DEALER); n2 alice car-3 OPEN (offers 1, 2: awaits BUYER);
     * n3 bob car-2 REJECTED; n4 bob car-1 OPEN (offer 1: awaits DEALER).
     */
    @BeforeEach
    void marketplace() {
        mongoTemplate = mongo.template();
        mongoTemplate.remove(new Query(), NegotiationEntry.class);
        mongoTemplate.remove(new Query(), NegotiationProjection.CARS_COLLECTION);
        projection = new NegotiationProjection(mongoTemplate);
        queries = queriesAt(NOW);

        projection.on(listed("car-1", "dealer-1", "Volkswagen", "Golf"), 0);
        projection.on(listed("car-2", "dealer-1", "Volkswagen", "Polo"), 0);
        projection.on(listed("car-3", "dealer-2", "BMW", "X3"), 0);
        projection.on(opened("n1", "car-1", "dealer-1", "alice"), 0, at(10));
        projection.on(offer("n1", 1, "17000.00"), 1, at(10));
        projection.on(opened("n2", "car-3", "dealer-2", "alice"), 0, at(20));
        projection.on(offer("n2", 1, "30000.00"), 1, at(20));
        projection.on(offer("n2", 2, "34000.00"), 2, at(21));
        projection.on(opened("n3", "car-2", "dealer-1", "bob"), 0, at(30));
        projection.on(offer("n3", 1, "9000.00"), 1, at(30));
        projection.on(rejected("n3", 1, "too low"), 2, at(31));
        projection.on(opened("n4", "car-1", "dealer-1", "bob"), 0, at(40));
        projection.on(offer("n4", 1, "18000.00"), 1, at(40));
    }

    @Test
    void a_buyer_sees_only_the_negotiations_they_opened_newest_first() {
        assertThat(ids(queries.search(search(ALICE)))).containsExactly("n2", "n1");
        assertThat(ids(queries.search(search(BOB)))).containsExactly("n4", "n3");
        assertThat(ids(queries.search(search(CAROL)))).isEmpty();
    }

    @Test
    void a_dealer_sees_the_negotiations_on_their_cars_only() {
        assertThat(ids(queries.search(search(DEALER_1)))).containsExactly("n4", "n3", "n1");
        assertThat(ids(queries.search(search(DEALER_2)))).containsExactly("n2");
        assertThat(ids(queries.search(search(OTHER_DEALER)))).isEmpty();
    }

    @Test
    void admins_and_auditors_see_every_negotiation() {
        assertThat(ids(queries.search(search(ADMIN)))).containsExactly("n4", "n3", "n2", "n1");
        assertThat(ids(queries.search(search(AUDITOR)))).containsExactly("n4", "n3", "n2", "n1");
    }

    @Test
    void the_list_filters_by_any_of_the_statuses() {
        assertThat(ids(queries.search(new NegotiationSearch(DEALER_1, List.of(NegotiationStatus.OPEN), null, null,
                20)))).containsExactly("n4", "n1");
        assertThat(ids(queries.search(new NegotiationSearch(ADMIN,
                List.of(NegotiationStatus.REJECTED, NegotiationStatus.ACCEPTED), null, null, 20))))
                .containsExactly("n3");
    }

    @Test
    void the_role_view_keeps_only_the_negotiations_in_which_the_caller_is_that_party() {
        assertThat(ids(queries.search(new NegotiationSearch(ALICE, null, Party.BUYER, null, 20))))
                .containsExactly("n2", "n1");
        assertThat(ids(queries.search(new NegotiationSearch(ALICE, null, Party.DEALER, null, 20)))).isEmpty();
        assertThat(ids(queries.search(new NegotiationSearch(DEALER_1, null, Party.DEALER, null, 20))))
                .containsExactly("n4", "n3", "n1");
        assertThat(ids(queries.search(new NegotiationSearch(ADMIN, null, Party.BUYER, null, 20))))
                .as("an admin takes part in no negotiation").isEmpty();
    }

    @Test
    void the_list_is_read_a_page_at_a_time_with_the_cursor() {
        NegotiationPage first = queries.search(new NegotiationSearch(ADMIN, null, null, null, 3));
        assertThat(ids(first)).containsExactly("n4", "n3", "n2");
        assertThat(first.nextCursor()).isNotNull();

        NegotiationPage second = queries.search(new NegotiationSearch(ADMIN, null, null, first.nextCursor(), 3));
        assertThat(ids(second)).containsExactly("n1");
        assertThat(second.nextCursor()).isNull();
    }

    @Test
    void a_cursor_of_another_list_is_refused() {
        String bookingsCursor = NewestFirstCursor.after("bookings", at(30), "n3").encode();

        assertThatThrownBy(() -> queries.search(new NegotiationSearch(ADMIN, null, null, bookingsCursor, 3)))
                .isInstanceOf(NewestFirstCursor.InvalidCursorException.class);
    }

    @Test
    void one_negotiation_with_its_offer_history_is_shown_to_its_parties_admins_and_auditors_only() {
        NegotiationView seen = queries.negotiation(new NegotiationById(ALICE, "n2")).orElseThrow();
        assertThat(seen.offers()).extracting(OfferView::number, OfferView::by)
                .containsExactly(org.assertj.core.api.Assertions.tuple(1, Party.BUYER),
                        org.assertj.core.api.Assertions.tuple(2, Party.DEALER));
        assertThat(seen.offers().get(1).amount()).isEqualByComparingTo("34000.00");
        assertThat(seen.car().make()).isEqualTo("BMW");
        assertThat(seen.awaitingAnswerFrom()).isEqualTo(Party.BUYER);
        assertThat(seen.answerDueBy()).isEqualTo(at(2).plus(OFFER_TIMEOUT));

        assertThat(queries.negotiation(new NegotiationById(DEALER_2, "n2"))).isPresent();
        assertThat(queries.negotiation(new NegotiationById(ADMIN, "n2"))).isPresent();
        assertThat(queries.negotiation(new NegotiationById(AUDITOR, "n2"))).isPresent();
        assertThat(queries.negotiation(new NegotiationById(BOB, "n2"))).as("another buyer").isEmpty();
        assertThat(queries.negotiation(new NegotiationById(DEALER_1, "n2"))).as("another dealer").isEmpty();
        assertThat(queries.negotiation(new NegotiationById(ADMIN, "no-such"))).isEmpty();
    }

    @Test
    void the_awaiting_count_is_the_number_of_open_negotiations_whose_latest_offer_the_caller_must_answer() {
        assertThat(awaiting(DEALER_1)).as("n1 and n4").isEqualTo(2);
        assertThat(awaiting(DEALER_2)).as("n2 awaits its buyer").isZero();
        assertThat(awaiting(ALICE)).as("n2").isEqualTo(1);
        assertThat(awaiting(BOB)).as("n4 awaits the dealer, n3 is rejected").isZero();
        assertThat(awaiting(ADMIN)).isZero();
        assertThat(awaiting(AUDITOR)).isZero();
    }

    @Test
    void countering_moves_the_answer_to_the_other_party() {
        projection.on(offer("n1", 2, "19000.00"), 2, at(50));

        assertThat(awaiting(DEALER_1)).isEqualTo(1);
        assertThat(awaiting(ALICE)).isEqualTo(2);
    }

    @Test
    void an_offer_past_its_expiry_awaits_no_answer_even_before_its_expiry_is_recorded() {
        queries = queriesAt(at(40).plus(OFFER_TIMEOUT).plusSeconds(1));

        assertThat(awaiting(DEALER_1)).isZero();
        assertThat(awaiting(ALICE)).isZero();
    }

    private NegotiationQueryHandler queriesAt(Instant now) {
        return new NegotiationQueryHandler(mongoTemplate, Clock.fixed(now, ZoneOffset.UTC));
    }

    private long awaiting(Actor viewer) {
        return queries.summary(new NegotiationSummaryOf(viewer)).awaitingMyAnswer();
    }

    private static NegotiationSearch search(Actor viewer) {
        return new NegotiationSearch(viewer, null, null, null, 20);
    }

    private static List<String> ids(NegotiationPage page) {
        return page.items().stream().map(NegotiationView::negotiationId).toList();
    }
}
