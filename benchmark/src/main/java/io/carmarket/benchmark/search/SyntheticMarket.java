package io.carmarket.benchmark.search;

import io.carmarket.api.car.BodyType;
import io.carmarket.api.car.BookingStatus;
import io.carmarket.api.car.CarImage;
import io.carmarket.api.car.CarStatus;
import io.carmarket.api.car.FuelType;
import io.carmarket.api.car.Transmission;
import io.carmarket.benchmark.search.Catalogue.Model;
import io.carmarket.benchmark.search.Catalogue.Weighted;
import io.carmarket.query.search.CarSearchEntry;
import io.carmarket.query.search.CarSearchEntry.BookedPeriod;

import java.math.BigDecimal;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.UUID;

/**
 * Generates the search read model of a market: one {@link CarSearchEntry} per car, as the projection would hold it
 * after the car's listing and bookings, with its live booked periods spread over the next two years (on average
 * {@link #MEAN_BOOKINGS_PER_CAR} per car, none overlapping). Seeded, so a scale is the same market in every run.
 */
final class SyntheticMarket {

    static final int MEAN_BOOKINGS_PER_CAR = 10;
    /** Bookings per car are uniform from 0 to twice the mean. */
    private static final int MAX_BOOKINGS_PER_CAR = 2 * MEAN_BOOKINGS_PER_CAR;
    static final int BOOKING_HORIZON_DAYS = 730;
    private static final int MAX_NIGHTS = 14;
    private static final double PENDING_APPROVAL_SHARE = 0.15;

    private static final int MIN_YEAR = 2008;
    private static final int YEARS = 18;
    private static final int MAX_MILEAGE_KM = 250_000;
    private static final int MIN_SEATS = 2;
    private static final int SEAT_CHOICES = 8;
    private static final double RENTAL_SHARE = 0.85;
    private static final double SALE_SHARE = 0.55;
    private static final int MIN_DAILY_RATE = 25;
    private static final int DAILY_RATE_SPREAD = 226;
    private static final int MIN_ASKING_PRICE = 3_000;
    private static final int ASKING_PRICE_SPREAD = 87_000;
    private static final double FEATURED_SHARE = 0.02;
    private static final int MIN_FEATURES = 2;
    private static final int FEATURE_CHOICES = 6;
    private static final int MIN_SENTENCES = 2;
    private static final int SENTENCE_CHOICES = 4;
    private static final int MIN_IMAGES = 1;
    private static final int IMAGE_CHOICES = 4;
    private static final int MAX_BOOKING_DAYS = 30;
    private static final int LISTED_WITHIN_DAYS = 730;
    private static final int HANDOVER_WITHIN_DAYS = 60;
    /** Cars stand around Germany's middle, within a few degrees. */
    private static final double LATITUDE = 51.0;
    private static final double LONGITUDE = 10.0;
    private static final double COORDINATE_SPREAD = 3.0;
    private static final String TIME_ZONE = "Europe/Berlin";
    private static final String CURRENCY = "EUR";
    private static final String IMAGE_BASE_URL = "https://images.carmarket.example/cars/";

    /** What a search may ask of a public car: the search draws its parameters from these. */
    record Profile(String make, BodyType bodyType, String city, Transmission transmission, FuelType fuelType) {
    }

    private final Random random;
    private final LocalDate today;
    private final Instant now;
    private final ProjectedVocabulary vocabulary;
    private final Weighted<String> makes = Catalogue.makes();
    private final Weighted<String> cities = Catalogue.cities();

    SyntheticMarket(long seed, Instant now, LocalDate today, ProjectedVocabulary vocabulary) {
        this.random = new Random(seed);
        this.now = now;
        this.today = today;
        this.vocabulary = vocabulary;
    }

