package io.carmarket.api.dashboards;

import java.time.LocalDate;
import java.util.List;

/**
 * A customer's own dashboard.
 *
 * @param position            global position of the last event that changed this customer's figures (0: none)
 * @param upcomingBookings    confirmed bookings ending on or after {@code today}, soonest first, at most
 *                            {@link #UPCOMING_SHOWN}
 * @param awaitingApproval    the customer's bookings still waiting for the dealer's approval
 * @param openNegotiations    open negotiations, with whose turn it is
 * @param purchaseReservations live purchase reservations (pending, confirmed, inspection scheduled)
 * @param unreadNotifications notifications not yet marked read
 */
public record CustomerDashboard(
        String customerId,
        long position,
        LocalDate today,
        List<UpcomingBooking> upcomingBookings,
        List<PendingApproval> awaitingApproval,
        List<OpenNegotiation> openNegotiations,
        List<LiveReservation> purchaseReservations,
        long unreadNotifications) {

    public static final int UPCOMING_SHOWN = 10;
}
