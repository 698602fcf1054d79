package io.carmarket.query.search;

import io.carmarket.api.car.BodyType;
import io.carmarket.api.car.BookingCancellationReason;
import io.carmarket.api.car.BookingCancelled;
import io.carmarket.api.car.BookingStatus;
import io.carmarket.api.car.CarBooked;
import io.carmarket.api.car.CarDescription;
import io.carmarket.api.car.CarImage;
import io.carmarket.api.car.CarListed;
import io.carmarket.api.car.DateRange;
import io.carmarket.api.car.FuelType;
import io.carmarket.api.car.Location;
import io.carmarket.api.car.Pricing;
import io.carmarket.api.car.Transmission;
import io.carmarket.api.car.VehicleRegistration;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.Currency;
import java.util.List;

/** Events as the Car aggregate emits them, for projection tests. */
final class CarEvents {

    static final LocalDate DAY = LocalDate.of(2030, 3, 1);
    private static final Currency EUR = Currency.getInstance("EUR");

    private CarEvents() {
    }

    static CarListed listed(String carId, String make, String dailyRate, int year, Instant listedAt) {
        return new CarListed(carId, "dealer-1",
                new CarDescription(make, "Model", "Variant", year, BodyType.SEDAN, Transmission.AUTOMATIC,
                        FuelType.PETROL, 10_000, "Black", 5, List.of("Heated seats"), "A car"),
                new VehicleRegistration("WVWZZZCDZNW000001", "B-AB 1234"),
                new Location("Berlin", 52.52, 13.40, ZoneId.of("Europe/Berlin")),
                List.of(new CarImage("https://img.example.com/1.jpg", false),
                        new CarImage("https://img.example.com/2.jpg", true)),
                new Pricing(dailyRate == null ? null : new BigDecimal(dailyRate), new BigDecimal("25000.00"), EUR),
                30, listedAt);
    }

    static CarBooked booked(String carId, String bookingId, int fromDay, int toDay) {
        return new CarBooked(carId, bookingId, "customer-1", period(fromDay, toDay), BookingStatus.CONFIRMED,
                new BigDecimal("100.00"), EUR, null, null);
    }

    static BookingCancelled cancelled(String carId, String bookingId, int fromDay, int toDay) {
        return new BookingCancelled(carId, bookingId, period(fromDay, toDay), BookingCancellationReason.ON_REQUEST,
                null);
    }

    static DateRange period(int fromDay, int toDay) {
        return new DateRange(DAY.plusDays(fromDay), DAY.plusDays(toDay));
    }
}
