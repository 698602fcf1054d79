package io.carmarket.command.car;

import io.carmarket.api.car.PeakWindow;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import org.hibernate.validator.constraints.UniqueElements;

import java.time.DayOfWeek;
import java.time.LocalDate;
import java.util.List;

/** One peak window of {@code PUT /api/v1/cars/{id}/peak-windows}: weekdays, a date range {@code [from, until)}, or both. */
public record PeakWindowRequest(@Size(max = 7) @UniqueElements List<@NotNull DayOfWeek> weekdays,
                                LocalDate from, LocalDate until) {

    PeakWindow toPeakWindow() {
        return new PeakWindow(weekdays, from, until);
    }
}
