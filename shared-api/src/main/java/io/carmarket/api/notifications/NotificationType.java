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
    PURCHASE_RESERVATION_EXPIRED
}
