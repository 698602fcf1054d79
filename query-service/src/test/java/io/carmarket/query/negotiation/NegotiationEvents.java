package io.carmarket.query.negotiation;

import io.carmarket.api.car.CarSold;
import io.carmarket.api.negotiation.NegotiationCancelled;
import io.carmarket.api.negotiation.NegotiationEnded;
import io.carmarket.api.negotiation.NegotiationFailed;
import io.carmarket.api.negotiation.NegotiationOpened;
import io.carmarket.api.negotiation.OfferAccepted;
import io.carmarket.api.negotiation.OfferExpired;
import io.carmarket.api.negotiation.OfferMade;
import io.carmarket.api.negotiation.OfferRejected;
import io.carmarket.api.negotiation.Party;
import io.carmarket.api.negotiation.PurchaseArranged;

import java.math.BigDecimal;
import java.time.Duration;

import static io.carmarket.query.common.TestEvents.EUR;
import static io.carmarket.query.common.TestEvents.at;

/**
 * Negotiation events as the Negotiation aggregate and the negotiation process emit them, for the tests of the
 * negotiation read model and of the negotiation notifications. Offer {@code n} is made at minute {@code n} and
 * expires 48 hours later.
 */
public final class NegotiationEvents {

    public static final Duration OFFER_TIMEOUT = Duration.ofHours(48);

    private NegotiationEvents() {
    }

    public static NegotiationOpened opened(String negotiationId, String carId, String dealerId, String buyerId) {
        return new NegotiationOpened(negotiationId, carId, dealerId, buyerId, EUR);
    }

    /** Odd numbers are the buyer's, even ones the dealer's, as offers alternate. */
    public static OfferMade offer(String negotiationId, int number, String amount) {
        Party by = number % 2 == 1 ? Party.BUYER : Party.DEALER;
        return new OfferMade(negotiationId, number, by, new BigDecimal(amount), EUR,
                number == 1 ? "Cash buyer" : null, at(number).plus(OFFER_TIMEOUT));
    }

    public static OfferAccepted accepted(String negotiationId, String carId, String dealerId, String buyerId,
                                         int offerNumber, String amount) {
        Party acceptedBy = offerNumber % 2 == 1 ? Party.DEALER : Party.BUYER;
        return new OfferAccepted(negotiationId, carId, dealerId, buyerId, offerNumber, acceptedBy,
                new BigDecimal(amount), EUR);
    }

    public static OfferRejected rejected(String negotiationId, int offerNumber, String reason) {
        Party rejectedBy = offerNumber % 2 == 1 ? Party.DEALER : Party.BUYER;
        return new OfferRejected(negotiationId, offerNumber, rejectedBy, reason);
    }

    public static NegotiationCancelled cancelled(String negotiationId) {
        return new NegotiationCancelled(negotiationId);
    }

    public static OfferExpired expired(String negotiationId, int offerNumber) {
        return new OfferExpired(negotiationId, offerNumber);
    }

    public static PurchaseArranged purchaseArranged(String negotiationId, String reservationId, String orderNumber) {
        return new PurchaseArranged(negotiationId, reservationId, orderNumber);
    }

    public static NegotiationFailed failed(String negotiationId) {
        return new NegotiationFailed(negotiationId, "CAR_ALREADY_RESERVED", "The car is already reserved");
    }

    public static NegotiationEnded endedCarSold(String negotiationId) {
        return new NegotiationEnded(negotiationId, "CAR_SOLD");
    }

    public static CarSold sold(String carId, String buyerId, String reservationId) {
        return new CarSold(carId, buyerId, reservationId, new BigDecimal("23000.00"), EUR);
    }
}
