package io.carmarket.query.search;

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
import io.carmarket.api.car.CarFeatureChanged;
import io.carmarket.api.car.CarImage;
import io.carmarket.api.car.CarListed;
import io.carmarket.api.car.CarListingChanged;
import io.carmarket.api.car.CarSold;
import io.carmarket.api.car.DateRange;
import io.carmarket.api.car.FuelType;
import io.carmarket.api.car.ListingChanges;
import io.carmarket.api.car.Location;
import io.carmarket.api.car.Pricing;
import io.carmarket.api.car.Transmission;
import io.carmarket.api.car.VehicleRegistration;
import io.carmarket.api.car.purchase.PaymentMethod;
import io.carmarket.api.car.purchase.PurchaseReservationCancelled;
import io.carmarket.api.car.purchase.PurchaseReservationExpired;
import io.carmarket.api.car.purchase.PurchaseReserved;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.Currency;
import java.util.List;

/** Events as the Car aggregate emits them, for projection and query tests. */
final class CarEvents {

    static final LocalDate DAY = LocalDate.of(2030, 3, 1);
    private static final Currency EUR = Currency.getInstance("EUR");

    private CarEvents() {
    }

    static CarListed listed(String carId, String make, String dailyRate, int year, Instant listedAt) {
        return listing(carId).make(make).dailyRate(dailyRate).year(year).listedAt(listedAt).event();
    }

    /** A listing to adjust field by field; every field has a sensible default. */
    static Listing listing(String carId) {
        return new Listing(carId);
    }

    static CarBooked booked(String carId, String bookingId, int fromDay, int toDay) {
        return new CarBooked(carId, bookingId, "customer-1", period(fromDay, toDay), BookingStatus.CONFIRMED,
                new BigDecimal("100.00"), EUR, null, null);
    }

    /** A booking touching a peak window: it holds its dates until the dealer answers. */
    static CarBooked bookedPendingApproval(String carId, String bookingId, int fromDay, int toDay) {
        return new CarBooked(carId, bookingId, "customer-1", period(fromDay, toDay), BookingStatus.PENDING_APPROVAL,
                new BigDecimal("100.00"), EUR, null, Instant.parse("2030-02-03T10:00:00Z"));
    }

    static BookingCancelled cancelled(String carId, String bookingId, int fromDay, int toDay) {
        return new BookingCancelled(carId, bookingId, period(fromDay, toDay), BookingCancellationReason.ON_REQUEST,
                null);
    }

    static BookingApproved approved(String carId, String bookingId, int fromDay, int toDay) {
        return new BookingApproved(carId, bookingId, "customer-1", period(fromDay, toDay));
    }

    static BookingRejected rejected(String carId, String bookingId, int fromDay, int toDay) {
        return new BookingRejected(carId, bookingId, "customer-1", period(fromDay, toDay), "fully booked");
    }

    static BookingApprovalExpired approvalExpired(String carId, String bookingId, int fromDay, int toDay) {
        return new BookingApprovalExpired(carId, bookingId, "customer-1", period(fromDay, toDay));
    }

    static BookingRescheduled rescheduled(String carId, String bookingId, DateRange previous, DateRange period,
                                          BookingStatus status) {
        return new BookingRescheduled(carId, bookingId, "customer-1", previous, period, status,
                new BigDecimal("100.00"), EUR, status == BookingStatus.PENDING_APPROVAL
                ? Instant.parse("2030-02-03T10:00:00Z") : null);
    }

    static CarFeatureChanged featured(String carId, boolean featured) {
        return new CarFeatureChanged(carId, featured);
    }

    static CarListingChanged listingChanged(String carId, ListingChanges changes) {
        return new CarListingChanged(carId, changes);
    }

    /** Listing changes with only the parts set on the builder. */
    static Changes changes() {
        return new Changes();
    }

    static PurchaseReserved purchaseReserved(String carId, String reservationId, int handoverDay) {
        return new PurchaseReserved(carId, reservationId, "ORD-2030-000001", "customer-2", PaymentMethod.FULL_PAYMENT,
                null, null, new BigDecimal("25000.00"), new BigDecimal("25000.00"), null, EUR,
                DAY.plusDays(handoverDay), Instant.parse("2030-02-08T10:00:00Z"));
    }

    static PurchaseReservationCancelled purchaseCancelled(String carId, String reservationId) {
        return new PurchaseReservationCancelled(carId, reservationId, "customer-2", "changed my mind");
    }

