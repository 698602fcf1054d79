package io.carmarket.api.negotiations;

import io.carmarket.api.bookings.CarCard;
import io.carmarket.api.negotiation.NegotiationStatus;
import io.carmarket.api.negotiation.Party;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.List;

/**
 * A negotiation as its buyer, the car's dealer, admins and auditors see it.
 *
 * @param car                what the list shows of the car; its parts are null until the read side has seen the
 *                           car's listing
 * @param currency           ISO 4217 code of every amount
 * @param offers             the whole offer history, oldest first
 * @param latestOfferBy      who made the latest offer
 * @param awaitingAnswerFrom while OPEN: the party that must answer the latest offer; null otherwise
 * @param answerDueBy        while OPEN: when the latest offer expires unanswered; null otherwise
 * @param agreedAmount       once ACCEPTED: the amount of the accepted offer (also kept when the purchase then fails)
 * @param purchase           once the car is reserved for the buyer at the agreed amount (status stays ACCEPTED)
 * @param rejectionReason    when REJECTED: the reason given, if any
 * @param failureCode        when FAILED: why the car could not be reserved, as the car's rejection code
 * @param failureReason      when FAILED: the same in words
 * @param endReason          when ENDED: why (CAR_SOLD: the car was sold to someone else)
 * @param openedAt           when the buyer opened it
 * @param updatedAt          when it last changed
 */
public record NegotiationView(
        String negotiationId,
        String carId,
        CarCard car,
        String buyerId,
        String dealerId,
        String currency,
        NegotiationStatus status,
        List<OfferView> offers,
        Party latestOfferBy,
        Party awaitingAnswerFrom,
        Instant answerDueBy,
        BigDecimal agreedAmount,
        ArrangedPurchase purchase,
        String rejectionReason,
        String failureCode,
        String failureReason,
        String endReason,
        Instant openedAt,
        Instant updatedAt) {

    public NegotiationView {
        offers = offers == null ? List.of() : List.copyOf(offers);
    }
}
