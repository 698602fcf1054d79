package io.carmarket.api.inventory;

import io.carmarket.api.bookings.BookingView;
import io.carmarket.api.reservations.PurchaseReservationView;

import java.util.List;

/**
 * One car of a dealer's inventory with what is going on with it.
 *
 * @param liveBookings        its PENDING_APPROVAL and CONFIRMED bookings that have not ended yet, soonest first
 * @param purchaseReservation its live purchase reservation (PENDING, CONFIRMED, INSPECTION_SCHEDULED), or the
 *                            completed one of a sold car; null when there is none
 */
public record DealerCarDetails(DealerCarView car, List<BookingView> liveBookings,
                               PurchaseReservationView purchaseReservation) {

    public DealerCarDetails {
        liveBookings = liveBookings == null ? List.of() : List.copyOf(liveBookings);
    }
}
