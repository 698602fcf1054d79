package io.carmarket.api.dashboards;

import io.carmarket.api.car.BookingStatus;
import io.carmarket.api.car.CarStatus;
import io.carmarket.api.car.purchase.PurchaseReservationStatus;
import io.carmarket.api.negotiation.NegotiationStatus;

import java.time.LocalDate;
import java.util.List;
import java.util.Map;

/**
 * The whole platform at a glance, for admins and auditors. By-month lists cover the 12 months up to {@code today}
 * (UTC), oldest first.
 *
 * @param position                    global position of the last event that changed the platform's figures
 * @param negotiationConversion       accepted negotiations over those that ended (accepted or otherwise closed)
 * @param medianHoursToAgreement      from a negotiation's opening to its accepted offer; absent when none
 * @param medianDaysOnMarketUntilSold from a car's listing to its sale; absent when none was sold
 */
public record AdminDashboard(
        long position,
        LocalDate today,
        Map<CarStatus, Long> carsByStatus,
        Map<BookingStatus, Long> bookingsByStatus,
        Map<NegotiationStatus, Long> negotiationsByStatus,
        Map<PurchaseReservationStatus, Long> reservationsByStatus,
        List<MonthlyCount> newUsersByMonth,
        List<MonthlyCount> bookingsByMonth,
        List<MakeTally> topMakesByListings,
        List<MakeTally> topMakesByBookings,
        Conversion negotiationConversion,
        Double medianHoursToAgreement,
        Double medianDaysOnMarketUntilSold) {
}
