package io.carmarket.command.negotiation;

import io.carmarket.api.identity.Actor;
import io.carmarket.api.identity.Role;
import io.carmarket.api.negotiation.AcceptOffer;
import io.carmarket.api.negotiation.CancelNegotiation;
import io.carmarket.api.negotiation.EndNegotiation;
import io.carmarket.api.negotiation.ExpireOffer;
import io.carmarket.api.negotiation.FailNegotiation;
import io.carmarket.api.negotiation.MakeOffer;
import io.carmarket.api.negotiation.NegotiationCancelled;
import io.carmarket.api.negotiation.NegotiationEnded;
import io.carmarket.api.negotiation.NegotiationFailed;
import io.carmarket.api.negotiation.NegotiationOpened;
import io.carmarket.api.negotiation.NegotiationStatus;
import io.carmarket.api.negotiation.OfferAccepted;
import io.carmarket.api.negotiation.OfferExpired;
import io.carmarket.api.negotiation.OfferMade;
import io.carmarket.api.negotiation.OfferRejected;
import io.carmarket.api.negotiation.OpenNegotiation;
import io.carmarket.api.negotiation.Party;
import io.carmarket.api.negotiation.PurchaseArranged;
import io.carmarket.api.negotiation.RecordPurchaseArranged;
import io.carmarket.api.negotiation.RejectOffer;
import io.carmarket.command.common.RuleViolation;
import org.axonframework.test.aggregate.AggregateTestFixture;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.EnumSource;
import org.junit.jupiter.params.provider.MethodSource;
import org.junit.jupiter.params.provider.ValueSource;

import java.math.BigDecimal;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Currency;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

import static io.carmarket.api.rejection.CommandRejection.Kind.CONFLICT;
import static io.carmarket.api.rejection.CommandRejection.Kind.FORBIDDEN;
import static io.carmarket.api.rejection.CommandRejection.Kind.INVALID;
import static io.carmarket.api.rejection.CommandRejection.Kind.NOT_FOUND;
import static io.carmarket.command.common.RuleViolationMatchers.rejectedAs;
import static org.junit.jupiter.params.provider.Arguments.arguments;

/**
 * Specification of the {@link Negotiation} aggregate (SPEC 2.2): opening by a customer with a first offer, offers
 * alternating between buyer and dealer, answers only by the party that received the latest offer, cancellation by
 * the buyer, the expiry of an unanswered offer, the outcomes the negotiation process records after an acceptance,
 * and terminal states that take no more commands.
 * <p>
 * The clock is frozen at {@link #NOW}, 2026-06-10T20:00Z; an offer stays open 48 hours. customer-1 negotiates with
 * dealer-1 over car-1, in EUR; the opening offer is EUR 18000.00, made now, so it expires at {@link #EXPIRES_AT}.
 * To anyone else (another customer, another dealer, an admin) the negotiation does not exist.
 */
class NegotiationTest {

    private static final Instant NOW = Instant.parse("2026-06-10T20:00:00Z");
    private static final Duration OFFER_TIMEOUT = Duration.ofHours(48);
    private static final Instant EXPIRES_AT = NOW.plus(OFFER_TIMEOUT);
    private static final NegotiationPolicy POLICY = new NegotiationPolicy(OFFER_TIMEOUT, Duration.ofDays(14));

    private static final String NEGOTIATION_ID = "n-1";
    private static final String CAR_ID = "car-1";
    private static final Currency EUR = Currency.getInstance("EUR");
    private static final Currency JPY = Currency.getInstance("JPY");
    private static final BigDecimal OPENING = new BigDecimal("18000.00");
    private static final BigDecimal COUNTER = new BigDecimal("19500.00");
    private static final BigDecimal SECOND_COUNTER = new BigDecimal("18750.00");

    private static final Actor DEALER = new Actor("dealer-1", Role.DEALER);
    private static final Actor BUYER = new Actor("customer-1", Role.CUSTOMER);
    private static final Actor OTHER_CUSTOMER = new Actor("customer-2", Role.CUSTOMER);
    private static final Actor OTHER_DEALER = new Actor("dealer-2", Role.DEALER);
    private static final Actor ADMIN = new Actor("admin-1", Role.ADMIN);

