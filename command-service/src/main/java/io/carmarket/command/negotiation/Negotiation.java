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
import io.carmarket.command.audit.AuditedAggregate;
import io.carmarket.command.common.Money;
import io.carmarket.command.common.RefusalsChangeNothing;
import io.carmarket.command.common.RuleViolation;
import org.axonframework.commandhandling.CommandHandler;
import org.axonframework.eventsourcing.EventSourcingHandler;
import org.axonframework.messaging.InterceptorChain;
import org.axonframework.modelling.command.AggregateIdentifier;
import org.axonframework.modelling.command.CommandHandlerInterceptor;
import org.axonframework.spring.stereotype.Aggregate;

import java.math.BigDecimal;
import java.time.Clock;
import java.time.Instant;
import java.util.Currency;
import java.util.Map;

import static org.axonframework.modelling.command.AggregateLifecycle.apply;

/**
 * A buyer and a dealer bargaining over the price of one car. Offers alternate; only the party that received the
 * latest offer may answer it, by a counter-offer, an acceptance or a rejection; an unanswered offer expires.
 * Acceptance hands over to the negotiation process, which reserves the car at the agreed price.
 */
@Aggregate
public class Negotiation implements AuditedAggregate {

    @AggregateIdentifier
    private String negotiationId;
    private String carId;
    private String dealerId;
    private String buyerId;
    private Currency currency;
    private NegotiationStatus status;
    private int latestOfferNumber;
    private Party latestOfferBy;
    private BigDecimal latestAmount;
    private Instant latestOfferExpiresAt;
    private String arrangedReservationId;

    protected Negotiation() {
        // required by Axon to rebuild the negotiation from its events
    }

    /** A refusal leaves the negotiation as it was: its command handlers decide before they apply (D37). */
    @CommandHandlerInterceptor
    Object refuseOnlyBeforeAnyChange(InterceptorChain handler) throws Exception {
        return RefusalsChangeNothing.proceed(handler);
    }

    @CommandHandler
    public Negotiation(OpenNegotiation command, Clock clock, NegotiationPolicy policy) {
        Actor buyer = command.buyer();
        if (buyer.is(command.dealerId())) {
            throw RuleViolation.forbidden("OWN_CAR", "A dealer does not negotiate over their own car");
        }
        if (buyer.role() != Role.CUSTOMER) {
            throw RuleViolation.forbidden("CUSTOMERS_ONLY", "Only customers open negotiations");
        }
        requireValidAmount(command.amount(), command.currency());
        apply(new NegotiationOpened(command.negotiationId(), command.carId(), command.dealerId(), buyer.userId(),
                command.currency()));
        apply(new OfferMade(command.negotiationId(), 1, Party.BUYER, command.amount(), command.currency(),
                command.message(), clock.instant().plus(policy.offerTimeout())));
    }

    @CommandHandler
    public void counter(MakeOffer command, Clock clock, NegotiationPolicy policy) {
        Party party = answeringParty(command.requestedBy(), clock);
        requireValidAmount(command.amount(), currency);
        apply(new OfferMade(negotiationId, latestOfferNumber + 1, party, command.amount(), currency,
                command.message(), clock.instant().plus(policy.offerTimeout())));
    }

    @CommandHandler
    public void accept(AcceptOffer command, Clock clock) {
        Party party = answeringParty(command.requestedBy(), clock);
        apply(new OfferAccepted(negotiationId, carId, dealerId, buyerId, latestOfferNumber, party, latestAmount,
                currency));
    }

    @CommandHandler
    public void reject(RejectOffer command, Clock clock) {
        Party party = answeringParty(command.requestedBy(), clock);
        apply(new OfferRejected(negotiationId, latestOfferNumber, party, command.reason()));
    }

    @CommandHandler
    public void cancel(CancelNegotiation command) {
        Party party = partyOf(command.requestedBy());
        if (party != Party.BUYER) {
            throw RuleViolation.forbidden("BUYER_ONLY", "Only the buyer cancels a negotiation");
        }
        requireStatus(NegotiationStatus.OPEN);
        apply(new NegotiationCancelled(negotiationId));
    }

    @CommandHandler
    public void expire(ExpireOffer command, Clock clock) {
        if (status != NegotiationStatus.OPEN || command.offerNumber() != latestOfferNumber) {
            throw RuleViolation.conflict("OFFER_ANSWERED", "The offer was answered or the negotiation has ended");
        }
        if (clock.instant().isBefore(latestOfferExpiresAt)) {
            throw RuleViolation.conflict("NOT_DUE", "The offer has not expired yet");
        }
        apply(new OfferExpired(negotiationId, latestOfferNumber));
    }

