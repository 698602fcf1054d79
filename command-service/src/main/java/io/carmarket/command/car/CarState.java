package io.carmarket.command.car;

import com.fasterxml.jackson.annotation.JsonInclude;
import io.carmarket.api.car.BookingStatus;
import io.carmarket.api.car.CarStatus;
import io.carmarket.api.car.PeakWindow;
import io.carmarket.api.car.purchase.PurchaseReservationStatus;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;

/**
 * What a car holds at one version, as the audit API shows it: exactly what the car decides with. Absent values are
 * written as {@code null}, so that every field is always present.
 *
 * @param carId               the car
 * @param dealerId            the dealer who listed it
 * @param status              LISTED, RESERVED, WITHDRAWN or SOLD
 * @param featured            whether an admin features it
 * @param pricing             its prices
 * @param maxBookingDays      the longest booking it takes, in days
 * @param timeZone            the zone of its location, which decides "today" for its bookings
 * @param peakWindows         the days on which the dealer approves bookings himself, as defined
 * @param bookings            the bookings the car still holds, sorted by start date (then id): live ones and those
 *                            cancelled, rejected or expired that have not ended yet; ended bookings are forgotten
 *                            (architecture D18)
 * @param purchaseReservation the live purchase reservation, or null when there is none
 */
@JsonInclude(JsonInclude.Include.ALWAYS)
public record CarState(String carId, String dealerId, CarStatus status, boolean featured, Pricing pricing,
                       int maxBookingDays, String timeZone, List<PeakWindow> peakWindows, List<Booking> bookings,
                       PurchaseReservation purchaseReservation) {

    public CarState {
        peakWindows = List.copyOf(peakWindows);
        bookings = List.copyOf(bookings);
    }

    /**
     * @param dailyRate   the price of one day's rental, or null when the car is for sale only
     * @param askingPrice the sale price, or null when the car is for rental only
     * @param currency    the ISO 4217 code of both
     */
    @JsonInclude(JsonInclude.Include.ALWAYS)
    public record Pricing(BigDecimal dailyRate, BigDecimal askingPrice, String currency) {
    }

    /**
     * @param bookingId        the booking
     * @param customerId       who booked
     * @param startDate        the first day
     * @param endDate          the day the car is returned (not a night of the booking)
     * @param status           PENDING_APPROVAL, CONFIRMED, CANCELLED, REJECTED or EXPIRED
     * @param approvalDeadline until when the dealer may approve it, or null when it needed no approval
     */
    @JsonInclude(JsonInclude.Include.ALWAYS)
    public record Booking(String bookingId, String customerId, LocalDate startDate, LocalDate endDate,
                          BookingStatus status, Instant approvalDeadline) {
    }

    /**
     * @param reservationId the reservation
     * @param orderNumber   its order number
     * @param customerId    the buyer
     * @param status        PENDING, CONFIRMED or INSPECTION_SCHEDULED
     * @param handoverDate  the day the car is handed over
     * @param expiresAt     when it expires unless confirmed
     * @param price         the car's price in this sale
     * @param totalAmount   what the buyer pays in all
     */
    @JsonInclude(JsonInclude.Include.ALWAYS)
    public record PurchaseReservation(String reservationId, String orderNumber, String customerId,
                                      PurchaseReservationStatus status, LocalDate handoverDate, Instant expiresAt,
                                      BigDecimal price, BigDecimal totalAmount) {
    }
}