    CarSearchEntry car(int number) {
        String carId = String.format("car-%07d", number);
        List<Model> models = Catalogue.modelsOf(makes.draw(random));
        Model model = models.get(random.nextInt(models.size()));
        ProjectedVocabulary.Keys keys = vocabulary.keysOf(model);
        String city = cities.draw(random);
        CarStatus status = Catalogue.STATES.draw(random);
        int year = MIN_YEAR + random.nextInt(YEARS);
        int mileage = random.nextInt(MAX_MILEAGE_KM);
        String color = pick(Catalogue.COLORS);
        boolean rental = random.nextDouble() < RENTAL_SHARE;
        boolean sale = !rental || random.nextDouble() < SALE_SHARE;
        BigDecimal dailyRate = rental ? BigDecimal.valueOf(MIN_DAILY_RATE + random.nextInt(DAILY_RATE_SPREAD), 0)
                .setScale(2) : null;
        BigDecimal askingPrice = sale ? BigDecimal.valueOf(MIN_ASKING_PRICE + random.nextInt(ASKING_PRICE_SPREAD))
                .setScale(2) : null;
        boolean featured = status == CarStatus.LISTED && random.nextDouble() < FEATURED_SHARE;
        String handoverDate = status == CarStatus.RESERVED
                ? today.plusDays(1 + random.nextInt(HANDOVER_WITHIN_DAYS)).toString() : null;
        Instant listedAt = now.minus(Duration.ofSeconds(
                (long) (random.nextDouble() * Duration.ofDays(LISTED_WITHIN_DAYS).toSeconds())));
        List<BookedPeriod> bookedPeriods = bookedPeriods();
        // The sequence number of the car's last event: the listing is 0, then one per booking.
        long version = bookedPeriods.size();
        return new CarSearchEntry(carId, version, status, featured,
                model.make(), keys.makeKey(), model.model(), model.variant(), keys.searchTokens(),
                year, Catalogue.BODY_TYPES.draw(random), Catalogue.TRANSMISSIONS.draw(random),
                Catalogue.FUEL_TYPES.draw(random), mileage, color, MIN_SEATS + random.nextInt(SEAT_CHOICES),
                sample(Catalogue.FEATURES, MIN_FEATURES + random.nextInt(FEATURE_CHOICES)),
                description(model, year, mileage, color),
                city, vocabulary.cityKeyOf(city),
                LATITUDE + (random.nextDouble() - 0.5) * COORDINATE_SPREAD,
                LONGITUDE + (random.nextDouble() - 0.5) * COORDINATE_SPREAD,
                TIME_ZONE, images(carId), dailyRate, askingPrice, CURRENCY, MAX_BOOKING_DAYS, listedAt, handoverDate,
                bookedPeriods);
    }

    static Profile profileOf(CarSearchEntry car) {
        return new Profile(car.make(), car.bodyType(), car.city(), car.transmission(), car.fuelType());
    }

    /**
     * Live bookings in the next two years: the horizon is cut into as many equal slots as the car has bookings and
     * each booking lies inside its slot, so none overlap, as the Car aggregate guarantees.
     */
    private List<BookedPeriod> bookedPeriods() {
        int count = random.nextInt(MAX_BOOKINGS_PER_CAR + 1);
        List<BookedPeriod> periods = new ArrayList<>(count);
        if (count == 0) {
            return periods;
        }
        int slotDays = BOOKING_HORIZON_DAYS / count;
        for (int slot = 0; slot < count; slot++) {
            int nights = 1 + random.nextInt(Math.min(MAX_NIGHTS, slotDays - 1));
            LocalDate start = today.plusDays((long) slot * slotDays + random.nextInt(slotDays - nights + 1));
            BookingStatus status = random.nextDouble() < PENDING_APPROVAL_SHARE
                    ? BookingStatus.PENDING_APPROVAL : BookingStatus.CONFIRMED;
            periods.add(new BookedPeriod(new UUID(random.nextLong(), random.nextLong()).toString(),
                    start.toString(), start.plusDays(nights).toString(), status));
        }
        return periods;
    }

    private String description(Model model, int year, int mileage, String color) {
        StringBuilder text = new StringBuilder().append(model.make()).append(' ').append(model.model()).append(' ')
                .append(model.variant()).append(", ").append(year).append(", ").append(mileage).append(" km, ")
                .append(color).append('.');
        for (String sentence : sample(Catalogue.DESCRIPTION_SENTENCES,
                MIN_SENTENCES + random.nextInt(SENTENCE_CHOICES))) {
            text.append(' ').append(sentence);
        }
        return text.toString();
    }

    private List<CarImage> images(String carId) {
        int count = MIN_IMAGES + random.nextInt(IMAGE_CHOICES);
        List<CarImage> images = new ArrayList<>(count);
        for (int i = 0; i < count; i++) {
            images.add(new CarImage(IMAGE_BASE_URL + carId + "/" + i + ".jpg", i == 0));
        }
        return images;
    }

    private <T> T pick(List<T> values) {
        return values.get(random.nextInt(values.size()));
    }

    private <T> List<T> sample(List<T> values, int count) {
        List<T> remaining = new ArrayList<>(values);
        List<T> sample = new ArrayList<>(count);
        for (int i = 0; i < count && !remaining.isEmpty(); i++) {
            sample.add(remaining.remove(random.nextInt(remaining.size())));
        }
        return sample;
    }
}
