package io.carmarket.api.notifications;

/**
 * What a notification is about. Stored and sent by name; new kinds (negotiations, for one) are added as new
 * constants, never by renaming or reusing one, so clients should show unknown types generically.
 */
public enum NotificationType {
    /** To the dealer: a confirmed booking of one of their cars. */
    BOOKING_RECEIVED,
    /** To the dealer: a booking touching a peak window waits for their approval. */
    BOOKING_AWAITS_APPROVAL,
    BOOKING_APPROVED,
    BOOKING_REJECTED,
    BOOKING_APPROVAL_EXPIRED,
    BOOKING_RESCHEDULED,
    /** Cancelled on request of the customer, the dealer or an admin. */
    BOOKING_CANCELLED,
    /** To the customer: the car was sold before the booking started. */
    BOOKING_CANCELLED_CAR_SOLD,
    /** To the dealer: a customer reserved one of their cars for purchase. */
    PURCHASE_RESERVED,
    PURCHASE_RESERVATION_CONFIRMED,
    PURCHASE_INSPECTION_SCHEDULED,
    PURCHASE_COMPLETED,
    PURCHASE_RESERVATION_CANCELLED,
    PURCHASE_RESERVATION_EXPIRED,
    /** To the party that must answer it: the other side made an offer (the buyer's opening offer included). */
    NEGOTIATION_OFFER_RECEIVED,
    /** To both parties: the latest offer was accepted; the car is being reserved for the buyer. */
    NEGOTIATION_OFFER_ACCEPTED,
    /** To the offer's maker: the other side rejected it. */
    NEGOTIATION_OFFER_REJECTED,
    /** To the dealer: the buyer walked away. */
    NEGOTIATION_CANCELLED,
    /** To both parties: the latest offer expired unanswered, which ends the negotiation. */
    NEGOTIATION_OFFER_EXPIRED,
    /** To both parties: after acceptance the car could not be reserved (the message names the reason code). */
    NEGOTIATION_FAILED,
    /** To the buyer: the car is reserved for them at the agreed price (the message names the order number). */
    NEGOTIATION_PURCHASE_ARRANGED,
    /** To the buyer: the negotiation ended without agreement because the car was sold to someone else. */
    NEGOTIATION_ENDED,
    /** To the buyer of another open negotiation on the car: someone else reserved it for purchase. */
    NEGOTIATION_CAR_RESERVED,
    /** To the buyer of another open negotiation on the car: it was sold to someone else. */
    NEGOTIATION_CAR_SOLD
}
