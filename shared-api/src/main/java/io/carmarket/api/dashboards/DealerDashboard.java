package io.carmarket.api.dashboards;

import io.carmarket.api.car.CarStatus;
import io.carmarket.api.car.purchase.PurchaseReservationStatus;

import java.time.LocalDate;
import java.util.List;
import java.util.Map;

/**
 * A dealer's dashboard over their own cars. Windows ("next 7 days", "last 12 months") are taken from {@code today}
 * (UTC) when the dashboard is read.
 *
 * @param position                  global position of the last event that changed this dealer's figures (0: none)
 * @param carsByStatus              the dealer's cars per status (every status present, zero when none)
 * @param awaitingApproval          bookings waiting for the dealer's approval, the soonest to expire first
 * @param pickUpsNext7Days          live bookings starting in {@code [today, today + 7)}
 * @param returnsNext7Days          live bookings ending (the car coming back) in {@code [today, today + 7)}
 * @param utilisationNext30Days     booked car-days against available car-days in {@code [today, today + 30)}
 * @param revenueByMonth            confirmed booking revenue by the month the booking was made, 12 months, oldest first
 * @param negotiationsAwaitingAnswer open negotiations whose latest offer came from the buyer
 * @param reservationsByStatus      purchase reservations of the dealer's cars per status
 * @param agreedDiscount            the average discount of agreed prices against the asking price
 */
public record DealerDashboard(
        String dealerId,
        long position,
        LocalDate today,
        Map<CarStatus, Long> carsByStatus,
        List<PendingApproval> awaitingApproval,
        List<Handover> pickUpsNext7Days,
        List<Handover> returnsNext7Days,
        Utilisation utilisationNext30Days,
        List<MonthlyRevenue> revenueByMonth,
        List<OfferAwaitingAnswer> negotiationsAwaitingAnswer,
        Map<PurchaseReservationStatus, Long> reservationsByStatus,
        AgreedDiscount agreedDiscount) {
}
