package io.carmarket.query.common;

import io.carmarket.api.car.BodyType;
import io.carmarket.api.car.BookingApprovalExpired;
import io.carmarket.api.car.BookingApproved;
import io.carmarket.api.car.BookingCancellationReason;
import io.carmarket.api.car.BookingCancelled;
import io.carmarket.api.car.BookingRejected;
import io.carmarket.api.car.BookingRescheduled;
import io.carmarket.api.car.BookingStatus;
import io.carmarket.api.car.CarBooked;
import io.carmarket.api.car.CarDescription;
import io.carmarket.api.car.CarImage;
import io.carmarket.api.car.CarListed;
import io.carmarket.api.car.CarListingChanged;
import io.carmarket.api.car.DateRange;
import io.carmarket.api.car.FuelType;
import io.carmarket.api.car.ListingChanges;
import io.carmarket.api.car.Location;
import io.carmarket.api.car.Pricing;
import io.carmarket.api.car.Transmission;
import io.carmarket.api.car.VehicleRegistration;
import io.carmarket.api.car.purchase.Financing;
import io.carmarket.api.car.purchase.InspectionScheduled;
import io.carmarket.api.car.purchase.PaymentMethod;
import io.carmarket.api.car.purchase.PurchaseCompleted;
import io.carmarket.api.car.purchase.PurchaseReservationCancelled;
import io.carmarket.api.car.purchase.PurchaseReservationConfirmed;
import io.carmarket.api.car.purchase.PurchaseReservationExpired;
import io.carmarket.api.car.purchase.PurchaseReserved;
import io.carmarket.api.car.purchase.TradeIn;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.Currency;
import java.util.List;

/** Car, booking and purchase events as the Car aggregate emits them, for the projection tests of the user read models. */
public final class TestEvents {

    public static final LocalDate DAY = LocalDate.of(2030, 3, 1);
    public static final Instant T0 = Instant.parse("2030-01-01T10:00:00Z");
    public static final Currency EUR = Currency.getInstance("EUR");

    private TestEvents() {
    }

    public static Instant at(int minutes) {
        return T0.plusSeconds(60L * minutes);
    }

    public static DateRange period(int fromDay, int toDay) {
        return new DateRange(DAY.plusDays(fromDay), DAY.plusDays(toDay));
    }

    public static CarListed listed(String carId, String dealerId, String make, String model) {
        return new CarListed(carId, dealerId,
                new CarDescription(make, model, "Variant", 2022, BodyType.SEDAN, Transmission.AUTOMATIC,
                        FuelType.PETROL, 10_000, "Black", 5, List.of(), "A car"),
                new VehicleRegistration("WVWZZZCDZNW000001", "B-AB 1234"),
                new Location("Berlin", 52.52, 13.40, ZoneId.of("Europe/Berlin")),
                List.of(new CarImage("https://img.example.com/1.jpg", false),
                        new CarImage("https://img.example.com/2.jpg", true)),
                new Pricing(new BigDecimal("49.50"), new BigDecimal("25000.00"), EUR), 30, T0);
    }

    public static CarListingChanged makeChanged(String carId, String make) {
        return new CarListingChanged(carId, new ListingChanges(make, null, null, null, null, null, null, null, null,
                null, null, null, null, null, null, null, null));
    }

    public static CarListingChanged cityChanged(String carId, String city) {
        return new CarListingChanged(carId, new ListingChanges(null, null, null, null, null, null, null, null, null,
                null, null, null, new Location(city, null, null, null), null, null, null, null));
    }

    public static CarListingChanged priceChanged(String carId, String dailyRate) {
        return new CarListingChanged(carId, new ListingChanges(null, null, null, null, null, null, null, null, null,
                null, null, null, null, null, new BigDecimal(dailyRate), null, null));
    }

    public static CarBooked booked(String carId, String bookingId, String customerId, int fromDay, int toDay) {
        return new CarBooked(carId, bookingId, customerId, period(fromDay, toDay), BookingStatus.CONFIRMED,
                new BigDecimal("148.50"), EUR, "late arrival", null);
    }

    public static CarBooked bookedPending(String carId, String bookingId, String customerId, int fromDay, int toDay,
                                          Instant deadline) {
        return new CarBooked(carId, bookingId, customerId, period(fromDay, toDay), BookingStatus.PENDING_APPROVAL,
                new BigDecimal("148.50"), EUR, null, deadline);
    }

    public static BookingApproved approved(String carId, String bookingId, String customerId) {
        return new BookingApproved(carId, bookingId, customerId, period(0, 3));
    }

    public static BookingRejected rejected(String carId, String bookingId, String customerId, String reason) {
        return new BookingRejected(carId, bookingId, customerId, period(0, 3), reason);
    }

    public static BookingApprovalExpired approvalExpired(String carId, String bookingId, String customerId) {
        return new BookingApprovalExpired(carId, bookingId, customerId, period(0, 3));
    }

    public static BookingRescheduled rescheduled(String carId, String bookingId, String customerId, int fromDay,
                                                 int toDay, BookingStatus status, Instant deadline) {
        return new BookingRescheduled(carId, bookingId, customerId, period(0, 3), period(fromDay, toDay), status,
                new BigDecimal("99.00"), EUR, deadline);
    }

    public static BookingCancelled cancelled(String carId, String bookingId, BookingCancellationReason reason,
                                             String note) {
        return new BookingCancelled(carId, bookingId, period(0, 3), reason, note);
    }

    public static PurchaseReserved reserved(String carId, String reservationId, String customerId) {
        return new PurchaseReserved(carId, reservationId, "ORD-2030-000001", customerId, PaymentMethod.FINANCE,
                new Financing(new BigDecimal("5000.00"), 36),
                new TradeIn("Opel", "Corsa", 2012, 150_000, new BigDecimal("2000.00")),
                new BigDecimal("25000.00"), new BigDecimal("23000.00"), new BigDecimal("18000.00"), EUR,
                DAY.plusDays(20), T0.plusSeconds(7 * 24 * 3600));
    }

    public static PurchaseReserved reservedFullPayment(String carId, String reservationId, String customerId) {
        return new PurchaseReserved(carId, reservationId, "ORD-2030-000002", customerId, PaymentMethod.FULL_PAYMENT,
                null, null, new BigDecimal("25000.00"), new BigDecimal("25000.00"), null, EUR, DAY.plusDays(20),
                T0.plusSeconds(7 * 24 * 3600));
    }

    public static PurchaseReservationConfirmed reservationConfirmed(String carId, String reservationId,
                                                                    String customerId) {
        return new PurchaseReservationConfirmed(carId, reservationId, customerId);
    }

    public static InspectionScheduled inspectionScheduled(String carId, String reservationId, String customerId) {
        return new InspectionScheduled(carId, reservationId, customerId, DAY.plusDays(10));
    }

    public static PurchaseCompleted purchaseCompleted(String carId, String reservationId, String customerId) {
        return new PurchaseCompleted(carId, reservationId, customerId, new BigDecimal("23000.00"), EUR);
    }

    public static PurchaseReservationCancelled reservationCancelled(String carId, String reservationId,
                                                                    String customerId, String reason) {
        return new PurchaseReservationCancelled(carId, reservationId, customerId, reason);
    }

    public static PurchaseReservationExpired reservationExpired(String carId, String reservationId,
                                                                String customerId) {
        return new PurchaseReservationExpired(carId, reservationId, customerId);
    }
}
