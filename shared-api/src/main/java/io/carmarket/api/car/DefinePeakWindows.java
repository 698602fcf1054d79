package io.carmarket.api.car;

import io.carmarket.api.identity.Actor;
import org.axonframework.modelling.command.TargetAggregateIdentifier;

import java.util.List;

/** Replaces the car's peak windows; bookings touching one need the dealer's approval. Existing bookings keep their status. */
public record DefinePeakWindows(@TargetAggregateIdentifier String carId, List<PeakWindow> windows, Actor requestedBy) {

    public DefinePeakWindows {
        windows = windows == null ? List.of() : List.copyOf(windows);
    }
}
