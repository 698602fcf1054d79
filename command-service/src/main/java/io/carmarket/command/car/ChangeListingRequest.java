package io.carmarket.command.car;

import io.carmarket.api.car.BodyType;
import io.carmarket.api.car.CarImage;
import io.carmarket.api.car.FuelType;
import io.carmarket.api.car.ListingChanges;
import io.carmarket.api.car.Location;
import io.carmarket.api.car.Transmission;
import io.carmarket.command.car.ListCarRequest.ImageRequest;
import io.carmarket.command.car.ListCarRequest.LocationRequest;
import io.carmarket.support.web.input.MultilineText;
import io.carmarket.support.web.input.NullOrNotBlank;
import jakarta.validation.Valid;
import jakarta.validation.constraints.AssertTrue;
import jakarta.validation.constraints.Digits;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Positive;
import jakarta.validation.constraints.PositiveOrZero;
import jakarta.validation.constraints.Size;

import java.math.BigDecimal;
import java.util.List;

/**
 * Body of {@code PATCH /api/v1/cars/{id}}: every field optional, absent means unchanged. The same shape rules as
 * a new listing apply to the fields that are present.
 */
public record ChangeListingRequest(
        @NullOrNotBlank @Size(max = 40) String make,
        @NullOrNotBlank @Size(max = 60) String model,
        @NullOrNotBlank @Size(max = 80) String variant,
        @Min(1900) @Max(2100) Integer year,
        BodyType bodyType,
        Transmission transmission,
        FuelType fuelType,
        @PositiveOrZero @Max(2_000_000) Integer mileage,
        @NullOrNotBlank @Size(max = 40) String color,
        @Min(1) @Max(60) Integer seats,
        @Size(max = 50) List<@NotBlank @Size(max = 60) String> features,
        @MultilineText @Size(max = 5000) String description,
        @Valid LocationRequest location,
        @Size(max = 20) List<@NotNull @Valid ImageRequest> images,
        @Positive @Digits(integer = 12, fraction = 2) BigDecimal dailyRate,
        @Positive @Digits(integer = 12, fraction = 2) BigDecimal askingPrice,
        @Min(1) @Max(365) Integer maxBookingDays) {

    @AssertTrue(message = "at most one image can be primary")
    public boolean isAtMostOnePrimaryImage() {
        return images == null || images.stream().filter(image -> image != null && image.primary()).count() <= 1;
    }

    ListingChanges toChanges(CarListingDefaults defaults) {
        Location newLocation = location == null ? null : new Location(location.city().trim(), location.latitude(),
                location.longitude(), location.timeZone() != null ? location.timeZone() : defaults.timeZone());
        List<CarImage> newImages = images == null ? null : ListCarRequest.withOnePrimary(images);
        return new ListingChanges(trimmed(make), trimmed(model), variant, year, bodyType, transmission, fuelType,
                mileage, color, seats, features, description, newLocation, newImages, dailyRate, askingPrice,
                maxBookingDays);
    }

    private static String trimmed(String text) {
        return text == null ? null : text.trim();
    }
}
