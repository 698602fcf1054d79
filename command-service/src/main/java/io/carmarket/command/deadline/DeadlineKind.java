package io.carmarket.command.deadline;

import io.carmarket.api.car.ExpireBookingApproval;
import io.carmarket.api.car.purchase.ExpirePurchaseReservation;
import io.carmarket.api.negotiation.ExpireOffer;

/** What can fall due on the write side, and the command that answers it. */
public enum DeadlineKind {

    /** A booking awaiting the dealer's approval; aggregate: the car, target: the booking. */
    BOOKING_APPROVAL,
    /** An unconfirmed purchase reservation; aggregate: the car, target: the reservation. */
    RESERVATION_CONFIRMATION,
    /** The latest offer of a negotiation; aggregate: the negotiation, target: the offer number. */
    OFFER_RESPONSE;

    Object expiryCommand(String aggregateId, String targetId) {
        return switch (this) {
            case BOOKING_APPROVAL -> new ExpireBookingApproval(aggregateId, targetId);
            case RESERVATION_CONFIRMATION -> new ExpirePurchaseReservation(aggregateId, targetId);
            case OFFER_RESPONSE -> new ExpireOffer(aggregateId, Integer.parseInt(targetId));
        };
    }
}
