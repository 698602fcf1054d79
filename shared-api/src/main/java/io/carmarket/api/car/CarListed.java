package io.carmarket.api.car;

import org.axonframework.serialization.Revision;

import java.time.Instant;
import java.util.List;

@Revision("1")
public record CarListed(
        String carId,
        String dealerId,
        CarDescription description,
        VehicleRegistration registration,
        Location location,
        List<CarImage> images,
        Pricing pricing,
        int maxBookingDays,
        Instant listedAt) {

    public CarListed {
        images = images == null ? List.of() : List.copyOf(images);
    }
}