    static PurchaseReservationExpired purchaseExpired(String carId, String reservationId) {
        return new PurchaseReservationExpired(carId, reservationId, "customer-2");
    }

    static CarSold sold(String carId, String reservationId) {
        return new CarSold(carId, "customer-2", reservationId, new BigDecimal("25000.00"), EUR);
    }

    static DateRange period(int fromDay, int toDay) {
        return new DateRange(DAY.plusDays(fromDay), DAY.plusDays(toDay));
    }

    static final class Listing {
        private final String carId;
        private String make = "Volkswagen";
        private String model = "Model";
        private String variant = "Variant";
        private int year = 2022;
        private BodyType bodyType = BodyType.SEDAN;
        private Transmission transmission = Transmission.AUTOMATIC;
        private FuelType fuelType = FuelType.PETROL;
        private int mileage = 10_000;
        private String city = "Berlin";
        private ZoneId timeZone = ZoneId.of("Europe/Berlin");
        private String dailyRate = "49.50";
        private String askingPrice = "25000.00";
        private Instant listedAt = Instant.parse("2030-01-01T10:00:00Z");

        private Listing(String carId) {
            this.carId = carId;
        }

        Listing make(String make) {
            this.make = make;
            return this;
        }

        Listing model(String model, String variant) {
            this.model = model;
            this.variant = variant;
            return this;
        }

        Listing year(int year) {
            this.year = year;
            return this;
        }

        Listing bodyType(BodyType bodyType) {
            this.bodyType = bodyType;
            return this;
        }

        Listing transmission(Transmission transmission) {
            this.transmission = transmission;
            return this;
        }

        Listing fuelType(FuelType fuelType) {
            this.fuelType = fuelType;
            return this;
        }

        Listing mileage(int mileage) {
            this.mileage = mileage;
            return this;
        }

        Listing city(String city, String timeZone) {
            this.city = city;
            this.timeZone = ZoneId.of(timeZone);
            return this;
        }

        /** The daily rate; null for a car offered for sale only. */
        Listing dailyRate(String dailyRate) {
            this.dailyRate = dailyRate;
            return this;
        }

        /** The asking price; null for a car offered for rental only. */
        Listing askingPrice(String askingPrice) {
            this.askingPrice = askingPrice;
            return this;
        }

        Listing listedAt(Instant listedAt) {
            this.listedAt = listedAt;
            return this;
        }

        CarListed event() {
            return new CarListed(carId, "dealer-1",
                    new CarDescription(make, model, variant, year, bodyType, transmission, fuelType, mileage,
                            "Black", 5, List.of("Heated seats"), "A car"),
                    new VehicleRegistration("WVWZZZCDZNW000001", "B-AB 1234"),
                    new Location(city, 52.52, 13.40, timeZone),
                    List.of(new CarImage("https://img.example.com/1.jpg", false),
                            new CarImage("https://img.example.com/2.jpg", true)),
                    new Pricing(dailyRate == null ? null : new BigDecimal(dailyRate),
                            askingPrice == null ? null : new BigDecimal(askingPrice), EUR),
                    30, listedAt);
        }
    }

    static final class Changes {
        private String make;
        private String model;
        private String variant;
        private Integer year;
        private BodyType bodyType;
        private Integer mileage;
        private List<String> features;
        private Location location;
        private List<CarImage> images;
        private String dailyRate;
        private String askingPrice;

        Changes make(String make) {
            this.make = make;
            return this;
        }

        Changes model(String model) {
            this.model = model;
            return this;
        }

        Changes variant(String variant) {
            this.variant = variant;
            return this;
        }

        Changes year(int year) {
            this.year = year;
            return this;
        }

        Changes bodyType(BodyType bodyType) {
            this.bodyType = bodyType;
            return this;
        }

        Changes mileage(int mileage) {
            this.mileage = mileage;
            return this;
        }

        Changes features(String... features) {
            this.features = List.of(features);
            return this;
        }

        Changes location(Location location) {
            this.location = location;
            return this;
        }

        Changes images(CarImage... images) {
            this.images = List.of(images);
            return this;
        }

        Changes dailyRate(String dailyRate) {
            this.dailyRate = dailyRate;
            return this;
        }

        Changes askingPrice(String askingPrice) {
            this.askingPrice = askingPrice;
            return this;
        }

        ListingChanges build() {
            return new ListingChanges(make, model, variant, year, bodyType, null, null, mileage, null, null,
                    features, null, location, images, dailyRate == null ? null : new BigDecimal(dailyRate),
                    askingPrice == null ? null : new BigDecimal(askingPrice), null);
        }
    }
}
