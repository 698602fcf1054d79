package io.carmarket.api.car;

public enum BookingStatus {
    CONFIRMED, PENDING_APPROVAL, CANCELLED, REJECTED, EXPIRED;

    /** A live booking holds its dates: no other live booking of the car may overlap it. */
    public boolean isLive() {
        return this == CONFIRMED || this == PENDING_APPROVAL;
    }
}
