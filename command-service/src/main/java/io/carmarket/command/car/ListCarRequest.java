package io.carmarket.command.car;

import io.carmarket.api.car.BodyType;
import io.carmarket.api.car.CarDescription;
import io.carmarket.api.car.CarImage;
import io.carmarket.api.car.FuelType;
import io.carmarket.api.car.ListCar;
import io.carmarket.api.car.Location;
import io.carmarket.api.car.Pricing;
import io.carmarket.api.car.Transmission;
import io.carmarket.api.car.VehicleRegistration;
import io.carmarket.support.web.input.MultilineText;
import io.carmarket.support.web.input.NullOrNotBlank;
import io.carmarket.support.web.input.SupportedCurrency;
import jakarta.validation.Valid;
import jakarta.validation.constraints.AssertTrue;
import jakarta.validation.constraints.DecimalMax;
import jakarta.validation.constraints.DecimalMin;
import jakarta.validation.constraints.Digits;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Positive;
import jakarta.validation.constraints.PositiveOrZero;
import jakarta.validation.constraints.Size;

import java.math.BigDecimal;
import java.time.ZoneId;
import java.util.Currency;
import java.util.List;
import java.util.stream.IntStream;

/** Body of {@code POST /api/v1/cars}. Shape rules live here; business rules live in {@link Car}. */
public record ListCarRequest(
        @NotBlank @Size(max = 40) String make,
        @NotBlank @Size(max = 60) String model,
        @NullOrNotBlank @Size(max = 80) String variant,
        @NotNull @Min(1900) @Max(2100) Integer year,
        @NotNull BodyType bodyType,
        @NotNull Transmission transmission,
        @NotNull FuelType fuelType,
        @NotNull @PositiveOrZero @Max(2_000_000) Integer mileage,
        @NullOrNotBlank @Size(max = 40) String color,
        @NotNull @Min(1) @Max(60) Integer seats,
        @NotBlank @Size(max = 17) @Pattern(regexp = "[A-HJ-NPR-Z0-9]{17}", message = "must be a 17-character VIN")
        String vin,
        @NotBlank @Size(max = 20) String licensePlate,
        @NotNull @Valid LocationRequest location,
        @Size(max = 50) List<@NotBlank @Size(max = 60) String> features,
        @MultilineText @Size(max = 5000) String description,
        @Size(max = 20) List<@NotNull @Valid ImageRequest> images,
        @Positive @Digits(integer = 12, fraction = 2) BigDecimal dailyRate,
        @Positive @Digits(integer = 12, fraction = 2) BigDecimal askingPrice,
        @NotNull @SupportedCurrency Currency currency,
        @Min(1) @Max(365) Integer maxBookingDays) {

    public record LocationRequest(
            @NotBlank @Size(max = 80) String city,
            @DecimalMin("-90") @DecimalMax("90") Double latitude,
            @DecimalMin("-180") @DecimalMax("180") Double longitude,
            ZoneId timeZone) {
    }

    public record ImageRequest(
            @NotBlank @Size(max = 2000) @Pattern(regexp = "https?://[\\x21-\\x7E]+",
                    message = "must be an http(s) URL (ASCII, percent-encoded)") String url,
            boolean primary) {
    }

    @AssertTrue(message = "a car needs a dailyRate, an askingPrice, or both")
    public boolean isPriced() {
        return dailyRate != null || askingPrice != null;
    }

    @AssertTrue(message = "at most one image can be primary")
    public boolean isAtMostOnePrimaryImage() {
        return images == null || images.stream().filter(image -> image != null && image.primary()).count() <= 1;
    }

    ListCar toCommand(String carId, String dealerId, CarListingDefaults defaults) {
        ZoneId zone = location.timeZone() != null ? location.timeZone() : defaults.timeZone();
        return new ListCar(
                carId,
                dealerId,
                new CarDescription(make.trim(), model.trim(), variant, year, bodyType, transmission, fuelType,
                        mileage, color, seats, features, description),
                new VehicleRegistration(vin, licensePlate.trim()),
                new Location(location.city().trim(), location.latitude(), location.longitude(), zone),
                images == null ? List.of() : withOnePrimary(images),
                new Pricing(dailyRate, askingPrice, currency),
                maxBookingDays != null ? maxBookingDays : defaults.maxBookingDays());
    }

    /** The first image is the primary one unless the dealer chose another. */
    static List<CarImage> withOnePrimary(List<ImageRequest> images) {
        if (images.isEmpty()) {
            return List.of();
        }
        boolean anyPrimary = images.stream().anyMatch(ImageRequest::primary);
        return IntStream.range(0, images.size())
                .mapToObj(i -> new CarImage(images.get(i).url(), anyPrimary ? images.get(i).primary() : i == 0))
                .toList();
    }
}