    /** Recording the same reservation again changes nothing, so the process may repeat this step safely. */
    @CommandHandler
    public void recordPurchase(RecordPurchaseArranged command) {
        requireStatus(NegotiationStatus.ACCEPTED);
        if (command.reservationId().equals(arrangedReservationId)) {
            return;
        }
        requireNoPurchaseArranged();
        apply(new PurchaseArranged(negotiationId, command.reservationId(), command.orderNumber()));
    }

    @CommandHandler
    public void fail(FailNegotiation command) {
        requireStatus(NegotiationStatus.ACCEPTED);
        requireNoPurchaseArranged();
        apply(new NegotiationFailed(negotiationId, command.reasonCode(), command.reason()));
    }

    private void requireNoPurchaseArranged() {
        if (arrangedReservationId != null) {
            throw RuleViolation.conflict("PURCHASE_ALREADY_ARRANGED", "The car is already reserved for the buyer",
                    Map.of("reservationId", arrangedReservationId));
        }
    }

    @CommandHandler
    public void end(EndNegotiation command) {
        requireStatus(NegotiationStatus.OPEN);
        apply(new NegotiationEnded(negotiationId, command.reason()));
    }

    /** What the negotiation holds now, for the audit API ({@link NegotiationState}). */
    @Override
    public NegotiationState state() {
        NegotiationState.Offer latestOffer = latestOfferNumber == 0 ? null
                : new NegotiationState.Offer(latestOfferNumber, latestOfferBy, latestAmount, latestOfferExpiresAt);
        return new NegotiationState(negotiationId, carId, dealerId, buyerId, currency.getCurrencyCode(), status,
                latestOffer, arrangedReservationId);
    }

    /** The party allowed to answer the latest offer: the one that received it, while it is open and fresh. */
    private Party answeringParty(Actor actor, Clock clock) {
        Party party = partyOf(actor);
        requireStatus(NegotiationStatus.OPEN);
        if (party == latestOfferBy) {
            throw RuleViolation.conflict("NOT_YOUR_TURN", "The latest offer is yours; the other side answers it");
        }
        if (!clock.instant().isBefore(latestOfferExpiresAt)) {
            throw RuleViolation.conflict("OFFER_EXPIRED", "The latest offer has expired");
        }
        return party;
    }

    /** The actor's side; to anyone else the negotiation does not exist. */
    private Party partyOf(Actor actor) {
        if (actor.is(buyerId)) {
            return Party.BUYER;
        }
        if (actor.is(dealerId)) {
            return Party.DEALER;
        }
        throw RuleViolation.notFound("NEGOTIATION_NOT_FOUND", "No negotiation " + negotiationId);
    }

    private void requireStatus(NegotiationStatus expected) {
        if (status != expected) {
            throw RuleViolation.conflict("NEGOTIATION_" + status.name(), "The negotiation is " + status,
                    Map.of("negotiationStatus", status.name()));
        }
    }

    private static void requireValidAmount(BigDecimal amount, Currency currency) {
        if (currency == null) {
            throw RuleViolation.invalid("CURRENCY_REQUIRED", "A negotiation needs the car's currency");
        }
        if (amount == null) {
            throw RuleViolation.invalid("AMOUNT_REQUIRED", "An offer needs an amount");
        }
        Money.requireValid(amount, "amount", currency);
    }

    @EventSourcingHandler
    void on(NegotiationOpened event) {
        negotiationId = event.negotiationId();
        carId = event.carId();
        dealerId = event.dealerId();
        buyerId = event.buyerId();
        currency = event.currency();
        status = NegotiationStatus.OPEN;
    }

    @EventSourcingHandler
    void on(OfferMade event) {
        latestOfferNumber = event.offerNumber();
        latestOfferBy = event.by();
        latestAmount = event.amount();
        latestOfferExpiresAt = event.expiresAt();
    }

    @EventSourcingHandler
    void on(OfferAccepted event) {
        status = NegotiationStatus.ACCEPTED;
    }

    @EventSourcingHandler
    void on(PurchaseArranged event) {
        arrangedReservationId = event.reservationId();
    }

    @EventSourcingHandler
    void on(OfferRejected event) {
        status = NegotiationStatus.REJECTED;
    }

    @EventSourcingHandler
    void on(NegotiationCancelled event) {
        status = NegotiationStatus.CANCELLED;
    }

    @EventSourcingHandler
    void on(OfferExpired event) {
        status = NegotiationStatus.EXPIRED;
    }

    @EventSourcingHandler
    void on(NegotiationFailed event) {
        status = NegotiationStatus.FAILED;
    }

    @EventSourcingHandler
    void on(NegotiationEnded event) {
        status = NegotiationStatus.ENDED;
    }
}
