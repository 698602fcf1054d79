package io.carmarket.api.car.purchase;

public enum PurchaseReservationStatus {
    PENDING, CONFIRMED, INSPECTION_SCHEDULED, COMPLETED, CANCELLED, EXPIRED;

    /** A live reservation holds the car: at most one per car. */
    public boolean isLive() {
        return this == PENDING || this == CONFIRMED || this == INSPECTION_SCHEDULED;
    }
}