    private AggregateTestFixture<Negotiation> fixture;

    @BeforeEach
    void setUp() {
        fixture = at(NOW);
    }

    // ---------------------------------------------------------------------------------------------------------
    // Opening
    // ---------------------------------------------------------------------------------------------------------

    @Test
    void opening_records_the_negotiation_then_the_buyers_offer_1_expiring_48_hours_later() {
        fixture.givenNoPriorActivity()
                .when(open(BUYER, OPENING))
                .expectSuccessfulHandlerExecution()
                .expectEvents(opened(),
                        new OfferMade(NEGOTIATION_ID, 1, Party.BUYER, OPENING, EUR, "opening", EXPIRES_AT));
    }

    @Test
    void the_offer_timeout_comes_from_the_policy() {
        AggregateTestFixture<Negotiation> sixHours = new AggregateTestFixture<>(Negotiation.class);
        sixHours.registerInjectableResource(Clock.fixed(NOW, ZoneOffset.UTC));
        sixHours.registerInjectableResource(new NegotiationPolicy(Duration.ofHours(6), Duration.ofDays(14)));
        sixHours.givenCurrentTime(NOW);

        sixHours.givenNoPriorActivity()
                .when(open(BUYER, OPENING))
                .expectEvents(opened(), new OfferMade(NEGOTIATION_ID, 1, Party.BUYER, OPENING, EUR, "opening",
                        NOW.plus(Duration.ofHours(6))));
    }

    @Test
    void an_opening_offer_in_a_currency_without_decimals_is_accepted_in_whole_units() {
        BigDecimal yen = new BigDecimal("2500000");

        fixture.givenNoPriorActivity()
                .when(new OpenNegotiation(NEGOTIATION_ID, CAR_ID, DEALER.userId(), JPY, BUYER, yen, null))
                .expectEvents(new NegotiationOpened(NEGOTIATION_ID, CAR_ID, DEALER.userId(), BUYER.userId(), JPY),
                        new OfferMade(NEGOTIATION_ID, 1, Party.BUYER, yen, JPY, null, EXPIRES_AT));
    }

    @Test
    void the_cars_dealer_cannot_open_a_negotiation_on_their_own_car() {
        fixture.givenNoPriorActivity()
                .when(open(DEALER, OPENING))
                .expectException(rejectedAs(FORBIDDEN, "OWN_CAR"))
                .expectNoEvents();
    }

    @ParameterizedTest(name = "a {0}")
    @EnumSource(value = Role.class, names = {"DEALER", "ADMIN", "AUDITOR"})
    void only_a_customer_opens_a_negotiation(Role role) {
        fixture.givenNoPriorActivity()
                .when(open(new Actor("user-9", role), OPENING))
                .expectException(rejectedAs(FORBIDDEN, "CUSTOMERS_ONLY"))
                .expectNoEvents();
    }

    @Test
    void an_opening_offer_without_an_amount_is_rejected() {
        fixture.givenNoPriorActivity()
                .when(open(BUYER, null))
                .expectException(rejectedAs(INVALID, "AMOUNT_REQUIRED"))
                .expectNoEvents();
    }

    @ParameterizedTest(name = "amount {0}")
    @ValueSource(strings = {"0", "0.00", "-0.01", "-18000.00"})
    void an_opening_offer_of_zero_or_less_is_rejected(String amount) {
        fixture.givenNoPriorActivity()
                .when(open(BUYER, new BigDecimal(amount)))
                .expectException(rejectedAs(INVALID, "PRICE_NOT_POSITIVE"))
                .expectNoEvents();
    }

    @ParameterizedTest(name = "amount {0}")
    @ValueSource(strings = {"18000.001", "0.005"})
    void an_opening_offer_finer_than_the_cent_is_rejected(String amount) {
        fixture.givenNoPriorActivity()
                .when(open(BUYER, new BigDecimal(amount)))
                .expectException(rejectedAs(INVALID, "PRICE_TOO_PRECISE"))
                .expectNoEvents();
    }

