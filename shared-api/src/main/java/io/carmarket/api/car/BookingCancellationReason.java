package io.carmarket.api.car;

public enum BookingCancellationReason {
    /** The customer, the car's dealer or an admin asked for it; who it was is in the event's metadata. */
    ON_REQUEST,
    /** The car was sold before the booking started. */
    CAR_SOLD
}
