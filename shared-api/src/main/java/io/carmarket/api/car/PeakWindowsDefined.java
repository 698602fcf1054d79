package io.carmarket.api.car;

import org.axonframework.serialization.Revision;

import java.util.List;

@Revision("1")
public record PeakWindowsDefined(String carId, List<PeakWindow> windows) {

    public PeakWindowsDefined {
        windows = windows == null ? List.of() : List.copyOf(windows);
    }
}