    @Test
    void an_opening_offer_in_fractions_of_a_yen_is_rejected() {
        fixture.givenNoPriorActivity()
                .when(new OpenNegotiation(NEGOTIATION_ID, CAR_ID, DEALER.userId(), JPY, BUYER,
                        new BigDecimal("2500000.5"), null))
                .expectException(rejectedAs(INVALID, "PRICE_TOO_PRECISE"))
                .expectNoEvents();
    }

    // ---------------------------------------------------------------------------------------------------------
    // Offers alternate
    // ---------------------------------------------------------------------------------------------------------

    @Test
    void the_dealer_counters_the_opening_offer_with_offer_2() {
        fixture.given(opened(), openingOffer())
                .when(new MakeOffer(NEGOTIATION_ID, DEALER, COUNTER, "my best price"))
                .expectSuccessfulHandlerExecution()
                .expectEvents(new OfferMade(NEGOTIATION_ID, 2, Party.DEALER, COUNTER, EUR, "my best price",
                        EXPIRES_AT));
    }

    @Test
    void the_buyer_counters_the_dealers_offer_with_offer_3() {
        fixture.given(opened(), openingOffer(), dealerCountered())
                .when(new MakeOffer(NEGOTIATION_ID, BUYER, SECOND_COUNTER, null))
                .expectEvents(new OfferMade(NEGOTIATION_ID, 3, Party.BUYER, SECOND_COUNTER, EUR, null, EXPIRES_AT));
    }

    @Test
    void a_counter_offer_expires_48_hours_after_it_is_made_not_after_the_offer_it_answers() {
        AggregateTestFixture<Negotiation> later = at(NOW.plus(Duration.ofHours(30)));

        later.given(opened(), openingOffer())
                .when(new MakeOffer(NEGOTIATION_ID, DEALER, COUNTER, null))
                .expectEvents(new OfferMade(NEGOTIATION_ID, 2, Party.DEALER, COUNTER, EUR, null,
                        NOW.plus(Duration.ofHours(30 + 48))));
    }

    @Test
    void a_counter_offer_without_an_amount_is_rejected() {
        fixture.given(opened(), openingOffer())
                .when(new MakeOffer(NEGOTIATION_ID, DEALER, null, null))
                .expectException(rejectedAs(INVALID, "AMOUNT_REQUIRED"))
                .expectNoEvents();
    }

    @ParameterizedTest(name = "amount {0}")
    @ValueSource(strings = {"0", "-19500.00"})
    void a_counter_offer_of_zero_or_less_is_rejected(String amount) {
        fixture.given(opened(), openingOffer())
                .when(new MakeOffer(NEGOTIATION_ID, DEALER, new BigDecimal(amount), null))
                .expectException(rejectedAs(INVALID, "PRICE_NOT_POSITIVE"))
                .expectNoEvents();
    }

    @Test
    void a_counter_offer_finer_than_the_negotiations_currency_is_rejected() {
        fixture.given(opened(), openingOffer())
                .when(new MakeOffer(NEGOTIATION_ID, DEALER, new BigDecimal("19500.999"), null))
                .expectException(rejectedAs(INVALID, "PRICE_TOO_PRECISE"))
                .expectNoEvents();
    }

    @Test
    void a_counter_offer_is_checked_against_the_currency_the_negotiation_opened_in() {
        fixture.given(new NegotiationOpened(NEGOTIATION_ID, CAR_ID, DEALER.userId(), BUYER.userId(), JPY),
                        new OfferMade(NEGOTIATION_ID, 1, Party.BUYER, new BigDecimal("2500000"), JPY, null,
                                EXPIRES_AT))
                .when(new MakeOffer(NEGOTIATION_ID, DEALER, new BigDecimal("2700000.50"), null))
                .expectException(rejectedAs(INVALID, "PRICE_TOO_PRECISE"))
                .expectNoEvents();
    }

    // ---------------------------------------------------------------------------------------------------------
    // Turns: only the party that received the latest offer answers it
    // ---------------------------------------------------------------------------------------------------------

    @ParameterizedTest(name = "{0}")
    @MethodSource("answersByTheBuyer")
    void the_buyer_cannot_answer_their_own_opening_offer(String answer, Object command) {
        fixture.given(opened(), openingOffer())
                .when(command)
                .expectException(rejectedAs(CONFLICT, "NOT_YOUR_TURN"))
                .expectNoEvents();
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("answersByTheDealer")
    void the_dealer_cannot_answer_their_own_counter_offer(String answer, Object command) {
        fixture.given(opened(), openingOffer(), dealerCountered())
                .when(command)
                .expectException(rejectedAs(CONFLICT, "NOT_YOUR_TURN"))
                .expectNoEvents();
    }

    static Stream<Arguments> answersByTheBuyer() {
        return answersBy(BUYER);
    }

    static Stream<Arguments> answersByTheDealer() {
        return answersBy(DEALER);
    }

    private static Stream<Arguments> answersBy(Actor actor) {
        return Stream.of(
                arguments("counter", new MakeOffer(NEGOTIATION_ID, actor, COUNTER, null)),
                arguments("accept", new AcceptOffer(NEGOTIATION_ID, actor)),
                arguments("reject", new RejectOffer(NEGOTIATION_ID, actor, "no")));
    }

    // ---------------------------------------------------------------------------------------------------------
    // Strangers
    // ---------------------------------------------------------------------------------------------------------

    @ParameterizedTest(name = "{0}")
    @MethodSource("commandsByStrangers")
    void to_anyone_but_the_buyer_and_the_dealer_the_negotiation_does_not_exist(String description, Object command) {
        fixture.given(opened(), openingOffer())
                .when(command)
                .expectException(rejectedAs(NOT_FOUND, "NEGOTIATION_NOT_FOUND"))
                .expectNoEvents();
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("commandsByStrangers")
    void to_a_stranger_a_closed_negotiation_does_not_exist_either(String description, Object command) {
        fixture.given(opened(), openingOffer(), new OfferRejected(NEGOTIATION_ID, 1, Party.DEALER, "too low"))
                .when(command)
                .expectException(rejectedAs(NOT_FOUND, "NEGOTIATION_NOT_FOUND"))
                .expectNoEvents();
    }

    static Stream<Arguments> commandsByStrangers() {
        List<Arguments> commands = new ArrayList<>();
        for (Actor stranger : List.of(OTHER_CUSTOMER, OTHER_DEALER, ADMIN)) {
            String who = stranger.userId() + " ";
            commands.add(arguments(who + "counters", new MakeOffer(NEGOTIATION_ID, stranger, COUNTER, null)));
            commands.add(arguments(who + "accepts", new AcceptOffer(NEGOTIATION_ID, stranger)));
            commands.add(arguments(who + "rejects", new RejectOffer(NEGOTIATION_ID, stranger, "no")));
            commands.add(arguments(who + "cancels", new CancelNegotiation(NEGOTIATION_ID, stranger)));
        }
        return commands.stream();
    }

    // ---------------------------------------------------------------------------------------------------------
    // Accepting and rejecting
    // ---------------------------------------------------------------------------------------------------------

    @Test
    void the_dealer_accepts_the_opening_offer_at_its_amount() {
        fixture.given(opened(), openingOffer())
                .when(new AcceptOffer(NEGOTIATION_ID, DEALER))
                .expectSuccessfulHandlerExecution()
                .expectEvents(new OfferAccepted(NEGOTIATION_ID, CAR_ID, DEALER.userId(), BUYER.userId(), 1,
                        Party.DEALER, OPENING, EUR));
    }

    @Test
    void the_buyer_accepts_the_dealers_counter_offer_at_its_amount() {
        fixture.given(opened(), openingOffer(), dealerCountered())
                .when(new AcceptOffer(NEGOTIATION_ID, BUYER))
                .expectEvents(new OfferAccepted(NEGOTIATION_ID, CAR_ID, DEALER.userId(), BUYER.userId(), 2,
                        Party.BUYER, COUNTER, EUR));
    }

    @Test
    void an_acceptance_takes_the_latest_offer_not_an_earlier_one() {
        fixture.given(opened(), openingOffer(), dealerCountered(), buyerCounteredAgain())
                .when(new AcceptOffer(NEGOTIATION_ID, DEALER))
                .expectEvents(new OfferAccepted(NEGOTIATION_ID, CAR_ID, DEALER.userId(), BUYER.userId(), 3,
                        Party.DEALER, SECOND_COUNTER, EUR));
    }

    @Test
    void the_dealer_rejects_the_opening_offer() {
        fixture.given(opened(), openingOffer())
                .when(new RejectOffer(NEGOTIATION_ID, DEALER, "too low"))
                .expectSuccessfulHandlerExecution()
                .expectEvents(new OfferRejected(NEGOTIATION_ID, 1, Party.DEALER, "too low"));
    }

    @Test
    void the_buyer_rejects_the_dealers_counter_offer() {
        fixture.given(opened(), openingOffer(), dealerCountered())
                .when(new RejectOffer(NEGOTIATION_ID, BUYER, null))
                .expectEvents(new OfferRejected(NEGOTIATION_ID, 2, Party.BUYER, null));
    }

    // ---------------------------------------------------------------------------------------------------------
    // Cancelling
    // ---------------------------------------------------------------------------------------------------------

    @Test
    void the_buyer_cancels_an_open_negotiation() {
        fixture.given(opened(), openingOffer())
                .when(new CancelNegotiation(NEGOTIATION_ID, BUYER))
                .expectSuccessfulHandlerExecution()
                .expectEvents(new NegotiationCancelled(NEGOTIATION_ID));
    }

    @Test
    void the_buyer_cancels_while_the_dealers_offer_awaits_their_answer() {
        fixture.given(opened(), openingOffer(), dealerCountered())
                .when(new CancelNegotiation(NEGOTIATION_ID, BUYER))
                .expectEvents(new NegotiationCancelled(NEGOTIATION_ID));
    }

    @Test
    void the_dealer_cannot_cancel_a_negotiation() {
        fixture.given(opened(), openingOffer())
                .when(new CancelNegotiation(NEGOTIATION_ID, DEALER))
                .expectException(rejectedAs(FORBIDDEN, "BUYER_ONLY"))
                .expectNoEvents();
    }

    // ---------------------------------------------------------------------------------------------------------
    // Expiry of an unanswered offer
    // ---------------------------------------------------------------------------------------------------------

    @Test
    void an_offer_is_still_answerable_a_moment_before_it_expires() {
        AggregateTestFixture<Negotiation> justBefore = at(EXPIRES_AT.minusMillis(1));

        justBefore.given(opened(), openingOffer())
                .when(new AcceptOffer(NEGOTIATION_ID, DEALER))
                .expectEvents(new OfferAccepted(NEGOTIATION_ID, CAR_ID, DEALER.userId(), BUYER.userId(), 1,
                        Party.DEALER, OPENING, EUR));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("answersByTheDealer")
    void an_offer_cannot_be_answered_once_it_has_expired(String answer, Object command) {
        AggregateTestFixture<Negotiation> later = at(EXPIRES_AT.plus(Duration.ofMinutes(1)));

        later.given(opened(), openingOffer())
                .when(command)
                .expectException(rejectedAs(CONFLICT, "OFFER_EXPIRED"))
                .expectNoEvents();
    }

    @Test
    void an_offer_cannot_be_answered_at_the_instant_it_expires() {
        AggregateTestFixture<Negotiation> atExpiry = at(EXPIRES_AT);

        atExpiry.given(opened(), openingOffer())
                .when(new AcceptOffer(NEGOTIATION_ID, DEALER))
                .expectException(rejectedAs(CONFLICT, "OFFER_EXPIRED"))
                .expectNoEvents();
    }

    @Test
    void an_offer_is_not_expired_before_its_time() {
        AggregateTestFixture<Negotiation> justBefore = at(EXPIRES_AT.minusMillis(1));

        justBefore.given(opened(), openingOffer())
                .when(new ExpireOffer(NEGOTIATION_ID, 1))
                .expectException(rejectedAs(CONFLICT, "NOT_DUE"))
                .expectNoEvents();
    }

    @Test
    void an_offer_expires_at_its_expiry_time() {
        AggregateTestFixture<Negotiation> atExpiry = at(EXPIRES_AT);

        atExpiry.given(opened(), openingOffer())
                .when(new ExpireOffer(NEGOTIATION_ID, 1))
                .expectSuccessfulHandlerExecution()
                .expectEvents(new OfferExpired(NEGOTIATION_ID, 1));
    }

    @Test
    void an_offer_still_unanswered_after_its_expiry_time_expires() {
        AggregateTestFixture<Negotiation> later = at(EXPIRES_AT.plus(Duration.ofDays(3)));

        later.given(opened(), openingOffer(), dealerCountered())
                .when(new ExpireOffer(NEGOTIATION_ID, 2))
                .expectEvents(new OfferExpired(NEGOTIATION_ID, 2));
    }

    @Test
    void an_offer_that_was_countered_does_not_expire() {
        AggregateTestFixture<Negotiation> later = at(EXPIRES_AT.plus(Duration.ofHours(1)));

        later.given(opened(), openingOffer(), dealerCountered())
                .when(new ExpireOffer(NEGOTIATION_ID, 1))
                .expectException(rejectedAs(CONFLICT, "OFFER_ANSWERED"))
                .expectNoEvents();
    }

    @ParameterizedTest(name = "{0}")
    @EnumSource(value = NegotiationStatus.class, names = "OPEN", mode = EnumSource.Mode.EXCLUDE)
    void the_offer_of_a_negotiation_no_longer_open_does_not_expire(NegotiationStatus status) {
        AggregateTestFixture<Negotiation> later = at(EXPIRES_AT.plus(Duration.ofHours(1)));

        later.given(historyEndingIn(status))
                .when(new ExpireOffer(NEGOTIATION_ID, 1))
                .expectException(rejectedAs(CONFLICT, "OFFER_ANSWERED"))
                .expectNoEvents();
    }

    // ---------------------------------------------------------------------------------------------------------
    // A negotiation no longer open takes no participant commands
    // ---------------------------------------------------------------------------------------------------------

    @ParameterizedTest(name = "{0}: {1}")
    @MethodSource("participantCommandsInClosedStates")
    void a_negotiation_no_longer_open_refuses_the_participants(NegotiationStatus status, String description,
                                                               Object command) {
        fixture.given(historyEndingIn(status))
                .when(command)
                .expectException(rejectedAs(CONFLICT, "NEGOTIATION_" + status.name(),
                        Map.of("negotiationStatus", status.name())))
                .expectNoEvents();
    }

    static Stream<Arguments> participantCommandsInClosedStates() {
        List<Arguments> cases = new ArrayList<>();
        for (NegotiationStatus status : NegotiationStatus.values()) {
            if (status == NegotiationStatus.OPEN) {
                continue;
            }
            for (Actor party : List.of(DEALER, BUYER)) {
                String who = party.userId() + " ";
                cases.add(arguments(status, who + "counters", new MakeOffer(NEGOTIATION_ID, party, COUNTER, null)));
                cases.add(arguments(status, who + "accepts", new AcceptOffer(NEGOTIATION_ID, party)));
                cases.add(arguments(status, who + "rejects", new RejectOffer(NEGOTIATION_ID, party, "no")));
            }
            cases.add(arguments(status, "buyer cancels", new CancelNegotiation(NEGOTIATION_ID, BUYER)));
        }
        return cases.stream();
    }

    @ParameterizedTest(name = "{0}")
    @EnumSource(value = NegotiationStatus.class, names = "OPEN", mode = EnumSource.Mode.EXCLUDE)
    void the_dealer_is_refused_a_cancellation_as_not_the_buyer_in_any_state(NegotiationStatus status) {
        fixture.given(historyEndingIn(status))
                .when(new CancelNegotiation(NEGOTIATION_ID, DEALER))
                .expectException(rejectedAs(FORBIDDEN, "BUYER_ONLY"))
                .expectNoEvents();
    }

    // ---------------------------------------------------------------------------------------------------------
    // Outcomes recorded by the negotiation process
    // ---------------------------------------------------------------------------------------------------------

    @Test
    void the_purchase_arranged_for_an_accepted_offer_is_recorded() {
        fixture.given(accepted())
                .when(new RecordPurchaseArranged(NEGOTIATION_ID, "r-1", "ORD-2026-000042"))
                .expectSuccessfulHandlerExecution()
                .expectEvents(new PurchaseArranged(NEGOTIATION_ID, "r-1", "ORD-2026-000042"));
    }

    @ParameterizedTest(name = "{0}")
    @EnumSource(value = NegotiationStatus.class, names = "ACCEPTED", mode = EnumSource.Mode.EXCLUDE)
    void a_purchase_is_recorded_only_for_an_accepted_offer(NegotiationStatus status) {
        fixture.given(historyEndingIn(status))
                .when(new RecordPurchaseArranged(NEGOTIATION_ID, "r-1", "ORD-2026-000042"))
                .expectException(rejectedAs(CONFLICT, "NEGOTIATION_" + status.name(),
                        Map.of("negotiationStatus", status.name())))
                .expectNoEvents();
    }

    @Test
    void an_accepted_negotiation_whose_car_could_not_be_reserved_fails_with_the_reason() {
        fixture.given(accepted())
                .when(new FailNegotiation(NEGOTIATION_ID, "CAR_ALREADY_RESERVED", "The car is already reserved"))
                .expectSuccessfulHandlerExecution()
                .expectEvents(new NegotiationFailed(NEGOTIATION_ID, "CAR_ALREADY_RESERVED",
                        "The car is already reserved"));
    }

    @ParameterizedTest(name = "{0}")
    @EnumSource(value = NegotiationStatus.class, names = "ACCEPTED", mode = EnumSource.Mode.EXCLUDE)
    void only_an_accepted_negotiation_fails(NegotiationStatus status) {
        fixture.given(historyEndingIn(status))
                .when(new FailNegotiation(NEGOTIATION_ID, "CAR_ALREADY_RESERVED", "The car is already reserved"))
                .expectException(rejectedAs(CONFLICT, "NEGOTIATION_" + status.name(),
                        Map.of("negotiationStatus", status.name())))
                .expectNoEvents();
    }

    @Test
    void an_open_negotiation_ends_when_the_car_is_sold_to_someone_else() {
        fixture.given(opened(), openingOffer(), dealerCountered())
                .when(new EndNegotiation(NEGOTIATION_ID, "CAR_SOLD"))
                .expectSuccessfulHandlerExecution()
                .expectEvents(new NegotiationEnded(NEGOTIATION_ID, "CAR_SOLD"));
    }

    @Test
    void an_open_negotiation_whose_offer_is_past_its_expiry_can_still_be_ended() {
        AggregateTestFixture<Negotiation> later = at(EXPIRES_AT.plus(Duration.ofHours(1)));

        later.given(opened(), openingOffer())
                .when(new EndNegotiation(NEGOTIATION_ID, "CAR_SOLD"))
                .expectEvents(new NegotiationEnded(NEGOTIATION_ID, "CAR_SOLD"));
    }

    @ParameterizedTest(name = "{0}")
    @EnumSource(value = NegotiationStatus.class, names = "OPEN", mode = EnumSource.Mode.EXCLUDE)
    void only_an_open_negotiation_ends(NegotiationStatus status) {
        fixture.given(historyEndingIn(status))
                .when(new EndNegotiation(NEGOTIATION_ID, "CAR_SOLD"))
                .expectException(rejectedAs(CONFLICT, "NEGOTIATION_" + status.name(),
                        Map.of("negotiationStatus", status.name())))
                .expectNoEvents();
    }

    @Test
    void a_purchase_is_arranged_only_once() {
        List<Object> history = new ArrayList<>(accepted());
        history.add(new PurchaseArranged(NEGOTIATION_ID, "r-1", "ORD-2026-000042"));

        fixture.given(history)
                .when(new RecordPurchaseArranged(NEGOTIATION_ID, "r-2", "ORD-2026-000043"))
                .expectException(rejectedAs(CONFLICT, "PURCHASE_ALREADY_ARRANGED"))
                .expectNoEvents();
    }

    @Test
    void recording_the_same_purchase_again_changes_nothing() {
        List<Object> history = new ArrayList<>(accepted());
        history.add(new PurchaseArranged(NEGOTIATION_ID, "r-1", "ORD-2026-000042"));

        fixture.given(history)
                .when(new RecordPurchaseArranged(NEGOTIATION_ID, "r-1", "ORD-2026-000042"))
                .expectSuccessfulHandlerExecution()
                .expectNoEvents();
    }

    @Test
    void a_negotiation_whose_purchase_was_arranged_does_not_fail() {
        List<Object> history = new ArrayList<>(accepted());
        history.add(new PurchaseArranged(NEGOTIATION_ID, "r-1", "ORD-2026-000042"));

        fixture.given(history)
                .when(new FailNegotiation(NEGOTIATION_ID, "CAR_ALREADY_RESERVED", "The car is already reserved"))
                .expectException(RuleViolation.class)
                .expectNoEvents();
    }

    // ---------------------------------------------------------------------------------------------------------
    // Fixtures and histories
    // ---------------------------------------------------------------------------------------------------------

    /** A fixture whose handlers' clock and whose event timestamps are both at {@code now}. */
    private static AggregateTestFixture<Negotiation> at(Instant now) {
        AggregateTestFixture<Negotiation> fixture = new AggregateTestFixture<>(Negotiation.class);
        fixture.registerInjectableResource(Clock.fixed(now, ZoneOffset.UTC));
        fixture.registerInjectableResource(POLICY);
        fixture.givenCurrentTime(now);
        return fixture;
    }

    private static OpenNegotiation open(Actor buyer, BigDecimal amount) {
        return new OpenNegotiation(NEGOTIATION_ID, CAR_ID, DEALER.userId(), EUR, buyer, amount, "opening");
    }

    private static NegotiationOpened opened() {
        return new NegotiationOpened(NEGOTIATION_ID, CAR_ID, DEALER.userId(), BUYER.userId(), EUR);
    }

    /** The buyer's offer 1 of EUR 18000.00, made now with the opening, expiring in 48 hours. */
    private static OfferMade openingOffer() {
        return new OfferMade(NEGOTIATION_ID, 1, Party.BUYER, OPENING, EUR, null, EXPIRES_AT);
    }

    /** The dealer's offer 2 of EUR 19500.00, made now. */
    private static OfferMade dealerCountered() {
        return new OfferMade(NEGOTIATION_ID, 2, Party.DEALER, COUNTER, EUR, null, EXPIRES_AT);
    }

    /** The buyer's offer 3 of EUR 18750.00, made now. */
    private static OfferMade buyerCounteredAgain() {
        return new OfferMade(NEGOTIATION_ID, 3, Party.BUYER, SECOND_COUNTER, EUR, null, EXPIRES_AT);
    }

    /** The dealer accepted the opening offer. */
    private static List<Object> accepted() {
        return List.of(opened(), openingOffer(), dealerAccepted());
    }

    private static OfferAccepted dealerAccepted() {
        return new OfferAccepted(NEGOTIATION_ID, CAR_ID, DEALER.userId(), BUYER.userId(), 1, Party.DEALER, OPENING,
                EUR);
    }

    /** The events that bring the negotiation, opened with the buyer's offer 1, into {@code status}. */
    private static List<Object> historyEndingIn(NegotiationStatus status) {
        List<Object> history = new ArrayList<>(List.of(opened(), openingOffer()));
        switch (status) {
            case OPEN -> {
            }
            case ACCEPTED -> history.add(dealerAccepted());
            case REJECTED -> history.add(new OfferRejected(NEGOTIATION_ID, 1, Party.DEALER, "too low"));
            case CANCELLED -> history.add(new NegotiationCancelled(NEGOTIATION_ID));
            case EXPIRED -> history.add(new OfferExpired(NEGOTIATION_ID, 1));
            case FAILED -> {
                history.add(dealerAccepted());
                history.add(new NegotiationFailed(NEGOTIATION_ID, "CAR_ALREADY_RESERVED", "reserved"));
            }
            case ENDED -> history.add(new NegotiationEnded(NEGOTIATION_ID, "CAR_SOLD"));
        }
        return history;
    }
}
